import Testing
@testable import Shell

struct LexerTests {
    static let cases: [(source: String, kinds: [TokenKind])] = [
        ("2e-4", [.number(0.0002)]),
        ("0.5 + 1_000", [.number(0.5), .plus, .number(1000)]),
        ("let x = \"a\\\"b\"", [.keywordLet, .identifier("x"), .equals, .string("a\"b")]),
        ("f(a: 1) // comment", [.identifier("f"), .leftParen, .identifier("a"), .colon, .number(1), .rightParen]),
        ("x.y[0]", [.identifier("x"), .dot, .identifier("y"), .leftBracket, .number(0), .rightBracket]),
        ("a\nb", [.identifier("a"), .newline, .identifier("b")]),
        // Inside brackets a line break does not end the statement.
        ("f(1,\n 2)", [.identifier("f"), .leftParen, .number(1), .comma, .number(2), .rightParen]),
        ("true false", [.keywordTrue, .keywordFalse]),
        // After an operator, too.
        ("1 +\n 2", [.number(1), .plus, .number(2)]),
    ]

    @Test(arguments: cases)
    func tokenKinds(source: String, kinds: [TokenKind]) throws {
        let tokens = try Lexer.tokens(of: source)
        #expect(tokens.map(\.kind) == kinds + [.endOfInput])
    }

    @Test(arguments: [("f(1,", true), ("[[1, 2]", true), ("f(1)", false), ("\"(\"", false), ("x // (", false),
                      ("\"unterminated (", false), ("1 +", true), ("let x =", true), ("x.", true), ("x +\n 1", false), ("-", true)])
    func incompleteInput(source: String, expected: Bool) {
        #expect(Lexer.isIncomplete(source) == expected)
    }

    @Test func positionsCountFromOne() throws {
        let tokens = try Lexer.tokens(of: "let ae =\n  Linear")
        #expect(tokens[1].range == SourceRange(line: 1, column: 5, length: 2))
        #expect(tokens[3].range == SourceRange(line: 2, column: 3, length: 6))
    }
}
