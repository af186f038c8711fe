import Foundation

/// Adam: gradient descent with per-parameter step sizes from running averages of the gradient
/// and its square (`torch.optim.Adam`, same defaults and the same bias correction).
///
/// For each parameter p with gradient ∇, at its step t = 1, 2, …:
///
///     g  = ∇ + λ·p                          weight decay λ (L2, added to the gradient — not AdamW)
///     m  = β₁·m + (1 − β₁)·g                first moment: a running mean of the gradient
///     v  = β₂·v + (1 − β₂)·g²               second moment: a running mean of its square
///     m̂  = m / (1 − β₁ᵗ)                    bias correction: m and v start at 0, so early
///     v̂  = v / (1 − β₂ᵗ)                    averages are too small by exactly that factor
///     p  = p − η · m̂ / (√v̂ + ε)
///
/// Dividing by √v̂ gives every weight a step of about η whatever its gradient's scale, which is why
/// Adam trains GANs and VAEs with little tuning (DCGAN uses η = 2e-4, β₁ = 0.5). Computed as
/// PyTorch does: p −= (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε), the corrections in double.
///
/// - Parameters:
///   - parameters: the tensors to update, e.g. `model.namedParameters().map(\.tensor)`.
///   - learningRate: η, default 1e-3.
///   - betas: (β₁, β₂), default (0.9, 0.999).
///   - epsilon: ε, default 1e-8, keeps the division finite where v̂ ≈ 0.
///   - weightDecay: λ, default 0.
/// Reference: Kingma and Ba, "Adam: A Method for Stochastic Optimization" (2015), Algorithm 1.
public final class Adam: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public let betas: (Float, Float)
    public let epsilon: Float
    public let weightDecay: Float
    /// Per parameter: m, v and its own step count t (a parameter skipped in a step does not
    /// advance, as in PyTorch's `state['step']`).
    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]
    private var steps: [Int]

    public init(_ parameters: [Tensor], learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999),
                epsilon: Float = 1e-8, weightDecay: Float = 0) throws {
        try requireHyperparameter(learningRate >= 0, "Adam", "learning rate must be ≥ 0, got \(learningRate)")
        try requireHyperparameter(epsilon >= 0, "Adam", "epsilon must be ≥ 0, got \(epsilon)")
        try requireHyperparameter((0..<1).contains(betas.0) && (0..<1).contains(betas.1), "Adam",
                                  "betas must be in [0, 1), got (\(betas.0), \(betas.1))")
        try requireHyperparameter(weightDecay >= 0, "Adam", "weight decay must be ≥ 0, got \(weightDecay)")
        try requireDistinct(parameters, "Adam")
        self.parameters = parameters
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        steps = Array(repeating: 0, count: parameters.count)
    }

    /// From a layer's named parameters: `Adam(model.namedParameters(), learningRate: 2e-4)`.
    public convenience init(_ named: [(name: String, tensor: Tensor)], learningRate: Float = 1e-3,
                            betas: (Float, Float) = (0.9, 0.999), epsilon: Float = 1e-8, weightDecay: Float = 0) throws {
        try self.init(named.map(\.tensor), learningRate: learningRate, betas: betas, epsilon: epsilon,
                      weightDecay: weightDecay)
    }

    public func update(_ parameter: Tensor, gradient: [Float], slot: Int) {
        let (beta1, beta2) = betas
        steps[slot] += 1
        let t = Double(steps[slot])
        let correction1 = 1 - Foundation.pow(Double(beta1), t)                        // 1 − β₁ᵗ
        let correction2 = 1 - Foundation.pow(Double(beta2), t)                        // 1 − β₂ᵗ
        let stepSize = Float(Double(learningRate) / correction1)                      // η / (1 − β₁ᵗ)
        let correction2Root = Float(correction2.squareRoot())                         // √(1 − β₂ᵗ)
        var m = firstMoments[slot], v = secondMoments[slot]
        // Hand the storage over while we write it, so the writes below copy nothing.
        firstMoments[slot] = []
        secondMoments[slot] = []
        parameter.data.withUnsafeMutableBufferPointer { p in
            for i in p.indices {
                let g = gradient[i] + weightDecay * p[i]                              // g = ∇ + λp
                m[i] = beta1 * m[i] + (1 - beta1) * g                                 // m = β₁m + (1−β₁)g
                v[i] = beta2 * v[i] + (1 - beta2) * g * g                             // v = β₂v + (1−β₂)g²
                let denominator = v[i].squareRoot() / correction2Root + epsilon       // √v̂ + ε
                p[i] -= stepSize * m[i] / denominator                                 // p = p − η·m̂/(√v̂ + ε)
            }
        }
        firstMoments[slot] = m
        secondMoments[slot] = v
    }
}
