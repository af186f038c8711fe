import Faces
import Engine
import Imaging

extension FaceSwapModel {
    /// The swap: `faces` (of either person) encoded by the shared encoder and drawn by `person`'s
    /// decoder. `swap(aFaces, to: .b)` is the deepfake; `swap(aFaces, to: .a)` is A's own
    /// reconstruction. Runs in evaluation mode, without gradients.
    public func swap(_ faces: Tensor, to person: Person = .b) throws -> Tensor {
        try inference { try self(faces, as: person) }
    }

    /// Grades the swap A→B on the held-out A pictures against their true answers (see `SwapScore`),
    /// using at most `limit` of them.
    public func score(on data: FaceSwapData, limit: Int = 100) throws -> SwapScore {
        let count = min(limit, data.heldOutA.count)
        guard count > 0 else { throw ExperimentError.unsuitableData("there are no held-out A pictures with answers") }
        let faces = try data.heldOutA.firstImages(count)
        let truth = try data.answersB.firstImages(count)
        // The baseline: the average B face, the best a model could do that ignored A entirely.
        let meanB = Tensor(shape: [1, 3, 32, 32], data: data.trainB.meanImage())
        let baseline = try Tensor.concatenate(Array(repeating: meanB, count: count))
        return try SwapScore(swapped: swap(faces, to: .b), truth: truth, baseline: baseline)
    }
}

/// How close a face swap is to the truth, averaged over pictures: PSNR (dB, higher is better,
/// every pixel error counts) and SSIM (1 is identical; compares local structure, closer to what
/// people notice). See `ImageQuality` for both formulas.
///
/// A score alone means little, so it comes with a baseline's: the same scores for the mean B face
/// shown for every picture. A swap that does not beat it has learned nothing about A's pose and
/// expression.
public struct SwapScore: Equatable, Sendable {
    public let count: Int
    public let psnr: Double
    public let ssim: Double
    public let baselinePSNR: Double
    public let baselineSSIM: Double

    /// Scores `swapped` against `truth` and `baseline` against `truth`, picture by picture
    /// (all `[N, 3, H, W]` in [0, 1]).
    public init(swapped: Tensor, truth: Tensor, baseline: Tensor) throws {
        guard swapped.shape == truth.shape, baseline.shape == truth.shape, truth.rank == 4, truth.shape[0] > 0 else {
            throw EngineError.shapeMismatch(op: "SwapScore", expected: "swaps, answers and baseline of one shape [N, C, H, W]",
                                            got: swapped.shape)
        }
        let (psnr, ssim) = try Self.meanQuality(swapped, truth)
        let (baselinePSNR, baselineSSIM) = try Self.meanQuality(baseline, truth)
        count = truth.shape[0]
        self.psnr = psnr
        self.ssim = ssim
        self.baselinePSNR = baselinePSNR
        self.baselineSSIM = baselineSSIM
    }

    /// Mean PSNR and mean SSIM over the pictures, on the 0…255 scale (as saved in a PNG).
    public static func meanQuality(_ images: Tensor, _ truth: Tensor) throws -> (psnr: Double, ssim: Double) {
        let a = try Image.images(from: images), b = try Image.images(from: truth)
        // An exact match has PSNR +∞; cap it at 100 dB so one perfect picture cannot swamp the mean.
        let psnr = zip(a, b).map { min(ImageQuality.psnr($0, $1), 100) }.reduce(0, +) / Double(a.count)
        let ssim = zip(a, b).map { ImageQuality.ssim($0, $1) }.reduce(0, +) / Double(a.count)
        return (psnr, ssim)
    }

    public var summary: String {
        func decimal(_ value: Double, _ digits: Int) -> String { formatDecimal(value, digits: digits) }
        return "swap A→B on \(count) held-out faces: PSNR \(decimal(psnr, 2)) dB, SSIM \(decimal(ssim, 3)) "
            + "(the mean B face scores PSNR \(decimal(baselinePSNR, 2)) dB, SSIM \(decimal(baselineSSIM, 3)))"
    }
}

extension ImageDataset {
    /// The average picture, `C × H × W` values.
    public func meanImage() -> [Float] {
        var sum = [Float](repeating: 0, count: imageSize)
        for image in 0..<count {
            for i in 0..<imageSize { sum[i] += pixels[image * imageSize + i] }
        }
        return sum.map { $0 / Float(Swift.max(count, 1)) }
    }
}
