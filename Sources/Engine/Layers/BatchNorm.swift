/// Batch normalisation layers (PyTorch's `nn.BatchNorm1d` and `nn.BatchNorm2d`).
///
///     y = γ · (x − μ) / √(σ² + ε) + β        per channel (axis 1)
///
/// In training mode μ and σ² are the current batch's, and the running averages move towards
/// them: running = (1 − momentum)·running + momentum·batch (momentum 0.1 is the weight of the
/// *new* batch, as in PyTorch; running_var takes the unbiased batch variance). In evaluation
/// mode the running averages are used, so one image's output no longer depends on the others in
/// its batch. The fused forward and backward, with the derivation, are in Ops/BatchNormalization.swift.
///
/// Shapes: BatchNorm1d takes [N, C] or [N, C, L]; BatchNorm2d takes [N, C, H, W];
/// weight γ, bias β, running_mean, running_var are [C]; the output has the input's shape.
///
/// State, by PyTorch's names: parameters `weight` (ones), `bias` (zeros); buffers
/// `running_mean` (zeros), `running_var` (ones), `num_batches_tracked` (a one-element count,
/// stored as float here; the checkpoint writer converts it to PyTorch's int64).
/// Reference: Ioffe and Szegedy, "Batch normalization: accelerating deep network training by
/// reducing internal covariate shift" (2015).
public class BatchNorm: Layer {
    public let numFeatures: Int
    public let epsilon: Float
    public let momentum: Float
    public let weight: Tensor
    public let bias: Tensor
    public let runningMean: Tensor
    public let runningVar: Tensor
    public let numBatchesTracked: Tensor
    public var isTraining = true
    /// The layer's PyTorch name, for errors and printing.
    let name: String
    /// The input ranks this layer accepts.
    let ranks: Set<Int>

    init(name: String, ranks: Set<Int>, numFeatures: Int, epsilon: Float, momentum: Float) throws {
        // One sentence per problem, naming the argument as the learner typed it.
        guard numFeatures >= 1 else {
            throw EngineError.invalidArgument(op: name, message: "needs at least 1 feature (channel) to normalise, not \(numFeatures)")
        }
        guard epsilon > 0 else {
            throw EngineError.invalidArgument(op: name, message: "eps must be positive, not \(epsilon)")
        }
        guard (0...1).contains(momentum) else {
            throw EngineError.invalidArgument(op: name, message: "momentum must be between 0 and 1, not \(momentum)")
        }
        self.name = name
        self.ranks = ranks
        self.numFeatures = numFeatures
        self.epsilon = epsilon
        self.momentum = momentum
        weight = try Tensor.ones([numFeatures])
        weight.requiresGrad = true
        bias = try Tensor.zeros([numFeatures])
        bias.requiresGrad = true
        runningMean = try Tensor.zeros([numFeatures])
        runningVar = try Tensor.ones([numFeatures])
        numBatchesTracked = try Tensor.zeros([1])
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard ranks.contains(input.rank) else {
            let expected = ranks.sorted().map { ["", "", "[N, C]", "[N, C, L]", "[N, C, H, W]"][$0] }
            throw EngineError.shapeMismatch(op: name, expected: "an input " + expected.joined(separator: " or "),
                                            got: input.shape)
        }
        guard input.shape[1] == numFeatures else {
            throw EngineError.layerInput(layer: name, expected: "\(numFeatures) input channels", got: "\(input.shape[1])",
                                         shape: input.shape)
        }
        let output = try input.batchNorm(weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                         training: isTraining, momentum: momentum, epsilon: epsilon, op: name)
        if isTraining { numBatchesTracked.data[0] += 1 }
        return output
    }

    public var parameters: [(name: String, tensor: Tensor)] { [("weight", weight), ("bias", bias)] }

    public var buffers: [(name: String, tensor: Tensor)] {
        [("running_mean", runningMean), ("running_var", runningVar), ("num_batches_tracked", numBatchesTracked)]
    }

    /// Needs and keeps `numFeatures` along axis 1: features after a Linear, channels after a Conv2d.
    public var shapeContract: ShapeContract {
        ShapeContract(expects: ranks == [4] ? .channels(numFeatures) : .features(numFeatures), produces: .keep)
    }

    public var description: String {
        "\(name)(\(numFeatures), eps=\(epsilon), momentum=\(momentum), affine=True, track_running_stats=True)"
    }
}

/// Batch normalisation over [N, C] (after a Linear layer) or [N, C, L]. See `BatchNorm`.
public final class BatchNorm1d: BatchNorm {
    /// - Parameters:
    ///   - numFeatures: C, the size of axis 1.
    ///   - epsilon: ε, added to the variance (PyTorch's `eps`, 1e-5).
    ///   - momentum: weight of each new batch in the running statistics (0.1).
    public init(_ numFeatures: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) throws {
        try super.init(name: "BatchNorm1d", ranks: [2, 3], numFeatures: numFeatures, epsilon: epsilon,
                       momentum: momentum)
    }
}

/// Batch normalisation over [N, C, H, W] (after a Conv2d), statistics over N, H and W. See `BatchNorm`.
public final class BatchNorm2d: BatchNorm {
    /// - Parameters:
    ///   - numFeatures: C, the number of channels.
    ///   - epsilon: ε, added to the variance (PyTorch's `eps`, 1e-5).
    ///   - momentum: weight of each new batch in the running statistics (0.1).
    public init(_ numFeatures: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) throws {
        try super.init(name: "BatchNorm2d", ranks: [4], numFeatures: numFeatures, epsilon: epsilon,
                       momentum: momentum)
    }
}
