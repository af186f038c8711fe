import Engine
import Foundation
import Imaging

/// Trains a `ToyGAN` on a `RingOfGaussians`, one round of the game per step:
///
///  1. D step: a batch of real points (target 1) and of fakes G(z) (target 0), detached so only
///     D moves: loss D = BCE(D(x), 1) + BCE(D(G(z)), 0).
///  2. G step (`generatorSteps` times): fresh fakes, judged by the updated D. Write a = D's logit
///     for a fake, so D(G(z)) = σ(a). Two generator losses:
///     - saturating, the game exactly as written (Goodfellow et al., 2014): G minimises
///       log(1 − σ(a)) = −softplus(a). Its slope in a is −σ(a): when D confidently rejects the
///       fakes (a ≪ 0) the slope is near 0 and G barely learns.
///     - non-saturating, the paper's practical fix: G minimises −log σ(a) = softplus(−a). Same
///       fixed point, but its slope is σ(a) − 1 ≈ −1 exactly when D rejects the fakes.
///
/// Every `sampleEvery` steps it writes a frame, `toygan-step-NNNNNN.png`: D's decision map with
/// the real points and 512 samples from the SAME noise vectors on top.
public final class ToyGANTrainer: Trainer {
    public enum GeneratorLoss: String, Sendable, CaseIterable {
        case saturating = "saturating"
        case nonSaturating = "non-saturating"
    }

    /// Measured on a shared 2-core machine (release): see lessons/05-gans-on-a-toy.md.
    public static let defaultConfig = TrainingConfig(learningRate: 1e-3, batchSize: 128, steps: 2000,
                                                     betas: (0.5, 0.999), seed: 0, sampleEvery: 200)

    public let model: ToyGAN
    public let ring: RingOfGaussians
    public let generatorLoss: GeneratorLoss
    /// Generator updates per discriminator update. More than 1 trains G "too far ahead of D",
    /// the paper's warning that leads to mode collapse.
    public var generatorSteps: Int
    /// Discriminator updates per round (the paper's k). More than 1 lets D pull ahead, and
    /// then the saturating loss starves G of gradient.
    public var discriminatorSteps: Int
    public var config: TrainingConfig
    public var data: RandomGenerator
    public var noise: RandomGenerator
    public let fixedNoise: Tensor
    public let fixedReal: Tensor
    public var generatorOptimizer: Adam
    public var discriminatorOptimizer: Adam
    /// Only D's loss is guarded: the saturating G loss is negative by design.
    public var state = TrainingState.adversarialGame()
    public let filePrefix: String

    public init(model: ToyGAN, ring: RingOfGaussians = RingOfGaussians(), generatorLoss: GeneratorLoss = .nonSaturating,
                generatorSteps: Int = 1, discriminatorSteps: Int = 1, config: TrainingConfig = defaultConfig, name: String = "toygan") throws {
        try config.validate()
        guard (1...20).contains(generatorSteps) else {
            throw ExperimentError.invalidConfig("generatorSteps must be between 1 and 20, not \(generatorSteps)")
        }
        guard (1...20).contains(discriminatorSteps) else {
            throw ExperimentError.invalidConfig("discriminatorSteps must be between 1 and 20, not \(discriminatorSteps)")
        }
        self.discriminatorSteps = discriminatorSteps
        self.model = model
        self.ring = ring
        self.generatorLoss = generatorLoss
        self.generatorSteps = generatorSteps
        self.config = config
        filePrefix = name
        data = RandomGenerator(seed: config.seed)
        noise = RandomGenerator(seed: config.seed &+ 1)
        var fixed = RandomGenerator(seed: config.seed &+ 2)
        fixedNoise = try model.noise(512, using: &fixed)
        fixedReal = ring.sample(512, using: &fixed)
        (generatorOptimizer, discriminatorOptimizer) = try Self.makeOptimizers(model, config)
    }

    public static func makeOptimizers(_ model: ToyGAN, _ config: TrainingConfig) throws -> (Adam, Adam) {
        (try Adam.forTraining(model.generator, config), try Adam.forTraining(model.discriminator, config))
    }

    public func applySettings() throws {
        if generatorOptimizer.differs(from: config) { try resetOptimizers() }
        generatorOptimizer.learningRate = config.learningRate
        discriminatorOptimizer.learningRate = config.learningRate
        model.train()
    }

    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss D", "loss G", "D(x)", "D(G(z))"] }
    public var guardedMetrics: [String] { ["loss D"] }
    public var networks: [any Layer] { [model] }

    public func step() throws -> [Double] {
        let count = config.batchSize
        let ones = try Tensor.ones([count, 1]), zeros = try Tensor.zeros([count, 1])

        // 1. Discriminator (`discriminatorSteps` times, the paper's k): the fakes are detached,
        // so this loss moves D alone.
        var lossD = try Tensor.zeros([]), realLogits = lossD, fakeLogits = lossD
        for _ in 0..<discriminatorSteps {
            discriminatorOptimizer.zeroGrad()
            let real = ring.sample(count, using: &data)
            let fake = try model.generate(model.noise(count, using: &noise))
            realLogits = try model.discriminate(real)
            fakeLogits = try model.discriminate(fake.detached())
            lossD = try binaryCrossEntropyWithLogits(realLogits, ones) + binaryCrossEntropyWithLogits(fakeLogits, zeros)
            try lossD.backward()
            discriminatorOptimizer.step()
        }

        // 2. Generator, judged by the updated D; the gradient flows back through D into G.
        var lossG = try Tensor.zeros([])
        for _ in 0..<generatorSteps {
            generatorOptimizer.zeroGrad()
            let logits = try model.discriminate(model.generate(model.noise(count, using: &noise)))
            switch generatorLoss {
            case .saturating: lossG = try (-logits.softplus()).mean()       // log(1 − σ(a))
            case .nonSaturating: lossG = try (-logits).softplus().mean()    // −log σ(a)
            }
            try lossG.backward()
            generatorOptimizer.step()
        }
        return [Double(shortest: lossD.item), Double(shortest: lossG.item), meanProbability(realLogits), meanProbability(fakeLogits)]
    }

    /// σ of each logit, averaged: D's mean belief that the batch is real.
    public func meanProbability(_ logits: Tensor) -> Double {
        logits.data.reduce(0) { $0 + 1 / (1 + Foundation.exp(-Double($1))) } / Double(max(logits.count, 1))
    }

    /// The generator's points for the fixed noise, `[512, 2]`.
    public func fixedSamples() throws -> Tensor { try model.inference { try model.generate(fixedNoise) } }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let samples = try fixedSamples()
        let coverage = ring.coverage(of: samples)
        let image = try model.picture(samples: samples, real: fixedReal, ring: ring, caption: [
            "STEP \(step), \(generatorLoss.rawValue.uppercased()) LOSS",
            "\(coverage.covered) OF \(ring.modes) MODES COVERED",
            "BLUE: REAL  RED: G(Z)  RINGS: 3 SIGMA",
            "GREEN: D SAYS REAL  PURPLE: FAKE",
        ])
        let url = folder.appendingPathComponent(SampleGrid.fileName(prefix: filePrefix, step: step))
        try PNGFile.write(image, to: url.path, text: PNGFile.labels(model: model.description.firstLine, seed: config.seed, extra: [
            ("Step", String(step)), ("Content", "512 generated points (red) and 512 real points (blue) over the discriminator's decision map"),
        ]))
        return url
    }

    public func resetOptimizers() throws {
        (generatorOptimizer, discriminatorOptimizer) = try Self.makeOptimizers(model, config)
    }
}
