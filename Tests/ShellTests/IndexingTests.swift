import Testing
import TestSupport
@testable import Shell

/// `x[i]` and `x[a..<b]` on tensors, face sets and lists, along the first axis as NumPy and
/// PyTorch index, with the exact text a learner reads.
@Suite(.temporaryFolders) struct IndexingTests {
    static let setup = ["let x = tensor([[1, 2], [3, 4], [5, 6]])"]

    static let cases: [(line: String, printed: String)] = [
        ("x[1].shape", "[2]"),
        ("x[1].sum()", "7"),
        ("x[1..<3].shape", "[2, 2]"),
        ("x[..<1].sum()", "3"),
        ("x[0..<0].shape", "[0, 2]"),
        ("x[3]", "error: index 3 is out of range — valid indices are 0 to 2\n  x[3]\n   ^~~"),
        ("x[2..<1]", "error: the slice 2..<1 ends before it starts — write the smaller index first\n  x[2..<1]\n   ^~~~~~~"),
        ("x[-1]", "error: index -1 is out of range — valid indices are 0 to 2\n  x[-1]\n   ^~~~"),
        ("[1, 2, 3][1..<3]", "[2, 3]"),
        ("faces(\"faces-32\", count: 8)[0].shape", "[3, 32, 32]"),
        ("faces(\"faces-32\", count: 8)[2..<6].shape", "[4, 3, 32, 32]"),
    ]

    @Test(arguments: cases)
    func indexing(_ line: String, _ printed: String) {
        let output = transcript(makeSession(), Self.setup + [line])
        #expect(output == "x = Tensor[3, 2]\n" + printed)
    }
}
