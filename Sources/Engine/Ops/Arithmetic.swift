/// Elementwise arithmetic with broadcasting: `+ - * /` between tensors, and with plain numbers.
///
/// Each backward rule returns gradients in the broadcast shape; Autograd sums them back to each
/// input's shape (a bias of shape [C] added to [N, C] gets the sum over the batch).
extension Tensor {
    /// Applies `f` elementwise after broadcasting, recording `backward` for autodiff.
    static func binary(_ op: String, _ a: Tensor, _ b: Tensor,
                       _ f: (Float, Float) -> Float,
                       backward: @escaping (Tensor) throws -> [Tensor?]) throws -> Tensor {
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            throw EngineError.broadcastMismatch(op: op, lhs: a.shape, rhs: b.shape)
        }
        _ = try Shape.elementCount(shape)
        let values = broadcastBinary(a, b, to: shape, f)
        return Tensor(shape: shape, data: values, origin: Origin(op: op, inputs: [a, b], backward: backward))
    }

    /// a + b. d/da = 1, d/db = 1.
    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        try binary("add", a, b, +) { g in [g, g] }
    }

    /// a − b. d/da = 1, d/db = −1.
    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        try binary("subtract", a, b, -) { g in [g, -g] }
    }

    /// a · b (elementwise). d/da = b, d/db = a.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        try binary("multiply", a, b, *) { g in [try g * b, try g * a] }
    }

    /// a / b (elementwise). d/da = 1/b, d/db = −a/b².
    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        try binary("divide", a, b, /) { g in
            let gradientA = try g / b
            return [gradientA, try -(gradientA * a) / b]
        }
    }

    /// −a.
    public static prefix func - (a: Tensor) -> Tensor {
        a.map("negate", NegationFunction())
    }

    // Numbers on either side broadcast as scalars.
    public static func + (a: Tensor, b: Float) throws -> Tensor { try a + Tensor(b) }
    public static func + (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) + b }
    public static func - (a: Tensor, b: Float) throws -> Tensor { try a - Tensor(b) }
    public static func - (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) - b }
    public static func * (a: Tensor, b: Float) throws -> Tensor { try a * Tensor(b) }
    public static func * (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) * b }
    public static func / (a: Tensor, b: Float) throws -> Tensor { try a / Tensor(b) }
    public static func / (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) / b }
}
