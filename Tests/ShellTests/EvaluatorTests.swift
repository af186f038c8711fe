import Testing
import TestSupport
import Models
@testable import Shell

/// Each line is typed into a fresh session; the expected text is exactly what the prompt prints.
@Suite(.temporaryFolders) struct EvaluatorTests {
    static let values: [(line: String, printed: String)] = [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("-2 - -3", "1"),
        ("2e-4", "0.0002"),
        ("10 / 4", "2.5"),
        ("\"deep\" + \"fake\"", "\"deepfake\""),
        ("[1, 2] + [3]", "[1, 2, 3]"),
        ("[1, [2, true], \"x\"]", "[1, [2, true], \"x\"]"),
        ("[10, 20, 30][1]", "20"),
        ("[1, 2, 3].count", "3"),
        ("let x = 5", "x = 5"),
        ("sqrt(16)", "4"),
        ("pow(2, 10)", "1024"),
        ("sqrt", "sqrt(_ x: Double or Tensor) -> Double or Tensor\n  the square root"),
        ("1; 2", "1\n2"),
        ("// only a comment", ""),
        ("", ""),
    ]

    @Test(arguments: values)
    func printsValue(line: String, printed: String) {
        #expect(evaluateLine(line) == printed)
    }

    static let errors: [(line: String, message: String)] = [
        ("Sqrt(2)", """
            error: unknown name 'Sqrt' — did you mean sqrt?
              Sqrt(2)
              ^~~~
            """),
        ("let x = 1 + )", """
            error: expected an expression, found ')'
              let x = 1 + )
                          ^
            """),
        ("1 / 0", """
            error: division by zero
              1 / 0
                ^
            """),
        ("\"a\" - 1", """
            error: cannot apply '-' to a string and a number
              "a" - 1
                  ^
            """),
        ("pow(2)", """
            error: pow needs a value for 'exponent' — pow(_ base: Double, _ exponent: Double) -> Double
              pow(2)
              ^~~
            """),
        ("pow(2, 3, 4)", """
            error: pow takes at most 2 unlabelled arguments but got 3 — type help pow
              pow(2, 3, 4)
                        ^
            """),
        ("sqrt(x: 4)", """
            error: sqrt: this argument takes no label — remove 'x:'
              sqrt(x: 4)
                   ^~~~
            """),
        ("sqrt(\"four\")", """
            error: sqrt: 'x' must be a number, not a string
              sqrt("four")
                   ^~~~~~
            """),
        ("sqrt(-1)", """
            error: sqrt: 'x' must not be negative
              sqrt(-1)
                   ^~
            """),
        ("[1].cont", """
            error: List has no member 'cont' — did you mean count?
              [1].cont
                  ^~~~
            """),
        ("1 2", """
            error: expected end of line or an operator, found number 2
              1 2
                ^
            """),
        ("f(1))", """
            error: expected end of line (this bracket closes nothing), found ')'
              f(1))
                  ^
            """),
        ("let = 3", """
            error: expected a name after 'let', found '='
              let = 3
                  ^
            """),
        ("$x", """
            error: unexpected character '$'
              $x
              ^
            """),
        ("!ls", """
            error: there is no shell escape in lab — run shell commands in another terminal
              !ls
              ^
            """),
        ("\"open", """
            error: this string has no closing '"' — strings end on the line they start
              "open
              ^
            """),
        ("[1][3]", """
            error: index 3 is out of range — valid indices are 0 to 0
              [1][3]
                 ^~~
            """),
        ("3(1)", """
            error: a number is not a function and cannot be called
              3(1)
              ^
            """),
        ("[1].size", """
            error: List has no member 'size' — its members are count
              [1].size
                  ^~~~
            """),
        ("y = 2", """
            error: 'y' is not declared yet — write let y = … (or var to change it later)
              y = 2
              ^
            """),
        ("help Sqr", """
            error: no help for 'Sqr' — did you mean sqrt?
              help Sqr
              ^~~~
            """),
        ("1e999", """
            error: '1e999' is not a number lab can represent
              1e999
              ^~~~~
            """),
    ]

