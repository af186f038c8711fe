import Foundation
import Testing

/// `lab lesson N --auto`, `lab lessons check` and the lesson commands at a piped prompt, run
/// through the real binary.
@Suite struct LessonCommandTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lab-lesson-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func autoModeRunsALessonAndExportsIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runLab(["lesson", "1", "--auto", "--out", folder.appendingPathComponent("run").path,
                                 "--export", folder.appendingPathComponent("notebook").path])
        #expect(result.status == 0)
        #expect(result.err == "")
        #expect(result.out.contains("lab> backward(out)\nlab> grad(weights)\nTensor[3, 1]  min 0.2500  max 0.7500  mean 0.5000\n[0.2500, 0.5000, 0.7500]\n"))
        #expect(result.out.contains("Lesson 1 is done."))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("notebook").path).sorted()
        #expect(files == ["lesson-1-tensors.html", "lesson-1-tensors.ipynb", "lesson-1-tensors.md"])
        #expect(!result.out.contains("\u{1B}"))
    }

    @Test func lintReportsAMalformedLessonWithItsLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.md")
        try Data("---\nformat: 1\nid: bad\nnumber: 9\ntitle: Bad\nminutes: 1\nseed: 1\noutcomes: [x]\n---\n```lab id=a\nlet x = 1\n```\n```check\nvalue x > 2\n```\n".utf8).write(to: file)
        let result = try runLab(["lessons", "check", "--format-only", file.path])
        #expect(result.status == 1)
        #expect(result.out == "\(file.path):14: error: the check `value x > 2` has no hint: add an indented `hint: …` line under it\n1 lesson checked: 1 problem\n")
    }

    @Test func lintRunsALessonsCellsAgainstItsChecks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("wrong.md")
        try Data("---\nformat: 1\nid: wrong\nnumber: 9\ntitle: Wrong\nminutes: 1\nseed: 1\noutcomes: [x]\n---\n```lab id=a\nlet x = 1\n```\n```check\nvalue x > 2\n  hint: more\n```\n".utf8).write(to: file)
        let result = try runLab(["lessons", "check", file.path])
        #expect(result.status == 1)
        #expect(result.out == "running \(file.path) in auto mode…\nerror: \(file.path):14: step a: check `value x > 2` fails: x is 1\n1 lesson checked: 1 problem\n")
    }

    @Test func lessonCommandsWorkAtAPipedPrompt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = labBinary()
        process.arguments = ["--out", folder.appendingPathComponent("run").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": folder.path]) { $1 }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("lesson 1\nlet x = tensor([1, 2])\nnext\nwhere\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Wrapped to 80 columns, the width a pipe is given.
        #expect(text.contains("✗ Not yet: x has shape [2].\n  Hint: Two inner lists of three numbers each give two rows and three columns,\n  shape [2, 3].\n"))
        #expect(text.hasSuffix("Lesson 1 · Tensors and gradients — step 1 of 12 (make-tensor); 0 steps done.\n"))
        let saved = try String(contentsOf: folder.appendingPathComponent("deepfake-lab/progress.json"), encoding: .utf8)
        #expect(saved.contains("\"currentStep\" : \"make-tensor\""))
    }
}
