/// Changing an image's size: blow it up for viewing, or shrink a photo to network size.
extension Image {
    /// Each pixel becomes a `factor × factor` block, so a 32×32 face stays crisp at 256×256
    /// (smooth interpolation would blur exactly the details a learner is looking at).
    /// Factors below 1 are treated as 1.
    public func upscaled(by requestedFactor: Int) -> Image {
        let factor = max(1, requestedFactor)
        var out = [UInt8](repeating: 0, count: width * height * channels * factor * factor)
        let outWidth = width * factor
        for y in 0..<(height * factor) {
            for x in 0..<outWidth {
                let from = ((y / factor) * width + x / factor) * channels
                let to = (y * outWidth + x) * channels
                for c in 0..<channels { out[to + c] = pixels[from + c] }
            }
        }
        return Image(width: outWidth, height: height * factor, channels: channels, pixels: out)
    }

    /// The largest centred square: portrait photos lose top and bottom, landscape ones the sides.
    public func centreCroppedToSquare() -> Image {
        let side = min(width, height)
        return cropped(x: (width - side) / 2, y: (height - side) / 2, width: side, height: side)
    }

    /// Shrinks (or stretches) to `newWidth × newHeight` by area averaging: each output pixel is
    /// the mean of the source area it covers, counting partly covered source pixels by the
    /// fraction covered. Unlike picking one source pixel per output pixel, this does not alias
    /// (no jagged edges or moiré) when shrinking a 1,000-pixel photo to 32.
    public func areaResized(width newWidth: Int, height newHeight: Int) -> Image {
        precondition(newWidth > 0 && newHeight > 0 && width > 0 && height > 0, "cannot resize an empty image")
        let xWeights = Image.coverage(from: width, to: newWidth)
        let yWeights = Image.coverage(from: height, to: newHeight)
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        var sums = [Double](repeating: 0, count: channels)
        for oy in 0..<newHeight {
            for ox in 0..<newWidth {
                for c in 0..<channels { sums[c] = 0 }
                var total = 0.0
                for (sy, wy) in yWeights[oy] {
                    for (sx, wx) in xWeights[ox] {
                        let weight = wy * wx, base = (sy * width + sx) * channels
                        total += weight
                        for c in 0..<channels { sums[c] += weight * Double(pixels[base + c]) }
                    }
                }
                for c in 0..<channels { out[(oy * newWidth + ox) * channels + c] = UInt8((sums[c] / total).rounded()) }
            }
        }
        return Image(width: newWidth, height: newHeight, channels: channels, pixels: out)
    }

    /// For each output pixel along one axis, the source pixels it overlaps and by how much.
    private static func coverage(from sourceSize: Int, to targetSize: Int) -> [[(Int, Double)]] {
        let scale = Double(sourceSize) / Double(targetSize)
        return (0..<targetSize).map { index in
            let start = Double(index) * scale, end = start + scale
            var result: [(Int, Double)] = []
            var source = Int(start)
            while Double(source) < end && source < sourceSize {
                let overlap = min(end, Double(source + 1)) - max(start, Double(source))
                if overlap > 1e-9 { result.append((source, overlap)) }
                source += 1
            }
            return result
        }
    }
}
