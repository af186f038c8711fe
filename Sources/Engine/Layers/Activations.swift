/// Activation layers: the elementwise nonlinearities of Ops/Elementwise.swift wrapped as layers,
/// so they can sit in a `Sequential` and print like `torch.nn`'s.
///
/// Without a nonlinearity between them, stacked `Linear` layers collapse into one linear map;
/// these are what let a network bend its decision boundary. Each accepts any shape (`[*]`) and
/// returns the same shape. None has parameters; their gradients come from the ops they call.

/// max(0, x) (`torch.nn.ReLU`). The default hidden activation: cheap, and its gradient is exactly
/// 1 for active units, so it does not shrink as it flows back. Nair and Hinton (2010).
public final class ReLU: Layer {
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }
    public init() {}
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.relu() }
    public var description: String { "ReLU()" }
}

/// x for x > 0, else negativeSlope · x (`torch.nn.LeakyReLU`, default slope 0.01).
/// DCGAN's discriminator uses slope 0.2 so that "dead" units still pass gradient to the
/// generator. Maas et al., "Rectifier Nonlinearities Improve Neural Network Acoustic Models" (2013).
public final class LeakyReLU: Layer {
    public let negativeSlope: Float
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }
    public init(negativeSlope: Float = 0.01) { self.negativeSlope = negativeSlope }
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.leakyRelu(negativeSlope) }
    public var description: String { "LeakyReLU(negative_slope=\(negativeSlope))" }
}

/// σ(x) = 1 / (1 + e⁻ˣ), squashing into (0, 1) (`torch.nn.Sigmoid`). For a probability *output*
/// prefer raw logits with `binaryCrossEntropyWithLogits`, which is stable where σ saturates.
public final class Sigmoid: Layer {
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }
    public init() {}
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.sigmoid() }
    public var description: String { "Sigmoid()" }
}

/// tanh(x), squashing into (−1, 1) (`torch.nn.Tanh`). DCGAN's generator ends with it, so images
/// live in [−1, 1].
public final class Tanh: Layer {
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }
    public init() {}
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.tanh() }
    public var description: String { "Tanh()" }
}

/// ln(1 + eˣ), a smooth ReLU that is always positive (`torch.nn.Softplus` with beta 1). Useful
/// where an output must be positive, such as a standard deviation. Computed exactly for every x,
/// so it needs no `threshold` switch to the identity as PyTorch's does (the two differ by < 3e-9).
public final class Softplus: Layer {
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }
    public init() {}
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.softplus() }
    public var description: String { "Softplus()" }
}
