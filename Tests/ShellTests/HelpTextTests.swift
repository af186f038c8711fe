import Foundation
import Testing
import TestSupport
import Engine
@testable import Shell

/// Numbers a learner reads: a Float from the engine prints as its shortest decimal form, the
/// way it was typed, not as the binary fraction a float32 really holds.
@Suite(.temporaryFolders) struct NumberDisplayTests {
    static let floats: [(Float, String)] = [
        (0.003, "0.003"), (0.15, "0.15"), (0.999, "0.999"), (0.1, "0.1"), (2e-4, "0.0002"),
        (5e-4, "0.0005"), (1.0 / 3.0, "0.33333334"), (0.5, "0.5"), (3, "3"), (-0.7, "-0.7"),
        (1e-7, "1e-07"), (.nan, "nan"), (.infinity, "inf"),
    ]

    @Test(arguments: floats)
    func floatsPrintAsTyped(_ value: Float, _ printed: String) {
        #expect(Value.float(value).shortDescription == printed)
    }

    @Test(arguments: [("tensor([0.1, 0.2]).mean()", "0.15"), ("tensor([0.999]).item", "0.999"),
                      ("tensor([0.1, 0.2, 0.3]).sum()", "0.6")])
    func tensorResultsPrintAsTyped(_ line: String, _ printed: String) {
        #expect(evaluateLine(line) == printed)
    }
}

/// `help NAME` for every built-in, against the reviewed text in Golden/help.txt. The registry
/// lists them all, so a new built-in without golden text fails here until its help is read and
/// added (run with LAB_UPDATE_GOLDEN=1 to rewrite the file, then review the diff).
@Suite(.temporaryFolders) struct HelpTextTests {
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/help.txt")

    static func currentText() throws -> String {
        let registry = BuiltinRegistry.standard()
        return try registry.names.map { "=== help \($0)\n" + (try registry.help(for: $0)) + "\n" }.joined(separator: "\n")
    }

    @Test func everyBuiltinsHelpMatchesTheGoldenText() throws {
        let current = try Self.currentText()
        if ProcessInfo.processInfo.environment["LAB_UPDATE_GOLDEN"] != nil {
            try current.write(to: Self.goldenFile, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: Self.goldenFile, encoding: .utf8)
        let currentSections = current.components(separatedBy: "=== ").dropFirst()
        let goldenSections = golden.components(separatedBy: "=== ").dropFirst()
        #expect(currentSections.count == goldenSections.count, "built-ins: \(currentSections.count), golden sections: \(goldenSections.count)")
        for (now, then) in zip(currentSections, goldenSections) {
            #expect(now == then)
        }
    }
}
