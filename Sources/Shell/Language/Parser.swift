/// Builds statements from tokens by recursive descent, one function per precedence level:
///
///     statement  := 'let' NAME '=' expr | 'var' NAME '=' expr | NAME '=' expr | command | expr
///     expr       := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := '-' unary | postfix
///     postfix    := primary ('(' arguments ')' | '.' NAME | '[' expr ']')*
///     primary    := NUMBER | STRING | true | false | NAME | '[' list ']' | '(' expr ')'
///
/// Lower levels bind tighter, so `2 + 3 * 4` is `2 + (3 * 4)` and `-x.mean()` is `-(x.mean())`.
public struct Parser {
    private let tokens: [Token]
    private var position = 0
    /// How deeply brackets and unary minus nest; bounded so `((((…` cannot overflow the stack.
    private var depth = 0
    public static let maximumNesting = 64
    /// How many operators, calls and members one chain may string together: `1 + 1 + … + 1`
    /// builds a tree as deep as it is long, and evaluating it recurses that deep.
    public static let maximumChain = 256

    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses every statement in the source. Statements are separated by line breaks or `;`.
    public static func parse(_ source: String) throws(LabError) -> [Statement] {
        var parser = Parser(tokens: try Lexer.tokens(of: source))
        return try parser.parseStatements()
    }

    private var current: Token { tokens[position] }
    private func peekKind(_ offset: Int) -> TokenKind {
        tokens[min(position + offset, tokens.count - 1)].kind
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ kind: TokenKind, _ expected: String) throws(LabError) -> Token {
        guard current.kind == kind else {
            throw LabError(.unexpectedToken(found: current.description, expected: expected), at: current.range)
        }
        return advance()
    }

    private mutating func expectName(_ expected: String) throws(LabError) -> (String, SourceRange) {
        guard case .identifier(let name) = current.kind else {
            throw LabError(.unexpectedToken(found: current.description, expected: expected), at: current.range)
        }
        return (name, advance().range)
    }

