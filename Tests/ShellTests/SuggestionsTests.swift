import Testing
@testable import Shell

/// "Did you mean": distances by hand, and which typos find which names.
struct SuggestionsTests {
    @Test(arguments: [
        ("steps", "steps", 0), ("stpes", "steps", 1), ("kitten", "sitting", 3),
        ("", "abc", 3), ("ca", "abc", 3), ("conv2d", "conv2d", 0), ("lienar", "linear", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestions.editDistance(a, b) == expected)
    }

    @Test(arguments: [
        ("stpes", ["steps", "seed", "batch"], "steps" as String?),
        ("Conv2D", ["Conv2d", "ConvTranspose2d"], "Conv2d"),
        ("x", ["y", "z"], nil),
        ("completelywrong", ["steps"], nil),
    ])
    func closest(name: String, candidates: [String], expected: String?) {
        #expect(Suggestions.closest(to: name, among: candidates) == expected)
    }
}
