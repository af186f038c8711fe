import Foundation
import Imaging
import Testing
import Faces

/// Writes contact sheets of random faces for a person to look at, when asked:
///
///     FACES_PREVIEW_DIR=/tmp/faces swift test --filter FacePreviewTests
///
/// Whether a face reads as a face cannot be asserted in code; this is how we check by eye.
/// Without the variable these are reported as skipped, not as passed.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["FACES_PREVIEW_DIR"] != nil, "set FACES_PREVIEW_DIR to run"))
struct FacePreviewTests {
    @Test func writePreviewGridsWhenAsked() throws {
        let folder = try #require(ProcessInfo.processInfo.environment["FACES_PREVIEW_DIR"])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seedOffset = UInt64(ProcessInfo.processInfo.environment["FACES_PREVIEW_SEED"] ?? "0") ?? 0
        let size = Int(ProcessInfo.processInfo.environment["FACES_PREVIEW_SIZE"] ?? "64") ?? 64
        let count = Int(ProcessInfo.processInfo.environment["FACES_PREVIEW_COUNT"] ?? "64") ?? 64
        let faces = (0..<count).map { FaceRenderer.render(.random(seed: seedOffset + UInt64($0)), size: size, supersampling: size <= 32 ? 2 : 1) }
        let grid = try ImageGrid.make(faces, columns: min(8, count), captions: (0..<count).map { String(seedOffset + UInt64($0)) })
        try PNGFile.write(grid.upscaled(by: max(1, 600 / grid.width)), to: folder + "/random-\(size).png")
    }

    /// Person A (top two rows) and person B (bottom two) in the same sixteen moments.
    @Test func writePairPreviewWhenAsked() throws {
        let folder = try #require(ProcessInfo.processInfo.environment["FACES_PREVIEW_DIR"])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let moments = (0..<UInt64(16)).map { $0 * 7 + 1 }
        let faces = [FacePair.personA, FacePair.personB].flatMap { person in
            moments.map { FaceRenderer.render(FacePair.attributes(person, momentSeed: $0), size: 64) }
        }
        try PNGFile.write(try ImageGrid.make(faces, columns: 8).upscaled(by: 2), to: folder + "/pair-64.png")
    }

    /// One random person turned from −35° to 35°, then the same with roll, pitch and expressions.
    @Test func writePosePreviewWhenAsked() throws {
        let folder = try #require(ProcessInfo.processInfo.environment["FACES_PREVIEW_DIR"])
        let seed = UInt64(ProcessInfo.processInfo.environment["FACES_PREVIEW_SEED"] ?? "3") ?? 3
        var faces: [Image] = []
        for yaw: Float in [-35, -20, 0, 20, 35] {
            var attributes = FaceAttributes.random(seed: seed)
            attributes.pose = FacePose(yaw: yaw, roll: 0, pitch: 0)
            attributes.expression = .neutral
            faces.append(FaceRenderer.render(attributes, size: 128))
        }
        for (smile, open, pitch) in [(Float(1), Float(0), Float(-12)), (1, 1, 0), (-0.8, 0, 12), (0, 0.6, 0), (0.5, 0.2, 0)] {
            var attributes = FaceAttributes.random(seed: seed)
            attributes.pose = FacePose(yaw: 0, roll: 10, pitch: pitch)
            attributes.expression = FaceExpression(smile: smile, mouthOpen: open, browRaise: smile, eyeOpenness: 0.5 + 0.5 * smile, gazeX: 0.8, gazeY: 0)
            faces.append(FaceRenderer.render(attributes, size: 128))
        }
        try PNGFile.write(try ImageGrid.make(faces, columns: 5), to: folder + "/poses.png")
    }
}
