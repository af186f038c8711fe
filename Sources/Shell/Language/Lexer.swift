/// Turns source text into tokens.
///
/// Line breaks inside `(` `)` or `[` `]`, or after an operator, are skipped, which is what lets one
/// statement span several lines while a bracket is open or an expression is unfinished, as in Swift. `//` starts a comment that runs to the end of the line.
public struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    /// How many brackets are open right now; newlines only end statements at depth zero.
    private var bracketDepth = 0
    /// The kind of the token just produced: after `+` or `=` a line break continues the statement.
    private var previousKind: TokenKind = .newline
    static let continuingKinds: [TokenKind] = [.plus, .minus, .star, .slash, .equals, .dot]

    public init(_ source: String) {
        characters = Array(source)
    }

    /// All tokens of the source, ending with `.endOfInput`.
    public static func tokens(of source: String) throws(LabError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.nextToken()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// Whether the text needs another line: a bracket is open, or the last line ends with an
    /// operator, `=` or `.` that must be followed by something (as Swift allows `a +⏎ b`).
    /// Text that does not lex (an unterminated string) counts as complete, so its error shows.
    public static func isIncomplete(_ source: String) -> Bool {
        continuation(after: source).needsMoreInput
    }

    /// Where lexing stands at the end of the lines typed so far: all that deciding about the
    /// next line needs. A session feeds each line once, carrying this along, so a statement of
    /// thousands of continuation lines is lexed in time proportional to its length, not lexed
    /// again from its first line every time a line is added.
    public struct Continuation: Equatable {
        var bracketDepth = 0
        var lastKind: TokenKind = .newline
        var failed = false

        public init() {}

        public var needsMoreInput: Bool {
            !failed && (bracketDepth > 0 || Lexer.continuingKinds.contains(lastKind))
        }
    }

    /// The state after `line`, given the state after the lines before it.
    public static func continuation(after line: String, from state: Continuation = Continuation()) -> Continuation {
        guard !state.failed else { return state }
        var lexer = Lexer(line)
        lexer.bracketDepth = state.bracketDepth
        lexer.previousKind = state.lastKind
        var result = state
        while true {
            guard let token = try? lexer.nextToken() else {
                result.failed = true
                return result
            }
            if token.kind == .endOfInput {
                result.bracketDepth = lexer.bracketDepth
                return result
            }
            result.lastKind = token.kind
        }
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipSpacesAndComments() {
        while let character = current {
            if character == " " || character == "\t" || character == "\r" {
                advance()
            } else if character == "\n" && (bracketDepth > 0 || Lexer.continuingKinds.contains(previousKind)) {
                advance()
            } else if character == "/" && peek(1) == "/" {
                while let inComment = current, inComment != "\n" { advance() }
            } else {
                return
            }
        }
    }

    public mutating func nextToken() throws(LabError) -> Token {
        let token = try lexToken()
        previousKind = token.kind
        return token
    }

    private mutating func lexToken() throws(LabError) -> Token {
        skipSpacesAndComments()
        let start = SourceRange(line: line, column: column)
        let startIndex = index
        guard let character = current else {
            return Token(kind: .endOfInput, range: start, text: "")
        }
        func token(_ kind: TokenKind) -> Token {
            let text = String(characters[startIndex..<index])
            return Token(kind: kind, range: SourceRange(line: start.line, column: start.column, length: text.count), text: text)
        }
        if character.isNumber { return try lexNumber(start: start) }
        if character.isLetter || character == "_" {
            while let next = current, next.isLetter || next.isNumber || next == "_" { advance() }
            let word = String(characters[startIndex..<index])
            return token(languageKeywords[word] ?? .identifier(word))
        }
        if character == "\"" { return try lexString(start: start) }
        advance()
        switch character {
        case "\n": return token(.newline)
        case "+": return token(.plus)
        case "-": return token(.minus)
        case "*": return token(.star)
        case "/": return token(.slash)
        case "=": return token(.equals)
        case ",": return token(.comma)
        case ":": return token(.colon)
        case "." where current == "." && peek(1) == "<":
            advance(); advance()
            return token(.halfOpenRange)
        case ".": return token(.dot)
        case ";": return token(.semicolon)
        case "(", "[":
            bracketDepth += 1
            return token(character == "(" ? .leftParen : .leftBracket)
        case ")", "]":
            bracketDepth -= 1
            return token(character == ")" ? .rightParen : .rightBracket)
        case "!" where start.column == 1:
            throw LabError(.shellEscapeNotAvailable, at: start)
        default:
            throw LabError(.unexpectedCharacter(character), at: start)
        }
    }

    /// Numbers as Swift writes them: `42`, `0.5`, `2e-4`, `1_000_000`.
    private mutating func lexNumber(start: SourceRange) throws(LabError) -> Token {
        var text = ""
        func takeDigits() {
            while let next = current, next.isNumber || next == "_" {
                if next != "_" { text.append(next) }
                advance()
            }
        }
        takeDigits()
        if current == ".", let after = peek(1), after.isNumber {
            text.append("."); advance()
            takeDigits()
        }
        if current == "e" || current == "E" {
            let signed = peek(1) == "-" || peek(1) == "+"
            if let digit = peek(signed ? 2 : 1), digit.isNumber {
                text.append("e"); advance()
                if signed { text.append(current!); advance() }
                takeDigits()
            }
        }
        let length = column - start.column
        let range = SourceRange(line: start.line, column: start.column, length: length)
        guard let value = Double(text), value.isFinite else {
            throw LabError(.invalidNumber(text), at: range)
        }
        return Token(kind: .number(value), range: range, text: text)
    }

    /// A double-quoted string on one line, with `\n`, `\t`, `\"` and `\\` escapes.
    private mutating func lexString(start: SourceRange) throws(LabError) -> Token {
        advance()  // opening quote
        var value = ""
        while let character = current, character != "\"" {
            if character == "\n" { break }
            advance()
            if character == "\\", let escaped = current {
                advance()
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
            } else {
                value.append(character)
            }
        }
        guard current == "\"" else {
            throw LabError(.unterminatedString, at: start)
        }
        advance()
        let length = column - start.column
        return Token(kind: .string(value), range: SourceRange(line: start.line, column: start.column, length: length),
                     text: "\"" + value + "\"")
    }
}
