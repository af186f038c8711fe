import Shell
import Engine
import Foundation

/// Walks a learner through a lesson at the prompt: shows each step's prose, pre-fills its cell,
/// lets the learner run anything they like, and moves on only when the step's checks hold.
///
/// The runner sits beside a `Session`, not inside it: the shell asks `handle(_:)` first, and a
/// line that is not a lesson command (`next`, `hint`, …) goes to the session as usual, after
/// which `didRun(_:reply:)` records it. It knows nothing of terminals; its replies carry
/// Markdown for the terminal renderer and the line to pre-fill at the next prompt.
public final class LessonRunner {
    public enum Output {
        case markdown([MarkdownBlock])
        /// A line from the lab itself: where you are, what to do next.
        case note(String)
        /// Plain text to read, such as a quiz's lettered choices.
        case text(String)
        /// A check that failed or a wrong answer: what is wrong and what to try.
        case problem(String)
        /// What a cell printed, as the session printed it.
        case session(Session.Reply)
    }

    public struct Reply {
        public var outputs: [Output] = []
        /// The line to put at the next prompt, editable.
        public var prefill: String?
    }

    public let course: Course
    public let session: Session
    private let store: ProgressStore?
    public private(set) var progress: CourseProgress
    /// The open lesson and the step the learner is on.
    public private(set) var lessonIndex: Int?
    public private(set) var stepIndex = 0
    /// Everything shown in the open lesson, for `export`.
    public private(set) var notebook: Notebook?
    /// Failed `next` attempts on this step: `solution` is offered only after one.
    private var failedAttempts = 0
    private var hintsShown = 0
    /// The line of a multi-line cell to pre-fill next.
    private var cellLine = 0
    private var pendingReset: ResetScope?
    private var answeredQuiz = false

    private enum ResetScope { case cell, lesson }

    /// A notice for the learner from loading progress (a damaged file moved aside).
    public let loadNotice: String?
    /// Receives outputs at once during long work (rebuilding a resumed lesson), when set;
    /// otherwise they come in the reply.
    public var announce: ((Output) -> Void)?

    public init(course: Course, session: Session, store: ProgressStore?) {
        self.course = course
        self.session = session
        self.store = store
        (progress, loadNotice) = store?.load() ?? (CourseProgress(), nil)
        // Sample grids drawn live during training go into the notebook too.
        let previous = session.context.onPicture
        session.context.onPicture = { [weak self] picture in
            self?.livePictures.append(picture)
            previous?(picture)
        }
    }

    private var livePictures: [Picture] = []
    /// The step whose cell the notebook's last entry belongs to, while lines of it keep coming.
    private var notebookCellStep: Int?

    public var lesson: Lesson? { lessonIndex.map { course.lessons[$0] } }
    public var step: LessonStep? { lesson.flatMap { stepIndex < $0.steps.count ? $0.steps[stepIndex] : nil } }

    // MARK: commands

    /// A lesson command's reply, or nil when the line is for the session.
    public func handle(_ line: String) -> Reply? {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let command = words.first else { return nil }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : nil
        // A reset waits for `yes`; anything else cancels it and is then handled as usual.
        if let scope = pendingReset {
            pendingReset = nil
            if command == "yes" && argument == nil { return confirmReset(scope) }
            if command == "no" && argument == nil { return Reply(outputs: [.note("Nothing was reset.")]) }
        }
        switch (command, argument) {
        case ("lessons", nil): return listCourse()
        case ("lesson", let name?): return open(name)
        case ("lesson", nil): return Reply(outputs: [.note("Which one? Type lesson N or lesson ID; lessons lists them.")])
        default: break
        }
        guard lesson != nil else {
            if ["next", "back", "where", "hint", "solution", "reset", "answer", "export"].contains(command),
               argument == nil || command == "answer" || command == "reset" {
                return Reply(outputs: [.note("No lesson is open. Type lessons to see the course, or lesson 0 to begin.")])
            }
            return nil
        }
        switch (command, argument) {
        case ("next", nil): return next()
        case ("back", nil): return back()
        case ("where", nil): return Reply(outputs: [.note(whereText())])
        case ("hint", nil): return hint()
        case ("solution", nil): return solution()
        case ("reset", nil):
            pendingReset = .cell
            return Reply(outputs: [.note("Put this step's cell back as the lesson wrote it? Type yes to confirm (your variables stay as they are).")])
        case ("reset", "lesson"):
            pendingReset = .lesson
            return Reply(outputs: [.note("Start \(lesson!.title) again from its first step, forgetting its progress? Type yes to confirm.")])
        case ("answer", let reply?): return answer(reply)
        case ("answer", nil): return Reply(outputs: [.note("Type answer followed by your choice, for example: answer b")])
        case ("export", nil): return export()
        default: return nil
        }
    }

