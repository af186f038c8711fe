import Foundation

/// A question the learner answers before moving on. Wrong answers are where the teaching is:
/// every choice carries a sentence on why it is right or wrong, shown once it is picked.
public struct Quiz: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var text: String
        public var isCorrect: Bool
        public var why: String
    }

    public enum Answer: Sendable, Equatable {
        /// Exactly one choice is correct.
        case choices([Choice])
        /// A number, accepted within `tolerance`; `why` explains how to get it.
        case number(Double, tolerance: Double, why: String)
    }

    public var question: String
    public var answer: Answer

    /// The letter a learner types for choice `index`: a, b, c, …
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index)))
    }

    /// What `answer X` should type to be right: the auto mode's reply.
    public var referenceReply: String {
        switch answer {
        case .choices(let choices): return Quiz.letter(choices.firstIndex(where: \.isCorrect) ?? 0)
        case .number(let value, _, _): return formatNumber(value)
        }
    }

    /// Judges a reply; the verdict says whether it was right and why.
    public func judge(_ reply: String) -> QuizVerdict {
        let trimmed = reply.trimmingCharacters(in: .whitespaces).lowercased()
        switch answer {
        case .choices(let choices):
            guard trimmed.count == 1, let scalar = trimmed.unicodeScalars.first, scalar.value >= 97,
                  Int(scalar.value) - 97 < choices.count else {
                return .unreadable("answer with a letter from a to \(Quiz.letter(choices.count - 1)), for example: answer a")
            }
            let choice = choices[Int(scalar.value) - 97]
            return choice.isCorrect ? .right(choice.why) : .wrong(choice.why)
        case .number(let value, let tolerance, let why):
            guard let number = Double(trimmed) else { return .unreadable("answer with a number, for example: answer 0.5") }
            return abs(number - value) <= tolerance
                ? .right(why)
                : .wrong(tolerance > 0 ? "\(formatNumber(number)) is not within \(formatNumber(tolerance)) of the answer." : "\(formatNumber(number)) is not the answer.")
        }
    }
}

public enum QuizVerdict: Equatable, Sendable {
    case right(String)
    case wrong(String)
    case unreadable(String)
}

/// Numbers as a learner writes them: `6`, not `6.0`; `0.25`, not `0.25000000001`.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.6g", value)
    if text.contains("e") { return text }
    while text.contains("."), text.hasSuffix("0") { text.removeLast() }
    return text
}
