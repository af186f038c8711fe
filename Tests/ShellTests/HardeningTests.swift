import Engine
import Foundation
import Testing
import TestSupport
@testable import Shell

/// What a hostile or careless script must not do to a session: grow a value without bound,
/// nest it past any recursion, take quadratic time over continuation lines, write a file as
/// the session folder or through a link out of it. Each class has its exact message.
@Suite(.temporaryFolders) struct HardeningTests {
    /// A session in a fresh folder, removed when the test ends (`.temporaryFolders`).
    final class TemporarySession {
        let session: Session
        let folder: URL
        init(scripted: Bool = false) throws {
            folder = try temporaryFolder("hardening")
            session = Session(outputFolder: folder)
            if scripted { session.context.writePolicy = .insideOutputFolder }
        }
    }

    @Test func doublingAListStopsAtTheBudgetAndPrintsElided() throws {
        let scratch = try TemporarySession()
        transcript(scratch.session, ["var a = [1]"] + Array(repeating: "a = [a, a]", count: 30))
        // After k doublings the list has 3·2ᵏ − 2 slots (S₀ = 1, Sₖ = 2 + 2·Sₖ₋₁), one Value each;
        // the message names the first doubling past the budget.
        var slots = 1
        while (2 + 2 * slots) * MemoryLayout<Value>.stride <= MemoryBudget.bytesPerTextOrList { slots = 2 + 2 * slots }
        let listBytes = MemoryBudget.text(bytes: (2 + 2 * slots) * MemoryLayout<Value>.stride)
        #expect(transcript(scratch.session, ["a = [a, a]"]) == """
            error: this list would need \(listBytes), more than the 64.0 MiB a string or list may use — keep data in tensors
              a = [a, a]
                  ^~~~~~
            """)
        let printed = transcript(scratch.session, ["a"])
        #expect(printed.hasPrefix("[[[[[…], […]], [[…], […]]], [[[…], […]], [[…], […]]]], "))
        #expect(printed.count < 2_100)
    }

    @Test func doublingAStringStopsAtTheBudget() throws {
        let scratch = try TemporarySession()
        transcript(scratch.session, ["var s = \"ab\""] + Array(repeating: "s = s + s", count: 25))  // 64 MiB: the most allowed
        #expect(transcript(scratch.session, ["s = s + s", "s.count"]).hasPrefix("""
            error: this string would need 128.0 MiB, more than the 64.0 MiB a string or list may use — keep data in tensors
              s = s + s
                    ^
            """))
    }

    @Test func nestingALineAtATimeStopsAtTheParsersLimit() throws {
        let scratch = try TemporarySession()
        transcript(scratch.session, ["var d = [1]"] + Array(repeating: "d = [d]", count: 63))
        #expect(transcript(scratch.session, ["d = [d]", "d"]) == """
            error: this list would nest more than 64 lists deep — keep lists flat, or use a tensor
              d = [d]
                  ^~~
            [[[[[…]]]]]
            """)
    }

    static let printing: [(String, String)] = [
        ("\"a\u{1B}[2Jb\"", "\"a\\u{1B}[2Jb\""),  // a raw ESC typed or piped in: printed visibly
        ("\"" + String(repeating: "y", count: 2_100) + "\"", "\"" + String(repeating: "y", count: 2_000) + "…\" (2100 characters)"),
        ("[\"" + String(repeating: "x", count: 300) + "\"]", "[\"" + String(repeating: "x", count: 200) + "…\" (300 characters)]"),
        ("0.001 * 1", "0.001"),
    ]

    @Test(arguments: printing)
    func valuesPrintBoundedAndEscaped(line: String, printed: String) {
        #expect(evaluateLine(line) == printed)
    }

    /// 20,000 continuation lines: each is lexed once (the old session lexed the whole statement
    /// again for every line, 30 s for 8,000 lines).
    @Test func longContinuationsAreRead() throws {
        let scratch = try TemporarySession()
        let lines = ["let long = ["] + Array(repeating: "1,", count: 20_000) + ["2]", "long.count"]
        #expect(transcript(scratch.session, lines) == "long = [1, 1, 1, 1, 1, 1, 1, 1, … (20001 values)]\n20001")
    }

    static let fileNames: [(String, String)] = [
        ("save(m, \"\")", "error: \"\": is not a file name — give one such as \"model.safetensors\"\n  save(m, \"\")\n  ^~~~"),
        ("save(m, \"notes/\")", "error: notes/: is not a file name — give one such as \"model.safetensors\"\n  save(m, \"notes/\")\n  ^~~~"),
        ("save(m, \"..\")", "error: ..: is not a file name — give one such as \"model.safetensors\"\n  save(m, \"..\")\n  ^~~~"),
        ("save(m, \"sub/.\")", "error: sub/.: is not a file name — give one such as \"model.safetensors\"\n  save(m, \"sub/.\")\n  ^~~~"),
    ]

    @Test(arguments: fileNames)
    func namesThatAreNotFilesAreRefused(line: String, message: String) throws {
        let scratch = try TemporarySession(scripted: true)
        transcript(scratch.session, ["let m = Linear(2, 2)"])
        #expect(transcript(scratch.session, [line]) == message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == [])
    }

    /// A link inside the session folder that leads out of it is followed before the check.
    @Test func linksOutOfTheSessionFolderAreRefused() throws {
        let scratch = try TemporarySession(scripted: true)
        let outside = try TemporarySession()
        try FileManager.default.createSymbolicLink(at: scratch.folder.appendingPathComponent("link"), withDestinationURL: outside.folder)
        try FileManager.default.createSymbolicLink(at: scratch.folder.appendingPathComponent("dangling"),
                                                   withDestinationURL: outside.folder.appendingPathComponent("none/deeper"))
        transcript(scratch.session, ["let m = Linear(2, 2)"])
        let folder = scratch.folder.path
        #expect(transcript(scratch.session, ["save(m, \"link/e.safetensors\")"]) == """
            error: scripts may only write inside the session folder \(folder), not link/e.safetensors — use a plain file name
              save(m, "link/e.safetensors")
              ^~~~
            """)
        #expect(transcript(scratch.session, ["save(m, \"dangling/e.safetensors\")"]).hasPrefix("error: scripts may only write inside the session folder"))
        #expect(transcript(scratch.session, ["save(m, \"inside/../e.safetensors\")"]) == "\"\(folder)/inside/../e.safetensors\"")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path) == [])
    }

    static let messages: [(String, String)] = [
        ("pow(-8, 1/3)", "error: pow: 'exponent' must be a whole number when the base is negative "
            + "(a negative number has no real 0.3333333333333333 power; try -pow(8, 0.3333333333333333))\n  pow(-8, 1/3)\n          ^~"),
        ("pow(0, -1)", "error: pow: 'exponent' must not be negative when the base is 0 (division by zero)\n  pow(0, -1)\n         ^~"),
        ("zeros([0]).mean()", "nan"),
        ("randn([2], std: -1)", "error: randn: std must be a finite number ≥ 0, not -1.0\n  randn([2], std: -1)\n  ^~~~~"),
        ("train(Linear(2, 2), inputs: randn([8, 2]), targets: ones([8, 2]) * 1e30)",
         "error: dataset: the targets reach 1.00e30: values this large overflow the loss whatever the learning rate — "
            + "scale the data to about [-1, 1]\n  train(Linear(2, 2), inputs: randn([8, 2]), targets: ones([8, 2]) * 1e30)\n  ^~~~~"),
    ]

    @Test(arguments: messages)
    func smallerMessages(line: String, message: String) {
        #expect(evaluateLine(line) == message)
    }

    @Test func helpMarksOptionalArgumentsAndPrintsFloatDefaults() {
        let help = evaluateLine("help trainClassifier")
        #expect(help.contains("trainClassifier(_ model: Layer, question: String, gan: Layer?, lr: Double = 0.001, "))
        #expect(help.contains("  gan       for \"real\": the DCGAN whose fakes the detector must catch (optional)\n"))
        #expect(help.contains("  lr        Adam's learning rate (default 0.001)\n"))
    }

    /// The guard's sentence is printed under `let run = …` too, not only when the run is printed.
    @Test func theGuardsExplanationShowsWhenBound() throws {
        let scratch = try TemporarySession()
        let printed = transcript(scratch.session, ["let run = trainAutoencoder(Autoencoder(latent: 8, width: 4), lr: 9.9, steps: 100)"])
        let lines = printed.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("run = LossHistory[") == true)
        #expect(lines.dropFirst().first?.hasPrefix("training stopped: loss has risen for 25 steps") == true)
        #expect(lines.last?.hasPrefix("held-out reconstructions of 200 faces: PSNR ") == true)
    }
}
