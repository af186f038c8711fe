/// The KL divergence of a diagonal Gaussian from the standard normal: the regulariser of a
/// variational autoencoder (VAE).
///
/// The encoder outputs, per sample, a mean μ and a log-variance log σ² for each latent dimension.
/// This term pulls that distribution towards N(0, I), so that decoding random N(0, I) noise later
/// gives plausible faces. For one sample, summed over the D latent dimensions:
///
///     KL(N(μ, σ²) ‖ N(0, 1)) = −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²)
///
/// Reduction: summed over latent dimensions, then **averaged over the batch** — the per-sample
/// KL, on the same scale as a per-sample reconstruction loss summed over pixels. (PyTorch's VAE
/// example sums over the batch too; divide by N to compare.) Predicting log σ² rather than σ keeps
/// σ² = e^(log σ²) positive without a constraint.
///
/// A composition of elementwise ops and reductions; its gradient comes from their rules:
/// ∂/∂μ = μ/N, ∂/∂log σ² = (σ² − 1)/(2N).
///
/// - Shapes: `mean` and `logVariance` `[N, D]` (or `[N, *]`: everything after the batch axis is
///   summed); result `[]`.
/// Reference: Kingma and Welling, "Auto-Encoding Variational Bayes" (2014), appendix B.
public func gaussianKL(mean: Tensor, logVariance: Tensor) throws -> Tensor {
    try requireSameShape("gaussianKL", mean, logVariance)
    guard mean.rank >= 2 else {
        throw EngineError.shapeMismatch(op: "gaussianKL", expected: "[N, latent dimensions]", got: mean.shape)
    }
    let terms = try 1 + logVariance - mean * mean - logVariance.exp()
    let perSample = try terms.sum(axes: Array(1..<mean.rank)) * -0.5
    return try perSample.mean()
}
