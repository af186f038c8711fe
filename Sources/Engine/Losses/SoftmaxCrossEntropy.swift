import Foundation

/// Cross-entropy of a softmax over classes (`torch.nn.functional.cross_entropy`), the loss of
/// multi-class classifiers: which of C classes is this sample?
///
/// For one sample with logits x and true class k, softmax turns scores into probabilities
/// pⱼ = e^xⱼ / Σᵢ e^xᵢ, and the loss is the negative log-probability of the right class:
///
///     ℓ = −log pₖ = logsumexp(x) − xₖ,     logsumexp(x) = m + log Σᵢ e^(xᵢ − m),  m = maxᵢ xᵢ
///     ∂ℓ/∂xⱼ = pⱼ − [j = k]                (softmax minus one-hot)
///
/// Subtracting the row maximum m before exponentiating is the log-sum-exp trick: the largest
/// exponent becomes e⁰ = 1, so logits of 1000 do not overflow, and the result is unchanged.
/// Fusing softmax and log into one op with the short gradient p − onehot avoids both the
/// overflow and the precision lost taking the log of a tiny probability.
///
/// - Shapes: `logits` `[N, C]` (N samples, C classes); `labels` N class indices in 0..<C;
///   result `[]` (or `[N]` for `.none`).
/// - Parameter reduction: `.mean` over the batch by default, as PyTorch, giving (p − onehot)/N.
public func softmaxCrossEntropy(_ logits: Tensor, labels: [Int],
                                reduction: Reduction = .mean) throws -> Tensor {
    guard logits.rank == 2 else {
        throw EngineError.shapeMismatch(op: "softmaxCrossEntropy", expected: "logits of shape [N, classes]",
                                        got: logits.shape)
    }
    let (n, classes) = (logits.shape[0], logits.shape[1])
    guard labels.count == n else {
        throw EngineError.invalidArgument(op: "softmaxCrossEntropy", message:
            "\(labels.count) labels for a batch of \(n) samples (logits \(logits.shape))")
    }
    if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
        throw EngineError.invalidArgument(op: "softmaxCrossEntropy", message:
            "label \(bad) is not a class index in 0..<\(classes)")
    }
    let x = logits.data
    var probabilities = [Float](repeating: 0, count: x.count)  // saved for backward
    var losses = [Float](repeating: 0, count: n)
    for row in 0..<n {
        let base = row * classes
        let m = x[base..<(base + classes)].max() ?? 0
        var total: Float = 0
        for j in 0..<classes {
            probabilities[base + j] = Foundation.exp(x[base + j] - m)
            total += probabilities[base + j]
        }
        for j in 0..<classes { probabilities[base + j] /= total }
        // logsumexp(x) − xₖ, grouped as (m − xₖ) + log Σ: the big m cancels before it can
        // swallow the small log term (1000.127 − 998 loses digits that −2 + 0.127 keeps).
        losses[row] = (m - x[base + labels[row]]) + Foundation.log(total)
    }
    let perSample = Tensor(shape: [n], data: losses, origin: Tensor.Origin(
        op: "softmaxCrossEntropy", inputs: [logits]
    ) { g in
        var gradient = probabilities
        for row in 0..<n {
            gradient[row * classes + labels[row]] -= 1  // softmax − onehot
            for j in 0..<classes { gradient[row * classes + j] *= g.data[row] }
        }
        return [Tensor(shape: [n, classes], data: gradient)]
    })
    return try reduction.apply(perSample)
}
