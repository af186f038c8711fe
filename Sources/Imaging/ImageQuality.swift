import Foundation

/// How close a generated picture is to the truth: the scores a face swap is graded with.
///
/// Both compare two images of the same size and channel count, on the 0...255 scale.
public enum ImageQuality {
    /// Peak signal-to-noise ratio, in decibels:
    ///
    ///     PSNR = 10 · log10(MAX² / MSE),  MAX = 255,  MSE = mean over all values of (a − b)²
    ///
    /// Higher is better; +6 dB means half the error amplitude. Identical images give +∞.
    /// PSNR counts every pixel error equally, so a slightly shifted face scores badly although
    /// it looks fine: that is why SSIM exists.
    public static func psnr(_ a: Image, _ b: Image) -> Double {
        checkSameShape(a, b)
        var squaredError = 0.0
        for i in 0..<a.pixels.count {
            let difference = Double(a.pixels[i]) - Double(b.pixels[i])
            squaredError += difference * difference
        }
        let meanSquaredError = squaredError / Double(a.pixels.count)
        return meanSquaredError == 0 ? .infinity : 10 * log10(255 * 255 / meanSquaredError)
    }

    /// Structural similarity (Wang, Bovik, Sheikh & Simoncelli, 2004, "Image quality
    /// assessment: from error visibility to structural similarity"). For each window,
    ///
    ///     SSIM = (2·μa·μb + C1)(2·σab + C2) / ((μa² + μb² + C1)(σa² + σb² + C2))
    ///
    /// with local means μ, variances σ² and covariance σab under an 11×11 Gaussian window
    /// (σ = 1.5; smaller when the image is smaller), C1 = (0.01·255)², C2 = (0.03·255)².
    /// The score is the mean over every window position that fits inside the image and over
    /// channels. 1 means identical; it compares local brightness, contrast and structure,
    /// which matches what people notice better than PSNR does.
    public static func ssim(_ a: Image, _ b: Image) -> Double {
        checkSameShape(a, b)
        let size = min(11, a.width, a.height)
        let window = gaussianWindow(size: size, sigma: 1.5)
        let c1 = (0.01 * 255.0) * (0.01 * 255.0), c2 = (0.03 * 255.0) * (0.03 * 255.0)
        var total = 0.0, count = 0
        for channel in 0..<a.channels {
            for top in 0...(a.height - size) {
                for left in 0...(a.width - size) {
                    var meanA = 0.0, meanB = 0.0, squareA = 0.0, squareB = 0.0, product = 0.0
                    for dy in 0..<size {
                        for dx in 0..<size {
                            let weight = window[dy * size + dx]
                            let x = Double(a[left + dx, top + dy, channel])
                            let y = Double(b[left + dx, top + dy, channel])
                            meanA += weight * x; meanB += weight * y
                            squareA += weight * x * x; squareB += weight * y * y; product += weight * x * y
                        }
                    }
                    // Var(x) = E[x²] − E[x]², Cov(x, y) = E[xy] − E[x]E[y].
                    let varianceA = squareA - meanA * meanA, varianceB = squareB - meanB * meanB
                    let covariance = product - meanA * meanB
                    total += (2 * meanA * meanB + c1) * (2 * covariance + c2)
                        / ((meanA * meanA + meanB * meanB + c1) * (varianceA + varianceB + c2))
                    count += 1
                }
            }
        }
        return total / Double(count)
    }

    /// A `size × size` Gaussian, normalised to sum to 1 (row-major).
    static func gaussianWindow(size: Int, sigma: Double) -> [Double] {
        let centre = Double(size - 1) / 2
        var weights = [Double]()
        for y in 0..<size {
            for x in 0..<size {
                let dx = Double(x) - centre, dy = Double(y) - centre
                weights.append(exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)))
            }
        }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }

    private static func checkSameShape(_ a: Image, _ b: Image) {
        precondition(a.width == b.width && a.height == b.height && a.channels == b.channels,
                     "compare images of one shape: \(a.width)×\(a.height)×\(a.channels) vs \(b.width)×\(b.height)×\(b.channels)")
    }
}
