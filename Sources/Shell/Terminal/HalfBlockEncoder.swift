/// Draws a picture with text: each character cell shows two pixels stacked vertically, the upper
/// half block `▀` in the top pixel's colour (foreground) over the bottom pixel's (background).
/// Any terminal with 24-bit colour shows it, which is why it is the default.
public enum HalfBlockEncoder {
    /// The picture scaled to fit `maxColumns` characters and drawn as rows of `▀`.
    ///
    /// Small pictures (a 32×32 face) are enlarged by a whole factor so they are not postage
    /// stamps, up to `preferredColumns`; large ones are shrunk by nearest neighbour to fit.
    public static func encode(_ picture: Picture, maxColumns: Int, preferredColumns: Int = 64) -> String {
        guard picture.width > 0, picture.height > 0, maxColumns > 0 else { return "" }
        let target = picture.width <= maxColumns
            ? picture.width * max(1, min(maxColumns, preferredColumns) / picture.width)
            : maxColumns
        let columns = max(1, target)
        let rows = max(1, (picture.height * columns + picture.width / 2) / picture.width)
        func pixel(_ x: Int, _ y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
            picture.color(x: min(picture.width - 1, x * picture.width / columns),
                          y: min(picture.height - 1, y * picture.height / rows))
        }
        var text = ""
        for y in stride(from: 0, to: rows, by: 2) {
            for x in 0..<columns {
                let top = pixel(x, y)
                text += "\u{1B}[38;2;\(top.red);\(top.green);\(top.blue)m"
                if y + 1 < rows {
                    let bottom = pixel(x, y + 1)
                    text += "\u{1B}[48;2;\(bottom.red);\(bottom.green);\(bottom.blue)m"
                } else {
                    text += "\u{1B}[49m"  // an odd last row: the bottom half shows the terminal's own background
                }
                text += "▀"
            }
            text += "\u{1B}[0m\n"
        }
        return text
    }
}
