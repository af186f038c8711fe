import Foundation
import Imaging
import Testing
import TestSupport
@testable import Models

/// The timelapse of a run: an animated GIF of its sample grids and the same grids as one PNG
/// strip, both labelled as synthetic; nothing for a run with fewer than three grids.
@Suite(.temporaryFolders) struct TimelapseTests {
    /// Three 6×4 "grids" of one colour each, written as the loop writes them.
    func grids(in folder: URL, steps: [Int]) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try steps.enumerated().map { index, step in
            let url = folder.appendingPathComponent(SampleGrid.fileName(prefix: "ae", step: step))
            try PNGFile.write(Image(width: 6, height: 4, channels: 3, fill: [UInt8(80 * index), 0, 200]), to: url.path)
            return url
        }
    }

    @Test func threeGridsMakeAGIFAndAStrip() throws {
        let folder = temporaryPath("timelapse")
        let written = try Timelapse.write(try grids(in: folder, steps: [100, 200, 300]), folder: folder, prefix: "ae")
        #expect(written.map(\.lastPathComponent) == ["ae-timelapse.gif", "ae-timelapse.png"])

        let gif = [UInt8](try Data(contentsOf: written[0]))
        #expect(Array(gif.prefix(6)) == Array("GIF89a".utf8))
        // The logical screen size, little-endian, right after the signature.
        #expect((Int(gif[6]) | Int(gif[7]) << 8, Int(gif[8]) | Int(gif[9]) << 8) == (6, 4))
        let text = String(decoding: gif, as: UTF8.self)
        #expect(text.contains("NETSCAPE2.0"))
        #expect(text.contains("Synthetic: \(PNGFile.syntheticLabel). timelapse of ae: the sample grids of steps 100, 200, 300."))
        // One graphic control block (0x21 0xF9 0x04) per frame.
        let controls = gif.indices.dropLast(2).filter { gif[$0] == 0x21 && gif[$0 + 1] == 0xF9 && gif[$0 + 2] == 0x04 }
        #expect(controls.count == 3)

        let (strip, labels) = try PNGFile.read(written[1].path)
        #expect((strip.width, strip.height) == (6, 12))
        #expect((strip[0, 0, 0], strip[0, 4, 0], strip[0, 8, 0]) == (0, 80, 160))
        let metadata = Dictionary(labels.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(metadata["Synthetic"] == PNGFile.syntheticLabel)
        #expect(metadata["Content"] == "timelapse of ae: the sample grids of steps 100, 200, 300, top to bottom")
    }

    @Test func twoGridsMakeNoTimelapse() throws {
        let folder = temporaryPath("timelapse")
        #expect(try Timelapse.write(try grids(in: folder, steps: [100, 200]), folder: folder, prefix: "ae").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ae-timelapse.gif").path))
    }
}
