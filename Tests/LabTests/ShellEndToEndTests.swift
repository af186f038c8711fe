import Foundation
import Testing
import TestSupport

/// The real `lab` binary, fed scripts through a pipe or a file, as a learner or CI would run it.
@Suite(.temporaryFolders) struct ShellEndToEndTests {
    /// A fresh, empty folder for a session's output, removed when the test ends (`.temporaryFolders`).
    static func temporaryFolder() throws -> URL {
        try TestSupport.temporaryFolder("e2e")
    }

    /// A piped script, like `lab run`, writes only inside the session folder: a path that climbs
    /// out of it is refused, and nothing appears beside the folder.
    @Test func pipedScriptsCannotWriteOutsideTheSessionFolder() throws {
        let parent = try Self.temporaryFolder()
        let out = parent.appendingPathComponent("session")
        let script = """
            save(Sequential(Linear(2, 2)), "../escaped.safetensors")
            save(Sequential(Linear(2, 2)), "kept.safetensors")
            """
        let result = try runLab(["--out", out.path], input: script)
        #expect(result.err == """
            error: scripts may only write inside the session folder \(out.path), not ../escaped.safetensors — \
            use a plain file name
              save(Sequential(Linear(2, 2)), "../escaped.safetensors")
              ^~~~

            """)
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escaped.safetensors").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("kept.safetensors").path))
        #expect(result.status == 1)
    }

    @Test func pipedInputPrintsValuesWithoutPromptsAndCarriesOnAfterErrors() throws {
        let out = try Self.temporaryFolder().path
        let script = """
            let x = tensor([1, 2, 3])
            x * 2
            x.men()
            let total = x.sum() +
              0
            total
            """
        let result = try runLab(["--out", out], input: script)
        #expect(result.out == """
            x = Tensor[3]
            Tensor[3]  min 2.0000  max 6.0000  mean 4.0000
            [2.0000, 4.0000, 6.0000]
            total = 6
            6

            """)
        #expect(result.err == """
            error: Tensor has no member 'men' — did you mean mean?
              x.men()
                ^~~

            """)
        // The pipe carried on after the error, and says so in its status.
        #expect(result.status == 1)
        #expect(!result.out.contains("\u{1B}") && !result.err.contains("\u{1B}"))
    }

    @Test func aCleanPipeExitsWithZero() throws {
        let result = try runLab(["--out", Self.temporaryFolder().path], input: "1 + 1\n")
        #expect(result == (0, "2\n", ""))
    }

    @Test func runStopsAtTheFirstErrorWithItsLineNumber() throws {
        let folder = try Self.temporaryFolder()
        let script = folder.appendingPathComponent("demo.lab")
        try "let a = 2\n\nlet b = a * 3\nb + c\nlet never = 1\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try runLab(["run", script.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.out == "a = 2\nb = 6\n")
        #expect(result.err == """
            \(script.path):4:5: error: unknown name 'c' — type help to list the built-ins, vars for your variables
              b + c
                  ^

            """)
    }

    @Test func runReportsAnUnreadableFile() throws {
        let result = try runLab(["run", "/nonexistent/script.lab"])
        #expect(result.status == 2)
        #expect(result.err == "error: cannot read /nonexistent/script.lab: no such file\n")
    }

    @Test func seedMakesTwoRunsIdentical() throws {
        let first = try runLab(["--seed", "7", "--out", Self.temporaryFolder().path], input: "randn([4])\n")
        let second = try runLab(["--seed", "7", "--out", Self.temporaryFolder().path], input: "randn([4])\n")
        let other = try runLab(["--seed", "8", "--out", Self.temporaryFolder().path], input: "randn([4])\n")
        #expect(first.out == second.out)
        #expect(first.out != other.out)
        #expect(first.out == "Tensor[4]  min -0.1516  max 1.8753  mean 0.6013\n[-0.1516, 0.5871, 0.0945, 1.8753]\n")
    }

    @Test func helpAtThePromptListsTheBuiltins() throws {
        let result = try runLab(["--out", Self.temporaryFolder().path], input: "help\nhelp randn\n")
        #expect(result.out.contains("Tensors:\n  zeros "))
        #expect(result.out.contains("randn(_ shape: [Int], mean: Double = 0, std: Double = 1) -> Tensor"))
    }

    @Test func memoryHogsAreRefusedAndTheSessionGoesOn() throws {
        let result = try runLab(["--out", Self.temporaryFolder().path], input: "let big = zeros([1000000, 1000000])\nlet small = 1\nsmall\n")
        #expect(result.err == """
            error: a tensor of shape [1000000, 1000000] would need 3.6 TiB, more than the 2.0 GiB a single value \
            may use — use smaller sizes
              let big = zeros([1000000, 1000000])
                        ^~~~~

            """)
        #expect(result.out == "small = 1\n1\n")
    }

    @Test func quitStopsReadingInput() throws {
        let result = try runLab(["--out", Self.temporaryFolder().path], input: "1\nquit\n2\n")
        #expect(result.out == "1\n")
        #expect(result.status == 0)
    }
}

/// Ctrl-C during a script's training stops the training, not the script.
@Suite(.temporaryFolders) struct ScriptInterruptTests {
    @Test func ctrlCStopsTrainingAndTheScriptCarriesOn() throws {
        let folder = try ShellEndToEndTests.temporaryFolder()
        let script = folder.appendingPathComponent("long.lab")
        try """
            let model = Sequential(Linear(64, 64), ReLU(), Linear(64, 64))
            train(model, inputs: randn([32, 64]), targets: zeros([32, 64]), steps: 1000000)
            model.parameterCount
            """.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = labBinary()
        process.arguments = ["run", script.path, "--out", folder.appendingPathComponent("out").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // A million steps cannot finish in the second and a half this waits.
        usleep(1_500_000)
        kill(process.processIdentifier, SIGINT)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("\ninterrupted after step "))
        #expect(printed.hasSuffix("\n8320\n"))
    }
}
