import Foundation
import Testing

/// Finds the `lab` binary that `swift build` put beside this test bundle.
func labBinary() -> URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("lab")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/lab")
}

/// Runs `lab` with arguments and optional standard input; returns (status, stdout, stderr).
func runLab(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = labBinary()
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input.data(using: .utf8)!)
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

@Test func versionFlagPrintsTheEngineVersion() throws {
    let result = try runLab(["--version"])
    #expect(result.status == 0)
    #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}

@Test func helpFlagDescribesTheLab() throws {
    let result = try runLab(["--help"])
    #expect(result.status == 0)
    #expect(result.out.contains("USAGE: lab"))
}
