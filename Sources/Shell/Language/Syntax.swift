/// The syntax tree: what the parser understood a line to mean, before anything runs.

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// One argument of a call: `kernel: 4` has the label `kernel`; `3` has none.
public struct ArgumentExpression: Sendable {
    public var label: String?
    public var value: Expression
    /// The label and value together, for "unknown argument label" and type errors.
    public var range: SourceRange
}

public indirect enum Expression: Sendable {
    case number(Double, SourceRange)
    case string(String, SourceRange)
    case bool(Bool, SourceRange)
    case name(String, SourceRange)
    case list([Expression], SourceRange)
    case negate(Expression, SourceRange)
    /// `range` is the operator's, since that is where a type mismatch is reported.
    case binary(BinaryOperator, Expression, Expression, SourceRange)
    /// `range` covers the callee, so argument errors can name the function being called.
    case call(Expression, [ArgumentExpression], SourceRange)
    /// `ae.encoder`: `range` covers the member's name.
    case member(Expression, String, SourceRange)
    /// `model[0]`: `range` covers the brackets.
    case index(Expression, Expression, SourceRange)
    /// `x[2..<6]`, `x[..<4]`: the elements from `lower` (0 when left out) up to, not including,
    /// `upper`, along the first axis. `range` covers the brackets.
    case slice(Expression, lower: Expression?, upper: Expression, SourceRange)

    public var range: SourceRange {
        switch self {
        case .number(_, let range), .string(_, let range), .bool(_, let range), .name(_, let range),
             .list(_, let range), .negate(_, let range), .binary(_, _, _, let range),
             .call(_, _, let range), .member(_, _, let range), .index(_, _, let range),
             .slice(_, _, _, let range):
            return range
        }
    }
}

/// Commands are words the shell understands outside the language: `help`, `vars`, `quit`.
public enum Command: Equatable, Sendable {
    case help(topic: String?)
    case variables
    case quit
}

public enum Statement: Sendable {
    /// `let x = …` (constant) or `var x = …`.
    case declaration(isConstant: Bool, name: String, value: Expression, range: SourceRange)
    /// `x = …` for a name declared with `var`.
    case assignment(name: String, value: Expression, range: SourceRange)
    case expression(Expression)
    case command(Command, range: SourceRange)
}
