/// An n-dimensional array of float32 values that remembers how it was computed.
///
/// Storage is one contiguous row-major `[Float]`; `shape` says how to read it. A tensor made by
/// an op while gradients are on keeps an `origin`: the inputs and the rule that turns this
/// tensor's gradient into theirs. `backward()` (Autograd.swift) walks those origins in reverse.
///
/// Shapes use PyTorch's order: `[N, C, H, W]` for images (batch, channels, height, width),
/// `[N, features]` for vectors.
public final class Tensor {
    /// Size along each axis; `[]` is a scalar.
    public let shape: [Int]
    /// The values, row-major. Optimisers update parameters in place through this.
    public var data: [Float]
    /// The accumulated gradient of the last `backward()` with respect to this tensor
    /// (leaves only, as in PyTorch). `nil` until a backward pass reaches it.
    public var grad: Tensor?
    /// Whether gradients flow to this tensor. Parameters set it; op results inherit it.
    public var requiresGrad: Bool
    /// How this tensor was computed, or nil for a leaf (an input, a parameter, a constant).
    let origin: Origin?

    /// The record an op leaves on its result so that backward can run through it.
    struct Origin {
        /// The op's name, for error messages and graph printing.
        let op: String
        let inputs: [Tensor]
        /// Given the gradient of the result, the gradients of each input (nil: no gradient).
        /// Gradients may have the broadcast shape; Autograd reduces them to each input's shape.
        let backward: (Tensor) throws -> [Tensor?]
    }

    /// A leaf tensor from values. Internal callers guarantee `data.count` matches the shape.
    public init(shape: [Int], data: [Float], requiresGrad: Bool = false) {
        precondition(data.count == shape.reduce(1, *), "Tensor: \(data.count) values for shape \(shape)")
        self.shape = shape
        self.data = data
        self.grad = nil
        self.requiresGrad = requiresGrad
        self.origin = nil
    }

    /// The result of an op. It joins the graph only when gradients are on and an input needs them.
    init(shape: [Int], data: [Float], origin: Origin) {
        self.shape = shape
        self.data = data
        self.grad = nil
        let tracked = GradientMode.isEnabled && origin.inputs.contains { $0.requiresGrad }
        self.requiresGrad = tracked
        self.origin = tracked ? origin : nil
    }

    /// A leaf from values, checking that they fit the shape (for data from outside the engine).
    public convenience init(validating data: [Float], shape: [Int]) throws {
        let count = try Shape.elementCount(shape)
        guard count == data.count else {
            throw EngineError.shapeMismatch(op: "Tensor", expected: "\(count) values", got: [data.count])
        }
        self.init(shape: shape, data: data)
    }

    /// A scalar (shape `[]`).
    public convenience init(_ value: Float) {
        self.init(shape: [], data: [value])
    }

    /// Number of elements.
    public var count: Int { data.count }
    /// Number of axes.
    public var rank: Int { shape.count }
    /// The single value of a one-element tensor (a loss, for instance).
    public var item: Float { data[0] }

    /// The same values, cut off from the graph: gradients stop here. The GAN lessons use this
    /// for the fake batch in the discriminator's update, so that step does not train the generator.
    public func detached() -> Tensor {
        Tensor(shape: shape, data: data)
    }
}

// MARK: - Creation

extension Tensor {
    /// A tensor filled with one value.
    public static func full(_ shape: [Int], value: Float) throws -> Tensor {
        Tensor(shape: shape, data: [Float](repeating: value, count: try Shape.elementCount(shape)))
    }

    public static func zeros(_ shape: [Int]) throws -> Tensor { try full(shape, value: 0) }

    public static func ones(_ shape: [Int]) throws -> Tensor { try full(shape, value: 1) }

    /// `start, start + step, …` up to but not including `end`, as PyTorch's `arange`.
    public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) throws -> Tensor {
        guard step != 0, (end - start) / step >= 0 else {
            throw EngineError.invalidArgument(op: "arange", message: "step \(step) never reaches \(end) from \(start)")
        }
        // Counted in floating point and checked before it becomes an Int: arange(0, 1e30) must
        // be refused by the budget, and arange(0, inf) must not trap in the conversion.
        let steps = ((end - start) / step).rounded(.up)
        guard steps.isFinite, steps <= Float(MemoryBudget.float32Elements) else {
            throw EngineError.memoryBudgetExceeded(what: "arange(\(start), \(end), step: \(step))",
                                                   bytes: steps * 4 < 9e18 ? Int(steps * 4) : Int.max, budget: MemoryBudget.bytesPerValue)
        }
        let count = Int(steps)
        return Tensor(shape: [count], data: (0..<count).map { start + Float($0) * step })
    }

    /// A 1-D tensor from an array.
    public convenience init(_ values: [Float]) {
        self.init(shape: [values.count], data: values)
    }

    /// A 2-D tensor from rows, which must all have the same length.
    public convenience init(rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw EngineError.invalidArgument(op: "Tensor", message: "rows have different lengths")
        }
        self.init(shape: [rows.count, width], data: rows.flatMap { $0 })
    }
}
