import Engine
import Foundation
import Imaging

/// A detector that looks only at how a picture's power is spread over frequencies: logistic
/// regression on the azimuthally averaged power spectrum (Durall, Keuper & Keuper, CVPR 2020).
///
///     features x = azimuthal average of the log power spectrum (17 values at 32×32)
///     z = (x − μ) / σ                    standardised with the training set's mean and spread
///     p(fake) = σ(w · z + b)
///
/// Generators that up-sample with transposed convolutions leave too much (or too little) power
/// at the highest frequencies, the end of the curve; a line through 17 numbers is enough to see
/// it, and it trains in milliseconds on a few dozen pictures. Dzanic et al. (NeurIPS 2020) got
/// 99 % from 8 training images this way; the same papers show the catch: JPEG, resizing and a
/// generator with a different last layer erase or move the tell-tale, and the detector fails
/// with no warning (Chandrasegaran et al., 2021). The generalisation table measures exactly that.
///
/// Standardising matters because the values near the centre are ~40 dB larger than those at
/// the edge; without it, gradient descent would spend its steps on the large features.
public final class SpectralDetector {
    public let featureCount: Int
    /// The picture size it was trained on; spectra of other sizes do not line up.
    public let width: Int
    public let height: Int
    let mean: [Float]
    let spread: [Float]
    let layer: Linear

    /// Trains on labelled pictures (`real` label 0, `fake` label 1), full batch, with Adam.
    ///
    /// - Parameters:
    ///   - steps: gradient steps (300 default: the loss is convex and flat by then).
    ///   - learningRate: Adam's η (0.05: one global minimum, nothing to overshoot into).
    ///   - weightDecay: L2 on the weights. With fewer pictures than features the two classes
    ///     can be split perfectly and the weights would grow without bound; a little decay keeps
    ///     the probabilities honest (finite) instead of 0 and 1.
    ///   - seed: for the initial weights.
    public init(real: [Image], fake: [Image], steps: Int = 300, learningRate: Float = 0.05,
                weightDecay: Float = 1e-2, seed: UInt64 = 0) throws {
        guard !real.isEmpty, !fake.isEmpty else {
            throw DetectionError.oneClassOnly(operation: "spectral detector", positives: fake.count, negatives: real.count)
        }
        guard steps > 0 else {
            throw DetectionError.invalidSetting(operation: "spectral detector", setting: "steps", value: "\(steps)", allowed: "at least 1")
        }
        let pictures = real + fake
        let first = pictures[0]
        if let odd = pictures.first(where: { $0.width != first.width || $0.height != first.height }) {
            throw DetectionError.mixedSizes(operation: "spectral detector", first: [first.width, first.height], other: [odd.width, odd.height])
        }
        let rows = try pictures.map(SpectralDetector.features)
        let count = Float(rows.count)
        featureCount = rows[0].count
        width = first.width
        height = first.height
        let columns = rows[0].count
        let means = (0..<columns).map { column in rows.reduce(0) { $0 + $1[column] } / count }
        mean = means
        spread = (0..<columns).map { column in
            let variance = rows.reduce(0) { $0 + ($1[column] - means[column]) * ($1[column] - means[column]) } / count
            return max(variance.squareRoot(), 1e-3)   // a constant feature must not divide by zero
        }
        layer = try Random.withSeed(seed) { try Linear(columns, 1) }

        let inputs = Tensor(shape: [rows.count, featureCount], data: rows.flatMap(standardised))
        let targets = Tensor(shape: [rows.count, 1], data: [Float](repeating: 0, count: real.count) + [Float](repeating: 1, count: fake.count))
        // Decay on the weights only: shrinking the bias would pull every answer towards 50 %.
        let optimizer = try Adam([layer.weight], learningRate: learningRate, weightDecay: weightDecay)
        let biasOptimizer = try Adam(layer.bias.map { [$0] } ?? [], learningRate: learningRate)
        for _ in 0..<steps {
            optimizer.zeroGrad()
            biasOptimizer.zeroGrad()
            try binaryCrossEntropyWithLogits(try layer(inputs), targets).backward()
            optimizer.step()
            biasOptimizer.step()
        }
    }

    /// The azimuthal spectrum of one picture: the detector's input.
    public static func features(_ image: Image) throws -> [Float] {
        try PowerSpectrum(image).azimuthalAverage
    }

    /// p(fake) for one picture.
    public func probability(of image: Image) throws -> Float {
        try probabilities([image])[0]
    }

    /// p(fake) for each picture.
    public func probabilities(_ images: [Image]) throws -> [Float] {
        guard !images.isEmpty else { return [] }
        let rows = try images.map { image -> [Float] in
            let features = try SpectralDetector.features(image)
            guard features.count == featureCount else { throw DetectionError.featureMismatch(expected: featureCount, got: features.count) }
            return standardised(features)
        }
        return try GradientMode.withoutGradients {
            try layer(Tensor(shape: [rows.count, featureCount], data: rows.flatMap { $0 })).sigmoid().data
        }
    }

    /// The learned weight of each radius (on standardised features): which frequencies the
    /// detector listens to, and in which direction (positive: more power there means "fake").
    public var weights: [Float] { layer.weight.data }

    private func standardised(_ features: [Float]) -> [Float] {
        (0..<featureCount).map { (features[$0] - mean[$0]) / spread[$0] }
    }
}
