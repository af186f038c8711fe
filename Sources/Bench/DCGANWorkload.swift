import Engine
import Models
/// W3 `dcgan32`: one training step of a DCGAN on 32×32 RGB images, width 32, batch 64
/// (BENCHMARKS.md; the architecture of Radford, Metz and Chintala, "Unsupervised representation
/// learning with deep convolutional generative adversarial networks", 2016).
///
///     generator      z [64, 64, 1, 1] → ConvT(64→128, k4 s1 p0) → [64, 128, 4, 4] · BN · ReLU
///                    → ConvT(128→64, k4 s2 p1) → 8×8 · BN · ReLU → ConvT(64→32, k4 s2 p1) → 16×16
///                    · BN · ReLU → ConvT(32→3, k4 s2 p1) → [64, 3, 32, 32] · Tanh
///     discriminator  Conv(3→32, k4 s2 p1) · LeakyReLU(0.2) · Conv(32→64, k4 s2 p1) · BN · LeakyReLU(0.2)
///                    · Conv(64→128, k4 s2 p1) · BN · LeakyReLU(0.2) · Conv(128→1, k4 s1 p0) → one logit
///
/// A step updates the discriminator on a real batch (target 1) and a fake batch (target 0), then
/// the generator on a fresh batch of z. Losses are BCE on logits; the generator's is the
/// non-saturating one, −log D(G(z)), i.e. BCE against target 1. Adam(2e-4, β 0.5/0.999) for each.
public final class DCGANWorkload: TrainingWorkload {
    public static let name = "dcgan32"
    public let generator: Sequential
    public let discriminator: Sequential
    public let realBatch: Tensor
    public let generatorOptimizer: Adam
    public let discriminatorOptimizer: Adam
    public let noise: RandomSource
    public let batchSize: Int
    public let ones: Tensor, zeros: Tensor

    /// - Parameters:
    ///   - batchSize: 64 in the benchmark; tests use fewer.
    ///   - seed: the weights', the real batch's and the noise's random seed.
    public init(batchSize: Int = 64, seed: UInt64 = 0) throws {
        self.batchSize = batchSize
        (generator, discriminator, realBatch) = try Random.withSeed(seed) {
            // The lessons' DCGAN at the benchmark's sizes; BENCHMARKS.md writes its layers with
            // PyTorch's defaults, so every convolution has a bias here.
            let gan = try DCGAN(latent: 64, width: 32, bias: true)
            // Real images scaled to [−1, 1], the range of the generator's tanh.
            return (gan.generator, gan.discriminator, try Tensor.uniform([batchSize, 3, 32, 32], low: -1, high: 1))
        }
        noise = RandomSource(seed: seed &+ 1)
        generatorOptimizer = try Adam(generator.namedParameters(), learningRate: 2e-4, betas: (0.5, 0.999))
        discriminatorOptimizer = try Adam(discriminator.namedParameters(), learningRate: 2e-4, betas: (0.5, 0.999))
        ones = try Tensor.ones([batchSize, 1])
        zeros = try Tensor.zeros([batchSize, 1])
    }

    public func sampleNoise() throws -> Tensor {
        try Tensor.randn([batchSize, 64, 1, 1], using: &noise.generator)
    }

    public func step() throws -> Float {
        // Discriminator: real → 1, fake → 0. The fakes are detached: this update must not reach
        // into the generator (and skipping its backward saves a third of the work).
        discriminatorOptimizer.zeroGrad()
        let fake = try generator(sampleNoise()).detached()
        let realLoss = try binaryCrossEntropyWithLogits(discriminator(realBatch), ones)
        let fakeLoss = try binaryCrossEntropyWithLogits(discriminator(fake), zeros)
        let discriminatorLoss = try realLoss + fakeLoss
        try discriminatorLoss.backward()
        discriminatorOptimizer.step()

        // Generator, non-saturating: maximise log D(G(z)) by training against target 1, which
        // keeps the gradient strong exactly when D confidently rejects the fakes (Goodfellow et al., 2014).
        generatorOptimizer.zeroGrad()
        discriminator.zeroGrad()
        let generatorLoss = try binaryCrossEntropyWithLogits(discriminator(generator(sampleNoise())), ones)
        try generatorLoss.backward()
        generatorOptimizer.step()
        return discriminatorLoss.item + generatorLoss.item
    }
}
