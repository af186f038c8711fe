/// The smallest meaningful pieces of a line, produced by `Lexer` and consumed by `Parser`.
public enum TokenKind: Equatable, Sendable {
    case number(Double)
    case string(String)
    case identifier(String)
    case keywordLet, keywordVar, keywordTrue, keywordFalse
    case plus, minus, star, slash
    case equals, comma, colon, dot, semicolon
    /// `..<`, the half-open range of a slice: `x[0..<4]`.
    case halfOpenRange
    case leftParen, rightParen, leftBracket, rightBracket
    /// A line break outside brackets: it ends a statement.
    case newline
    case endOfInput
}

public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    /// The characters exactly as typed, quoted back in error messages.
    public var text: String

    /// How an error message names this token: `')'`, `number 3`, `end of line`.
    public var description: String {
        switch kind {
        case .newline, .endOfInput: return "end of line"
        case .number: return "number \(text)"
        case .string: return "string \(text)"
        case .identifier: return "'\(text)'"
        default: return "'\(text)'"
        }
    }
}

/// Words the language reserves. Completion offers them too.
public let languageKeywords: [String: TokenKind] = [
    "let": .keywordLet, "var": .keywordVar, "true": .keywordTrue, "false": .keywordFalse,
]
