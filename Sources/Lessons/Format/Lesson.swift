/// One lesson, read from a Markdown file in `lessons/` (the format is in `lessons/README.md`).
///
/// A lesson is data. Its steps hold text: cells the learner is offered at the prompt, quizzes
/// and checks the lab evaluates itself. Nothing in it names a program to run or a file to write.
public struct Lesson: Sendable {
    /// The only format version this lab reads. A lesson written for a newer lab says so with
    /// an error instead of being half understood.
    public static let formatVersion = 1

    public var id: String
    /// The lesson's place in the course: `lesson 2` opens the one numbered 2.
    public var number: Int
    public var title: String
    public var minutes: Int
    /// What the learner will be able to do afterwards.
    public var outcomes: [String]
    /// Seeds the random generator when the lesson opens, so its cells draw the same pictures.
    public var seed: UInt64
    /// The file it was read from, as given, for messages.
    public var file: String
    public var steps: [LessonStep]
    /// Prose after the last step: the lesson's ending.
    public var closing: [MarkdownBlock]
    /// The works the lesson's facts come from (title, authors or organisation, year), for the
    /// syllabus; optional in the front matter.
    public var sources: [String] = []

    public func stepIndex(of id: String) -> Int? { steps.firstIndex { $0.id == id } }
}

/// One stop in a lesson: the prose that leads up to it, then a cell to run or a quiz to answer.
public struct LessonStep: Sendable {
    public enum Kind: Sendable {
        case cell(LessonCell)
        case quiz(Quiz)
    }

    /// Stable across edits of the lesson: progress is saved under it, not under a position.
    public var id: String
    public var line: Int
    public var prose: [MarkdownBlock]
    public var kind: Kind

    public var cell: LessonCell? {
        if case .cell(let cell) = kind { return cell }
        return nil
    }
}

public struct LessonCell: Sendable {
    /// The reference code, as the lesson wrote it: pre-filled at the prompt, run in auto mode,
    /// and shown by `solution`.
    public var code: String
    /// What must hold in the session before the learner moves on. Empty: running any cell will do.
    public var checks: [CheckCondition]
    /// Shown one at a time by `hint`, from a nudge to the near-answer.
    public var hints: [String]
}
