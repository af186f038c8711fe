import Foundation
import Testing
import TestSupport
@testable import Shell

/// Completion is worked out from the line and cursor alone, so it is tested without a terminal.
@Suite(.temporaryFolders) struct CompleterTests {
    /// A session with a few variables, and a folder with known files for path completion.
    static func makeCompleter() throws -> Completer {
        let session = makeSession()
        transcript(session, ["let noise = randn([2, 3])", "var rate = 0.1", "let names = [1, 2]"])
        let folder = try temporaryFolder("completion")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("runs/first"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("model.safetensors").path, contents: Data())
        FileManager.default.createFile(atPath: folder.appendingPathComponent(".hidden").path, contents: Data())
        return Completer(evaluator: session.evaluator, currentDirectory: folder)
    }

    /// The line with `|` marking the cursor, the offset replacement starts at, and the candidates.
    static let cases: [(line: String, replaceFrom: Int, candidates: [String])] = [
        ("ze|", 0, ["zeros"]),
        ("no|", 0, ["noise"]),
        ("v|", 0, ["var", "vars", "verify"]),
        ("let x = ra|", 8, ["randn", "rate"]),
        ("noise.sh|", 6, ["shape"]),
        ("noise.re|", 6, ["relu(", "reshape("]),
        ("names.|", 6, ["count"]),
        ("randn([2], m|", 11, ["markPictures", "matchColour", "mean: ", "modes", "mseLoss"]),
        ("randn([2], st|", 11, ["std: ", "strip"]),
        ("noise.reshape(n|", 14, ["names", "noise"]),
        // Labels belong to the innermost open call: inside zeros( there are none.
        ("randn(zeros([1]), st|", 18, ["std: ", "strip"]),
        ("randn(zeros(s|", 12, ["sample", "save", "seam", "seed", "separation", "show", "showRows", "spectralDetector", "spectrum", "spotTheFake",
                                 "sqrt", "strip", "swap", "swapExam"]),
        ("Conv2d(3, 8, k|", 13, ["kernel: "]),
        ("let m = Lin|", 8, ["Linear"]),
        ("help ze|", 5, ["zeros"]),
        ("tensor(\"m|", 8, ["model.safetensors"]),
        ("tensor(\"r|", 8, ["runs/"]),
        ("tensor(\"runs/|", 8, ["runs/first/"]),
        ("tensor(\"|", 8, ["model.safetensors", "runs/"]),
        ("nothing.|", 8, []),
        ("1 + tru|", 4, ["true", "trueB"]),
        ("x // ze|", 5, ["zeros"]),
    ]

    @Test(arguments: cases)
    func completes(line: String, replaceFrom: Int, candidates: [String]) throws {
        let cursor = line.distance(from: line.startIndex, to: line.firstIndex(of: "|")!)
        let text = line.replacingOccurrences(of: "|", with: "")
        let completion = try Self.makeCompleter().complete(text, cursor: cursor)
        #expect(completion == Completer.Completion(replaceFrom: replaceFrom, candidates: candidates))
    }

    @Test func emptyLineOffersCommandsKeywordsBuiltinsAndVariables() throws {
        let candidates = try Self.makeCompleter().complete("", cursor: 0).candidates
        for expected in ["help", "let", "noise", "randn", "vars", "quit", "zeros"] {
            #expect(candidates.contains(expected))
        }
    }
}
