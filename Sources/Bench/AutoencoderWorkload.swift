import Engine
/// W2 `ae32`: a convolutional autoencoder on a batch of 64 RGB images of 32×32, trained to
/// reproduce its input through a 128-number bottleneck (BENCHMARKS.md).
///
///     encoder  Conv2d(3→32, k4 s2 p1) · LeakyReLU(0.2) · Conv2d(32→64, k4 s2 p1) · LeakyReLU(0.2)
///              · Flatten · Linear(4096→128)
///     decoder  Linear(128→4096) · ReLU · Reshape(64, 8, 8) · ConvTranspose2d(64→32, k4 s2 p1) · ReLU
///              · ConvTranspose2d(32→3, k4 s2 p1) · Sigmoid
///     loss     mean squared error against the input; Adam(1e-3, β 0.9/0.999, ε 1e-8)
///
/// Shapes: [64, 3, 32, 32] → [64, 32, 16, 16] → [64, 64, 8, 8] → [64, 128] → back up.
public final class AutoencoderWorkload: TrainingWorkload {
    public static let name = "ae32"
    public let encoder: Sequential
    public let decoder: Sequential
    public let batch: Tensor
    public let optimizer: Adam

    /// - Parameters:
    ///   - batchSize: 64 in the benchmark; tests use fewer.
    ///   - seed: the weights' and the batch's random seed.
    public init(batchSize: Int = 64, seed: UInt64 = 0) throws {
        (encoder, decoder, batch) = try Random.withSeed(seed) {
            let encoder = Sequential(
                try Conv2d(3, 32, kernelSize: 4, stride: 2, padding: 1), LeakyReLU(negativeSlope: 0.2),
                try Conv2d(32, 64, kernelSize: 4, stride: 2, padding: 1), LeakyReLU(negativeSlope: 0.2),
                Flatten(), try Linear(4096, 128))
            let decoder = Sequential(
                try Linear(128, 4096), ReLU(), try Reshape([64, 8, 8]),
                try ConvTranspose2d(64, 32, kernelSize: 4, stride: 2, padding: 1), ReLU(),
                try ConvTranspose2d(32, 3, kernelSize: 4, stride: 2, padding: 1), Sigmoid())
            // Pixel values in [0, 1], like images.
            return (encoder, decoder, try Tensor.uniform([batchSize, 3, 32, 32]))
        }
        optimizer = try Adam(encoder.namedParameters() + decoder.namedParameters(), learningRate: 1e-3,
                             betas: (0.9, 0.999), epsilon: 1e-8)
    }

    public func step() throws -> Float {
        optimizer.zeroGrad()
        let reconstruction = try decoder(encoder(batch))
        let loss = try mseLoss(reconstruction, batch)
        try loss.backward()
        optimizer.step()
        return loss.item
    }
}
