import Faces
import Engine
import Foundation

/// Trains a `DCGAN`: two networks in a contest. The discriminator D learns to tell real faces
/// from the generator's; the generator G learns to fool it. Each step:
///
///  1. D step: D sees a real batch (target 1) and a batch of fakes G(z) (target 0);
///     loss D = BCE(D(x), 1) + BCE(D(G(z)), 0). Only D's weights move.
///  2. G step: the same fakes, judged again by the updated D; loss G = BCE(D(G(z)), 1), the
///     non-saturating loss (Goodfellow et al., 2014): G is rewarded for D saying "real", which
///     keeps its gradient strong exactly when D confidently rejects the fakes (minimising
///     log(1 − D(G(z))) instead would give G almost no gradient then). Only G's weights move.
///
/// Reported each step: loss D, loss G, and D(x), D(G(z)), the discriminator's mean probability
/// of "real" for the real and the fake batch. Losses alone mislead in a GAN (both can look
/// steady while the generator fails); D(x) ≈ 1 with D(G(z)) ≈ 0 for long means D has won.
/// Every `sampleEvery` steps it writes `gan-step-NNNNNN.png`: 32 faces from the SAME 32 noise
/// vectors, so the grids show how each imagined face develops, drawn large enough to see (4× for
/// 32-pixel faces, 2× for 64) with their rows and the step named in the picture.
///
/// A `GANDoctor` watches every step: D's verdicts and each network's gradient norm, and every
/// `checkupEvery` steps the diversity of those same fixed-noise faces against `fixedReal`,
/// keeping the last healthy state for `rollBackToLastHealthy()`.
public final class GANTrainer: Trainer {
    /// Tuned for a minute on 2 CPU cores. The paper's η = 2e-4 with batches of 64 is the safe
    /// recipe for long runs, but a minute allows only ~250 such steps: blobs, not faces. Batches
    /// of 32 take half the time, and η = 5e-4 (still with β₁ = 0.5) moves 2.5× as far per step.
    /// Measured (release, a shared 2-core machine): 7.6 steps/s on 2 threads, 12.5 on 1 thread,
    /// so 600 steps take 48–80 s; head-and-shoulder blobs by step 200, faces with hair by
    /// 400–600. For a long run go back to 2e-4: the higher rate makes D and G overshoot more often.
    public static let defaultConfig = TrainingConfig(learningRate: 5e-4, batchSize: 32, steps: 600,
                                                     betas: (0.5, 0.999), seed: 0, sampleEvery: 100)

    public let model: DCGAN
    public var config: TrainingConfig
    public var batches: BatchStream
    public var noise: RandomGenerator
    public let fixedNoise: Tensor
    /// Real faces, as many as `fixedNoise`, spread over the data set: the doctor's yardstick for
    /// how varied faces are.
    public let fixedReal: Tensor
    public var generatorOptimizer: Adam
    public var discriminatorOptimizer: Adam
    public var state = TrainingState.adversarialGame()
    /// Kept apart from `state`: `step()` feeds it while the loop holds `state` (see TrainingLoop).
    public var doctor = GANDoctor()
    /// The step the next `step()` call takes, over the whole run.
    private var nextStep = 1
    public let filePrefix: String

    public init(model: DCGAN, faces: ImageDataset, config: TrainingConfig = defaultConfig, name: String = "gan") throws {
        guard faces.channels == 3, faces.height == model.imageSize, faces.width == model.imageSize else {
            throw ExperimentError.unsuitableData("the training pictures are \(faces.channels)×\(faces.height)×\(faces.width); "
                + "this DCGAN makes 3×\(model.imageSize)×\(model.imageSize) RGB faces "
                + "(datasets-small/faces-\(model.imageSize), or a DCGAN(imageSize: \(faces.height)) if that is 32 or 64)")
        }
        guard faces.count >= 2 else { throw ExperimentError.unsuitableData("a GAN needs at least 2 training pictures, not \(faces.count)") }
        try config.validate()
        self.model = model
        self.config = config
        filePrefix = name
        // Real faces in [−1, 1], the range of the generator's Tanh, so D cannot tell them apart by range alone.
        batches = try BatchStream(faces, batchSize: config.batchSize, seed: config.seed, range: .minusOneToOne,
                                  flipHorizontally: true)
        noise = RandomGenerator(seed: config.seed &+ 1)
        var fixed = RandomGenerator(seed: config.seed &+ 2)
        fixedNoise = try model.noise(32, using: &fixed)
        let spread = (0..<min(32, faces.count)).map { $0 * faces.count / min(32, faces.count) }
        fixedReal = try faces.subset(spread).batches(size: spread.count, seed: 0, range: .minusOneToOne)[0].images
        (generatorOptimizer, discriminatorOptimizer) = try Self.makeOptimizers(model, config)
    }

    /// Two optimisers: each network has its own objective, so each has its own Adam.
    public static func makeOptimizers(_ model: DCGAN, _ config: TrainingConfig) throws -> (Adam, Adam) {
        (try Adam.forTraining(model.generator, config), try Adam.forTraining(model.discriminator, config))
    }

