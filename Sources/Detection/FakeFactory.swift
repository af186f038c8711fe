import Engine
import Faces
import Foundation
import Imaging
import Models

/// The kinds of fake the lab makes, for testing detectors on each and across them.
public enum FakeSource: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Samples of the DCGAN, which up-samples with stride-2 transposed convolutions.
    case dcgan = "DCGAN"
    /// Samples of the same GAN with nearest-neighbour up-sampling followed by a convolution.
    case upsampleGAN = "upsample GAN"
    /// Autoencoder face swaps (shared encoder, one decoder per person): the whole picture is
    /// the decoder's output.
    case faceSwap = "face swap"
    /// The swapped face blended into the original frame through a soft oval mask: real
    /// background, generated face, and a seam where they meet (§1.4 of the facts).
    case blendedSwap = "blended swap"

    public var description: String { rawValue }
}

/// Trains the lab's generators briefly and draws fakes from them. Real pictures come from the
/// same shipped sets the generators learned from, so a detector has to find the generator's
/// trace, not a difference in who is pictured.
public final class FakeFactory {
    /// How long each generator trains. The fakes are blurry, which is fine: detectors are tested
    /// on the *traces* of a generator, and a short run leaves them as clearly as a long one.
    /// 300 GAN steps took 210 s for both GANs on a loaded machine. At these defaults the whole
    /// `generalisation()` built-in (four generators, eight detectors, 100 pictures a kind) took
    /// 87 s of CPU (4 min wall at load average 20 on 2 cores): an experiment, not a lesson cell.
    /// Lessons give `generalisation(fakes:)` the learner's own GANs' samples instead. At 40 GAN
    /// steps the two GANs were still so crude that every detector caught both (76 s of CPU).
    public struct Settings: Sendable {
        public var ganSteps = 80
        public var ganWidth = 8
        public var swapSteps = 120
        public var swapWidth = 8
        public var seed: UInt64 = 0
        public init(ganSteps: Int = 80, ganWidth: Int = 8, swapSteps: Int = 120, swapWidth: Int = 8, seed: UInt64 = 0) {
            self.ganSteps = ganSteps
            self.ganWidth = ganWidth
            self.swapSteps = swapSteps
            self.swapWidth = swapWidth
            self.seed = seed
        }
    }

    public let settings: Settings
    public let transposedGAN: DCGAN
    public let upsampleGAN: DCGAN
    public let swapModel: FaceSwapModel
    /// Person A's pictures the swaps start from (the frames a blended swap is pasted into):
    /// training frames for training fakes, held-out frames for test fakes, so a detector is
    /// never tested on a swap of a frame it was trained on.
    let trainingFrames: [Image]
    let heldOutFrames: [Image]

    /// Trains the two GANs on `faces` (faces-32's training split) and the face swap on `pairs`
    /// (pair-32). Seconds, not minutes, at the default settings.
    public init(faces: ImageDataset, pairs: FaceSwapData, settings: Settings = Settings()) throws {
        self.settings = settings
        func ganConfig() -> TrainingConfig {
            TrainingConfig(learningRate: 5e-4, batchSize: 32, steps: settings.ganSteps, betas: (0.5, 0.999),
                           seed: settings.seed, sampleEvery: max(1, settings.ganSteps))
        }
        transposedGAN = try Random.withSeed(settings.seed) { try DCGAN(latent: 32, width: settings.ganWidth) }
        upsampleGAN = try Random.withSeed(settings.seed) {
            try DCGAN(latent: 32, width: settings.ganWidth, upsampling: .nearestThenConvolution)
        }
        for model in [transposedGAN, upsampleGAN] {
            let trainer = try GANTrainer(model: model, faces: faces, config: ganConfig())
            for _ in 0..<settings.ganSteps { _ = try trainer.step() }
        }
        swapModel = try Random.withSeed(settings.seed) { try FaceSwapModel(latent: 64, width: settings.swapWidth) }
        let swapConfig = TrainingConfig(learningRate: 3e-3, batchSize: 16, steps: settings.swapSteps,
                                        seed: settings.seed, sampleEvery: max(1, settings.swapSteps))
        let swapTrainer = try FaceSwapTrainer(model: swapModel, data: pairs, config: swapConfig)
        for _ in 0..<settings.swapSteps { _ = try swapTrainer.step() }
        trainingFrames = try FakeFactory.pictures(pairs.trainA)
        heldOutFrames = try FakeFactory.pictures(pairs.heldOutA)
    }

    /// `count` fakes of one kind; `seed` picks which (different seeds, different pictures).
    /// `heldOut` swaps start from frames kept out of training (pair-32's 100 test pictures of A).
    public func fakes(_ source: FakeSource, count: Int, seed: UInt64, heldOut: Bool = false) throws -> [Image] {
        guard count > 0 else { return [] }
        switch source {
        case .dcgan: return try Image.images(from: transposedGAN.sample(count, seed: seed), range: .minusOneToOne)
        case .upsampleGAN: return try Image.images(from: upsampleGAN.sample(count, seed: seed), range: .minusOneToOne)
        case .faceSwap, .blendedSwap:
            let frames = framesFor(count: count, seed: seed, from: heldOut ? heldOutFrames : trainingFrames)
            let swapped = try swap(frames)
            return source == .faceSwap ? swapped : zip(swapped, frames).map { Blending.blend($0, into: $1, mask: Blending.faceMask(size: $1.width)) }
        }
    }

    /// Person A's frames turned into person B by the swap model.
    func swap(_ frames: [Image]) throws -> [Image] {
        try Image.images(from: swapModel.swap(Image.batchTensor(frames)), range: .zeroToOne)
    }

    /// `count` of A's frames, chosen by `seed` (with repeats only when more are asked than exist).
    func framesFor(count: Int, seed: UInt64, from frames: [Image]) -> [Image] {
        var generator = RandomGenerator(seed: seed)
        let order = frames.indices.shuffled(using: &generator)
        return (0..<count).map { frames[order[$0 % order.count]] }
    }

    /// A dataset's pictures as images (the datasets hold planar floats in [0, 1]).
    public static func pictures(_ dataset: ImageDataset, limit: Int? = nil) throws -> [Image] {
        let count = min(dataset.count, limit ?? dataset.count)
        guard count > 0 else { return [] }
        let size = dataset.imageSize
        let tensor = Tensor(shape: [count, dataset.channels, dataset.height, dataset.width],
                            data: Array(dataset.pixels[0..<(count * size)]))
        return try Image.images(from: tensor)
    }
}