    public mutating func parseStatements() throws(LabError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.kind == .semicolon { advance() }
            if current.kind == .endOfInput { return statements }
            statements.append(try parseStatement())
            switch current.kind {
            case .newline, .semicolon, .endOfInput: continue
            case .rightParen, .rightBracket:
                throw LabError(.unexpectedToken(found: current.description, expected: "end of line (this bracket closes nothing)"), at: current.range)
            default:
                throw LabError(.unexpectedToken(found: current.description, expected: "end of line or an operator"), at: current.range)
            }
        }
    }

    private mutating func parseStatement() throws(LabError) -> Statement {
        let start = current.range
        switch current.kind {
        case .keywordLet, .keywordVar:
            let isConstant = advance().kind == .keywordLet
            let (name, nameRange) = try expectName("a name after '\(isConstant ? "let" : "var")'")
            _ = try expect(.equals, "'=' after the name")
            let value = try parseExpression()
            return .declaration(isConstant: isConstant, name: name, value: value, range: nameRange)
        case .identifier(let name):
            if peekKind(1) == .equals {
                advance(); advance()
                return .assignment(name: name, value: try parseExpression(), range: start)
            }
            if let command = try parseCommand(named: name) { return .command(command, range: start) }
            return .expression(try parseExpression())
        default:
            return .expression(try parseExpression())
        }
    }

    /// `help`, `help Conv2d`, `vars` and `quit` are commands only when they stand alone,
    /// so a variable named `help` can still be used in an expression like `help + 1`.
    private mutating func parseCommand(named name: String) throws(LabError) -> Command? {
        let endsHere = [TokenKind.newline, .semicolon, .endOfInput].contains(peekKind(1))
        switch name {
        case "help" where endsHere: advance(); return .help(topic: nil)
        case "help":
            guard case .identifier(let topic) = peekKind(1),
                  [TokenKind.newline, .semicolon, .endOfInput].contains(peekKind(2)) else { return nil }
            advance(); advance()
            return .help(topic: topic)
        case "vars" where endsHere: advance(); return .variables
        case "quit" where endsHere, "exit" where endsHere: advance(); return .quit
        default: return nil
        }
    }

    public mutating func parseExpression() throws(LabError) -> Expression {
        var left = try parseTerm()
        var chain = 0
        while current.kind == .plus || current.kind == .minus {
            let operatorToken = advance()
            try checkChain(&chain, at: operatorToken.range)
            let right = try parseTerm()
            left = .binary(operatorToken.kind == .plus ? .add : .subtract, left, right, operatorToken.range)
        }
        return left
    }

    private mutating func parseTerm() throws(LabError) -> Expression {
        var left = try parseUnary()
        var chain = 0
        while current.kind == .star || current.kind == .slash {
            let operatorToken = advance()
            try checkChain(&chain, at: operatorToken.range)
            let right = try parseUnary()
            left = .binary(operatorToken.kind == .star ? .multiply : .divide, left, right, operatorToken.range)
        }
        return left
    }

    private mutating func parseUnary() throws(LabError) -> Expression {
        guard current.kind == .minus else { return try parsePostfix() }
        let minus = advance()
        try enterNesting(at: minus.range)
        defer { depth -= 1 }
        let operand = try parseUnary()
        return .negate(operand, minus.range.through(operand.range))
    }

    private mutating func enterNesting(at range: SourceRange) throws(LabError) {
        depth += 1
        if depth > Parser.maximumNesting { throw LabError(.tooDeeplyNested(limit: Parser.maximumNesting), at: range) }
    }

    private func checkChain(_ chain: inout Int, at range: SourceRange) throws(LabError) {
        chain += 1
        if chain > Parser.maximumChain { throw LabError(.expressionTooLong(limit: Parser.maximumChain), at: range) }
    }

    private mutating func parsePostfix() throws(LabError) -> Expression {
        var expression = try parsePrimary()
        var chain = 0
        while true {
            if [.leftParen, .dot, .leftBracket].contains(current.kind) { try checkChain(&chain, at: current.range) }
            switch current.kind {
            case .leftParen:
                let open = advance()
                try enterNesting(at: open.range)
                let arguments = try parseArguments()
                depth -= 1
                expression = .call(expression, arguments, expression.range)
            case .dot:
                advance()
                let (name, range) = try expectName("a member name after '.'")
                expression = .member(expression, name, range)
            case .leftBracket:
                let open = advance()
                try enterNesting(at: open.range)
                // `x[i]`, or a slice `x[a..<b]` / `x[..<b]`.
                let lower = current.kind == .halfOpenRange ? nil : try parseExpression()
                if current.kind == .halfOpenRange {
                    advance()
                    let upper = try parseExpression()
                    let close = try expect(.rightBracket, "']' to close the slice")
                    depth -= 1
                    expression = .slice(expression, lower: lower, upper: upper, open.range.through(close.range))
                } else {
                    let close = try expect(.rightBracket, "']' or '..<' after the index")
                    depth -= 1
                    expression = .index(expression, lower!, open.range.through(close.range))
                }
            default:
                return expression
            }
        }
    }

    /// Arguments up to the closing `)`: `3, 32, kernel: 4`. A trailing comma is allowed.
    private mutating func parseArguments() throws(LabError) -> [ArgumentExpression] {
        var arguments: [ArgumentExpression] = []
        while current.kind != .rightParen {
            let start = current.range
            var label: String?
            if case .identifier(let name) = current.kind, peekKind(1) == .colon {
                label = name
                advance(); advance()
            }
            let value = try parseExpression()
            arguments.append(ArgumentExpression(label: label, value: value, range: start.through(value.range)))
            guard current.kind == .comma else { break }
            advance()
        }
        _ = try expect(.rightParen, "',' or ')' in the argument list")
        return arguments
    }

    private mutating func parsePrimary() throws(LabError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value): advance(); return .number(value, token.range)
        case .string(let value): advance(); return .string(value, token.range)
        case .keywordTrue: advance(); return .bool(true, token.range)
        case .keywordFalse: advance(); return .bool(false, token.range)
        case .identifier(let name): advance(); return .name(name, token.range)
        case .leftParen:
            advance()
            try enterNesting(at: token.range)
            let inner = try parseExpression()
            _ = try expect(.rightParen, "')' to close the parenthesis")
            depth -= 1
            return inner
        case .leftBracket:
            advance()
            try enterNesting(at: token.range)
            var elements: [Expression] = []
            while current.kind != .rightBracket {
                elements.append(try parseExpression())
                guard current.kind == .comma else { break }
                advance()
            }
            let close = try expect(.rightBracket, "',' or ']' in the list")
            depth -= 1
            return .list(elements, token.range.through(close.range))
        case .keywordLet, .keywordVar:
            throw LabError(.unexpectedToken(found: token.description, expected: "an expression ('\(token.text)' must start the line)"), at: token.range)
        default:
            throw LabError(.unexpectedToken(found: token.description, expected: "an expression"), at: token.range)
        }
    }
}
