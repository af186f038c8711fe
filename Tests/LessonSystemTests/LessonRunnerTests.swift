import Engine
import Foundation
import Shell
import Testing
@testable import Lessons

/// The runner driven as a learner would: exact replies to commands, checks, quizzes and resets.
@Suite struct LessonRunnerTests {
    /// The text of a reply's notes and problems, one per line, for exact comparison.
    func text(_ reply: LessonRunner.Reply?) -> String {
        (reply?.outputs ?? []).compactMap { output -> String? in
            switch output {
            case .note(let text), .problem(let text): return text
            default: return nil
            }
        }.joined(separator: "\n")
    }

    func makeRunner(_ folder: URL) throws -> LessonRunner {
        let lesson = try LessonParser.parse(sampleLesson, file: "sample.md")
        let session = Session(outputFolder: folder.appendingPathComponent("session"), registry: .withLessonTools())
        return LessonRunner(course: Course(lessons: [lesson]), session: session,
                            store: ProgressStore(url: folder.appendingPathComponent("data/progress.json")))
    }

    @Test func aLearnerWalksThroughWithChecksHintsAndAQuiz() throws {
        try Random.withSeed(0) { try withTemporaryFolder("runner") { folder in
            let runner = try makeRunner(folder)
            #expect(text(runner.handle("next")) == "No lesson is open. Type lessons to see the course, or lesson 0 to begin.")
            #expect(runner.handle("let a = 1") == nil)

            let opened = runner.open("7")
            #expect(opened.prefill == "let x = tensor([[1, 2, 3], [4, 5, 6]])")
            #expect(runner.session.context.writePolicy == .insideOutputFolder)

            #expect(text(runner.handle("solution")) == "Give it a try first: run the cell (or your version), then next. If a check fails, solution shows the lesson's cell.")
            // An edited cell with the wrong shape fails its check, with the hint.
            let edited = runner.session.enter("let x = tensor([1, 2, 3])")
            #expect(text(runner.didRun("let x = tensor([1, 2, 3])", reply: edited)) == "")
            #expect(text(runner.handle("next")) == "✗ Not yet: x has shape [3].\n  Hint: Two rows of three numbers.\n(Stuck? hint gives another nudge; solution shows the lesson's cell.)")
            #expect(runner.stepIndex == 0)
            #expect(text(runner.handle("hint")) == "")
            #expect(text(runner.handle("hint")) == "No more hints. Type solution to see the lesson's cell.")
            #expect(runner.handle("solution")?.prefill == "let x = tensor([[1, 2, 3], [4, 5, 6]])")

            // A different line that does the job passes: the check judges the result, not the text.
            let own = runner.session.enter("let x = tensor([[0, 0, 0], [0, 0, 0]])")
            #expect(text(runner.didRun("let x = tensor([[0, 0, 0], [0, 0, 0]])", reply: own)) == "✓ That does it. Type next to go on.")
            #expect(text(runner.handle("next")) == "Step 2 of 3 · count — type answer followed by a letter, for example: answer a")
            #expect(text(runner.handle("next")) == "Answer the quiz first: type answer followed by your choice.")
            #expect(text(runner.handle("answer a")) == "Not right: Count again, two rows of three. Try another answer.")
            #expect(text(runner.handle("answer z")) == "Answer with a letter from a to b, for example: answer a.")
            #expect(text(runner.handle("answer b")) == "Right. Two times three.\nType next to go on.")
            // Trying the other choice afterwards shows its reason without sending the learner back.
            #expect(text(runner.handle("answer a")) == "Not right: Count again, two rows of three. You already found the right one: type next to go on.")
            #expect(text(runner.handle("next")) == "Step 3 of 3 · double — the cell is at the prompt: run it with Return, or edit it first. Then type next.")
            #expect(text(runner.handle("where")) == "Lesson 7 · A sample — step 3 of 3 (double); 2 steps done.")
        } }
    }

