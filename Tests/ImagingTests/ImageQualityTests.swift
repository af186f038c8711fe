import Foundation
import Imaging
import Testing

@Suite struct ImageQualityTests {
    static func flat(_ value: UInt8, size: Int = 11) -> Image {
        Image(width: size, height: size, channels: 1, fill: [value])
    }

    /// Golden values computed by hand (Python's math module for the logarithms):
    /// all 0 vs all 16: MSE = 256, PSNR = 10·log10(255²/256) = 24.04840395556061.
    /// half the values differ by 5: MSE = 12.5, PSNR = 10·log10(255²/12.5) = 37.16170347859854.
    @Test func psnrMatchesHandComputedValues() {
        #expect(abs(ImageQuality.psnr(Self.flat(0), Self.flat(16)) - 24.04840395556061) < 1e-9)
        let a = Image(width: 2, height: 1, channels: 1, pixels: [100, 100])
        let b = Image(width: 2, height: 1, channels: 1, pixels: [100, 105])
        #expect(abs(ImageQuality.psnr(a, b) - 37.16170347859854) < 1e-9)
        #expect(ImageQuality.psnr(a, a) == .infinity)
    }

    /// Flat images have no variance, so SSIM reduces to its luminance term:
    /// (2·100·110 + C1) / (100² + 110² + C1) with C1 = (0.01·255)² = 6.5025,
    /// = 22006.5025 / 22106.5025 = 0.9954764440915066.
    @Test func ssimOfFlatImagesIsTheLuminanceTerm() {
        #expect(abs(ImageQuality.ssim(Self.flat(100), Self.flat(110)) - 0.9954764440915066) < 1e-12)
    }

    /// Adding a constant keeps variances and covariance equal (σa² = σb² = σab), so the
    /// contrast-structure term is exactly 1 and SSIM is again the luminance term of the means.
    @Test func ssimOfAShiftedPatternIsItsLuminanceTerm() {
        let pixels = (0..<121).map { UInt8(($0 * 37) % 200) }
        let a = Image(width: 11, height: 11, channels: 1, pixels: pixels)
        let b = Image(width: 11, height: 11, channels: 1, pixels: pixels.map { $0 + 20 })
        let window = ImageQualityTests.gaussian11()
        let meanA = zip(window, pixels).map { $0 * Double($1) }.reduce(0, +), meanB = meanA + 20
        let c1 = 6.5025
        let expected = (2 * meanA * meanB + c1) / (meanA * meanA + meanB * meanB + c1)
        #expect(abs(ImageQuality.ssim(a, b) - expected) < 1e-9)
        #expect(abs(ImageQuality.ssim(a, a) - 1) < 1e-12)
        #expect(ImageQuality.ssim(a, Self.flat(100)) < 0.2)   // structure lost
    }

    /// The 11×11 Gaussian window (σ = 1.5), built independently of the library.
    static func gaussian11() -> [Double] {
        var weights: [Double] = []
        for y in 0..<11 { for x in 0..<11 {
            let dx = Double(x - 5), dy = Double(y - 5)
            weights.append(exp(-(dx * dx + dy * dy) / 4.5))
        } }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }
}
