/// A 2-D transposed convolution layer: learned upsampling (PyTorch's `nn.ConvTranspose2d`).
///
/// Each input pixel stamps a copy of a k×k filter, scaled by the pixel's value, into an output
/// s times larger; overlapping stamps add up. It computes exactly the input gradient of a
/// `Conv2d` with the same weight, which is why generators and decoders use it to go back up
/// from a small code to an image. (It is not an inverse of Conv2d, only its transpose.)
///
/// Shapes: input [N, Cin, H, W], weight [Cin, Cout, k, k] (PyTorch's layout: *input* channels
/// first), bias [Cout], output [N, Cout, Ho, Wo] with Ho = (H − 1)·s − 2p + k + outputPadding.
///
/// Initialisation is PyTorch's: uniform in ±1/√(Cout·k·k) — PyTorch computes the fan-in from
/// the weight's second axis, which for this layout is the output channels.
/// Reference: Zeiler et al., "Deconvolutional networks" (2010); Dumoulin and Visin,
/// "A guide to convolution arithmetic for deep learning" (2016).
public final class ConvTranspose2d: Layer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public let outputPadding: Int
    /// [Cin, Cout, k, k].
    public let weight: Tensor
    /// [Cout], or nil when built with `bias: false`.
    public let bias: Tensor?
    public var isTraining = true
    public var shapeContract: ShapeContract { ShapeContract(expects: .channels(inChannels), produces: .set(.channels(outChannels)),
                      exampleSizes: [1, 4, 8, 16, 32]) }

    /// - Parameters:
    ///   - inChannels: Cin, channels of the input.
    ///   - outChannels: Cout, channels of the output.
    ///   - kernelSize: k, the side of each square filter.
    ///   - stride: s, the enlargement (2 doubles the image).
    ///   - padding: p, rows and columns *removed* from each border of the output.
    ///   - outputPadding: extra rows/columns on the bottom/right (< s), for odd target sizes.
    ///   - bias: whether to learn a per-channel offset.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                outputPadding: Int = 0, bias: Bool = true) throws {
        try checkLayerSizes("ConvTranspose2d", inChannels: inChannels, outChannels: outChannels,
                            kernelSize: kernelSize, stride: stride, padding: padding)
        guard outputPadding >= 0, outputPadding < stride else {
            throw EngineError.invalidArgument(op: "ConvTranspose2d", message:
                "output padding \(outputPadding) must be at least 0 and smaller than the stride \(stride)")
        }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
        let bound = 1 / Float(outChannels * kernelSize * kernelSize).squareRoot()
        weight = try Tensor.uniform([inChannels, outChannels, kernelSize, kernelSize], low: -bound, high: bound)
        weight.requiresGrad = true
        self.bias = bias ? try Tensor.uniform([outChannels], low: -bound, high: bound) : nil
        self.bias?.requiresGrad = true
    }

    /// With PyTorch's keyword names: `ConvTranspose2d(inChannels: 64, outChannels: 32, kernelSize: 4)`.
    public convenience init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                            outputPadding: Int = 0, bias: Bool = true) throws {
        try self.init(inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: padding,
                      outputPadding: outputPadding, bias: bias)
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.transposedConvolution(weight: weight, bias: bias, stride: stride, padding: padding,
                                        outputPadding: outputPadding, op: "ConvTranspose2d")
    }

    public var parameters: [(name: String, tensor: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public var description: String {
        "ConvTranspose2d(\(inChannels), \(outChannels), kernel_size=(\(kernelSize), \(kernelSize)), "
            + "stride=(\(stride), \(stride))" + (padding > 0 ? ", padding=(\(padding), \(padding))" : "")
            + (outputPadding > 0 ? ", output_padding=(\(outputPadding), \(outputPadding))" : "")
            + (bias == nil ? ", bias=False" : "") + ")"
    }
}
