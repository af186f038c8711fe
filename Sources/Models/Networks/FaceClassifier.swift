import Engine

/// A small convolutional classifier that answers one yes/no question about a 32×32 face:
/// "is this picture real or generated?" in the detection lessons, or an attribute ("smiling?").
///
///     Conv2d(3→w, k3 p1) · BatchNorm2d · ReLU · MaxPool2d(2)     [N, 3, 32, 32] → [N, w, 16, 16]
///     Conv2d(w→2w, k3 p1) · BatchNorm2d · ReLU · MaxPool2d(2)                   → [N, 2w, 8, 8]
///     Conv2d(2w→4w, k3 p1) · BatchNorm2d · ReLU · MaxPool2d(2)                  → [N, 4w, 4, 4]
///     Flatten · Dropout(0.25) · Linear(4w·16 → 1)                               → [N, 1], a logit
///
/// It ends in one logit, not a probability: training uses `binaryCrossEntropyWithLogits`,
/// and σ(logit) is the probability of "yes" when one is wanted. 3×3 convolutions with pooling
/// see small details (a GAN's checkerboard texture, a blurred edge) that a detector relies on.
/// BatchNorm is what makes it learn within a minute: without it, measured on "wears glasses?",
/// the network sat at the base rate (always "no") for 300 steps; each layer's inputs rescaled
/// to mean 0, variance 1 let Adam's steps change the features from the start (Ioffe and
/// Szegedy, 2015). The convolutions have no bias because BatchNorm's shift replaces it.
/// Shapes: input `[N, 3, 32, 32]` in [0, 1].
public final class FaceClassifier: Layer {
    public let width: Int
    public let network: Sequential
    public var isTraining = true
    public var shapeContract: ShapeContract { .chain(children.map(\.layer.shapeContract)) }

    /// - Parameter width: channels of the first convolution (16 by default).
    public init(width: Int = 16) throws {
        guard (1...256).contains(width) else {
            throw EngineError.invalidArgument(op: "FaceClassifier", message: "width must be in 1...256, got \(width)")
        }
        self.width = width
        let w = width
        network = Sequential(
            try Conv2d(3, w, kernelSize: 3, padding: 1, bias: false), try BatchNorm2d(w), ReLU(), MaxPool2d(kernelSize: 2),
            try Conv2d(w, 2 * w, kernelSize: 3, padding: 1, bias: false), try BatchNorm2d(2 * w), ReLU(), MaxPool2d(kernelSize: 2),
            try Conv2d(2 * w, 4 * w, kernelSize: 3, padding: 1, bias: false), try BatchNorm2d(4 * w), ReLU(), MaxPool2d(kernelSize: 2),
            Flatten(), try Dropout(p: 0.25), try Linear(4 * w * 4 * 4, 1))
    }

    /// One logit per picture, `[N, 1]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try network(input) }

    /// The probability of "yes" for each picture, in evaluation mode (dropout off) and without
    /// recording gradients.
    public func probabilities(_ images: Tensor) throws -> [Float] {
        try inference { try self(images).sigmoid().data }
    }

    public var children: [(name: String, layer: any Layer)] { [("network", network)] }

    public var description: String {
        modelDescription("FaceClassifier(width=\(width))", children)
    }
}
