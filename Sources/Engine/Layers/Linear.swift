/// A fully connected layer: every output is a weighted sum of every input, plus a bias
/// (`torch.nn.Linear`).
///
///     y = x · Wᵀ + b
///
/// Shapes: input `[N, inFeatures]` (or any `[*, inFeatures]`), output `[N, outFeatures]`;
/// `weight` is `[outFeatures, inFeatures]` — PyTorch's layout, one row per output, so
/// checkpoints move between the lab and `torch.nn` unchanged — and `bias` is `[outFeatures]`.
///
/// Initialisation is PyTorch's default: weight from `kaiming_uniform_(a = √5)`, which is
/// U(−1/√in, 1/√in), and bias from the same U(−1/√in, 1/√in). Both draw from `Random.source`,
/// so `Random.withSeed` reproduces them.
///
/// No backward rule of its own: it calls the `linear` op (Ops/Matmul.swift), the product
/// x · Wᵀ + b read straight from W's layout, whose rule gives dx = dy · W, dW = dyᵀ · x and
/// db = Σ_N dy.
///
/// - Parameters:
///   - inFeatures: size of each input sample.
///   - outFeatures: size of each output sample.
///   - bias: whether to add a learnable bias (default `true`).
public final class Linear: Layer {
    public let inFeatures: Int
    public let outFeatures: Int
    /// `[outFeatures, inFeatures]`.
    public let weight: Tensor
    /// `[outFeatures]`, or nil when made with `bias: false`.
    public let bias: Tensor?
    public var isTraining = true
    public var shapeContract: ShapeContract { ShapeContract(expects: .features(inFeatures), produces: .set(.features(outFeatures))) }

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true) throws {
        guard inFeatures > 0, outFeatures > 0 else {
            throw EngineError.invalidArgument(op: "Linear", message:
                "feature counts must be positive, got in_features=\(inFeatures), out_features=\(outFeatures)")
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = try Tensor.zeros([outFeatures, inFeatures])
        weight.requiresGrad = true
        try Init.kaimingUniform(weight, a: Float(5).squareRoot())
        if bias {
            // PyTorch: bound = 1/√fanIn, the same range kaiming_uniform(a=√5) gives the weight.
            let bound = 1 / Float(inFeatures).squareRoot()
            let b = try Tensor.zeros([outFeatures])
            b.requiresGrad = true
            Init.uniform(b, low: -bound, high: bound)
            self.bias = b
        } else {
            self.bias = nil
        }
    }

    /// Convenience with PyTorch's keyword names: `Linear(inFeatures: 784, outFeatures: 256)`.
    public convenience init(inFeatures: Int, outFeatures: Int, bias: Bool = true) throws {
        try self.init(inFeatures, outFeatures, bias: bias)
    }

    public var parameters: [(name: String, tensor: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 1, input.shape[input.rank - 1] == inFeatures else {
            throw EngineError.layerInput(layer: "Linear", expected: "\(inFeatures) input features",
                                         got: input.rank == 0 ? "a scalar" : "\(input.shape[input.rank - 1])",
                                         shape: input.shape)
        }
        // matmul works on matrices: fold any leading axes into one batch axis and unfold after.
        let leading = Array(input.shape.dropLast())
        let rows = try input.rank == 2 ? input : input.reshaped([-1, inFeatures])
        let output = try rows.linear(weight: weight, bias: bias)
        return input.rank == 2 ? output : try output.reshaped(leading + [outFeatures])
    }

    public var description: String {
        "Linear(in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True"))"
    }
}
