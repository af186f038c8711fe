import Foundation
import Imaging
import Testing
@testable import Faces

/// Writes contact sheets of random faces for a person to look at, when asked:
///
///     FACES_PREVIEW_DIR=/tmp/faces swift test --filter FacePreviewTests
///
/// Whether a face reads as a face cannot be asserted in code; this is how we check by eye.
@Test func writePreviewGridsWhenAsked() throws {
    guard let folder = ProcessInfo.processInfo.environment["FACES_PREVIEW_DIR"] else { return }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let seedOffset = UInt64(ProcessInfo.processInfo.environment["FACES_PREVIEW_SEED"] ?? "0") ?? 0
    let size = Int(ProcessInfo.processInfo.environment["FACES_PREVIEW_SIZE"] ?? "64") ?? 64
    let count = Int(ProcessInfo.processInfo.environment["FACES_PREVIEW_COUNT"] ?? "64") ?? 64
    let faces = (0..<count).map { FaceRenderer.render(.random(seed: seedOffset + UInt64($0)), size: size) }
    let grid = ImageGrid.make(faces, columns: min(8, count), captions: (0..<count).map { String(seedOffset + UInt64($0)) })
    try PNGFile.write(grid.upscaled(by: max(1, 512 / grid.width)), to: folder + "/random-\(size).png")
}
