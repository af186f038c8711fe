import Faces
import Engine
import Foundation

/// Trains a `VariationalAutoencoder`: each step, for a batch of faces,
///
///     loss = reconstruction + β · KL
///     reconstruction = Σ over the 3,072 pixel values of (x − x̂)², averaged over the batch
///     KL             = KL(N(μ, σ²) ‖ N(0, I)) summed over the latent numbers, averaged over the batch
///
/// Both terms are **per-image sums**, averaged over the batch (`gaussianKL` reduces the same way).
/// Why sums: the two terms are then on the scale the VAE's derivation puts them, so β means
/// something fixed. With a per-pixel mean instead, the reconstruction would shrink 3,072-fold and
/// the KL term would win outright: every face would get the same code and the decoder would draw
/// one average face. Minimising this loss with β = 2s² is maximising the evidence lower bound for
/// a decoder whose pixels have Gaussian noise of standard deviation s; β < 1 says "pixels are
/// precise", which buys sharper reconstructions at the price of codes that fill N(0, I) less
/// evenly (Higgins et al.'s β-VAE, 2017, explores the other direction, β > 1).
///
/// Every `sampleEvery` steps it writes `vae-step-NNNNNN.png`: 8 held-out faces, their
/// reconstructions (through μ), and 16 faces decoded from the SAME 16 random codes z ~ N(0, I)
/// at every step, so the grids show new faces forming out of noise.
public final class VAETrainer: Trainer {
    /// The autoencoder's recipe (same network size, same cost per step: 600 steps).
    public static let defaultConfig = TrainingConfig(learningRate: 2e-3, batchSize: 32, steps: 600,
                                                     betas: (0.9, 0.999), seed: 0, sampleEvery: 100)
    /// The weight of the KL term at the defaults (see the type's comment for its meaning).
    /// Measured at latent 16, 600 steps (release build, seed 103): β = 0.02, 0.05 and 0.1 gave
    /// held-out PSNR 24.6, 24.4 and 24.2 dB with KL 46, 39 and 32 nats per face; the samples from
    /// N(0, I) at 0.1 had the fewest ghosted double outlines, for 0.4 dB of sharpness.
    public static let defaultBeta: Float = 0.1
    /// Steps over which β rises linearly from 0 to its value ("KL warm-up"): the decoder first
    /// learns to draw faces from informative codes before the KL term pulls the codes together.
    /// Off by default: at β ≤ 0.1 the KL term never squashed the codes (KL held at 30–50 nats
    /// per face from step 100 on), so there was nothing for a warm-up to prevent. A learner who
    /// raises β towards 1 may need it.
    public static let defaultWarmUpSteps = 0

    public let model: VariationalAutoencoder
    public var config: TrainingConfig
    /// The KL term's weight; the learner may change it between calls.
    public var beta: Float
    public var warmUpSteps: Int
    public let fixedFaces: Tensor
    /// The codes decoded in every sample grid, drawn once.
    public let fixedCodes: Tensor
    public var batches: BatchStream
    /// ε for the reparameterisation, seeded from `config.seed` so a run can be repeated.
    public var noise: RandomGenerator
    public var optimizer: Adam
    public var state = TrainingState(metricNames: ["loss", "reconstruction", "KL"])
    /// Steps taken over all calls, for the warm-up. (`state` is the loop's while it runs: reading
    /// it from `step()` would be a simultaneous access.)
    public private(set) var stepsTaken = 0
    public let filePrefix: String

