/// A 2-D convolution layer: learned k×k filters slid over an image (PyTorch's `nn.Conv2d`).
///
///     y[n, o] = b[o] + Σ_c weight[o, c] ⋆ x[n, c]      (⋆: cross-correlation with stride s, padding p)
///
/// Shapes: input [N, C, H, W], weight [O, C, k, k], bias [O], output [N, O, Ho, Wo] with
/// Ho = ⌊(H + 2p − k) / s⌋ + 1. N batch, C input channels, O output channels.
///
/// Initialisation is PyTorch's: weight and bias uniform in ±1/√(C·k·k) (Kaiming-uniform with
/// a = √5, which works out to that bound).
/// Reference: LeCun et al., "Gradient-based learning applied to document recognition" (1998).
public final class Conv2d: Layer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    /// [O, C, k, k].
    public let weight: Tensor
    /// [O], or nil when built with `bias: false` (as before a BatchNorm, which has its own shift).
    public let bias: Tensor?
    public var isTraining = true
    public var shapeContract: ShapeContract { ShapeContract(expects: .channels(inChannels), produces: .set(.channels(outChannels)),
                      exampleSizes: [32, 64, 28, 16, 128]) }

    /// - Parameters:
    ///   - inChannels: C, channels of the input (3 for RGB).
    ///   - outChannels: O, number of filters, and channels of the output.
    ///   - kernelSize: k, the side of each square filter.
    ///   - stride: s, the step between filter positions (2 halves the image).
    ///   - padding: p, zeros added around the input.
    ///   - bias: whether to learn a per-channel offset.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                bias: Bool = true) throws {
        try checkLayerSizes("Conv2d", inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize,
                            stride: stride, padding: padding)
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        let bound = 1 / Float(inChannels * kernelSize * kernelSize).squareRoot()
        weight = try Tensor.uniform([outChannels, inChannels, kernelSize, kernelSize], low: -bound, high: bound)
        weight.requiresGrad = true
        self.bias = bias ? try Tensor.uniform([outChannels], low: -bound, high: bound) : nil
        self.bias?.requiresGrad = true
    }

    /// With PyTorch's keyword names: `Conv2d(inChannels: 3, outChannels: 32, kernelSize: 4)`.
    public convenience init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                            bias: Bool = true) throws {
        try self.init(inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: padding, bias: bias)
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.convolution(weight: weight, bias: bias, stride: stride, padding: padding, op: "Conv2d")
    }

    public var parameters: [(name: String, tensor: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public var description: String {
        "Conv2d(\(inChannels), \(outChannels), kernel_size=(\(kernelSize), \(kernelSize)), "
            + "stride=(\(stride), \(stride))" + (padding > 0 ? ", padding=(\(padding), \(padding))" : "")
            + (bias == nil ? ", bias=False" : "") + ")"
    }
}

/// Refuses sizes no convolution can have, before anything is allocated.
func checkLayerSizes(_ op: String, inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int,
                     padding: Int) throws {
    guard inChannels >= 1, outChannels >= 1, kernelSize >= 1, stride >= 1, padding >= 0 else {
        throw EngineError.invalidArgument(op: op, message: "channels (\(inChannels), \(outChannels)), kernel size "
            + "\(kernelSize) and stride \(stride) must be at least 1, and padding \(padding) at least 0")
    }
}
