import Foundation
import Testing

/// Temporary folders for tests, removed when the test ends, whether it passes, fails or throws,
/// so that a test run leaves nothing behind in the system's temporary directory.
///
/// There is one mechanism, a scope that owns a root folder and deletes it at its end:
/// - `withTemporaryFolder("label") { folder in … }` is such a scope around a block of code;
/// - a test or suite marked `@Test(.temporaryFolders)` / `@Suite(.temporaryFolders)` gets one
///   around each test, for folders made with `temporaryFolder("label")` or, where the code under
///   test makes the folder itself (a shell session's output folder, a training run's),
///   `temporaryPath("label")`, however deep inside helpers.
///
/// Either outside any scope records an issue: the folder would be left behind.
/// Every folder is unique (a UUID in its name), so tests running in parallel never share files.
public final class TemporaryFolderScope: @unchecked Sendable {
    @TaskLocal static var current: TemporaryFolderScope?

    /// `deepfake-lab-tests-<uuid>` under the temporary directory, made with the first folder inside it.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("deepfake-lab-tests-\(UUID().uuidString)")

    /// A fresh path inside the root, `<label>-<uuid>`.
    func path(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    func removeAll() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A fresh path for code that makes the folder itself (a session's output folder, a training
/// run's), removed with everything in it at the end of the enclosing `withTemporaryFolder` or
/// `.temporaryFolders` test. Outside both it records an issue.
public func temporaryPath(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL {
    if let scope = TemporaryFolderScope.current { return scope.path(label) }
    Issue.record("""
        a temporary folder made outside a scope would be left behind: mark the test or its suite \
        with .temporaryFolders, or use withTemporaryFolder
        """, sourceLocation: sourceLocation)
    return FileManager.default.temporaryDirectory.appendingPathComponent("deepfake-lab-tests-unscoped-\(label)-\(UUID().uuidString)")
}

/// A fresh empty folder, removed like `temporaryPath`'s.
public func temporaryFolder(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    let folder = temporaryPath(label, sourceLocation: sourceLocation)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs `body` with a fresh empty folder and removes the folder (and everything in it, and every
/// folder `temporaryFolder` made meanwhile) afterwards, even when `body` throws.
public func withTemporaryFolder<Result>(_ label: String, _ body: (URL) throws -> Result) throws -> Result {
    let scope = TemporaryFolderScope()
    defer { scope.removeAll() }
    return try TemporaryFolderScope.$current.withValue(scope) { try body(temporaryFolder(label)) }
}

/// The trait behind `.temporaryFolders`: each test (each case of a parameterised test) runs in
/// a scope whose folders are removed when it ends.
public struct TemporaryFoldersTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        let scope = TemporaryFolderScope()
        defer { scope.removeAll() }
        try await TemporaryFolderScope.$current.withValue(scope) { try await function() }
    }
}

extension Trait where Self == TemporaryFoldersTrait {
    /// Removes, when each test ends, the folders `temporaryFolder` made for it.
    public static var temporaryFolders: Self { TemporaryFoldersTrait() }
}