    @Test(arguments: errors)
    func reportsError(line: String, message: String) {
        #expect(evaluateLine(line) == message)
    }

    @Test func letIsConstantAndVarIsNot() {
        let session = makeSession()
        let printed = transcript(session, ["let rate = 0.1", "rate = 0.2", "var steps = 10", "steps = steps * 2", "steps"])
        #expect(printed == """
            rate = 0.1
            error: 'rate' is a let constant and cannot change — declare it with var to reassign it
              rate = 0.2
              ^~~~
            steps = 10
            steps = 20
            20
            """)
    }

    @Test func statementsSpanLinesWhileBracketsAreOpen() {
        let session = makeSession()
        #expect(session.enter("let sizes = [").needsMoreInput)
        #expect(session.enter("  1, // first").needsMoreInput)
        let reply = session.enter("  2]")
        #expect(reply.outputs == [.text("sizes = [1, 2]")])
    }

    @Test func anUnclosedBracketAtTheEndIsReported() {
        let printed = transcript(makeSession(), ["pow(2,"])
        #expect(printed == """
            error: the input ended in the middle of a statement — close its brackets or finish the expression
              pow(2,
                    ^
            """)
    }

    @Test func aFailedStatementKeepsTheOldValue() {
        let session = makeSession()
        let printed = transcript(session, ["let x = 1", "let x = nope", "x"])
        #expect(printed.hasSuffix("\n1"))
    }

    @Test func scriptErrorsNameTheFileAndLine() {
        let session = makeSession()
        session.fileName = "demo.lab"
        _ = session.enter("let a = 1", lineNumber: 1)
        let reply = session.enter("a + b", lineNumber: 2)
        #expect(reply.error == """
            demo.lab:2:5: error: unknown name 'b' — type help to list the built-ins, vars for your variables
              a + b
                  ^
            """)
    }

    @Test func didYouMeanPrefillsTheCorrectedLine() {
        let reply = makeSession().enter("let r = Sqrt(9)")
        #expect(reply.suggestedLine == "let r = sqrt(9)")
    }

    @Test func varsListsBindings() {
        let printed = transcript(makeSession(), ["let a = 1", "var b = \"x\"", "vars"])
        #expect(printed.hasSuffix("let a = 1\nvar b = \"x\""))
    }

    @Test func helpComesFromTheRegistry() {
        let printed = evaluateLine("help pow")
        #expect(printed == """
            pow(_ base: Double, _ exponent: Double) -> Double
              base raised to exponent
            Parameters:
              base      the base
              exponent  the power
            Example:
              pow(2, 10)
            """)
        #expect(evaluateLine("help").contains("  sqrt  the square root"))
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(evaluateLine(deep) == """
            error: brackets nest more than 64 deep — split this into several lines with let
              \(deep)
            \(String(repeating: " ", count: 66))^
            """)
    }
}

/// `help NAME` shows an example for every built-in; each must run as printed, so help never
/// teaches something that fails. (Examples that write files write into a temporary folder.)
@Suite(.temporaryFolders) struct HelpExampleTests {
    static let names = BuiltinRegistry.standard().names

    @Test(arguments: names)
    func exampleRuns(name: String) throws {
        let session = makeSession()
        transcript(session, ["let model = Linear(3, 2)", "save(model, \"mlp.safetensors\")"])
        let example = try #require(BuiltinRegistry.standard()[name]).example
        let reply = session.enter(example)
        #expect(reply.error == nil, "help \(name): \(example)")
    }
}

/// What the next prompt starts with: a lesson's suggestion first, else the last error's fix.
@Suite(.temporaryFolders) struct SuggestionTests {
    @Test func aLessonSuggestionWinsOverACorrection() {
        let session = makeSession()
        let reply = session.enter("Sqrt(4)")
        session.suggest("let ae = Autoencoder(latent: 32)")
        #expect(session.takeSuggestion(after: reply) == "let ae = Autoencoder(latent: 32)")
        #expect(session.takeSuggestion(after: reply) == "sqrt(4)")
        #expect(session.takeSuggestion(after: nil) == nil)
    }
}
