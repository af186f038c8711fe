/// Everything a learner can get wrong at the prompt, as facts rather than text.
///
/// Each case carries what is needed to explain the mistake (the name typed, the closest known
/// name, both types). Turning those facts into words happens in one place,
/// `LabError+Rendering.swift`, so every message reads the same way and tests can check it exactly.
import Models
import Engine

public struct LabError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        // Reading the line
        case unexpectedCharacter(Character)
        case shellEscapeNotAvailable
        case unterminatedString
        case invalidNumber(String)
        case unexpectedToken(found: String, expected: String)
        case tooDeeplyNested(limit: Int)
        case expressionTooLong(limit: Int)
        case unclosedBracket

        // Names and bindings
        case unknownName(String, suggestion: String?)
        case unknownMember(String, typeName: String, suggestion: String?, available: [String])
        case constantReassignment(String)
        case assignmentToUndeclared(String)
        case unknownHelpTopic(String, suggestion: String?)

        // Operators
        case operatorTypeMismatch(operator: String, left: String, right: String)
        case negationTypeMismatch(String)
        case divisionByZero
        case notCallable(String)
        case notIndexable(String)
        case indexOutOfRange(index: Int, count: Int)
        case invalidSlice(lower: Int, upper: Int)

        // Calls
        case missingArgument(function: String, parameter: String, signature: String)
        case unknownArgumentLabel(function: String, label: String, suggestion: String?)
        case missingArgumentLabel(function: String, label: String)
        case unexpectedArgumentLabel(function: String, label: String)
        case tooManyArguments(function: String, maximum: Int, given: Int)
        case duplicateArgument(function: String, label: String)
        case argumentType(function: String, parameter: String, expected: String, given: String)
        case invalidArgument(function: String, parameter: String, reason: String)

        /// A layer in a Sequential cannot take what the layer before it produces.
        case layerMismatch(layer: String, index: Int, expected: Int, got: Int, unit: String, fromIndex: Int)

        // Resources: refused before anything is allocated or written
        /// A list would nest deeper than `Parser.maximumNesting` (built up one `[a]` at a time).
        case valueTooDeep(limit: Int)
        case writeOutsideOutputFolder(path: String, folder: String)
        case fileProblem(path: String, reason: String)

        /// A failure reported by the engine: shape mismatches and the like, with their facts.
        case engine(EngineError)
        /// A failure from elsewhere (the file system, image decoding), already in words.
        case failure(String)
    }

    public var reason: Reason
    /// Where in the cell the mistake is; nil when it has no single place (a file that won't open).
    public var range: SourceRange?

    public init(_ reason: Reason, at range: SourceRange? = nil) {
        self.reason = reason
        self.range = range
    }

    /// The same error pointing somewhere, unless it already points somewhere more precise.
    public func located(at fallback: SourceRange) -> LabError {
        LabError(reason, at: range ?? fallback)
    }
}