    @Test func aLineTypedOntoThePrefilledCellComesBackAsTheLessonWroteIt() throws {
        try Random.withSeed(0) { try withTemporaryFolder("typed-onto") { folder in
            let runner = try makeRunner(folder)
            _ = runner.open("sample")
            // The learner meant Return, but typed next onto the pre-filled line.
            let typed = "let x = tensor([[1, 2, 3], [4, 5, 6]])next"
            let failed = runner.didRun(typed, reply: runner.session.enter(typed))
            #expect(text(failed) == "'next' was typed onto the end of the cell's line, so the line did not run. "
                + "It is back at the prompt as the lesson wrote it: press Return to run it, then type next.")
            #expect(failed.prefill == "let x = tensor([[1, 2, 3], [4, 5, 6]])")
            // The learner's own edit, even one that fails, is theirs: no note, and the cell is not put back.
            for edited in ["let x = tensor([[1, 2, 3], [4, 5, 6]]) * 2", "let x = tensor([[1, 2, 3], [4, 5, 6]]) * \"a\""] {
                let reply = runner.didRun(edited, reply: runner.session.enter(edited))
                #expect(!text(reply).contains("typed onto the end"), "\(edited)")
                #expect(reply.prefill == nil, "\(edited)")
            }
        } }
    }

    @Test func checksCannotBeFooledByRebindingABuiltinName() throws {
        try Random.withSeed(0) { try withTemporaryFolder("rebind") { folder in
            let runner = try makeRunner(folder)
            _ = runner.open("sample")
            for line in ["let x = tensor([[1, 2, 3], [4, 5, 6]])", "let tensor = 42", "let y = x * 0"] {
                #expect(runner.session.enter(line).error == nil)
            }
            let check = try #require(runner.lesson?.steps[2].cell?.checks)
            // y's sum is 0: a learner's `tensor` or `sum` binding changes nothing the check reads.
            #expect(CheckEvaluator(session: runner.session).failures(of: check).map(\.found) == ["y.sum() is 0"])
        } }
    }

    @Test func resetAsksFirstAndProgressResumesInANewSession() throws {
        try Random.withSeed(0) { try withTemporaryFolder("resume") { folder in
            let runner = try makeRunner(folder)
            _ = runner.open("sample")
            _ = runner.session.enter("let x = tensor([[1, 2, 3], [4, 5, 6]])")
            _ = runner.handle("next")
            _ = runner.handle("answer b")
            _ = runner.handle("next")
            #expect(text(runner.handle("reset")) == "Put this step's cell back as the lesson wrote it? Type yes to confirm (your variables stay as they are).")
            #expect(text(runner.handle("no")) == "Nothing was reset.")
            _ = runner.handle("reset")
            let confirmed = runner.handle("yes")
            #expect(confirmed?.prefill == "let y = x * 2")

            // A new session: the saved step is resumed, and x is rebuilt by re-running step 1's cell.
            let later = try makeRunner(folder)
            #expect(later.resumePoint().map { "\($0.lesson.id) \($0.step)" } == "sample 2")
            #expect(text(later.handle("lessons")) == "  7  A sample  5 min   2/3 steps\nContinue at lesson 7, step 3: type lesson 7.")
            let reopened = later.open("7")
            #expect(later.stepIndex == 2)
            #expect(reopened.prefill == "let y = x * 2")
            #expect(later.session.evaluator.variables["x"] != nil)

            _ = later.handle("reset lesson")
            _ = later.handle("yes")
            #expect(later.stepIndex == 0)
            #expect(later.progress.lessons["sample"]?.completedSteps ?? [] == [])
        } }
    }

    @Test func exportWritesTheSessionSoFarIntoTheSessionFolder() throws {
        try Random.withSeed(0) { try withTemporaryFolder("export") { folder in
            let runner = try makeRunner(folder)
            _ = runner.open("sample")
            let line = "let x = tensor([[1, 2, 3], [4, 5, 6]])"
            _ = runner.didRun(line, reply: runner.session.enter(line))
            let session = folder.appendingPathComponent("session")
            #expect(text(runner.handle("export")) == "Wrote " + ["md", "html", "ipynb"].map { session.appendingPathComponent("lesson-7-sample.\($0)").path }.joined(separator: ", "))
            let markdown = try String(contentsOf: session.appendingPathComponent("lesson-7-sample.md"), encoding: .utf8)
            #expect(markdown == "# Lesson 7: A sample\n\n# Start\n\nMake a tensor.\n\n```lab\n\(line)\n```\n\n```text\nx = Tensor[2, 3]\n```\n")
        } }
    }

    @Test func notesCellsRunOutOfOrder() throws {
        try Random.withSeed(0) { try withTemporaryFolder("order") { folder in
            let runner = try makeRunner(folder)
            _ = runner.open("sample")
            let reply = runner.session.enter("let y = x * 2")
            #expect(text(runner.didRun("let y = x * 2", reply: reply)) == "You ran the cell of step 3 (double) while on step 1: cells run out of order can leave values the lesson does not expect. Type where to see where you are.")
        } }
    }

    @Test func aLessonCannotWriteOutsideTheSessionFolder() throws {
        try Random.withSeed(0) { try withTemporaryFolder("confined") { folder in
            let text = sampleLesson.replacingOccurrences(of: "let y = x * 2", with: "show(x, name: \"/tmp/escaped-by-a-lesson.png\")")
            let lesson = try LessonParser.parse(text, file: "escape.md")
            let session = Session(outputFolder: folder.appendingPathComponent("session"), registry: .withLessonTools())
            let runner = LessonRunner(course: Course(lessons: [lesson]), session: session, store: nil)
            let result = AutoRun(runner: runner).run("sample") { _ in }
            #expect(!result.passed)
            let sessionPath = folder.appendingPathComponent("session").path
            #expect(result.failures.first == """
                escape.md:41: step double: error: scripts may only write inside the session folder \(sessionPath), \
                not /tmp/escaped-by-a-lesson.png.png — use a plain file name
                  show(x, name: "/tmp/escaped-by-a-lesson.png")
                  ^~~~
                """)
            #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped-by-a-lesson.png.png"))
        } }
    }
}
