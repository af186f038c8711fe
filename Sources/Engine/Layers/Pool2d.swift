/// The window a pooling layer slides over each channel: its side k, the step s between windows
/// and an implicit border p. Max and average pooling share it and differ only in what they take
/// from each window. Output size: Ho = ⌊(H + 2p − k) / s⌋ + 1.
public struct PoolingWindow: Sendable {
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int

    /// - Parameters:
    ///   - kernelSize: k, the window's side.
    ///   - stride: s, the step between windows; nil means k, as in PyTorch.
    ///   - padding: p, an implicit border (at most k/2).
    public init(kernelSize: Int, stride: Int?, padding: Int) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

}

/// What max and average pooling share: a window, no parameters, no effect on the channels, and
/// PyTorch's way of printing; each adds only what it takes from a window (`pool`).
public protocol Pool2d: Layer {
    var window: PoolingWindow { get }
    func pool(_ input: Tensor) throws -> Tensor
}

extension Pool2d {
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try pool(input) }
    public var shapeContract: ShapeContract { .keepsWidth }
    /// `MaxPool2d(kernel_size=2, stride=2, padding=0)`, as PyTorch prints it.
    public var description: String {
        "\(type(of: self))(kernel_size=\(window.kernelSize), stride=\(window.stride), padding=\(window.padding))"
    }
}

/// Max pooling (PyTorch's `nn.MaxPool2d`): keeps the strongest response in each k×k window,
/// halving the image for k = s = 2 and making the features a little insensitive to small shifts.
///
///     y[n, c, oh, ow] = max over the window at (oh·s − p, ow·s − p) of x[n, c]
///
/// Shapes: input [N, C, H, W], output [N, C, Ho, Wo] (see `PoolingWindow`); the border is −∞.
/// No parameters. Reference: Ranzato et al., "Unsupervised learning of invariant feature
/// hierarchies" (2007).
public final class MaxPool2d: Pool2d {
    public let window: PoolingWindow
    public var isTraining = true

    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        window = PoolingWindow(kernelSize: kernelSize, stride: stride, padding: padding)
    }

    public func pool(_ input: Tensor) throws -> Tensor {
        try input.maxPool2d(kernelSize: window.kernelSize, stride: window.stride, padding: window.padding, op: "MaxPool2d")
    }
}

/// Average pooling (PyTorch's `nn.AvgPool2d`, `count_include_pad=True`): the mean of each k×k
/// window, a smooth downsampling.
///
///     y[n, c, oh, ow] = (1/k²) · Σ over the window at (oh·s − p, ow·s − p) of x[n, c]
///
/// Shapes: input [N, C, H, W], output [N, C, Ho, Wo] (see `PoolingWindow`); the zero border is
/// counted in the divisor. No parameters.
public final class AvgPool2d: Pool2d {
    public let window: PoolingWindow
    public var isTraining = true

    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        window = PoolingWindow(kernelSize: kernelSize, stride: stride, padding: padding)
    }

    public func pool(_ input: Tensor) throws -> Tensor {
        try input.avgPool2d(kernelSize: window.kernelSize, stride: window.stride, padding: window.padding, op: "AvgPool2d")
    }
}
