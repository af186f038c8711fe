import Engine
import Testing
import TestSupport
@testable import Shell

/// Thousands of random and malformed lines must never crash the shell or lose a variable:
/// a crash would take a learner's whole session with it.
@Suite(.temporaryFolders) struct FuzzTests {
    /// Pieces that combine into plausible and implausible lines alike.
    static let fragments = [
        "let", "var", "a", "b", "=", "(", ")", "[", "]", ",", ":", ".", "+", "-", "*", "/", " ",
        "0", "1", "3", "-1", "2.5", "2e-4", "1e308", "100000", "\"s\"", "\"", "true", "false",
        "zeros", "ones", "randn", "tensor", "sqrt", "log", "pow", "seed", "help", "vars",
        "shape", "mean", "reshape", "matmul", "count", "item", "std:", "mean:", "kernel:",
        "Linear", "Sequential", "ReLU", "Conv2d", "Flatten", "show", "save", "load", "mseLoss", "summary", "weight",
        "plot", "sample", "interpolate", "reconstruct", "labels", "attribute", "images", "steps:", "from:", "to:", "faces",
        "//", "\n", ";", "$", "!", "é", "🙂", "\t", "\\",
    ]

    @Test(arguments: [2026, 7, 99, 12345] as [UInt64])
    func randomLinesNeverCrashOrLoseVariables(seed: UInt64) {
        let session = makeSession()
        // `faces` is a face set, so its members and its use as a tensor are fuzzed too.
        transcript(session, ["let keep = 42", "let kept = tensor([1, 2])", "let faces = faces(count: 4)"])
        var generator = RandomGenerator(seed: seed)
        for _ in 0..<4000 {
            var line = ""
            for _ in 0..<Int(generator.next() % 12) + 1 {
                if generator.next() % 20 == 0 {
                    // A raw character from anywhere in the first 600 code points (controls included).
                    line.unicodeScalars.append(Unicode.Scalar(UInt8(generator.next() % 256)))
                } else {
                    line += Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
                }
            }
            _ = session.enter(line)
            if generator.next() % 50 == 0 { session.discardPendingInput() }
        }
        session.discardPendingInput()
        #expect(transcript(session, ["keep"]) == "42")
        #expect(transcript(session, ["kept.sum()"]) == "3")
    }

    @Test func deepAndLongLinesAreRefusedNotFatal() {
        let session = makeSession()
        transcript(session, ["let keep = 1"])
        let lines = [
            String(repeating: "-", count: 10_000) + "1",
            String(repeating: "[", count: 10_000),
            String(repeating: "a.", count: 5_000) + "b",
            String(repeating: "1 + ", count: 5_000) + "1",
            "tensor(" + String(repeating: "[", count: 70) + "1" + String(repeating: "]", count: 70) + ")",
        ]
        for line in lines {
            _ = session.enter(line)
            session.discardPendingInput()
        }
        #expect(transcript(session, ["keep"]) == "1")
    }
}
