import Foundation
import Imaging

/// An invisible, key-dependent watermark for the lab's small pictures (32×32 and 64×64).
///
/// The public DWT-DCT tools (`invisible-watermark`, used by Stable Diffusion) refuse pictures
/// under 256×256; this is a design of our own for tiny faces, in the spread-spectrum tradition
/// (Cox, Kilian, Leighton & Shamoon, "Secure spread spectrum watermarking for multimedia", 1997).
///
/// **Embedding.** Take the luma Y, cut it into 8×8 blocks, take each block's DCT (`BlockDCT`),
/// and move the 34 coefficients with 5 ≤ u + v ≤ 9 by `strength × s`, where each `s` is +1 or
/// −1 from the key (`WatermarkKey.signs`). The same change goes to R, G and B, so only
/// brightness changes, never colour.
/// - Which band: the picture's own coefficients are the noise the detector must hear the mark
///   through. Measured on 200 rendered faces at 32×32, their typical size falls from ≈ 30 at
///   u + v = 3 to ≈ 5 at u + v = 9; a band of 3...6 gave a mean score of only 4.4 (84 % of
///   marked faces found), 5...9 about twice that. Low frequencies (the face's shading) would
///   also show as blotches. The price: the highest frequencies are the first thing JPEG and
///   resizing throw away.
/// - The DCT is orthonormal, so the pixel error is known in advance: 34 of 64 coefficients move
///   by `strength`, a mean squared error of 34/64 · 3.5² = 6.5 (plus ≈ 1/12 from rounding to
///   bytes): PSNR ≈ 10·log10(255² / 6.6) ≈ 40 dB, above the 38 dB target.
/// - Host rejection ("improved spread spectrum", Malvar & Florêncio, IEEE Trans. Signal
///   Processing 2003): before adding the mark, the part of the picture that already looks like
///   the pattern (its projection p = Σcᵢsᵢ / N) is removed, c ← c + (strength − p)·s. The score
///   of a marked picture then no longer depends on whether the face happened to agree or
///   disagree with the key, so the weakest marked faces score much closer to the mean.
///
/// **Detection** needs the key but not the original picture ("blind"). Collect the same N
/// coefficients `c` and the key's signs `s` and compute the normalised correlation
///
///     z = Σ cᵢ·sᵢ / √(Σ cᵢ²)          (= √N × the cosine between c and s)
///
/// In a marked picture Σ cᵢsᵢ = `strength × N`, so z grows like √N: twice as large at 64×64
/// (2,176 coefficients) as at 32×32 (544). In a picture marked with another key, or not
/// at all, the signs are independent of `c`, and Hoeffding's inequality for a sum of ±cᵢ bounds
/// P(z ≥ t) ≤ exp(−t²/2) *whatever the picture*. The threshold t = √(2·ln 100) ≈ 3.03 therefore
/// keeps false alarms at or under 1 % by proof, not only by measurement.
///
/// **Limits** (measured by `WatermarkBenchmark`; see the robustness curve):
/// - It survives brightness changes (only the block means move), mild noise, and cutting off the
///   right or bottom edge (each block's signs depend on its position only).
/// - Cutting off the left or top edge shifts the 8×8 grid and destroys it, as does anything that
///   moves the picture by a pixel; there is no synchronisation pattern to find the grid again.
/// - JPEG-like quantisation at quality below about 75 rounds the middle coefficients to zero.
/// - Anyone with the key can subtract the mark, or add it to a real photo to frame it. A mark
///   proves "someone with this key marked it", never "this is fake" or "this is real".
public enum Watermark {
    /// The marked coefficients of each 8×8 block, as indices u·8 + v: 5 ≤ u + v ≤ 9 (34 of 64).
    public static let band: [Int] = (0..<64).filter { (5...9).contains($0 / 8 + $0 % 8) }

    /// How far each marked coefficient moves, in luma levels (0...255 scale).
    public static let defaultStrength: Float = 3.5

    /// z above which a picture counts as marked: √(2·ln 100), so P(false alarm) ≤ 1 %.
    public static let threshold = (2 * log(100.0)).squareRoot()

