import Foundation
import Shell
import Lessons
import Models

/// The shell on a terminal: a coloured prompt, readline editing, and a last question before
/// quitting with unsaved work.
struct InteractiveShell {
    let session: Session
    let printer: CellPrinter
    let colorEnabled: Bool
    /// The lesson runner, when the course was found: it answers `lessons`, `next`, `hint`, ….
    var runner: LessonRunner?
    /// A lesson to open at start (`lab lesson 2`).
    var openLesson: String?

    func run() {
        Signals.installInterruptHandler()
        let environment = ProcessInfo.processInfo.environment
        LineReader.start(completer: Completer(evaluator: session.evaluator),
                         historyFile: HistoryLocation.file(environment: environment))
        defer { LineReader.finish() }
        printer.note("Deepfake Lab — type help to begin, Tab to complete, Ctrl-D to leave. Files go to \(session.context.outputFolder.path)/")
        var suggestion = session.takeSuggestion(after: nil)
        let lessonPrinter = LessonPrinter(cells: printer, interactive: true)
        if let runner {
            if let notice = runner.loadNotice { printer.note(notice) }
            if let name = openLesson {
                let reply = runner.open(name)
                lessonPrinter.print(reply)
                suggestion = reply.prefill
            } else if let resume = runner.resumePoint() {
                printer.note("Continue at lesson \(resume.lesson.number), step \(resume.step + 1): type lesson \(resume.lesson.number). (lessons lists the course.)")
            } else {
                printer.note("New here? Type lessons to see the course.")
            }
        }
        var warnedAboutUnsavedWork = false
        while true {
            switch LineReader.read(prompt: prompt(), suggestion: suggestion) {
            case .interrupted:
                session.discardPendingInput()
                suggestion = nil
            case .endOfInput:
                if session.context.hasUnsavedWork && !warnedAboutUnsavedWork {
                    warnedAboutUnsavedWork = true
                    printer.note("\nYou have models that are not saved (save(model, \"name.safetensors\")). Press Ctrl-D again to leave anyway.")
                    continue
                }
                print()
                return
            case .line(let line):
                if !session.isContinuing, let lessonReply = runner?.handle(line) {
                    lessonPrinter.print(lessonReply)
                    if let error = runner?.saveError { printer.note(error.description) }
                    suggestion = lessonReply.prefill
                    continue
                }
                session.context.displayWidth = printer.terminalColumns()
                let reply = session.enter(line)
                printer.print(reply)
                suggestion = session.takeSuggestion(after: reply)
                if let lessonReply = runner?.didRun(line, reply: reply) {
                    lessonPrinter.print(lessonReply)
                    suggestion = lessonReply.prefill ?? suggestion
                }
                if reply.wantsToQuit {
                    if session.context.hasUnsavedWork && !warnedAboutUnsavedWork {
                        warnedAboutUnsavedWork = true
                        printer.note("You have models that are not saved. Type quit again to leave anyway.")
                        continue
                    }
                    return
                }
            }
        }
    }

    /// `lab> `, or `...> ` while a bracket is open. Colour codes sit between \u{1} and \u{2}
    /// so readline knows they take no space on screen.
    private func prompt() -> String {
        let text = session.isContinuing ? "...> " : "lab> "
        guard colorEnabled else { return text }
        return "\u{1}\u{1B}[1;36m\u{2}" + text + "\u{1}\u{1B}[0m\u{2}"
    }
}
