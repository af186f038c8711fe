/// An RGB image with 8 bits per channel, the form the terminal encoders draw.
public struct Picture: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// Row-major `r, g, b` triples, `width * height * 3` bytes.
    public var pixels: [UInt8]
    /// Where the PNG of this picture was written, shown under it.
    public var savedPath: String?

    public init(width: Int, height: Int, pixels: [UInt8], savedPath: String? = nil) {
        precondition(pixels.count == width * height * 3, "Picture needs width × height × 3 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.savedPath = savedPath
    }

    /// The colour at column `x`, row `y`.
    public func color(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }
}
