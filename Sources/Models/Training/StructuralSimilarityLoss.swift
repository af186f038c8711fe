import Engine
import Foundation

/// SSIM as a loss: the structural similarity of `ImageQuality.ssim`, written with the engine's
/// ops so that it has a gradient. Face-swap tools train on it: DeepFaceLab's SAEHD adds
/// "DSSIM" = (1 − SSIM) / 2 to its pixel loss, because MSE alone is content with a blurred
/// average, while SSIM punishes lost local contrast (edges, the eyes, the mouth).
///
///     μx = G * x,  σx² = G * x² − μx²,  σxy = G * (x·y) − μx·μy     (G: 11×11 Gaussian, σ = 1.5)
///     SSIM = mean over windows and channels of (2μxμy + C1)(2σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))
///     C1 = 0.01², C2 = 0.03²  (pixels in [0, 1])
///
/// Each "G *" is a `conv2d` of every channel on its own (channels folded into the batch) with
/// a fixed Gaussian kernel and no padding: the same windows `ImageQuality.ssim` averages, so the
/// two agree (a test checks it). Every op is an engine op, so the gradient comes from their rules.
///
/// - Shapes: `input`, `target` `[N, C, H, W]` in [0, 1]; result `[]`.
/// Reference: Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment: from error
/// visibility to structural similarity" (2004).
public func ssimLoss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
    try 1 - structuralSimilarity(input, target)
}

/// The mean SSIM of `input` against `target` (see `ssimLoss`), differentiable.
public func structuralSimilarity(_ input: Tensor, _ target: Tensor) throws -> Tensor {
    guard input.shape == target.shape, input.rank == 4 else {
        throw EngineError.shapeMismatch(op: "structuralSimilarity", expected: "two tensors of one shape [N, C, H, W]",
                                        got: input.shape)
    }
    let (n, c, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
    let size = min(11, h, w)
    let kernel = Tensor(shape: [1, 1, size, size], data: gaussianKernel(size: size, sigma: 1.5))
    // One channel at a time: [N, C, H, W] → [N·C, 1, H, W].
    let x = try input.reshaped([n * c, 1, h, w]), y = try target.reshaped([n * c, 1, h, w])
    func window(_ t: Tensor) throws -> Tensor { try t.conv2d(weight: kernel) }
    let meanX = try window(x), meanY = try window(y)
    let varianceX = try window(x * x) - meanX * meanX
    let varianceY = try window(y * y) - meanY * meanY
    let covariance = try window(x * y) - meanX * meanY
    let c1: Float = 0.01 * 0.01, c2: Float = 0.03 * 0.03
    let numerator = try (2 * meanX * meanY + c1) * (2 * covariance + c2)
    let denominator = try (meanX * meanX + meanY * meanY + c1) * (varianceX + varianceY + c2)
    return try (numerator / denominator).mean()
}

/// A `size × size` Gaussian summing to 1, row-major (as `ImageQuality`'s window).
func gaussianKernel(size: Int, sigma: Float) -> [Float] {
    let centre = Float(size - 1) / 2
    var weights = [Float]()
    for y in 0..<size {
        for x in 0..<size {
            let dx = Float(x) - centre, dy = Float(y) - centre
            weights.append(exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)))
        }
    }
    let sum = weights.reduce(0, +)
    return weights.map { $0 / sum }
}
