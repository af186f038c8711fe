import Engine
import Imaging
import Testing

@Suite struct ImageGeometryTests {
    /// Grid size = columns·(w + gutter) + gutter by rows·(h + caption + gutter) + gutter.
    @Test(arguments: [
        (count: 64, columns: 8, gutter: 2, captions: false, width: 8 * 34 + 2, height: 8 * 34 + 2),
        (count: 5, columns: 3, gutter: 1, captions: false, width: 3 * 33 + 1, height: 2 * 33 + 1),
        (count: 3, columns: 4, gutter: 0, captions: true, width: 4 * 32, height: 32 + 7),
        (count: 10, columns: 5, gutter: 2, captions: true, width: 5 * 34 + 2, height: 2 * (32 + 7 + 2) + 2),
    ])
    func gridHasTheRightSize(count: Int, columns: Int, gutter: Int, captions: Bool, width: Int, height: Int) throws {
        let tiles = Array(repeating: Image(width: 32, height: 32, channels: 3, fill: [255, 0, 0]), count: count)
        let grid = try ImageGrid.make(tiles, columns: columns, gutter: gutter, captions: captions ? tiles.indices.map(String.init) : nil)
        #expect(grid.width == width && grid.height == height && grid.channels == 3)
        #expect(grid[gutter, gutter, 0] == 255 && grid[gutter, gutter, 1] == 0)   // first tile's corner
    }

    @Test func mismatchedGridPicturesThrow() {
        let pictures = [Image(width: 32, height: 32, channels: 3), Image(width: 64, height: 64, channels: 3)]
        #expect(throws: ImageGridError("all pictures must share one size: 32×32 and 64×64 differ")) {
            try ImageGrid.make(pictures, columns: 2)
        }
        #expect(throws: ImageGridError("needs at least one column and a gutter of 0 or more (got 0 columns, gutter 2)")) {
            try ImageGrid.make(pictures, columns: 0)
        }
    }

    @Test func captionsAreDrawn() {
        var image = Image(width: 20, height: 7, channels: 1)
        BitmapFont.draw("A1", into: &image, x: 0, y: 0, color: [255])
        // "A" top row is .#. and "1" top row is .#. starting 4 pixels later.
        #expect((0..<8).map { image[$0, 0, 0] } == [0, 255, 0, 0, 0, 255, 0, 0])
        #expect(BitmapFont.width(of: "A1") == 7)
    }

    /// The characters captions use (letters, digits, punctuation) are drawn, not left blank.
    @Test(arguments: Array("ABCXYZ0123456789.,:-+=/%()?!_#<>~'[];*"))
    func printableCharactersHaveGlyphs(_ character: Character) {
        var image = Image(width: 3, height: 5, channels: 1)
        BitmapFont.draw(String(character), into: &image, x: 0, y: 0, color: [255])
        #expect(image.pixels.contains(255), "'\(character)' is drawn as a blank")
    }

    @Test func nearestNeighbourUpscaleRepeatsPixels() {
        let image = Image(width: 2, height: 1, channels: 1, pixels: [10, 20])
        let big = image.upscaled(by: 3)
        #expect(big.width == 6 && big.height == 3)
        #expect(big.pixels == [10, 10, 10, 20, 20, 20, 10, 10, 10, 20, 20, 20, 10, 10, 10, 20, 20, 20])
    }

    /// Area averaging by hand: 3 pixels → 2, each output covers 1.5 inputs:
    /// left = (0·1 + 90·0.5) / 1.5 = 30, right = (90·0.5 + 180·1) / 1.5 = 150.
    @Test func areaResizeAveragesCoveredPixels() {
        let row = Image(width: 3, height: 1, channels: 1, pixels: [0, 90, 180])
        #expect(row.areaResized(width: 2, height: 1).pixels == [30, 150])
        let square = Image(width: 2, height: 2, channels: 1, pixels: [0, 100, 200, 100])
        #expect(square.areaResized(width: 1, height: 1).pixels == [100])
    }

    @Test(arguments: [(8, 4, 2, 0), (4, 8, 0, 2), (5, 5, 0, 0)])
    func centreCropKeepsTheMiddleSquare(width: Int, height: Int, x: Int, y: Int) {
        let pixels = (0..<(width * height)).map { UInt8($0) }
        let image = Image(width: width, height: height, channels: 1, pixels: pixels)
        let side = min(width, height)
        #expect(image.centreCroppedToSquare() == image.cropped(x: x, y: y, width: side, height: side))
    }
}
