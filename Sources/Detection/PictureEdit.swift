import Engine
import Imaging

/// The everyday edits a picture meets between being made and being seen: what a watermark
/// (and a detector) must survive. Each is seeded or deterministic, so a robustness curve is
/// the same on every run.
public enum PictureEdit: Equatable, Sendable, CustomStringConvertible {
    /// Independent Gaussian noise of standard deviation `sigma` (0...255 levels) on every
    /// value: sensor noise, or a deliberate attempt to drown the mark.
    case gaussianNoise(sigma: Float, seed: UInt64)
    /// `levels` added to every value (negative: darker), clamped to 0...255.
    case brightness(levels: Int)
    /// JPEG's lossy step on the luma: each 8×8 block's DCT coefficients divided by the JPEG
    /// luminance table scaled to `quality` (1...100, IJG's scaling), rounded, multiplied back.
    /// The real codec also shrinks colour and entropy-codes; neither changes luma further.
    case jpegQuantisation(quality: Int)
    /// `pixels` rows and columns cut from the right and bottom edges (the 8×8 grid stays).
    case cropBottomRight(pixels: Int)
    /// `pixels` rows and columns cut from the left and top edges (the 8×8 grid moves).
    case cropTopLeft(pixels: Int)
    /// Shrunk to `percent` % of its size by area averaging, then stretched back: the detail a
    /// re-upload at a smaller size loses.
    case resize(percent: Int)

    public var description: String {
        switch self {
        case let .gaussianNoise(sigma, _): return "noise σ=\(sigma)"
        case let .brightness(levels): return "brightness \(levels > 0 ? "+" : "")\(levels)"
        case let .jpegQuantisation(quality): return "JPEG-like q=\(quality)"
        case let .cropBottomRight(pixels): return "crop \(pixels) px bottom-right"
        case let .cropTopLeft(pixels): return "crop \(pixels) px top-left"
        case let .resize(percent): return "resize to \(percent)% and back"
        }
    }

    /// The standard JPEG luminance quantisation table (ITU-T T.81, Annex K, Table K.1), quality 50.
    static let jpegLuminanceTable: [Float] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// The edited picture.
    public func apply(to image: Image) throws -> Image {
        switch self {
        case let .gaussianNoise(sigma, seed):
            var generator = RandomGenerator(seed: seed)
            var result = image
            for index in result.pixels.indices {
                let value = (Float(image.pixels[index]) + sigma * generator.nextNormal()).rounded()
                result.pixels[index] = UInt8(min(255, max(0, value)))
            }
            return result
        case let .brightness(levels):
            var result = image
            for index in result.pixels.indices { result.pixels[index] = UInt8(min(255, max(0, Int(image.pixels[index]) + levels))) }
            return result
        case let .jpegQuantisation(quality):
            guard (1...100).contains(quality) else {
                throw DetectionError.invalidSetting(operation: "jpeg", setting: "quality", value: "\(quality)", allowed: "in 1...100")
            }
            // IJG: scale = 5000/q below 50, 200 − 2q above; each step at least 1.
            let scale = Float(quality < 50 ? 5000 / quality : 200 - 2 * quality)
            let steps = PictureEdit.jpegLuminanceTable.map { max(1, (($0 * scale + 50) / 100).rounded(.down)) }
            let luma = image.luminance
            let quantised = BlockDCT.editBlocks(luma, height: image.height, width: image.width) { _, _, coefficients in
                for index in 0..<64 { coefficients[index] = (coefficients[index] / steps[index]).rounded() * steps[index] }
            }
            return image.addingToLuminance(zip(quantised, luma).map { $0 - $1 })
        case let .cropBottomRight(pixels):
            try PictureEdit.requireCrop(pixels, image)
            return image.cropped(x: 0, y: 0, width: image.width - pixels, height: image.height - pixels)
        case let .cropTopLeft(pixels):
            try PictureEdit.requireCrop(pixels, image)
            return image.cropped(x: pixels, y: pixels, width: image.width - pixels, height: image.height - pixels)
        case let .resize(percent):
            guard (1...100).contains(percent) else {
                throw DetectionError.invalidSetting(operation: "resize", setting: "percent", value: "\(percent)", allowed: "in 1...100")
            }
            let width = max(1, image.width * percent / 100), height = max(1, image.height * percent / 100)
            return image.areaResized(width: width, height: height).areaResized(width: image.width, height: image.height)
        }
    }

    private static func requireCrop(_ pixels: Int, _ image: Image) throws {
        guard pixels >= 0, pixels < min(image.width, image.height) else {
            throw DetectionError.invalidSetting(operation: "crop", setting: "pixels", value: "\(pixels)",
                                                allowed: "in 0..<\(min(image.width, image.height))")
        }
    }
}
