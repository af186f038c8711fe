import Shell
import Foundation

/// `lab lesson N --auto`: a lesson run straight through with its cells as written and its
/// quizzes answered with the reference answer, for a classroom projector or for CI. Every
/// check is evaluated; the run fails if any does not hold or any cell reports an error.
public struct AutoRun {
    public struct Result {
        public var failures: [String] = []
        public var passed: Bool { failures.isEmpty }
        /// Seconds each cell took, by step id, for the lesson's timing report.
        public var cellSeconds: [(step: String, seconds: Double)] = []
    }

    public let runner: LessonRunner
    /// Seconds to pause between cells, for projection.
    public var pace: Double = 0

    public init(runner: LessonRunner) { self.runner = runner }

    /// Runs lesson `name` from its first step; `show` receives everything as it happens.
    public func run(_ name: String, show: (LessonRunner.Output) -> Void) -> Result {
        var result = Result()
        guard let index = runner.course.lesson(named: name) else {
            result.failures.append("there is no lesson \(name)")
            return result
        }
        let lesson = runner.course.lessons[index]
        // Always from the start, with the lesson's seed: the run is the lesson as written.
        if runner.progress.lessons[lesson.id] != nil { _ = runner.handle("reset lesson"); _ = runner.handle("yes") }
        var reply = runner.open(lesson.id)
        while true {
            reply.outputs.forEach(show)
            guard let step = runner.step, runner.lesson?.id == lesson.id else { break }
            let failuresBefore = result.failures.count
            switch step.kind {
            case .cell(let cell):
                let started = Date()
                for (offset, line) in cell.code.components(separatedBy: "\n").enumerated() {
                    show(.note("lab> " + line))
                    let sessionReply = runner.session.enter(line, lineNumber: step.line + 1 + offset)
                    show(.session(sessionReply))
                    if let error = sessionReply.error { result.failures.append("\(lesson.file):\(step.line + 1 + offset): step \(step.id): \(error)") }
                    runner.didRun(line, reply: sessionReply).outputs.forEach { if case .note(let text) = $0, text.hasPrefix("✓") { return }; show($0) }
                }
                if let reply = runner.session.finish(), let error = reply.error { result.failures.append("step \(step.id): \(error)") }
                result.cellSeconds.append((step.id, Date().timeIntervalSince(started)))
                for failure in CheckEvaluator(session: runner.session).failures(of: cell.checks) {
                    result.failures.append("\(lesson.file):\(failure.condition.line): step \(step.id): check `\(failure.condition.source)` fails: \(failure.found)")
                }
            case .quiz(let quiz):
                show(.note("answer " + quiz.referenceReply))
                runner.handle("answer " + quiz.referenceReply).map { $0.outputs.forEach(show) }
            }
            if pace > 0 { Thread.sleep(forTimeInterval: pace) }
            let before = runner.stepIndex
            reply = runner.handle("next") ?? LessonRunner.Reply()
            if runner.stepIndex == before && runner.step != nil {
                reply.outputs.forEach(show)
                // Later steps build on this one, so the run stops; its failure is already recorded.
                if result.failures.count == failuresBefore { result.failures.append("step \(step.id) did not pass; the run stops here") }
                break
            }
        }
        return result
    }
}
