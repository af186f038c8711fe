import Testing
import TestSupport
@testable import Shell

/// Tensors at the prompt: creation, broadcasting arithmetic, members, and the memory budget.
@Suite(.temporaryFolders) struct TensorEvaluationTests {
    static let values: [(line: String, printed: String)] = [
        ("zeros([2, 3])", "Tensor[2, 3]  min 0.0000  max 0.0000  mean 0.0000\n[0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000]"),
        ("tensor([[1, 2], [3, 4]]) * 2 + 1", "Tensor[2, 2]  min 3.0000  max 9.0000  mean 6.0000\n[3.0000, 5.0000, 7.0000, 9.0000]"),
        // Broadcasting: a [2, 1] column against a [3] row gives [2, 3].
        ("(tensor([[1], [2]]) + tensor([10, 20, 30])).shape", "[2, 3]"),
        ("-tensor([1, -2])", "Tensor[2]  min -1.0000  max 2.0000  mean 0.5000\n[-1.0000, 2.0000]"),
        ("tensor([1, 2, 3, 4]).mean()", "2.5"),
        ("tensor([1, 2, 3, 4]).reshape([2, -1]).shape", "[2, 2]"),
        ("ones([2, 3]).matmul(ones([3, 4])).sum()", "24"),
        ("sqrt(tensor([4, 9]))", "Tensor[2]  min 2.0000  max 3.0000  mean 2.5000\n[2.0000, 3.0000]"),
        ("let x = ones([784])", "x = Tensor[784]"),
        ("tensor(5).item", "5"),
    ]

    @Test(arguments: values)
    func printsValue(line: String, printed: String) {
        #expect(evaluateLine(line) == printed)
    }

    static let errors: [(line: String, message: String)] = [
        ("zeros([100000, 100000])", """
            error: a tensor of shape [100000, 100000] would need 37.3 GiB, more than the 2.0 GiB a single value may use — use smaller sizes
              zeros([100000, 100000])
              ^~~~~
            """),
        ("randn([1000000, 1000000])", """
            error: a tensor of shape [1000000, 1000000] would need 3.6 TiB, more than the 2.0 GiB a single value may use — use smaller sizes
              randn([1000000, 1000000])
              ^~~~~
            """),
        ("ones([50000, 1]) + ones([40000])", """
            error: the result of '+' (shape [50000, 40000]) would need 7.5 GiB, more than the 2.0 GiB a single value may use — use smaller sizes
              ones([50000, 1]) + ones([40000])
                               ^
            """),
        ("ones([2, 3]) + ones([4])", """
            error: add: shapes [2, 3] and [4] cannot be broadcast together (each dimension must match or be 1, counting from the right)
              ones([2, 3]) + ones([4])
                           ^
            """),
        ("ones([2, 3]).matmul(ones([2, 3]))", """
            error: matmul: inner dimensions differ: [2, 3] × [2, 3] (3 ≠ 2)
              ones([2, 3]).matmul(ones([2, 3]))
                           ^~~~~~
            """),
        ("tensor([[1, 2], [3]])", """
            error: tensor: 'values' rows must all have the same length ([2] vs [1])
              tensor([[1, 2], [3]])
                     ^~~~~~~~~~~~~
            """),
        ("zeros([2.5])", """
            error: zeros: 'shape' must be a list of whole numbers, not a list of 1 value
              zeros([2.5])
                    ^~~~~
            """),
        ("ones([2]).men()", """
            error: Tensor has no member 'men' — did you mean mean?
              ones([2]).men()
                        ^~~
            """),
        ("\"a\" * ones([2])", """
            error: cannot apply '*' to a string and a tensor of shape [2]
              "a" * ones([2])
                  ^
            """),
    ]

    @Test(arguments: errors)
    func reportsError(line: String, message: String) {
        #expect(evaluateLine(line) == message)
    }

    @Test func seedMakesRandomnessReproducible() {
        let session = makeSession()
        let first = transcript(session, ["seed(7)", "randn([3])"])
        let second = transcript(session, ["seed(7)", "randn([3])"])
        #expect(first == second)
        #expect(first == "Tensor[3]  min -0.1516  max 0.5871  mean 0.1767\n[-0.1516, 0.5871, 0.0945]")
    }

    /// Each session draws from its own stream: another session drawing in between (as tests
    /// running side by side do) changes nothing, and a fresh session starts at seed 0 every time.
    @Test func sessionsDrawFromTheirOwnStreams() {
        let alone = makeSession(), interleaved = makeSession(), other = makeSession()
        let expected = transcript(alone, ["randn([2])", "randn([2])"])
        var lines: [String] = []
        for _ in 0..<2 {
            lines.append(transcript(interleaved, ["randn([2])"]))
            _ = transcript(other, ["randn([5])"])
        }
        #expect(lines.joined(separator: "\n") == expected)
        #expect(transcript(makeSession(), ["randn([2])"]) == transcript(makeSession(), ["randn([2])"]))
    }
}
