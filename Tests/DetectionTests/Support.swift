import Foundation
import Imaging
import Testing

/// Checks two arrays agree within `tolerance` (absolute, scaled by the reference's largest
/// magnitude when `relative`); a failure names the sizes, the first values and the worst index,
/// at the caller's line.
func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float, relative: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("sizes differ: \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    let scale = relative ? max(1, expected.map(abs).max() ?? 1) : 1
    var worst = 0, worstDifference: Float = 0
    for index in actual.indices where abs(actual[index] - expected[index]) > worstDifference {
        worst = index
        worstDifference = abs(actual[index] - expected[index])
    }
    if worstDifference > tolerance * scale {
        Issue.record("""
            largest difference \(worstDifference) at index \(worst) (\(actual[worst]) vs \(expected[worst])), \
            tolerance \(tolerance * scale); first values \(Array(actual.prefix(4))) vs \(Array(expected.prefix(4)))
            """, sourceLocation: sourceLocation)
    }
}

/// A fresh empty folder under the system's temporary directory; `body` runs with it and it is
/// removed afterwards, whatever happens, so tests leave nothing behind.
func withTemporaryFolder<Result>(_ label: String, _ body: (String) throws -> Result) throws -> Result {
    let path = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("detection-tests-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A gray picture of `plane` (values already on 0...255), as RGB.
func grayPicture(_ plane: [Float], width: Int, height: Int) -> Image {
    var pixels: [UInt8] = []
    for value in plane { pixels += Array(repeating: UInt8(min(255, max(0, value.rounded()))), count: 3) }
    return Image(width: width, height: height, channels: 3, pixels: pixels)
}
