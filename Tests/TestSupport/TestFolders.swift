import Foundation

/// A fresh empty folder under the system's temporary directory, unique per call, so tests
/// running in parallel never share files.
public func makeTemporaryFolder(_ label: String) throws -> String {
    let path = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("faces-tests-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
