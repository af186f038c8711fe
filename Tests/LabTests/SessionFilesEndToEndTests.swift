import Foundation
import Imaging
import Testing
import TestSupport

/// What `lab` leaves on disk: pictures and checkpoints in the session folder, nothing elsewhere.
@Suite(.temporaryFolders) struct SessionFilesEndToEndTests {
    @Test func showAndSaveWriteIntoTheSessionFolder() throws {
        let folder = try ShellEndToEndTests.temporaryFolder().appendingPathComponent("session")
        let script = """
            seed(1)
            let faces = randn([4, 3, 16, 16])
            show(faces, name: "noise")
            let model = Sequential(Linear(4, 3), ReLU(), Linear(3, 1))
            save(model, "tiny.safetensors")
            """
        let result = try runLab(["--out", folder.path, "--no-images"], input: script)
        #expect(result.status == 0, "\(result.err)")
        // A 2×2 grid of 16-pixel images with the grid's gutters, decodable, with the lab's labels.
        let (image, text) = try PNGFile.read(folder.appendingPathComponent("noise.png").path)
        #expect(image.width > 32 && image.height > 32)
        #expect(text.contains { $0.key == "Software" && $0.value.hasPrefix("Deepfake Lab") })
        #expect(text.contains { $0.key == "Synthetic" })
        let checkpoint = try Data(contentsOf: folder.appendingPathComponent("tiny.safetensors"))
        // safetensors: an 8-byte little-endian header length, then a JSON header naming the tensors.
        let headerLength = checkpoint.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = String(decoding: checkpoint.dropFirst(8).prefix(headerLength), as: UTF8.self)
        #expect(header.contains("\"0.weight\"") && header.contains("\"2.bias\""))
        #expect(result.out.contains("\(folder.path)/noise.png"))
    }

    @Test func aScriptCannotWriteOutsideItsSessionFolder() throws {
        let base = try ShellEndToEndTests.temporaryFolder()
        let script = base.appendingPathComponent("escape.lab")
        let target = base.appendingPathComponent("stolen.safetensors").path
        try "save(Linear(1, 1), \"\(target)\")\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try runLab(["run", script.path, "--out", base.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.err == """
            \(script.path):1:1: error: scripts may only write inside the session folder \
            \(base.appendingPathComponent("out").path), not \(target) — use a plain file name
              save(Linear(1, 1), "\(target)")
              ^~~~

            """)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func theDefaultFolderIsRunsDateTime() throws {
        let base = try ShellEndToEndTests.temporaryFolder()
        let process = Process()
        process.executableURL = labBinary()
        process.currentDirectoryURL = base
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("show(ones([1, 4, 4]))\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let runs = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("runs").path)
        #expect(runs.count == 1)
        // 2026-11-22_14-38-05
        #expect(runs.first?.range(of: #"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}$"#, options: .regularExpression) != nil)
    }
}
