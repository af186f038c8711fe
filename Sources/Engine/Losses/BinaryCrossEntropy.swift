import Foundation

/// Binary cross-entropy on logits (`torch.nn.functional.binary_cross_entropy_with_logits`),
/// the loss of every yes/no classifier in the lab: real or fake, face or not.
///
/// With p = σ(x) the predicted probability and y ∈ [0, 1] the target:
///
///     ℓ = −[y·log σ(x) + (1 − y)·log(1 − σ(x))]
///       = max(x, 0) − x·y + log(1 + e^−|x|)          (the stable form computed here)
///     ∂ℓ/∂x = σ(x) − y                                ∂ℓ/∂y = −x
///
/// Why logits and not probabilities: a confident discriminator outputs x = ±50; σ(x) rounds to
/// exactly 1 or 0 in float32 and log 0 = −∞. The stable form never exponentiates a positive
/// number, so it is finite for every x, and the fused gradient σ(x) − y needs no division by
/// p(1 − p), which would be 0 there. This is one of the few ops with a backward rule of its own.
///
/// - Shapes: `logits` and `targets` any shape `[*]`, the same (e.g. `[N, 1]`); result `[]`.
/// - Parameters:
///   - logits: raw scores, before any sigmoid.
///   - targets: the probability that each sample is positive, usually 0 or 1.
///   - reduction: `.mean` (default, as PyTorch), `.sum` or `.none`. With `.mean` the gradient is
///     (σ(x) − y)/N for N elements.
public func binaryCrossEntropyWithLogits(_ logits: Tensor, _ targets: Tensor,
                                         reduction: Reduction = .mean) throws -> Tensor {
    try requireSameShape("binaryCrossEntropyWithLogits", logits, targets)
    let x = logits.data, y = targets.data
    var losses = [Float](repeating: 0, count: x.count)
    for i in x.indices {
        losses[i] = Swift.max(x[i], 0) - x[i] * y[i] + Foundation.log1p(Foundation.exp(-Swift.abs(x[i])))
    }
    let elementwise = Tensor(shape: logits.shape, data: losses, origin: Tensor.Origin(
        op: "binaryCrossEntropyWithLogits", inputs: [logits, targets]
    ) { g in
        var gradientLogits = [Float](repeating: 0, count: x.count)
        var gradientTargets = [Float](repeating: 0, count: x.count)
        for i in x.indices {
            gradientLogits[i] = g.data[i] * (stableSigmoid(x[i]) - y[i])
            gradientTargets[i] = -g.data[i] * x[i]
        }
        return [Tensor(shape: g.shape, data: gradientLogits), Tensor(shape: g.shape, data: gradientTargets)]
    })
    // The reduction is an ordinary op: its backward supplies the 1/N.
    return try reduction.apply(elementwise)
}
