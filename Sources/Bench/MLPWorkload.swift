import Engine
/// W4 `mlp`: a multilayer perceptron on a batch of 128 flattened 28×28 images (BENCHMARKS.md).
///
///     Linear(784→256) · ReLU · Linear(256→256) · ReLU · Linear(256→10); softmax cross-entropy; SGD(0.1)
///
/// Small matrices, so this measures the engine's per-op overhead more than its arithmetic.
public final class MLPWorkload: TrainingWorkload {
    public static let name = "mlp"
    public let model: Sequential
    public let batch: Tensor
    public let labels: [Int]
    public let optimizer: SGD

    /// - Parameters:
    ///   - batchSize: 128 in the benchmark.
    ///   - seed: the weights', the batch's and the labels' random seed.
    public init(batchSize: Int = 128, seed: UInt64 = 0) throws {
        (model, batch, labels) = try Random.withSeed(seed) {
            let model = Sequential(try Linear(784, 256), ReLU(), try Linear(256, 256), ReLU(), try Linear(256, 10))
            let batch = try Tensor.uniform([batchSize, 784])
            let labels = (0..<batchSize).map { _ in Int(Random.source.generator.next() % 10) }
            return (model, batch, labels)
        }
        optimizer = try SGD(model.namedParameters().map(\.tensor), learningRate: 0.1)
    }

    public func step() throws -> Float {
        optimizer.zeroGrad()
        let loss = try softmaxCrossEntropy(model(batch), labels: labels)
        try loss.backward()
        optimizer.step()
        return loss.item
    }
}
