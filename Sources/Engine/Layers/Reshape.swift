/// Gives each sample a new shape, keeping the batch axis (like `torch.nn.Unflatten(1, shape)`).
///
///     [N, D] → [N, shape…]        with D = product of `shape`
///
/// A generator or decoder uses it to turn a vector into feature maps: `Linear(100, 128·7·7)`
/// followed by `Reshape([128, 7, 7])`. Values keep their row-major order; backward reshapes the
/// gradient back.
///
/// - Parameter shape: the per-sample shape (without the batch axis); one size may be −1, inferred.
public final class Reshape: Layer {
    public let shape: [Int]
    public var isTraining = true
    public var shapeContract: ShapeContract { .unknown }

    public init(_ shape: [Int]) throws {
        guard shape.filter({ $0 == -1 }).count <= 1, shape.allSatisfy({ $0 > 0 || $0 == -1 }) else {
            throw EngineError.invalidArgument(op: "Reshape", message:
                "\(shape) is not a valid shape: sizes must be positive, with at most one −1 to infer")
        }
        self.shape = shape
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        let perSample = input.shape.dropFirst().reduce(1, *)
        let known = shape.filter { $0 != -1 }.reduce(1, *)
        let fits = shape.contains(-1) ? perSample % known == 0 : perSample == known
        guard input.rank >= 1, fits else {
            let expected = shape.contains(-1) ? "a multiple of \(known) values per sample" : "\(known) values per sample"
            throw EngineError.layerInput(layer: description, expected: expected,
                                         got: input.rank >= 1 ? "\(perSample)" : "a scalar", shape: input.shape)
        }
        return try input.reshaped([input.shape[0]] + shape)
    }

    public var description: String { "Reshape(\(shape.map(String.init).joined(separator: ", ")))" }
}
