import ArgumentParser
import Foundation
import Shell
import Lessons
import Models

/// `lab` (or `lab shell`): the interactive shell on a terminal; on a pipe, a quiet line-by-line
/// runner that prints each value as the prompt would and carries on after errors.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shell", abstract: "Open the interactive shell (the default).")

    @OptionGroup var options: SessionOptions

    func run() throws {
        let session = options.makeSession()
        let printer = options.makePrinter()
        printer.attachLiveReports(to: session)
        let runner = LessonCommand.makeRunner(session: session)
        if isatty(STDIN_FILENO) == 1 {
            InteractiveShell(session: session, printer: printer, colorEnabled: printer.colorEnabled, runner: runner).run()
        } else {
            // Piped lines are a script someone wrote, not a learner at the prompt: like `lab run`,
            // they may read anywhere but write only inside the session's folder.
            session.context.writePolicy = .insideOutputFolder
            // And Ctrl-C is handled as `lab run` handles it: the first stops training keeping the
            // weights, a second before the first was noticed ends the script (status 130).
            Signals.installInterruptHandler(secondPressExits: true)
            try runPiped(session: session, printer: printer, runner: runner)
        }
    }

    /// No prompts, no echo, no escape codes: output a script or test can compare exactly.
    /// Exits with status 1 at the end if any line failed, so a pipeline notices.
    private func runPiped(session: Session, printer: CellPrinter, runner: LessonRunner?) throws {
        let lessonPrinter = LessonPrinter(cells: printer, interactive: false)
        var failed = false
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if !session.isContinuing, let lessonReply = runner?.handle(line) {
                lessonPrinter.print(lessonReply)
                continue
            }
            let reply = session.enter(line, lineNumber: lineNumber)
            failed = printer.print(reply) || failed
            if let lessonReply = runner?.didRun(line, reply: reply) { lessonPrinter.print(lessonReply) }
            if reply.wantsToQuit { break }
        }
        if let reply = session.finish() { failed = printer.print(reply) || failed }
        if failed { throw ExitCode.failure }
    }
}
