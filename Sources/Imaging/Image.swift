/// A picture in memory: `height` rows of `width` pixels, each pixel `channels` bytes.
///
/// Pixels are stored row-major and interleaved (`H × W × C`, "HWC"): red, green, blue of the
/// top-left pixel first. That is how PNG stores them; the engine wants `N × C × H × W` floats
/// instead, and `Image+Tensor.swift` converts between the two.
///
/// Channels: 1 = gray, 3 = RGB, 4 = RGBA (alpha last). Values are 0...255.
public struct Image: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let channels: Int
    public var pixels: [UInt8]

    /// Wraps existing bytes; the count must be `width * height * channels`.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition([1, 3, 4].contains(channels), "channels must be 1 (gray), 3 (RGB) or 4 (RGBA)")
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * channels,
                     "pixel count \(pixels.count) ≠ \(width)×\(height)×\(channels)")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// A blank image filled with one colour (one value per channel, or one value for all).
    public init(width: Int, height: Int, channels: Int, fill: [UInt8] = [0]) {
        let pixel = fill.count == channels ? fill : Array(repeating: fill.first ?? 0, count: channels)
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * channels)
        for _ in 0..<(width * height) { pixels.append(contentsOf: pixel) }
        self.init(width: width, height: height, channels: channels, pixels: pixels)
    }

    /// Builds an image from floats in [0, 1] (HWC order), rounding to the nearest byte.
    /// Values outside [0, 1] are clamped, so a network's slightly-out-of-range output still saves.
    public init(width: Int, height: Int, channels: Int, unitFloats: [Float]) {
        self.init(width: width, height: height, channels: channels, pixels: unitFloats.map(Image.byte(fromUnit:)))
    }

    /// A value in [0, 1] as a byte, clamped. NaN (a network's broken output) becomes 0, black:
    /// clamping alone would pass NaN through (`max(nan, 0)` is nan) and the conversion would trap.
    @inline(__always) public static func byte(fromUnit value: Float) -> UInt8 {
        value.isNaN ? 0 : UInt8((min(max(value, 0), 1) * 255).rounded())
    }

    /// The pixels as floats in [0, 1], HWC order.
    public var unitFloats: [Float] { pixels.map { Float($0) / 255 } }

    /// One channel of one pixel.
    public subscript(x: Int, y: Int, channel: Int) -> UInt8 {
        get { pixels[(y * width + x) * channels + channel] }
        set { pixels[(y * width + x) * channels + channel] = newValue }
    }

    /// The same picture with 3 channels: gray is repeated, alpha is dropped.
    public func rgb() -> Image {
        if channels == 3 { return self }
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            for c in 0..<3 { out[i * 3 + c] = channels == 1 ? pixels[i] : pixels[i * channels + c] }
        }
        return Image(width: width, height: height, channels: 3, pixels: out)
    }

    /// Copies `source` into this image with its top-left corner at (`x`, `y`); clips at the edges.
    public mutating func paste(_ source: Image, atX x: Int, y: Int) {
        let source = source.channels == channels ? source : (channels == 3 ? source.rgb() : source)
        precondition(source.channels == channels, "paste: cannot convert \(source.channels) to \(channels) channels")
        for row in 0..<source.height where y + row >= 0 && y + row < height {
            for column in 0..<source.width where x + column >= 0 && x + column < width {
                let from = (row * source.width + column) * channels
                let to = ((y + row) * width + x + column) * channels
                for c in 0..<channels { pixels[to + c] = source.pixels[from + c] }
            }
        }
    }

    /// The rectangle `width × height` whose top-left corner is (`x`, `y`); must lie inside.
    public func cropped(x: Int, y: Int, width cropWidth: Int, height cropHeight: Int) -> Image {
        precondition(x >= 0 && y >= 0 && x + cropWidth <= width && y + cropHeight <= height, "crop outside image")
        var out = [UInt8]()
        out.reserveCapacity(cropWidth * cropHeight * channels)
        for row in y..<(y + cropHeight) {
            let start = (row * width + x) * channels
            out.append(contentsOf: pixels[start..<(start + cropWidth * channels)])
        }
        return Image(width: cropWidth, height: cropHeight, channels: channels, pixels: out)
    }
}