    /// Records a line the session ran while a lesson is open, and says when the step is done.
    public func didRun(_ line: String, reply: Session.Reply) -> Reply {
        defer { livePictures = [] }
        guard let lesson, !reply.needsMoreInput, !line.trimmingCharacters(in: .whitespaces).isEmpty else { return Reply() }
        var result = Reply()
        let live = livePictures.compactMap { (try? NotebookPicture($0)).map(NotebookOutput.picture) }
        // The lines of one step's cell, run one after another, make one notebook cell.
        if notebookCellStep == stepIndex, var entries = notebook?.entries, case .cell(let code, let outputs)? = entries.last {
            entries[entries.count - 1] = .cell(code: code + "\n" + line, outputs: outputs + live + Self.notebookOutputs(reply))
            notebook?.entries = entries
        } else {
            notebook?.entries.append(.cell(code: line, outputs: live + Self.notebookOutputs(reply)))
        }
        notebookCellStep = stepIndex
        let typed = line.trimmingCharacters(in: .whitespaces)
        if let other = lesson.steps.firstIndex(where: { $0.cell?.code.components(separatedBy: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == typed } ?? false }),
           other > stepIndex {
            let note = "You ran the cell of step \(other + 1) (\(lesson.steps[other].id)) while on step \(stepIndex + 1): cells run out of order can leave values the lesson does not expect. Type where to see where you are."
            notebook?.entries.append(.note(note))
            notebookCellStep = nil
            result.outputs.append(.note(note))
        }
        guard let cell = step?.cell else { return result }
        let lines = cell.code.components(separatedBy: "\n")
        // A word typed onto the pre-filled line (`…)next`: Return was meant, then next) makes it
        // fail: offer the cell's line again rather than leave the learner to retype it. A longer
        // edit of the learner's own is left alone (it is in the history, one Up arrow away).
        let pending = lines[min(cellLine, lines.count - 1)]
        let expected = pending.trimmingCharacters(in: .whitespaces)
        if reply.error != nil, !expected.isEmpty, typed.hasPrefix(expected),
           case let glued = typed.dropFirst(expected.count), !glued.isEmpty, glued.allSatisfy(\.isLetter) {
            result.outputs.append(.note("'\(glued)' was typed onto the end of the cell's line, so the line did not run. "
                + "It is back at the prompt as the lesson wrote it: press Return to run it, then type \(glued)."))
            result.prefill = pending
            return result
        }
        if cellLine + 1 < lines.count, lines[cellLine].trimmingCharacters(in: .whitespaces) == typed {
            cellLine += 1
            result.prefill = lines[cellLine]
            return result
        }
        if reply.error == nil && !cell.checks.isEmpty && CheckEvaluator(session: session).failures(of: cell.checks).isEmpty {
            result.outputs.append(.note("✓ That does it. Type next to go on."))
        }
        return result
    }

    private func listCourse() -> Reply {
        var lines: [String] = []
        // Columns as wide as the longest title and time, so "Final project: …" keeps them aligned.
        let titleWidth = course.lessons.map(\.title.count).max() ?? 0
        let minutesWidth = course.lessons.map { String($0.minutes).count }.max() ?? 0
        for lesson in course.lessons {
            let saved = progress.lessons[lesson.id]
            let status: String
            if saved?.finished == true { status = "done" }
            else if let saved, !saved.completedSteps.isEmpty { status = "\(saved.completedSteps.count)/\(lesson.steps.count) steps" }
            else { status = "not started" }
            let minutes = String(repeating: " ", count: minutesWidth - String(lesson.minutes).count) + "\(lesson.minutes) min"
            lines.append(String(format: "%3d  ", lesson.number) + lesson.title.padded(to: titleWidth) + "  " + minutes + "   " + status)
        }
        var reply = Reply(outputs: [.note(lines.joined(separator: "\n"))])
        if let resume = resumePoint() {
            reply.outputs.append(.note("Continue at lesson \(resume.lesson.number), step \(resume.step + 1): type lesson \(resume.lesson.number)."))
        } else if let first = course.lessons.first(where: { progress.lessons[$0.id]?.finished != true }) {
            reply.outputs.append(.note("Type lesson \(first.number) to begin."))
        }
        return reply
    }

