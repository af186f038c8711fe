import Imaging

/// The brightness of a colour picture, which is where both the spectral detector and the
/// watermark work.
///
///     Y = 0.299·R + 0.587·G + 0.114·B        (ITU-R BT.601, JPEG's luma)
///
/// Eyes resolve detail in brightness far better than in colour, so JPEG keeps luma sharp and
/// shrinks colour; a generator's up-sampling artefacts are there too. Adding the same amount
/// to R, G and B changes Y by that amount and leaves the colour difference (B − Y, R − Y)
/// alone: that is how the watermark writes into luma without tinting the face.
extension Image {
    /// Y for every pixel, row-major, on the 0...255 scale (gray pictures: the gray value).
    public var luminance: [Float] {
        if channels < 3 { return (0..<(width * height)).map { Float(pixels[$0 * channels]) } }
        return (0..<(width * height)).map { index in
            let base = index * channels
            return 0.299 * Float(pixels[base]) + 0.587 * Float(pixels[base + 1]) + 0.114 * Float(pixels[base + 2])
        }
    }

    /// The picture with `change[i]` added to every colour channel of pixel `i` (alpha kept),
    /// rounded and clamped to bytes. Clamping is where a very dark or very bright pixel loses
    /// part of the change.
    public func addingToLuminance(_ change: [Float]) -> Image {
        precondition(change.count == width * height, "one change per pixel")
        var result = self
        let colourChannels = Swift.min(channels, 3)
        for index in 0..<(width * height) {
            for channel in 0..<colourChannels {
                let offset = index * channels + channel
                let value = (Float(pixels[offset]) + change[index]).rounded()
                result.pixels[offset] = UInt8(Swift.min(255, Swift.max(0, value)))
            }
        }
        return result
    }
}
