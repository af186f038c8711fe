import Faces
import Engine
import Foundation

/// Trains a `FaceSwapModel` the way the original deepfake did: each step, a batch of A faces
/// goes through the shared encoder and decoder A, a batch of B faces through the shared encoder
/// and decoder B, and both reconstruction errors are minimised together.
///
///     loss = MSE(decoderA(encoder(a)), a) + MSE(decoderB(encoder(b)), b)
///
/// Nothing in the loss mentions swapping. The swap works because the encoder gets gradients from
/// both decoders, so it learns one code for both people (see `FaceSwapModel`).
///
/// Every `sampleEvery` steps it writes `faceswap-step-NNNNNN.png`, four rows for the same 8
/// held-out A faces: the faces; decoder A's reconstruction; the swap (decoder B); and the
/// ground truth, B with exactly that expression, pose and light.
public final class FaceSwapTrainer: Trainer {
    /// Measured (release, 2 threads, 2-core machine, the model's default code dropout 0.5):
    /// about 30 steps/s (each step is a batch of A and a batch of B); 1,200 steps in 35–43 s give
    /// a swap of 24.4 dB PSNR, SSIM 0.86 against the true answers on the 100 held-out faces, where
    /// the mean B face scores 18.2 dB, 0.78; 600 steps give 23–25 dB, 0.84–0.85. Without code
    /// dropout the swap stayed at 20–21.9 dB, SSIM 0.72–0.82, in runs of 600 to 2,000 steps: a
    /// pale average of B with A's skin leaking in (see `FaceSwapModel`).
    public static let defaultConfig = TrainingConfig(learningRate: 3e-3, batchSize: 16, steps: 1200,
                                                     betas: (0.9, 0.999), seed: 0, sampleEvery: 200)

    public let model: FaceSwapModel
    public var config: TrainingConfig
    public let data: FaceSwapData
    public let fixedFaces: Tensor
    public let fixedAnswers: Tensor
    public var batchesA: BatchStream
    public var batchesB: BatchStream
    public var optimizer: Adam
    public var state = TrainingState(metricNames: ["loss A", "loss B"])
    public let filePrefix: String

    public init(model: FaceSwapModel, data: FaceSwapData, config: TrainingConfig = defaultConfig,
                name: String = "faceswap") throws {
        try config.validate()
        self.model = model
        self.data = data
        self.config = config
        filePrefix = name
        fixedFaces = try data.heldOutA.firstImages(8)
        fixedAnswers = try data.answersB.firstImages(8)
        // No mirroring: person A's hair is parted on one side, and a mirrored A would teach the
        // decoders a third, mirrored person.
        batchesA = try BatchStream(data.trainA, batchSize: config.batchSize, seed: config.seed)
        batchesB = try BatchStream(data.trainB, batchSize: config.batchSize, seed: config.seed &+ 1)
        // One optimiser over all three networks: the encoder's gradient is the sum of what both
        // decoders ask of it.
        optimizer = try Adam.forTraining(model, config)
    }

    public func applySettings() throws {
        // Apply what the learner changed since the last call.
        batchesA.setBatchSize(config.batchSize)
        batchesB.setBatchSize(config.batchSize)
        optimizer = try optimizer.following(config, for: model)
        model.train()
    }


    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss A", "loss B"] }
    public var guardedMetrics: [String] { ["loss A", "loss B"] }
    public func dataProblem() -> String? { batchesA.dataProblem ?? batchesB.dataProblem }
    public var networks: [any Layer] { [model] }

    public func step() throws -> [Double] {
        let a = try batchesA.next().images, b = try batchesB.next().images
        optimizer.zeroGrad()
        let lossA = try mseLoss(model(a, as: .a), a)
        let lossB = try mseLoss(model(b, as: .b), b)
        try (lossA + lossB).backward()
        optimizer.step()
        return [Double(shortest: lossA.item), Double(shortest: lossB.item)]
    }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let reconstructions = try model.swap(fixedFaces, to: .a)
        let swaps = try model.swap(fixedFaces, to: .b)
        return try SampleGrid.write(rows: [fixedFaces, reconstructions, swaps, fixedAnswers],
                                    rowNames: ["held-out A", "A redrawn", "A → B (swap)", "true B"], folder: folder,
                                    prefix: filePrefix, step: step, model: model.description.firstLine,
                                    seed: config.seed, content: "rows: held-out A faces; decoder A's reconstructions; "
                                        + "the swap A→B (decoder B); the true B with the same expression, pose and light")
    }

    public func resetOptimizers() throws { optimizer = try Adam.forTraining(model, config) }
}