    /// The first lesson begun but not finished, and the step to continue at.
    public func resumePoint() -> (lesson: Lesson, step: Int)? {
        for lesson in course.lessons {
            guard let saved = progress.lessons[lesson.id], !saved.finished, let current = saved.currentStep,
                  let index = lesson.stepIndex(of: current) else { continue }
            return (lesson, index)
        }
        return nil
    }

    /// Opens a lesson where the learner left it. Earlier steps' cells are run again first, as
    /// the lesson wrote them and with the lesson's seed, so models trained in those steps exist
    /// again in a new session with the same weights.
    public func open(_ name: String) -> Reply {
        guard let index = course.lesson(named: name) else {
            return Reply(outputs: [.problem("There is no lesson \(name). The course has " + course.lessons.map { "\($0.number) (\($0.id))" }.joined(separator: ", ") + ".")])
        }
        let lesson = course.lessons[index]
        lessonIndex = index
        notebook = Notebook(title: "Lesson \(lesson.number): \(lesson.title)")
        // Inside a lesson every write stays in the session folder, whoever typed the line.
        session.context.writePolicy = .insideOutputFolder
        session.seedRandom(lesson.seed)
        let saved = progress.lessons[lesson.id]
        let resumeAt = saved.flatMap { $0.finished ? nil : $0.currentStep }.flatMap(lesson.stepIndex(of:)) ?? 0
        var reply = Reply()
        // Shown at once when the shell listens, since rebuilding may take a while.
        func emit(_ output: Output) {
            if let announce { announce(output) } else { reply.outputs.append(output) }
        }
        emit(.markdown([.heading(level: 1, [.text("Lesson \(lesson.number): \(lesson.title)")], line: 0)]))
        emit(.note("About \(lesson.minutes) minutes. You will be able to:\n" + lesson.outcomes.map { "  • " + $0 }.joined(separator: "\n")
                   + "\nCommands: next, back, where, hint, solution, reset, answer X, export, lessons."))
        if resumeAt > 0 {
            let cells = lesson.steps[..<resumeAt].filter { $0.cell != nil }.count
            emit(.note("Welcome back. Rebuilding what the first \(resumeAt) steps made by running their \(cells) cells as the lesson wrote them, with its seed; cells that train take as long as they did the first time…"))
            for step in lesson.steps[..<resumeAt] {
                guard let cell = step.cell else { continue }
                for (offset, line) in cell.code.components(separatedBy: "\n").enumerated() {
                    let result = session.enter(line, lineNumber: step.line + 1 + offset)
                    if let error = result.error { reply.outputs.append(.problem("While rebuilding step \(step.id): " + error)) }
                }
            }
        }
        stepIndex = resumeAt
        reply.outputs += present().outputs
        reply.prefill = currentPrefill()
        saveProgress()
        return reply
    }

    private func currentPrefill() -> String? {
        step?.cell?.code.components(separatedBy: "\n").first
    }

    /// The step's prose, then its cell or quiz.
    private func present() -> Reply {
        guard let lesson, let step else { return Reply() }
        failedAttempts = 0
        hintsShown = 0
        cellLine = 0
        answeredQuiz = false
        notebookCellStep = nil
        var reply = Reply()
        if !step.prose.isEmpty {
            reply.outputs.append(.markdown(step.prose))
            notebook?.entries.append(.prose(step.prose))
        }
        let position = "Step \(stepIndex + 1) of \(lesson.steps.count) · \(step.id)"
        switch step.kind {
        case .cell(let cell):
            reply.outputs.append(.note(position + " — the cell is at the prompt: run it with Return, or edit it first. Then type next."))
            reply.prefill = cell.code.components(separatedBy: "\n").first
        case .quiz(let quiz):
            reply.outputs += Self.quizOutputs(quiz)
            if case .number = quiz.answer {
                reply.outputs.append(.note(position + " — type answer followed by a number, for example: answer 12"))
            } else {
                reply.outputs.append(.note(position + " — type answer followed by a letter, for example: answer a"))
            }
        }
        return reply
    }

