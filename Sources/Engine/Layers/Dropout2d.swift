/// Channel dropout (PyTorch's `nn.Dropout2d`): in training, zeroes each whole channel of each
/// image with probability p and scales the survivors by 1/(1 − p), so the expected value is
/// unchanged; in evaluation it passes the input through.
///
///     y[n, c] = x[n, c] · m[n, c] / (1 − p),   m[n, c] ~ Bernoulli(1 − p)
///
/// Neighbouring pixels of a feature map are strongly correlated, so dropping single pixels (plain
/// Dropout) barely regularises a convolutional network; dropping the whole map does.
///
/// Shapes: input [N, C, H, W] (or [N, C, L]), output the same; the mask is [N, C, 1, 1] and
/// broadcasts. Backward is the multiplication's: the same mask applied to the gradient.
/// Reference: Tompson et al., "Efficient object localization using convolutional networks" (2015).
public final class Dropout2d: Layer {
    public let probability: Float
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }

    /// - Parameter p: the probability of zeroing a channel, in [0, 1).
    public init(p: Float = 0.5) throws {
        guard p >= 0, p < 1 else {
            throw EngineError.invalidArgument(op: "Dropout2d", message: "p, the chance of dropping each channel, must be at least 0 and below 1 (got \(p))")
        }
        probability = p
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 3 else {
            throw EngineError.shapeMismatch(op: "Dropout2d", expected: "an input [N, C, H, W] or [N, C, L]",
                                            got: input.shape)
        }
        guard isTraining, probability > 0 else { return input }
        let maskShape = [input.shape[0], input.shape[1]] + [Int](repeating: 1, count: input.rank - 2)
        let keep = 1 - probability, scale = 1 / keep
        var values = [Float](repeating: 0, count: input.shape[0] * input.shape[1])
        for i in values.indices where Random.source.generator.nextUniform() < keep { values[i] = scale }
        return try input * Tensor(shape: maskShape, data: values)
    }

    public var description: String { "Dropout2d(p=\(probability))" }
}
