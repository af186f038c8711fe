import Faces
import Engine
import Foundation

/// Trains a `FaceClassifier` on yes/no labels: real (1) vs generated (0) in the detection
/// lessons, or an attribute such as "wears glasses". Loss: binary cross-entropy on the logit.
///
///     let glasses = try faces.labels("glasses") { $0 == "none" ? 0 : 1 }
///     let trainer = try ClassifierTrainer(model: FaceClassifier(), images: faces, labels: glasses,
///                                         heldOut: test, heldOutLabels: testGlasses)
///
/// Measured at the defaults (300 steps, about 30 s on 2 cores): "glasses" 94% right on held-out
/// faces, where always answering "no" scores 80%. "Smiling" (smile > 0.3) stays at the base rate:
/// at 32×32 a smile is a few pixels of mouth, a good lesson in what resolution can and cannot show.
/// Real vs generated (`DetectionData`, fakes from a GAN trained at its defaults): 100% of 1,000
/// held-out pictures right after 300 steps, 100% of training batches from step ~90: a one-minute
/// GAN's fakes are easy to catch.
///
/// Reported each step: the loss and the batch's accuracy. Every `sampleEvery` steps it writes
/// `classifier-step-NNNNNN.png`: 16 held-out pictures, each captioned with the predicted
/// probability of "yes" and an `x` where the answer is wrong.
public final class ClassifierTrainer: Trainer {
    /// Measured to beat the base rate clearly within a minute on 2 CPU cores (see above).
    public static let defaultConfig = TrainingConfig(learningRate: 1e-3, batchSize: 64, steps: 300,
                                                     betas: (0.9, 0.999), seed: 0, sampleEvery: 100)

    public let model: FaceClassifier
    public var config: TrainingConfig
    public let labels: [Float]
    public let fixedImages: Tensor
    public let fixedLabels: [Float]
    public var batches: BatchStream
    public var optimizer: Adam
    public var state = TrainingState(metricNames: ["loss", "accuracy"])
    public let filePrefix: String

    /// - Parameters:
    ///   - images: training pictures, 32×32 RGB in [0, 1]; `labels` one 0 or 1 per picture.
    ///   - heldOut: pictures never trained on, shown (the first 16) in the sample grids.
    public init(model: FaceClassifier, images: ImageDataset, labels: [Float], heldOut: ImageDataset,
                heldOutLabels: [Float], config: TrainingConfig = defaultConfig, name: String = "classifier") throws {
        try requireFaces32(images, "training")
        try requireFaces32(heldOut, "held-out")
        guard labels.count == images.count, heldOutLabels.count == heldOut.count else {
            throw ExperimentError.unsuitableData("\(labels.count) labels for \(images.count) pictures, "
                + "\(heldOutLabels.count) for \(heldOut.count) held-out ones: give one label per picture")
        }
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }), heldOutLabels.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw ExperimentError.unsuitableData("labels must be 0 (no) or 1 (yes)")
        }
        try config.validate()
        self.model = model
        self.config = config
        self.labels = labels
        filePrefix = name
        fixedImages = try heldOut.firstImages(16)
        fixedLabels = Array(heldOutLabels.prefix(16))
        batches = try BatchStream(images, batchSize: config.batchSize, seed: config.seed, flipHorizontally: true)
        optimizer = try Adam.forTraining(model, config)
    }

    public func applySettings() throws {
        // Apply what the learner changed since the last call.
        batches.setBatchSize(config.batchSize)
        optimizer = try optimizer.following(config, for: model)
        model.train()
    }

    // Dropout draws from the lab's random source: a seeded source of its own keeps runs repeatable.
    public func withTrainingRandomness<Result>(_ loop: () throws -> Result) throws -> Result {
        try Random.withSeed(config.seed &+ UInt64(state.stepsDone), loop)
    }


    /// The fraction of `images` whose label the model gets right (probability above ½ means "yes").
    public func accuracy(on images: Tensor, labels: [Float]) throws -> Double {
        let probabilities = try model.probabilities(images)
        guard probabilities.count == labels.count, !labels.isEmpty else {
            throw ExperimentError.unsuitableData("\(labels.count) labels for \(probabilities.count) pictures")
        }
        return Self.accuracy(probabilities, labels)
    }

    public static func accuracy(_ probabilities: [Float], _ labels: [Float]) -> Double {
        Double(zip(probabilities, labels).filter { ($0 > 0.5) == ($1 == 1) }.count) / Double(labels.count)
    }

    // MARK: TrainingProcedure

    public var metricNames: [String] { ["loss", "accuracy"] }
    public var guardedMetrics: [String] { ["loss"] }
    public func dataProblem() -> String? { batches.dataProblem }
    public var networks: [any Layer] { [model] }

    public func step() throws -> [Double] {
        let batch = try batches.next()
        let targets = Tensor(shape: [batch.indices.count, 1], data: batch.indices.map { labels[$0] })
        optimizer.zeroGrad()
        let logits = try model(batch.images)
        let loss = try binaryCrossEntropyWithLogits(logits, targets)
        try loss.backward()
        optimizer.step()
        let correct = zip(logits.data, targets.data).filter { ($0 > 0) == ($1 == 1) }.count
        return [Double(shortest: loss.item), Double(correct) / Double(targets.count)]
    }

    public func writeSamples(to folder: URL, step: Int) throws -> URL {
        let probabilities = try model.probabilities(fixedImages)
        let captions = zip(probabilities, fixedLabels).map { probability, label in
            formatDecimal(Double(probability), digits: 2) + ((probability > 0.5) == (label == 1) ? "" : " x")
        }
        let rows = try stride(from: 0, to: fixedImages.shape[0], by: 8).map {
            try fixedImages.sliced(axis: 0, $0..<min($0 + 8, fixedImages.shape[0]))
        }
        return try SampleGrid.write(rows: rows, captions: captions, folder: folder, prefix: filePrefix, step: step,
                                    model: model.description.firstLine, seed: config.seed,
                                    content: "held-out pictures captioned with the predicted probability of yes; x marks a wrong answer")
    }

    public func resetOptimizers() throws { optimizer = try Adam.forTraining(model, config) }
}
