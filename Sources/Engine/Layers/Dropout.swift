/// Randomly zeroes elements during training (`torch.nn.Dropout`), so the network cannot rely on
/// any one unit and learns redundant features — a regulariser.
///
///     training:  y = x · m / (1 − p),   m ~ Bernoulli(1 − p) elementwise
///     eval:      y = x
///
/// This is *inverted* dropout: scaling the kept values by 1/(1 − p) during training keeps the
/// expected activation unchanged, E[y] = x, so evaluation needs no rescaling and is the identity.
/// Backward multiplies the gradient by the same mask (the `multiply` op's rule): dropped units
/// get no gradient. The mask is drawn from `Random.source`, so a seeded run repeats exactly.
///
/// Shapes: any `[*]`, output the same shape.
/// Reference: Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from
/// Overfitting" (2014).
///
/// - Parameter p: the probability of zeroing an element, in [0, 1]; default 0.5 as PyTorch.
public final class Dropout: Layer {
    public let p: Float
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }

    public init(p: Float = 0.5) throws {
        guard p >= 0, p <= 1 else {
            throw EngineError.invalidArgument(op: "Dropout", message: "p, the chance of dropping each value, must be between 0 and 1 (got \(p))")
        }
        self.p = p
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard isTraining, p > 0 else { return input }
        // p = 1 drops everything; 1/(1 − p) would be infinite, and 0 · ∞ is NaN.
        let keptValue: Float = p < 1 ? 1 / (1 - p) : 0
        var mask = [Float](repeating: 0, count: input.count)
        let source = Random.source
        for i in mask.indices where source.generator.nextUniform() >= p { mask[i] = keptValue }
        return try input * Tensor(shape: input.shape, data: mask)
    }

    public var description: String { "Dropout(p=\(p))" }
}
