import Shell
import Testing
@testable import Lessons

/// The check language: each line of a ```check block, read into a test the lab evaluates.
@Suite struct CheckLanguageTests {
    @Test(arguments: [
        ("exists x", CheckCondition.Test.exists("x")),
        ("shape x == [2, 3]", .shape(CheckPath(root: "x", steps: []), [2, 3])),
        ("kind ae is Autoencoder", .kind(CheckPath(root: "ae", steps: []), typeName: "Autoencoder")),
        ("value x.shape[0] >= 4", .compare(CheckPath(root: "x", steps: [.member("shape"), .index(0)]), .greaterOrEqual, .number(4), tolerance: nil)),
        ("value g.item == 6 within 0.001", .compare(CheckPath(root: "g", steps: [.member("item")]), .equal, .number(6), tolerance: 0.001)),
        ("value run.losses.mean() < base - 0.5", .compare(CheckPath(root: "run", steps: [.member("losses"), .call("mean")]), .less,
                                                          .path(CheckPath(root: "base", steps: []), offset: -0.5), tolerance: nil)),
    ])
    func readsConditions(_ text: String, _ expected: CheckCondition.Test) throws {
        #expect(try CheckCondition.parseTest(text) == expected)
    }

    @Test(arguments: [
        ("open x", "it starts with 'open'; a condition starts with exists, kind, shape or value"),
        ("shape x = [2]", "expected '==' at '= [2]'"),
        ("value x ~ 3", "expected one of < <= > >= == != at '~ 3'"),
        ("value save(x) > 1", "expected one of < <= > >= == != at '(x) > 1'"),
        ("value x.train() > 1", "a check may call only max(), mean(), sum()"),
        ("exists x y", "unexpected 'y' at the end"),
        ("value x <", "expected a number but it ends"),
    ])
    func refusesMalformedConditions(_ text: String, _ reason: String) {
        #expect(throws: CheckSyntaxError(reason)) { try CheckCondition.parseTest(text) }
    }
}
