/// Flattens each sample into a vector (`torch.nn.Flatten`), the bridge from convolutional
/// feature maps to `Linear` layers.
///
///     [N, C, H, W] → [N, C·H·W]        (startDim 1, the default)
///
/// Only the shape changes; values keep their row-major order, so flattening an image gives its
/// channels one after another, each row by row — the order PyTorch uses, which is what makes a
/// checkpointed `Linear` after a `Flatten` interchangeable with torch's. Backward reshapes the
/// gradient back (the `reshape` op's rule).
///
/// - Parameter startDim: the first axis to fold in; axes from it to the last become one.
///   Default 1 keeps the batch axis, as PyTorch.
public final class Flatten: Layer {
    public let startDim: Int
    public var isTraining = true
    public var shapeContract: ShapeContract { .unknown }

    public init(startDim: Int = 1) { self.startDim = startDim }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        let start = startDim < 0 ? startDim + input.rank : startDim
        guard start >= 0, start < input.rank else {
            let needed = startDim >= 0 ? startDim + 1 : -startDim
            throw EngineError.layerInput(layer: "Flatten", expected: "at least \(needed) dimensions",
                                         got: "\(input.rank)", shape: input.shape)
        }
        let kept = Array(input.shape[..<start])
        return try input.reshaped(kept + [input.shape[start...].reduce(1, *)])
    }

    public var description: String { "Flatten(start_dim=\(startDim), end_dim=-1)" }
}
