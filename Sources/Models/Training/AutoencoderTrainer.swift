import Faces
import Engine
import Foundation

/// Trains an `Autoencoder` to redraw faces: mean squared error between each face and its
/// reconstruction, minimised with Adam.
///
///     let trainer = try AutoencoderTrainer(model: Autoencoder(), faces: train, fixedFaces: heldOut)
///     let outcome = try trainer.train(output: sessionFolder) { event in … }
///
/// Every `sampleEvery` steps it writes `autoencoder-step-NNNNNN.png`: the same 8 held-out faces
/// (top row) above their reconstructions (bottom row). Held-out faces were never trained on, so
/// a good reconstruction shows the model learned faces, not these pictures.
public final class AutoencoderTrainer: Trainer {
    /// Measured (release build, 2 threads, a shared 2-core machine): 14–22 steps/s; faces with
    /// the right hair and skin at step 100–200 (5–15 s), background colours by step 500;
    /// 600 steps in 27–50 s, loss ≈ 0.002, held-out PSNR 27.2 dB, SSIM 0.84. η = 2e-3 beat 1e-3
    /// and 4e-3 at step 600 (held-out PSNR 27.2 against 25.9 and 24.4 dB).
    public static let defaultConfig = TrainingConfig(learningRate: 2e-3, batchSize: 32, steps: 600,
                                                     betas: (0.9, 0.999), seed: 0, sampleEvery: 100)

    public let model: Autoencoder
    public var config: TrainingConfig
    public let fixedFaces: Tensor
    public var batches: BatchStream
    public var optimizer: Adam
    public var state = TrainingState(metricNames: ["loss"])
    public let filePrefix: String

    /// - Parameters:
    ///   - faces: training pictures, 32×32 RGB.
    ///   - fixedFaces: held-out pictures shown in every sample grid (the first 8 are used).
    ///   - name: file names start with it (the shell passes the variable's name).
    public init(model: Autoencoder, faces: ImageDataset, fixedFaces: ImageDataset,
                config: TrainingConfig = defaultConfig, name: String = "autoencoder") throws {
        try requireFaces32(faces, "training")
        try requireFaces32(fixedFaces, "sample")
        try config.validate()
        self.model = model
        self.config = config
        self.filePrefix = name
        self.fixedFaces = try fixedFaces.firstImages(8)
        batches = try BatchStream(faces, batchSize: config.batchSize, seed: config.seed, flipHorizontally: true)
        optimizer = try Adam.forTraining(model, config)
    }

    public func applySettings() throws {
        // Apply what the learner changed since the last call.
        batches.setBatchSize(config.batchSize)
        optimizer = try optimizer.following(config, for: model)
        model.train()
    }


    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss"] }
    public var guardedMetrics: [String] { ["loss"] }
    public func dataProblem() -> String? { batches.dataProblem }
    public var networks: [any Layer] { [model] }

    public func step() throws -> [Double] {
        let faces = try batches.next().images
        optimizer.zeroGrad()
        let loss = try mseLoss(model(faces), faces)
        try loss.backward()
        optimizer.step()
        return [Double(shortest: loss.item)]
    }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let reconstructions = try model.reconstruct(fixedFaces)
        return try SampleGrid.write(rows: [fixedFaces, reconstructions], rowNames: ["held-out", "redrawn"],
                                    folder: folder, prefix: filePrefix,
                                    step: step, model: model.description.firstLine, seed: config.seed,
                                    content: "top: held-out faces; bottom: the autoencoder's reconstructions")
    }

    public func resetOptimizers() throws { optimizer = try Adam.forTraining(model, config) }
}

extension ImageDataset {
    /// The first `count` pictures (or all, if fewer) as one `[count, C, H, W]` tensor in `range`.
    public func firstImages(_ count: Int, range: PixelRange = .zeroToOne) throws -> Tensor {
        try images(at: Array(0..<Swift.min(count, self.count)), range: range)
    }

    /// The pictures at `indices`, in that order, as one `[count, C, H, W]` tensor in `range`.
    public func images(at indices: [Int], range: PixelRange = .zeroToOne) throws -> Tensor {
        guard !indices.isEmpty else { throw ExperimentError.unsuitableData("there are no pictures to show") }
        let values = try subset(indices).pixels
        return Tensor(shape: [indices.count, channels, height, width],
                      data: range == .zeroToOne ? values : values.map { $0 * 2 - 1 })
    }
}

/// The models here take 32×32 RGB faces.
public func requireFaces32(_ dataset: ImageDataset, _ role: String) throws {
    guard dataset.channels == 3, dataset.height == 32, dataset.width == 32 else {
        throw ExperimentError.unsuitableData("the \(role) pictures are \(dataset.channels)×\(dataset.height)×\(dataset.width); "
            + "this model takes 3×32×32 RGB faces (datasets-small/faces-32 or pair-32)")
    }
    guard dataset.count > 0 else { throw ExperimentError.unsuitableData("there are no \(role) pictures") }
}

extension String {
    /// The first line of a model's printout: `Autoencoder(latent=32, width=32)(`, without the `(`.
    public var firstLine: String {
        let line = split(separator: "\n").first.map(String.init) ?? self
        return line.hasSuffix(")(") ? String(line.dropLast()) : line
    }
}
