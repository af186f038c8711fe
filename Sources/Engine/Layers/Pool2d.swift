/// Max pooling (PyTorch's `nn.MaxPool2d`): keeps the strongest response in each k×k window,
/// halving the image for k = s = 2 and making the features a little insensitive to small shifts.
///
///     y[n, c, oh, ow] = max over the window at (oh·s − p, ow·s − p) of x[n, c]
///
/// Shapes: input [N, C, H, W], output [N, C, Ho, Wo] with Ho = ⌊(H + 2p − k) / s⌋ + 1.
/// No parameters. Reference: Ranzato et al., "Unsupervised learning of invariant feature
/// hierarchies" (2007).
public final class MaxPool2d: Layer {
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public var isTraining = true

    /// - Parameters:
    ///   - kernelSize: k, the window's side.
    ///   - stride: s, the step between windows; nil means k, as in PyTorch.
    ///   - padding: p, implicit −∞ border (at most k/2).
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding, op: "MaxPool2d")
    }

    public var description: String {
        "MaxPool2d(kernel_size=\(kernelSize), stride=\(stride), padding=\(padding))"
    }
}

/// Average pooling (PyTorch's `nn.AvgPool2d`, `count_include_pad=True`): the mean of each k×k
/// window, a smooth downsampling.
///
///     y[n, c, oh, ow] = (1/k²) · Σ over the window at (oh·s − p, ow·s − p) of x[n, c]
///
/// Shapes: input [N, C, H, W], output [N, C, Ho, Wo] with Ho = ⌊(H + 2p − k) / s⌋ + 1.
/// No parameters.
public final class AvgPool2d: Layer {
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public var isTraining = true

    /// - Parameters:
    ///   - kernelSize: k, the window's side.
    ///   - stride: s, the step between windows; nil means k, as in PyTorch.
    ///   - padding: p, implicit zero border (at most k/2), counted in the divisor.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.avgPool2d(kernelSize: kernelSize, stride: stride, padding: padding, op: "AvgPool2d")
    }

    public var description: String {
        "AvgPool2d(kernel_size=\(kernelSize), stride=\(stride), padding=\(padding))"
    }
}
