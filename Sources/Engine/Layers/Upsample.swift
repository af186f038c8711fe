/// Fixed (unlearned) upsampling (PyTorch's `nn.Upsample` with `scale_factor`, `align_corners=False`).
///
/// Nearest copies each pixel into a scale×scale block; bilinear blends the four nearest input
/// pixels. Followed by a Conv2d, it is the usual alternative to ConvTranspose2d in a generator:
/// it avoids the checkerboard pattern that overlapping transposed-convolution stamps can leave.
///
/// Shapes: input [N, C, H, W], output [N, C, ⌊H·scale⌋, ⌊W·scale⌋]. No parameters.
/// Reference: Odena, Dumoulin and Olah, "Deconvolution and checkerboard artifacts" (Distill, 2016).
public final class Upsample: Layer {
    public let scaleFactor: Float
    public let mode: UpsamplingMode
    public var isTraining = true
    public var shapeContract: ShapeContract { .keepsWidth }

    /// - Parameters:
    ///   - scaleFactor: the enlargement of height and width, e.g. 2.
    ///   - mode: `.nearest` (PyTorch's default) or `.bilinear`.
    public init(scaleFactor: Float, mode: UpsamplingMode = .nearest) {
        self.scaleFactor = scaleFactor
        self.mode = mode
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.upsample(scaleFactor: scaleFactor, mode: mode, op: "Upsample")
    }

    public var description: String { "Upsample(scale_factor=\(scaleFactor), mode='\(mode.rawValue)')" }
}
