import Engine
import Faces
import Imaging
import Testing
import TestSupport
@testable import Models

/// The differentiable SSIM the face swap trains with: the same number as `ImageQuality.ssim`
/// (the oracle, on bytes), and a gradient that matches finite differences.
struct StructuralSimilarityLossTests {
    /// Two 3-channel 12×12 pictures whose values are exact bytes, so both computations see the
    /// same numbers.
    static func pair() -> (Tensor, Tensor) {
        let a = sample([2, 3, 12, 12], seed: 3, low: 0, high: 1).data.map { ($0 * 255).rounded() / 255 }
        let b = zip(a, sample([2, 3, 12, 12], seed: 4, low: -0.2, high: 0.2).data).map { min(max($0 + $1, 0), 1) }
            .map { ($0 * 255).rounded() / 255 }
        return (Tensor(shape: [2, 3, 12, 12], data: a), Tensor(shape: [2, 3, 12, 12], data: b))
    }

    @Test func agreesWithImageQualitySSIM() throws {
        let (a, b) = Self.pair()
        let images = try Image.images(from: a), others = try Image.images(from: b)
        let oracle = zip(images, others).map { ImageQuality.ssim($0, $1) }.reduce(0, +) / 2
        let value = Double(try structuralSimilarity(a, b).item)
        #expect(abs(value - oracle) < 1e-4, "engine SSIM \(value), ImageQuality.ssim \(oracle)")
        #expect(abs(Double(try ssimLoss(a, b).item) - (1 - oracle)) < 1e-4)
        // Identical pictures: SSIM 1, loss 0.
        #expect(abs(try structuralSimilarity(a, a).item - 1) < 1e-5)
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        // Small pictures keep the check fast: the window shrinks to the picture (5×5).
        let x = sample([1, 2, 5, 5], seed: 5, low: 0.2, high: 0.8)
        let y = sample([1, 2, 5, 5], seed: 6, low: 0.2, high: 0.8)
        try checkGradients("ssimLoss", inputs: [x, y]) { try ssimLoss($0[0], $0[1]) }
    }

    @Test func refusesMismatchedShapes() throws {
        #expect(throws: EngineError.self) { try ssimLoss(Tensor.zeros([1, 3, 8, 8]), Tensor.zeros([1, 3, 8, 9])) }
    }
}
