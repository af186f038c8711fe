
/// Lays images out in a grid, the way the lab shows a batch of faces or a before/after table.
public enum ImageGrid {
    /// Arranges equally sized images in rows of `columns`, separated (and framed) by a
    /// `gutter` of `background` pixels. With `captions`, each cell gets a line of the built-in
    /// 3×5 font underneath (cut to the cell's width).
    ///
    /// Size: width = columns·(w + gutter) + gutter;
    ///       height = rows·(h + captionHeight + gutter) + gutter, with rows = ⌈count / columns⌉.
    public static func make(_ images: [Image], columns: Int, gutter: Int = 2,
                            background: [UInt8] = [32, 32, 32], captions: [String]? = nil,
                            captionColor: [UInt8] = [230, 230, 230]) throws -> Image {
        guard columns > 0, gutter >= 0 else {
            throw ImageGridError("needs at least one column and a gutter of 0 or more (got \(columns) columns, gutter \(gutter))")
        }
        guard let first = images.first else { return Image(width: gutter, height: gutter, channels: 3, fill: background) }
        let cellWidth = first.width, cellHeight = first.height
        if let odd = images.first(where: { $0.width != cellWidth || $0.height != cellHeight }) {
            throw ImageGridError("all pictures must share one size: \(cellWidth)×\(cellHeight) and \(odd.width)×\(odd.height) differ")
        }
        let captionHeight = captions == nil ? 0 : BitmapFont.glyphHeight + 2
        let rows = (images.count + columns - 1) / columns
        var grid = Image(width: columns * (cellWidth + gutter) + gutter,
                         height: rows * (cellHeight + captionHeight + gutter) + gutter,
                         channels: 3, fill: background)
        for (index, image) in images.enumerated() {
            let x = gutter + (index % columns) * (cellWidth + gutter)
            let y = gutter + (index / columns) * (cellHeight + captionHeight + gutter)
            grid.paste(image.rgb(), atX: x, y: y)
            if let captions, index < captions.count {
                let fitting = String(captions[index].prefix(max(0, (cellWidth + 1) / BitmapFont.advance)))
                BitmapFont.draw(fitting, into: &grid, x: x, y: y + cellHeight + 1, color: captionColor)
            }
        }
        return grid
    }
}

/// A grid that cannot be laid out: no columns, or pictures of different sizes.
public struct ImageGridError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "grid: \(message)" }
}