    /// The picture with the key's mark added. It needs at least one whole 8×8 block; pixels past
    /// the last whole block (a 30×30 picture's last 6 rows and columns) are left unmarked.
    public static func embed(_ image: Image, key: WatermarkKey, strength: Float = defaultStrength) throws -> Image {
        try requireBlocks(image, "watermark")
        guard strength.isFinite, strength > 0, strength <= 64 else {
            throw DetectionError.invalidSetting(operation: "watermark", setting: "strength", value: "\(strength)", allowed: "between 0 and 64")
        }
        let luma = image.luminance
        // Host rejection: how much the picture already correlates with the pattern, per coefficient.
        let (correlation, _, count) = correlate(luma, width: image.width, height: image.height, key: key)
        let projection = Float(correlation / Double(count))
        // Full rejection can ask for a large move where a face strongly disagrees with the key;
        // capping the move at 8/7 of the strength keeps every picture above 38 dB (at the cap,
        // MSE = 34/64 · 4² = 8.5: 38.8 dB) at the price of a weaker mark on those few faces.
        let cap = strength * 8 / 7
        let amplitude = min(max(strength - projection, -cap), cap)
        let marked = BlockDCT.editBlocks(luma, height: image.height, width: image.width) { row, column, coefficients in
            let signs = key.signs(blockRow: row, blockColumn: column, count: band.count)
            for (index, coefficient) in band.enumerated() { coefficients[coefficient] += amplitude * signs[index] }
        }
        return image.addingToLuminance(zip(marked, luma).map { $0 - $1 })
    }

    /// How strongly `image` carries `key`'s mark, and whether that passes the threshold.
    public static func verify(_ image: Image, key: WatermarkKey) throws -> WatermarkVerdict {
        try requireBlocks(image, "verify")
        let (correlation, energy, count) = correlate(image.luminance, width: image.width, height: image.height, key: key)
        // A flat picture has no band energy at all (only the transform's rounding, ~1e-10 per
        // coefficient): no evidence either way, and no division by zero.
        let score = energy > 1e-6 * Double(count) ? correlation / energy.squareRoot() : 0
        return WatermarkVerdict(score: score, threshold: threshold, coefficients: count)
    }

    /// Σ cᵢ·sᵢ, Σ cᵢ² and N over the band of every whole block of a luma plane.
    private static func correlate(_ luma: [Float], width: Int, height: Int, key: WatermarkKey)
        -> (correlation: Double, energy: Double, count: Int) {
        var correlation = 0.0, energy = 0.0, count = 0
        _ = BlockDCT.editBlocks(luma, height: height, width: width) { row, column, coefficients in
            let signs = key.signs(blockRow: row, blockColumn: column, count: band.count)
            for (index, coefficient) in band.enumerated() {
                correlation += Double(coefficients[coefficient] * signs[index])
                energy += Double(coefficients[coefficient] * coefficients[coefficient])
            }
            count += band.count
        }
        return (correlation, energy, count)
    }

    private static func requireBlocks(_ image: Image, _ operation: String) throws {
        guard image.width >= BlockDCT.size, image.height >= BlockDCT.size else {
            throw DetectionError.pictureTooSmall(operation: operation, width: image.width, height: image.height, minimum: BlockDCT.size)
        }
    }
}

/// What `Watermark.verify` found.
public struct WatermarkVerdict: Equatable, Sendable, CustomStringConvertible {
    /// The normalised correlation z: near 0 (within ±3) without the mark, several times the
    /// threshold with it.
    public let score: Double
    public let threshold: Double
    /// How many coefficients were compared (22 per whole 8×8 block).
    public let coefficients: Int

    public var isMarked: Bool { score >= threshold }

    public var description: String {
        let verdict = isMarked ? "marked with this key" : "no mark from this key"
        return "\(verdict) (score \(String(format: "%.2f", score)), threshold \(String(format: "%.2f", threshold)), \(coefficients) coefficients)"
    }
}
