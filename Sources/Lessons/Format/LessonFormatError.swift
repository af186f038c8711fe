/// A mistake in a lesson file, with the file and line it is on. Rendered in one place, like a
/// compiler's messages, so an author can jump straight to it: `lessons/01.md:42: error: …`.
public struct LessonFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case unreadable(String)
        case missingFrontMatter
        case frontMatterNotYAML(String)
        case missingField(String)
        case fieldType(field: String, expected: String)
        case unsupportedFormat(found: Int, supported: Int)
        case unknownBlock(info: String)
        case cellWithoutID
        case badStepID(String)
        case duplicateStepID(String, firstLine: Int)
        case emptyCell(String)
        case orphan(kind: String)
        case checkSyntax(condition: String, reason: String)
        case checkWithoutHint(condition: String)
        case quizNotYAML(String)
        case quizMissing(field: String)
        case quizChoiceWithoutWhy(choice: Int)
        case quizCorrectCount(Int)
        case quizWithoutAnswer
        case quizChoiceWithoutText(choice: Int)
        case quizTooFewChoices
        case noSteps
    }

    public var file: String
    public var line: Int
    public var problem: Problem

    public init(file: String, line: Int, _ problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file):\(line): error: \(message)" }

    public var message: String {
        switch problem {
        case .unreadable(let reason): return "cannot read the lesson (\(reason))"
        case .missingFrontMatter: return "a lesson starts with a front-matter header between two lines of ---"
        case .frontMatterNotYAML(let reason): return "the front matter is not valid YAML: \(reason)"
        case .missingField(let field): return "the front matter needs `\(field):`"
        case .fieldType(let field, let expected): return "`\(field):` must be \(expected)"
        case .unsupportedFormat(let found, let supported):
            return "format \(found) is not one this lab reads (it reads format \(supported)); update lab or the lesson"
        case .unknownBlock(let info):
            return "unknown block ```\(info): a lesson's blocks are lab, quiz, check and hint (use ```text for a plain listing)"
        case .cellWithoutID: return "a lab cell needs a step id: write ```lab id=some-name"
        case .badStepID(let id): return "step id '\(id)' must be lower-case letters, digits and dashes"
        case .duplicateStepID(let id, let firstLine): return "step id '\(id)' is used twice (first on line \(firstLine)); progress is saved by id, so each must be unique"
        case .emptyCell(let id): return "the lab cell '\(id)' is empty"
        case .orphan(let kind): return "a ```\(kind) block belongs under a ```lab cell, but none comes before it"
        case .checkSyntax(let condition, let reason): return "cannot read the check `\(condition)`: \(reason)"
        case .checkWithoutHint(let condition): return "the check `\(condition)` has no hint: add an indented `hint: …` line under it"
        case .quizNotYAML(let reason): return "the quiz is not valid YAML: \(reason)"
        case .quizMissing(let field): return "the quiz needs `\(field):`"
        case .quizChoiceWithoutWhy(let choice): return "choice \(choice) of the quiz needs `why:`, a sentence on why it is right or wrong"
        case .quizCorrectCount(let count): return "a multiple-choice quiz needs exactly one choice with `correct: true` (it has \(count))"
        case .quizWithoutAnswer: return "the quiz needs `choices:` (multiple choice) or `answer:` (a number)"
        case .quizChoiceWithoutText(let choice): return "choice \(choice) of the quiz needs `text:`"
        case .quizTooFewChoices: return "a multiple-choice quiz needs two choices or more"
        case .noSteps: return "the lesson has no steps: add a ```lab cell or a ```quiz"
        }
    }
}

/// Every mistake found in one lesson file, so an author can fix them all in one go.
public struct LessonFormatErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [LessonFormatError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