    /// The question as Markdown, then each choice on its own line: `a) …`.
    static func quizOutputs(_ quiz: Quiz) -> [Output] {
        var outputs: [Output] = [.markdown([.paragraph([.strong([.text("Quiz.")]), .text(" ")] + Markdown.parseInline(quiz.question), line: 0)])]
        if case .choices(let choices) = quiz.answer {
            outputs.append(.text(choices.enumerated().map { index, choice in
                Quiz.letter(index) + ") " + Markdown.parseInline(choice.text).map(\.plainText).joined()
            }.joined(separator: "\n")))
        }
        return outputs
    }

    private func next() -> Reply {
        guard let lesson, let step else { return Reply(outputs: [.note("This lesson is finished. Type lessons for the course.")]) }
        switch step.kind {
        case .quiz:
            guard answeredQuiz else { return Reply(outputs: [.note("Answer the quiz first: type answer followed by your choice.")]) }
        case .cell(let cell):
            let failures = CheckEvaluator(session: session).failures(of: cell.checks)
            if !failures.isEmpty {
                failedAttempts += 1
                var text = failures.map { "✗ Not yet: \($0.found).\n  Hint: \($0.condition.hint)" }.joined(separator: "\n")
                text += failedAttempts >= 1 && !cell.code.isEmpty ? "\n(Stuck? hint gives another nudge; solution shows the lesson's cell.)" : ""
                return Reply(outputs: [.problem(text)])
            }
        }
        markCompleted(step.id, in: lesson)
        stepIndex += 1
        if stepIndex >= lesson.steps.count { return finish() }
        var reply = present()
        saveProgress()
        reply.prefill = reply.prefill ?? nil
        return reply
    }

    private func finish() -> Reply {
        guard let lesson else { return Reply() }
        progress.lessons[lesson.id, default: .init()].finished = true
        progress.lessons[lesson.id, default: .init()].currentStep = nil
        saveProgress()
        var reply = Reply()
        if !lesson.closing.isEmpty {
            reply.outputs.append(.markdown(lesson.closing))
            notebook?.entries.append(.prose(lesson.closing))
        }
        let following = course.lessons.first { $0.number > lesson.number }
        reply.outputs.append(.note("Lesson \(lesson.number) is done. " + (following.map { "Type lesson \($0.number) for \($0.title), or export to keep this session as a notebook." } ?? "That was the last lesson.")))
        return reply
    }

    private func back() -> Reply {
        guard stepIndex > 0 else { return Reply(outputs: [.note("This is the first step.")]) }
        stepIndex -= 1
        saveProgress()
        return present()
    }

    private func whereText() -> String {
        guard let lesson else { return "No lesson is open." }
        let done = progress.lessons[lesson.id]?.completedSteps.count ?? 0
        guard let step else { return "Lesson \(lesson.number) · \(lesson.title): finished." }
        return "Lesson \(lesson.number) · \(lesson.title) — step \(stepIndex + 1) of \(lesson.steps.count) (\(step.id)); \(done) step\(done == 1 ? "" : "s") done."
    }

    private func hint() -> Reply {
        guard let step else { return Reply() }
        guard let cell = step.cell else { return Reply(outputs: [.note("A quiz has no hints: try an answer, and its explanation will say why.")]) }
        guard hintsShown < cell.hints.count else {
            return Reply(outputs: [.note(cell.hints.isEmpty ? "This step has no hints: its prose says what to do." : "No more hints. " + (failedAttempts > 0 ? "Type solution to see the lesson's cell." : "Try the cell, then next; solution opens after a check has failed."))])
        }
        hintsShown += 1
        var blocks = Markdown.parse(cell.hints[hintsShown - 1])
        let label: [MarkdownInline] = [.strong([.text("Hint \(hintsShown)/\(cell.hints.count).")]), .text(" ")]
        if case .paragraph(let inlines, let line)? = blocks.first {
            blocks[0] = .paragraph(label + inlines, line: line)
        } else {
            blocks.insert(.paragraph(label, line: 0), at: 0)
        }
        return Reply(outputs: [.markdown(blocks)])
    }

