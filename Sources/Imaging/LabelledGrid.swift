/// A sample grid a person can read in an image viewer: each face blown up without smoothing, a
/// title line (which step of which run), and every row named at its left ("held-out A",
/// "A → B (the swap)", "true B"). A 32-pixel face in a plain grid is a smudge on a modern screen;
/// at 4× with its row named, a learner can say what they are looking at.
public enum LabelledGrid {
    /// Lays out `rows` of equally sized images, each drawn `scale`× larger (nearest-neighbour, so
    /// edges stay sharp), with `title` across the top and `rowNames[i]` left of row `i`, both in
    /// the 3×5 font drawn `textScale`× larger. Characters the font lacks (→) are written as `->`.
    ///
    /// Size: width = label + columns·(scale·w + gutter) + gutter, where label is the widest row
    /// name plus a gutter; height = title + rows·(scale·h + gutter) + gutter.
    public static func make(rows: [[Image]], rowNames: [String], title: String, scale: Int = 4, textScale: Int = 2,
                            gutter: Int = 4, background: [UInt8] = [32, 32, 32],
                            textColor: [UInt8] = [230, 230, 230]) throws -> Image {
        guard let first = rows.first?.first else { throw ImageGridError("a labelled grid needs at least one picture") }
        guard rowNames.count == rows.count else {
            throw ImageGridError("needs one name per row: \(rows.count) rows, \(rowNames.count) names")
        }
        if let odd = rows.joined().first(where: { $0.width != first.width || $0.height != first.height }) {
            throw ImageGridError("all pictures must share one size: \(first.width)×\(first.height) and \(odd.width)×\(odd.height) differ")
        }
        let factor = max(1, scale), letters = max(1, textScale)
        let cellWidth = first.width * factor, cellHeight = first.height * factor
        let columns = rows.map(\.count).max() ?? 1
        let names = rowNames.map(fontSafe)
        let labelWidth = (names.map(BitmapFont.width(of:)).max() ?? 0) * letters + gutter
        let textHeight = BitmapFont.glyphHeight * letters
        let titleHeight = textHeight + 2 * gutter
        var grid = Image(width: labelWidth + columns * (cellWidth + gutter) + gutter,
                         height: titleHeight + rows.count * (cellHeight + gutter) + gutter,
                         channels: 3, fill: background)
        drawText(fontSafe(title), into: &grid, x: gutter, y: gutter, scale: letters, background: background, color: textColor)
        for (row, images) in rows.enumerated() {
            let y = titleHeight + row * (cellHeight + gutter)
            drawText(names[row], into: &grid, x: gutter, y: y + (cellHeight - textHeight) / 2, scale: letters,
                     background: background, color: textColor)
            for (column, image) in images.enumerated() {
                grid.paste(image.rgb().upscaled(by: factor), atX: labelWidth + gutter + column * (cellWidth + gutter), y: y)
            }
        }
        return grid
    }

    /// The 3×5 font has no arrows or accents: `→` becomes `->`.
    static func fontSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "→", with: "->")
    }

    /// `text` drawn `scale`× larger: drawn at 1× into a strip, then blown up and pasted.
    static func drawText(_ text: String, into image: inout Image, x: Int, y: Int, scale: Int,
                         background: [UInt8], color: [UInt8]) {
        let width = BitmapFont.width(of: text)
        guard width > 0 else { return }
        var strip = Image(width: width, height: BitmapFont.glyphHeight, channels: 3, fill: background)
        BitmapFont.draw(text, into: &strip, x: 0, y: 0, color: color)
        image.paste(strip.upscaled(by: scale), atX: x, y: y)
    }
}
