import ArgumentParser
import Foundation
import Lessons
import Shell

/// `lab lesson N`: opens the shell at lesson N (where the learner left it). With `--auto` it runs
/// the lesson straight through instead, for a classroom or CI, and exits non-zero if a check fails.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Open a lesson, or run it straight through with --auto.")

    @Argument(help: "The lesson's number or id (lab lessons lists them).")
    var lesson: String

    @Flag(help: "Run every cell as written and answer every quiz with the reference answer, printing everything.")
    var auto = false

    @Option(help: ArgumentHelp("With --auto: pause this many seconds between cells (for a projector).", valueName: "SECONDS"))
    var pace: Double = 0

    @Option(help: ArgumentHelp("With --auto: write the run as a notebook (.md, .html, .ipynb) into DIR.", valueName: "DIR"))
    var export: String?

    @OptionGroup var options: SessionOptions

    func run() throws {
        let session = options.makeSession()
        let printer = options.makePrinter()
        printer.attachLiveReports(to: session)
        // An auto run is a demonstration: it leaves the learner's own progress alone.
        guard let runner = Self.makeRunner(session: session, required: true, saveProgress: !auto) else { throw ExitCode(2) }
        guard auto else {
            guard isatty(STDIN_FILENO) == 1 else {
                fputs("error: lab lesson needs a terminal; use --auto to run it non-interactively\n", stderr)
                throw ExitCode(2)
            }
            InteractiveShell(session: session, printer: printer, colorEnabled: printer.colorEnabled, runner: runner, openLesson: lesson).run()
            return
        }
        Signals.installInterruptHandler(secondPressExits: true)
        let lessonPrinter = LessonPrinter(cells: printer, interactive: false)
        var autoRun = AutoRun(runner: runner)
        autoRun.pace = pace
        let started = Date()
        let result = autoRun.run(lesson, show: lessonPrinter.print)
        if let export, let notebook = runner.notebook, let opened = runner.lesson {
            do {
                let files = try NotebookWriter.write(notebook, to: URL(fileURLWithPath: (export as NSString).expandingTildeInPath),
                                                     name: "lesson-\(opened.number)-\(opened.id)")
                printer.note("Exported " + files.map(\.path).joined(separator: ", "))
            } catch {
                fputs("error: cannot export to \(export): \(error.localizedDescription)\n", stderr)
                throw ExitCode.failure
            }
        }
        // Authors keep each training cell within a minute on two cores; this shows where the time goes.
        let slow = result.cellSeconds.filter { $0.seconds >= 5 }.map { String(format: "%@ %.1f s", $0.step, $0.seconds) }
        printer.note(String(format: "auto run: %.1f s in all", Date().timeIntervalSince(started))
                     + (slow.isEmpty ? "" : "; cells of 5 s or more: " + slow.joined(separator: ", ")))
        guard result.passed else {
            fputs(result.failures.map { "error: " + $0 }.joined(separator: "\n") + "\n", stderr)
            throw ExitCode.failure
        }
    }

    /// The runner over the shipped course, or nil (with a message when `required`) if there is none.
    static func makeRunner(session: Session, required: Bool = false, saveProgress: Bool = true) -> LessonRunner? {
        guard let folder = Course.defaultFolder() else {
            if required { fputs("error: cannot find the lessons/ folder here or beside lab\n", stderr) }
            return nil
        }
        do {
            return LessonRunner(course: try Course.load(from: folder), session: session, store: saveProgress ? .standard() : nil)
        } catch {
            fputs(error.description + "\n", stderr)
            return nil
        }
    }
}

/// `lab lessons` lists the course; `lab lessons check [FILE…]` is the authors' linter.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the course, or check lesson files (lab lessons check).",
        subcommands: [ListLessons.self, CheckLessons.self], defaultSubcommand: ListLessons.self)
}

struct ListLessons: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons with your progress.")

    @Flag(help: "Print the course plan (lessons, minutes, outcomes, sources) as Markdown for a teacher.")
    var syllabus = false

    func run() throws {
        if syllabus {
            guard let folder = Course.defaultFolder() else {
                fputs("error: cannot find the lessons/ folder here or beside lab\n", stderr)
                throw ExitCode(2)
            }
            do {
                print(try Course.load(from: folder).syllabus(), terminator: "")
            } catch {
                fputs(error.description + "\n", stderr)
                throw ExitCode(1)
            }
            return
        }
        let session = Session(outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("lab-list-unused"))
        guard let runner = LessonCommand.makeRunner(session: session, required: true) else { throw ExitCode(2) }
        LessonPrinter(cells: CellPrinter(colorEnabled: false, pictureMode: .off), interactive: false).print(runner.handle("lessons")!)
    }
}

struct CheckLessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check lesson files: format, unique step ids, hints, quiz answers, and that each lesson's own cells pass its checks.")

    @Argument(help: "Lesson files to check (default: every lesson in lessons/).")
    var files: [String] = []

    @Flag(name: .customLong("format-only"), help: "Check the files' format only; do not run the lessons.")
    var formatOnly = false

    func run() throws {
        var urls = files.map { URL(fileURLWithPath: $0) }
        if urls.isEmpty {
            guard let folder = Course.defaultFolder() else {
                fputs("error: cannot find the lessons/ folder here or beside lab\n", stderr)
                throw ExitCode(2)
            }
            urls = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
        }
        let report = LessonLinter.check(urls, runLessons: !formatOnly) { print($0) }
        report.problems.forEach { print($0) }
        print(report.summary)
        if !report.problems.isEmpty { throw ExitCode.failure }
    }
}
