/// Rescales gradients so that their joint length is at most `maxNorm`
/// (`torch.nn.utils.clip_grad_norm_`), and returns the length they had.
///
///     total = √(Σ over all parameters of Σᵢ gᵢ²)          the L2 norm of every gradient together
///     g     = g · min(1, maxNorm / (total + 1e-6))
///
/// One exploding batch (a GAN discriminator that suddenly wins, an RNN through a long sequence)
/// can produce a huge gradient and throw the weights far away; clipping keeps the direction but
/// caps the step. Call it between `backward()` and `step()`. The returned norm is worth logging:
/// a norm that keeps growing is an early sign of divergence. Parameters without a gradient are
/// skipped, and a non-finite norm is returned unchanged with the gradients left as they are, so
/// the caller can see it and skip the step. Reference: Pascanu et al., "On the difficulty of training recurrent neural networks"
/// (2013).
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    let gradients = parameters.compactMap(\.grad)
    // Accumulate in double: millions of squares summed in float32 lose their small terms.
    var sumOfSquares = 0.0
    for gradient in gradients {
        for value in gradient.data { sumOfSquares += Double(value) * Double(value) }
    }
    let total = Float(sumOfSquares.squareRoot())
    guard total.isFinite else { return total }
    let scale = Swift.min(1, maxNorm / (total + 1e-6))  // 1e-6 as PyTorch: no division by zero
    if scale < 1 {
        for gradient in gradients {
            for i in gradient.data.indices { gradient.data[i] *= scale }
        }
    }
    return total
}