    /// - Parameters:
    ///   - faces: training pictures, 32×32 RGB.
    ///   - fixedFaces: held-out pictures shown in every sample grid (the first 8 are used).
    ///   - name: file names start with it (the shell passes the variable's name).
    public init(model: VariationalAutoencoder, faces: ImageDataset, fixedFaces: ImageDataset,
                config: TrainingConfig = defaultConfig, beta: Float = defaultBeta,
                warmUpSteps: Int = defaultWarmUpSteps, name: String = "vae") throws {
        try requireFaces32(faces, "training")
        try requireFaces32(fixedFaces, "sample")
        try config.validate()
        try Self.validate(beta: beta, warmUpSteps: warmUpSteps)
        self.model = model
        self.config = config
        self.beta = beta
        self.warmUpSteps = warmUpSteps
        filePrefix = name
        self.fixedFaces = try fixedFaces.firstImages(8)
        var fixed = RandomGenerator(seed: config.seed &+ 2)
        fixedCodes = try Tensor.randn([16, model.latent], using: &fixed)
        batches = try BatchStream(faces, batchSize: config.batchSize, seed: config.seed, flipHorizontally: true)
        noise = RandomGenerator(seed: config.seed &+ 1)
        optimizer = try Adam.forTraining(model, config)
    }

    public static func validate(beta: Float, warmUpSteps: Int) throws {
        guard beta.isFinite, (0...100).contains(beta) else {
            throw ExperimentError.invalidConfig("beta must be a number from 0 to 100, not \(beta)")
        }
        guard (0...1_000_000).contains(warmUpSteps) else {
            throw ExperimentError.invalidConfig("warmUpSteps must be between 0 and 1000000, not \(warmUpSteps)")
        }
    }

    public func applySettings() throws {
        try Self.validate(beta: beta, warmUpSteps: warmUpSteps)
        batches.setBatchSize(config.batchSize)
        optimizer = try optimizer.following(config, for: model)
        model.train()
    }

    /// β at `step` (counted from 0 over the whole run): rising during the warm-up, then constant.
    public func beta(atStep step: Int) -> Float {
        guard warmUpSteps > 0, step < warmUpSteps else { return beta }
        return beta * Float(step + 1) / Float(warmUpSteps)
    }

    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss", "reconstruction", "KL"] }
    public var guardedMetrics: [String] { ["loss"] }
    public func dataProblem() -> String? { batches.dataProblem }
    public var networks: [any Layer] { [model] }

    /// The loss of one batch, its two terms, as the trainer computes it (tests reuse it).
    public static func loss(reconstruction: Tensor, faces: Tensor, mean: Tensor, logVariance: Tensor,
                            beta: Float) throws -> (total: Tensor, reconstruction: Tensor, kl: Tensor) {
        // mseLoss averages over all N·3·32·32 values; × 3·32·32 makes it the per-image sum, batch-averaged.
        let pixelsPerImage = Float(faces.count / max(faces.shape[0], 1))
        let reconstructionLoss = try mseLoss(reconstruction, faces) * pixelsPerImage
        let kl = try gaussianKL(mean: mean, logVariance: logVariance)
        return (try reconstructionLoss + kl * beta, reconstructionLoss, kl)
    }

    public func step() throws -> [Double] {
        let faces = try batches.next().images
        optimizer.zeroGrad()
        let (reconstruction, mean, logVariance) = try model.forward(faces, noise: &noise)
        let loss = try Self.loss(reconstruction: reconstruction, faces: faces, mean: mean, logVariance: logVariance,
                                 beta: beta(atStep: stepsTaken))
        try loss.total.backward()
        optimizer.step()
        stepsTaken += 1
        return [loss.total.item, loss.reconstruction.item, loss.kl.item].map { Double(shortest: $0) }
    }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let reconstructions = try model.reconstruct(fixedFaces)
        let samples = try model.inference { try model.decode(fixedCodes) }
        return try SampleGrid.write(rows: [fixedFaces, reconstructions,
                                           try samples.sliced(axis: 0, 0..<8), try samples.sliced(axis: 0, 8..<16)],
                                    rowNames: ["held-out", "redrawn", "sampled", "sampled"],
                                    folder: folder, prefix: filePrefix, step: step,
                                    model: model.description.firstLine, seed: config.seed,
                                    content: "held-out faces; the VAE's reconstructions; 16 new faces decoded from "
                                        + "the same 16 random codes z ~ N(0, I) at every step")
    }

    public func resetOptimizers() throws { optimizer = try Adam.forTraining(model, config) }
}
