import Engine
import Faces
import Imaging
import Models

/// The learned detector: the lab's small `FaceClassifier` (three convolution blocks and one
/// logit) trained on real (0) versus fake (1) pictures with binary cross-entropy and Adam.
///
/// Unlike the spectral detector it chooses its own features, so it can pick up anything that
/// separates the two training sets: the generator's texture, its blur, its colours, or a seam.
/// That is its strength on the fakes it saw and its weakness on those it did not: whatever it
/// latched onto may simply be absent from another generator's pictures (Wang et al., CVPR 2020;
/// Ojha et al., CVPR 2023). The generalisation table measures that.
public final class CNNDetector {
    public let model: FaceClassifier
    /// Whether the model's output is p(real) rather than p(fake): `trainClassifier(question:
    /// "real")` labels real faces 1 (lesson 2's convention), this class's own training labels
    /// fakes 1. Either way `probabilities` answers p(fake).
    public let outputIsReal: Bool

    /// A classifier trained elsewhere (at the prompt, with `trainClassifier`) used as a detector.
    public init(trained model: FaceClassifier, outputIsReal: Bool) {
        self.model = model
        self.outputIsReal = outputIsReal
    }

    /// - Parameters:
    ///   - steps: Adam steps of `batchSize` pictures (half an epoch to a few, at the defaults).
    ///   - width: the classifier's first-layer channels (8: a few seconds on two cores).
    public init(real: [Image], fake: [Image], steps: Int = 150, batchSize: Int = 32, learningRate: Float = 1e-3,
                width: Int = 8, seed: UInt64 = 0) throws {
        guard !real.isEmpty, !fake.isEmpty else {
            throw DetectionError.oneClassOnly(operation: "CNN detector", positives: fake.count, negatives: real.count)
        }
        guard steps > 0, batchSize > 0 else {
            throw DetectionError.invalidSetting(operation: "CNN detector", setting: "steps and batch size", value: "\(steps), \(batchSize)", allowed: "at least 1")
        }
        let pictures = real + fake
        if let odd = pictures.first(where: { $0.width != 32 || $0.height != 32 }) {
            throw DetectionError.mixedSizes(operation: "CNN detector", first: [32, 32], other: [odd.width, odd.height])
        }
        model = try Random.withSeed(seed) { try FaceClassifier(width: width) }
        outputIsReal = false
        let labels = [Float](repeating: 0, count: real.count) + [Float](repeating: 1, count: fake.count)
        let optimizer = try Adam(model.namedParameters(), learningRate: learningRate)
        var generator = RandomGenerator(seed: seed &+ 1)
        var order: [Int] = []
        model.train()
        for _ in 0..<steps {
            if order.count < batchSize { order += pictures.indices.shuffled(using: &generator) }
            let batch = Array(order.prefix(batchSize))
            order.removeFirst(batch.count)
            let inputs = try Image.batchTensor(batch.map { pictures[$0] })
            let targets = Tensor(shape: [batch.count, 1], data: batch.map { labels[$0] })
            optimizer.zeroGrad()
            try binaryCrossEntropyWithLogits(try model(inputs), targets).backward()
            optimizer.step()
        }
        model.eval()
    }

    /// p(fake) for each picture (evaluation mode, in batches of 256).
    public func probabilities(_ images: [Image]) throws -> [Float] {
        // The classifier's layers are sized for 32×32 faces; anything else gets a sentence, not a shape error.
        if let odd = images.first(where: { $0.width != 32 || $0.height != 32 }) {
            throw DetectionError.wrongPictureSize(operation: "the CNN detector", expected: [32, 32], got: [odd.width, odd.height])
        }
        var result: [Float] = []
        for start in stride(from: 0, to: images.count, by: 256) {
            let batch = Array(images[start..<min(images.count, start + 256)])
            result += try model.probabilities(Image.batchTensor(batch.map { $0.rgb() }))
        }
        return outputIsReal ? result.map { 1 - $0 } : result
    }
}
