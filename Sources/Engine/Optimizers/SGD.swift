/// Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay
/// (`torch.optim.SGD`, same defaults and the same momentum-buffer semantics).
///
/// For each parameter p with gradient ∇, step t:
///
///     g  = ∇ + λ·p                          weight decay λ (an L2 penalty ½λ‖p‖²)
///     b  = g                    at t = 1    the momentum buffer starts as the first gradient
///     b  = μ·b + (1 − τ)·g      at t > 1    a running sum of past gradients, decayed by μ
///     g  = g + μ·b  (Nesterov)  or  g = b   look ahead along the buffer, or follow it
///     p  = p − η·g
///
/// Momentum lets steps build up speed along directions the gradient keeps pointing, and damps
/// zig-zags across a narrow valley. Note PyTorch's convention, kept here: the buffer is a *sum*
/// (b = μb + g), not an average, so momentum 0.9 makes the effective step about 10·η.
///
/// - Parameters:
///   - parameters: the tensors to update, e.g. `model.namedParameters().map(\.tensor)`.
///   - learningRate: η, required (PyTorch has no sensible default for SGD either).
///   - momentum: μ, default 0 (plain SGD).
///   - dampening: τ, default 0.
///   - weightDecay: λ, default 0.
///   - nesterov: use Nesterov momentum (needs μ > 0 and τ = 0), default false.
/// Reference: Sutskever et al., "On the importance of initialization and momentum in deep
/// learning" (2013).
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public let momentum: Float
    public let dampening: Float
    public let weightDecay: Float
    public let nesterov: Bool
    /// One momentum buffer per parameter, nil until its first step.
    private var momentumBuffers: [[Float]?]

    public init(_ parameters: [Tensor], learningRate: Float, momentum: Float = 0, dampening: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false) throws {
        try requireHyperparameter(learningRate >= 0, "SGD", "learning rate must be ≥ 0, got \(learningRate)")
        try requireHyperparameter(momentum >= 0, "SGD", "momentum must be ≥ 0, got \(momentum)")
        try requireHyperparameter(weightDecay >= 0, "SGD", "weight decay must be ≥ 0, got \(weightDecay)")
        try requireHyperparameter(!nesterov || (momentum > 0 && dampening == 0), "SGD",
                                  "Nesterov momentum requires a momentum > 0 and zero dampening")
        try requireDistinct(parameters, "SGD")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        momentumBuffers = Array(repeating: nil, count: parameters.count)
    }

    /// From a layer's named parameters: `SGD(model.namedParameters(), learningRate: 0.1)`.
    public convenience init(_ named: [(name: String, tensor: Tensor)], learningRate: Float, momentum: Float = 0,
                            dampening: Float = 0, weightDecay: Float = 0, nesterov: Bool = false) throws {
        try self.init(named.map(\.tensor), learningRate: learningRate, momentum: momentum, dampening: dampening,
                      weightDecay: weightDecay, nesterov: nesterov)
    }

    public func update(_ parameter: Tensor, gradient: [Float], slot: Int) {
        var g = gradient
        if weightDecay != 0 {
            for i in g.indices { g[i] += weightDecay * parameter.data[i] }        // g = ∇ + λp
        }
        if momentum != 0 {
            let isFirstStep = momentumBuffers[slot] == nil
            var buffer = momentumBuffers[slot] ?? g                                 // t = 1: b = g
            momentumBuffers[slot] = nil  // hand the storage over, so updating it copies nothing
            if !isFirstStep {
                for i in g.indices { buffer[i] = momentum * buffer[i] + (1 - dampening) * g[i] } // b = μb + (1−τ)g
            }
            momentumBuffers[slot] = buffer
            if nesterov {
                for i in g.indices { g[i] += momentum * buffer[i] }                 // g = g + μb
            } else {
                g = buffer                                                          // g = b
            }
        }
        parameter.data.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] -= learningRate * g[i] }                      // p = p − ηg
        }
    }
}