    private func solution() -> Reply {
        guard let cell = step?.cell else { return Reply(outputs: [.note("A quiz has no solution to show: each answer explains itself.")]) }
        guard failedAttempts > 0 else {
            return Reply(outputs: [.note("Give it a try first: run the cell (or your version), then next. If a check fails, solution shows the lesson's cell.")])
        }
        return Reply(outputs: [.note("The lesson's cell (now at the prompt):"), .markdown([.code(info: "lab", text: cell.code, line: 0)])],
                     prefill: cell.code.components(separatedBy: "\n").first)
    }

    private func confirmReset(_ scope: ResetScope) -> Reply {
        guard let lesson else { return Reply() }
        switch scope {
        case .cell:
            cellLine = 0
            return Reply(outputs: [.note("The cell is back as the lesson wrote it.")], prefill: currentPrefill())
        case .lesson:
            progress.lessons[lesson.id] = nil
            saveProgress()
            session.seedRandom(lesson.seed)
            stepIndex = 0
            notebook = Notebook(title: "Lesson \(lesson.number): \(lesson.title)")
            var reply = Reply(outputs: [.note("Lesson \(lesson.number) starts again.")])
            reply.outputs += present().outputs
            reply.prefill = currentPrefill()
            return reply
        }
    }

    private func answer(_ text: String) -> Reply {
        guard let lesson, let step, case .quiz(let quiz) = step.kind else {
            return Reply(outputs: [.note("There is no quiz on this step.")])
        }
        let verdict = quiz.judge(text)
        let choices: [String]
        if case .choices(let list) = quiz.answer { choices = list.map(\.text) } else { choices = [] }
        switch verdict {
        case .unreadable(let message):
            return Reply(outputs: [.note(message.prefix(1).uppercased() + message.dropFirst() + ".")])
        case .wrong(let why):
            notebook?.entries.append(.quiz(question: quiz.question, choices: choices, reply: text, verdict: "Not right: " + why))
            // After the right answer a learner may still try the others to read their reasons;
            // "try another" would then send them looking for an answer they already have.
            let after = answeredQuiz ? " You already found the right one: type next to go on." : " Try another answer."
            return Reply(outputs: [.problem("Not right: " + why + after)])
        case .right(let why):
            answeredQuiz = true
            notebook?.entries.append(.quiz(question: quiz.question, choices: choices, reply: text, verdict: "Right: " + why))
            markCompleted(step.id, in: lesson)
            saveProgress()
            return Reply(outputs: [.note("Right. " + why + "\nType next to go on.")])
        }
    }

    private func export() -> Reply {
        guard let lesson, let notebook else { return Reply() }
        do {
            let files = try NotebookWriter.write(notebook, to: session.context.outputFolder, name: "lesson-\(lesson.number)-\(lesson.id)")
            return Reply(outputs: [.note("Wrote " + files.map(\.path).joined(separator: ", "))])
        } catch {
            return Reply(outputs: [.problem("Could not export: \(error.localizedDescription)")])
        }
    }

    // MARK: progress

    private func markCompleted(_ id: String, in lesson: Lesson) {
        var saved = progress.lessons[lesson.id, default: .init()]
        if !saved.completedSteps.contains(id) { saved.completedSteps.append(id) }
        progress.lessons[lesson.id] = saved
    }

    /// Saves where the learner is. A failure is reported once but never stops the lesson.
    private var reportedSaveFailure = false
    public private(set) var saveError: ProgressError?

    private func saveProgress() {
        guard let lesson, let store else { return }
        if let step { progress.lessons[lesson.id, default: .init()].currentStep = step.id }
        do {
            try store.save(progress)
            saveError = nil
        } catch {
            saveError = error
        }
    }

    static func notebookOutputs(_ reply: Session.Reply) -> [NotebookOutput] {
        var outputs: [NotebookOutput] = reply.outputs.compactMap { output in
            switch output {
            case .text(let text): return .text(text)
            case .picture(let picture): return (try? NotebookPicture(picture)).map(NotebookOutput.picture)
            }
        }
        if let error = reply.error { outputs.append(.error(error)) }
        return outputs
    }
}

extension String {
    /// Pads with spaces on the right, for the course table's columns.
    func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
