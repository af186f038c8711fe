import Foundation
import Imaging
import Testing
import Faces

@Suite struct FaceManifestTests {
    @Test(arguments: [
        (Float(0.125), 2, "0.13"), (-0.004, 2, "0.00"), (-0.006, 2, "-0.01"), (1, 2, "1.00"),
        (-35, 1, "-35.0"), (12.34, 1, "12.3"), (0.5, 0, "1"), (2.5, 3, "2.500"),
    ])
    func fixedDecimalsFormatExactly(value: Float, decimals: Int, text: String) {
        #expect(FaceManifest.fixed(value, decimals: decimals) == text)
    }

    @Test func coloursAreHex() {
        #expect(FaceManifest.hex([255, 16, 0.4]) == "#ff1000")
    }

    /// The README promises that a manifest row's numbers re-render its picture exactly.
    @Test func manifestRowsRenderTheirPictures() throws {
        let folder = (CommittedDatasetTests.datasetsFolder as NSString).appendingPathComponent("faces-64")
        let (columns, rows) = FaceManifest.parse(String(decoding: try PNGFile.readBytes((folder as NSString).appendingPathComponent("manifest.csv")), as: UTF8.self))
        let sheet = try PNGFile.read((folder as NSString).appendingPathComponent("sheet-00.png")).image
        for index in [0, 1, 2, 77, 799] {
            let attributes = try #require(FaceManifest.attributes(columns: columns, row: rows[index]))
            #expect(attributes == FaceAttributes.random(seed: UInt64(rows[index][7])!))
            #expect(FaceRenderer.render(attributes, size: 64) == SpriteSheet.tile(index, of: sheet, tileSize: 64))
        }
        #expect(FaceManifest.attributes(columns: columns, row: Array(rows[0].dropLast(20))) == nil)
    }
}
