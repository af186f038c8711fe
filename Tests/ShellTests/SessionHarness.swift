import Foundation
import Shell
import Testing
import TestSupport

/// A session writing into a fresh temporary folder, for tests that need no terminal. The
/// session makes the folder when it first writes; the suite's `.temporaryFolders` trait removes it.
func makeSession() -> Session {
    Session(outputFolder: temporaryPath("session"))
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

/// The output of a single line in a new session.
func evaluateLine(_ line: String) -> String {
    transcript(makeSession(), [line])
}
