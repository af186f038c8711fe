import Foundation
import Shell
import Testing
import TestSupport

/// A session writing into a fresh temporary folder, for tests that need no terminal. The
/// session makes the folder when it first writes; the suite's `.temporaryFolders` trait removes it.
func makeSession(sourceLocation: SourceLocation = #_sourceLocation) -> Session {
    Session(outputFolder: temporaryPath("session", sourceLocation: sourceLocation))
}

/// Runs lines through a session and returns everything it printed, errors included, one
/// output per line as the terminal would show them.
@discardableResult
func transcript(_ session: Session, _ lines: [String]) -> String {
    var printed: [String] = []
    for line in lines {
        let reply = session.enter(line)
        for output in reply.outputs {
            if case .text(let text) = output { printed.append(text) }
        }
        if let error = reply.error { printed.append(error) }
    }
    if let reply = session.finish(), let error = reply.error { printed.append(error) }
    return printed.joined(separator: "\n")
}

/// The one line a fresh session shows for `lines`: an error's first line, otherwise the last line
/// printed (the value of the last expression).
func shownLine(_ lines: [String]) -> String {
    let output = transcript(makeSession(), lines).components(separatedBy: "\n")
    return output.first { $0.hasPrefix("error:") } ?? output.last { !$0.isEmpty } ?? ""
}

/// `text` with what changes from run to run replaced by placeholders, so that a training's report
/// can be compared exactly: the duration in "trained to step N in 3s." becomes `<time>`, and
/// a session's temporary folder becomes `<session>`.
func withoutTimesAndFolders(_ text: String) -> String {
    text.replacingOccurrences(of: #"(trained to step \d+ in )[0-9hms]+\."#, with: "$1<time>.", options: .regularExpression)
        .replacingOccurrences(of: #"/[^ ]*/deepfake-lab-tests-[^/ ]+/session-[^/ ]+"#, with: "<session>",
                              options: .regularExpression)
}

/// The output of a single line in a new session.
func evaluateLine(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    transcript(makeSession(sourceLocation: sourceLocation), [line])
}