    public func applySettings() throws {
        // Apply what the learner changed since the last call.
        batches.setBatchSize(config.batchSize)
        if generatorOptimizer.differs(from: config) { try resetOptimizers() }
        generatorOptimizer.learningRate = config.learningRate
        discriminatorOptimizer.learningRate = config.learningRate
        model.train()
        // Training continues after the last step kept (a guard's roll-back may have moved it).
        nextStep = state.stepsDone + 1
    }


    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss D", "loss G", "D(x)", "D(G(z))"] }
    public var guardedMetrics: [String] { ["loss D", "loss G"] }
    public func dataProblem() -> String? { batches.dataProblem }
    public var networks: [any Layer] { [model] }

    public func step() throws -> [Double] {
        let real = try batches.next().images
        let count = real.shape[0]
        let ones = try Tensor.ones([count, 1]), zeros = try Tensor.zeros([count, 1])

        // One batch of fakes serves both updates (as in PyTorch's DCGAN example): generating it
        // once saves a pass through G per step.
        let fake = try model.generate(model.noise(count, using: &noise))

        // 1. Discriminator. The fakes are detached: this loss must move only D, and cutting the
        // graph at G's output also skips a backward pass through G that would be thrown away.
        discriminatorOptimizer.zeroGrad()
        let realLogits = try model.discriminate(real)
        let fakeLogits = try model.discriminate(fake.detached())
        let lossD = try binaryCrossEntropyWithLogits(realLogits, ones) + binaryCrossEntropyWithLogits(fakeLogits, zeros)
        try lossD.backward()
        // Measured before the update, from the same gradients it uses (an infinite clip only measures).
        let discriminatorNorm = clipGradientNorm(discriminatorOptimizer.parameters, maxNorm: .infinity)
        discriminatorOptimizer.step()

        // 2. Generator: the same fakes, not detached this time, judged by the just-updated D.
        // The gradient flows back through D into G; D's own gradients from this pass are left
        // unused (and cleared at its next step).
        generatorOptimizer.zeroGrad()
        let lossG = try binaryCrossEntropyWithLogits(model.discriminate(fake), ones)
        try lossG.backward()
        let generatorNorm = clipGradientNorm(generatorOptimizer.parameters, maxNorm: .infinity)
        generatorOptimizer.step()

        let metrics = [Double(shortest: lossD.item), Double(shortest: lossG.item), meanProbability(realLogits), meanProbability(fakeLogits)]
        let step = nextStep
        nextStep += 1
        doctor.observe(GANVitals(realVerdict: metrics[2], fakeVerdict: metrics[3],
                                 discriminatorGradientNorm: Double(discriminatorNorm), generatorGradientNorm: Double(generatorNorm)),
                       step: step)
        if doctor.isCheckupDue(after: step) {
            let diversity = SampleDiversity.relative(try model.sample(noise: fixedNoise), to: fixedReal)
            doctor.checkup(step: step, diversity: diversity) { ModelSnapshot(of: networks, step: step) }
        }
        return metrics
    }

    /// Puts both networks back as they were at the doctor's last healthy checkup, with the step
    /// count and history to match and fresh optimisers (their running averages describe the
    /// discarded steps), and returns that step; nil when no checkup was healthy.
    public func rollBackToLastHealthy() throws -> Int? {
        guard let healthy = doctor.lastHealthy else { return nil }
        healthy.restore()
        try resetOptimizers()
        state.stepsDone = healthy.step
        state.history.truncate(after: healthy.step)
        doctor.rolledBack(to: healthy.step)
        nextStep = healthy.step + 1
        return healthy.step
    }

    /// The doctor's findings the learner has not heard yet, one line each, as they happen: the
    /// full report, with the roll-back offer, follows the run.
    public func newNotes() -> [String] {
        let step = doctor.step
        return doctor.newFindings().map { "GAN doctor at step \(step): \($0.headline). More when the run ends." }
    }

    /// σ of each logit, averaged: the discriminator's mean belief that the batch is real.
    public func meanProbability(_ logits: Tensor) -> Double {
        logits.data.reduce(0) { $0 + 1 / (1 + Foundation.exp(-Double($1))) } / Double(max(logits.count, 1))
    }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let samples = try model.sample(noise: fixedNoise)
        let rows = try (0..<4).map { try samples.sliced(axis: 0, ($0 * 8)..<($0 * 8 + 8)) }
        // 32-pixel faces 4× larger, 64-pixel ones 2×: about 128 pixels a face either way.
        return try SampleGrid.write(rows: rows, range: .minusOneToOne, rowNames: (0..<4).map { "z \($0 * 8 + 1)-\($0 * 8 + 8)" },
                                    title: "\(filePrefix) step \(step): G(z) for the same 32 noise vectors z",
                                    scale: max(1, 128 / model.imageSize), folder: folder, prefix: filePrefix, step: step,
                                    model: model.description.firstLine, seed: config.seed,
                                    content: "32 generated faces from the same 32 noise vectors at every step")
    }

    public func resetOptimizers() throws {
        (generatorOptimizer, discriminatorOptimizer) = try Self.makeOptimizers(model, config)
    }
}
