import Imaging

/// A picture for the terminal to draw under a cell: an `Image` (kept as RGB, the form the
/// encoders draw) and the PNG it was saved to, if any, shown under it. It adds no pixel format
/// of its own; the pixels are Imaging's.
public struct Picture: Equatable, Sendable {
    public let image: Image
    /// Where the PNG of this picture was written.
    public var savedPath: String?

    public init(_ image: Image, savedPath: String? = nil) {
        self.image = image.rgb()
        self.savedPath = savedPath
    }

    public var width: Int { image.width }
    public var height: Int { image.height }
    /// Row-major `r, g, b` triples, `width * height * 3` bytes.
    public var pixels: [UInt8] { image.pixels }

    /// The colour at column `x`, row `y`.
    public func color(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let offset = (y * width + x) * 3
        return (image.pixels[offset], image.pixels[offset + 1], image.pixels[offset + 2])
    }
}
