/// A building block of a network: a function of one tensor with named state.
///
/// Each layer lists only its *own* state, by the names PyTorch uses (`weight`, `bias`,
/// `running_mean`), and its direct children by name (`"0"`, `"1"` in a `Sequential`; `"encoder"`
/// in a model). The recursive walks below join those names with dots, giving exactly PyTorch's
/// `state_dict` keys (`encoder.0.weight`), so checkpoints move between the lab and `torch.nn`.
/// (The shape of this protocol follows mlx-swift's `Module`.)
public protocol Layer: AnyObject, CustomStringConvertible {
    /// The forward pass. Throws, never traps, when the input does not fit the layer.
    func callAsFunction(_ input: Tensor) throws -> Tensor
    /// Trainable tensors owned by this layer itself, e.g. `[("weight", w), ("bias", b)]`.
    var parameters: [(name: String, tensor: Tensor)] { get }
    /// Non-trainable state saved in checkpoints, e.g. BatchNorm's running statistics.
    var buffers: [(name: String, tensor: Tensor)] { get }
    /// Direct sub-layers, by name.
    var children: [(name: String, layer: any Layer)] { get }
    /// Training mode (dropout active, batch statistics) or evaluation mode. Set it through
    /// `train()` / `eval()`, which reach every descendant; there is no global flag.
    var isTraining: Bool { get set }
    /// The sizes it needs and produces along axis 1, known without running it (see `ShapeContract`).
    var shapeContract: ShapeContract { get }
}

extension Layer {
    public var parameters: [(name: String, tensor: Tensor)] { [] }
    public var buffers: [(name: String, tensor: Tensor)] { [] }
    public var children: [(name: String, layer: any Layer)] { [] }

    /// Every trainable tensor in this layer and its descendants, with dotted PyTorch names.
    public func namedParameters() -> [(name: String, tensor: Tensor)] {
        parameters + children.flatMap { child in
            child.layer.namedParameters().map { ("\(child.name).\($0.name)", $0.tensor) }
        }
    }

    /// Every tensor a checkpoint stores (parameters and buffers), with dotted PyTorch names,
    /// in PyTorch's order: each layer's parameters, then its buffers, then its children.
    public func stateDict() -> [(name: String, tensor: Tensor)] {
        parameters + buffers + children.flatMap { child in
            child.layer.stateDict().map { ("\(child.name).\($0.name)", $0.tensor) }
        }
    }

    /// Total number of trainable values.
    public var parameterCount: Int { namedParameters().reduce(0) { $0 + $1.tensor.count } }

    /// Switches this layer and all its descendants to training mode.
    public func train() { setTraining(true) }

    /// Switches this layer and all its descendants to evaluation mode.
    public func eval() { setTraining(false) }

    private func setTraining(_ training: Bool) {
        isTraining = training
        for child in children { child.layer.setTraining(training) }
    }

    /// Forgets the gradients of every parameter (call before each backward pass).
    public func zeroGrad() {
        for (_, tensor) in namedParameters() { tensor.zeroGrad() }
    }
}

extension Layer {
    /// Runs `body` in evaluation mode without recording gradients, then restores the mode: what
    /// PyTorch writes as `model.eval()` plus `with torch.no_grad():`. Drawing samples or measuring
    /// a model must not move BatchNorm's running statistics or turn dropout on, and nothing
    /// computed here will be trained through.
    public func inference<Result>(_ body: () throws -> Result) rethrows -> Result {
        let wasTraining = isTraining
        eval()
        defer { if wasTraining { train() } }
        return try GradientMode.withoutGradients(body)
    }
}
