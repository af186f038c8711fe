import Imaging

/// Many small pictures packed into one big one, row by row: a "sprite sheet". One PNG of
/// 1,000 faces compresses better and loads faster than 1,000 files of 32×32 pixels.
public enum SpriteSheet {
    /// Faces per sheet row and rows per sheet (40 × 25 = 1,000 faces).
    public static let columns = 40
    public static let rows = 25
    public static var capacity: Int { columns * rows }

    /// The top-left pixel of tile `index` (0-based, within its sheet).
    public static func origin(ofTile index: Int, tileSize: Int) -> (x: Int, y: Int) {
        ((index % columns) * tileSize, (index / columns) * tileSize)
    }

    /// Packs up to `capacity` equally sized tiles; unused places stay black.
    public static func pack(_ tiles: ArraySlice<Image>, tileSize: Int) -> Image {
        precondition(tiles.count <= capacity, "a sheet holds at most \(capacity) tiles")
        var sheet = Image(width: columns * tileSize, height: rows * tileSize, channels: 3)
        for (offset, tile) in tiles.enumerated() {
            let origin = origin(ofTile: offset, tileSize: tileSize)
            sheet.paste(tile, atX: origin.x, y: origin.y)
        }
        return sheet
    }

    /// Cuts tile `index` back out of a sheet.
    public static func tile(_ index: Int, of sheet: Image, tileSize: Int) -> Image {
        let origin = origin(ofTile: index, tileSize: tileSize)
        return sheet.cropped(x: origin.x, y: origin.y, width: tileSize, height: tileSize)
    }
}
