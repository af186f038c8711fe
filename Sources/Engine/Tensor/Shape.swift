/// Shape arithmetic shared by every op: element counts, strides and broadcasting.
public enum Shape {
    /// Number of elements, refusing negative sizes, overflow, and tensors past the memory budget
    /// (`MemoryBudget`): every op asks this about its result before allocating it. `what` names
    /// the tensor in the message ("the result of upsample").
    public static func elementCount(_ shape: [Int], what: String? = nil) throws -> Int {
        if let size = shape.first(where: { $0 < 0 }) {
            throw EngineError.invalidArgument(op: "shape", message: "size \(size) in \(shape) is negative")
        }
        return try MemoryBudget.check(float32Elements: shape, what: (what ?? "a tensor") + " of shape \(shape)")
    }

    /// Row-major strides: the step in the flat array for one step along each axis.
    public static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// NumPy/PyTorch broadcasting: align shapes on the right; each pair of sizes must be equal
    /// or one of them 1. Returns nil when they are incompatible.
    public static func broadcast(_ lhs: [Int], _ rhs: [Int]) -> [Int]? {
        let rank = max(lhs.count, rhs.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let l = i < rank - lhs.count ? 1 : lhs[i - (rank - lhs.count)]
            let r = i < rank - rhs.count ? 1 : rhs[i - (rank - rhs.count)]
            guard l == r || l == 1 || r == 1 else { return nil }
            result[i] = l == 1 ? r : l
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had the (larger) broadcast shape `target`:
    /// a broadcast axis gets stride 0, so every step along it reads the same element.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// Normalises a possibly negative axis (−1 is the last) and checks it is in range.
    static func normalise(axis: Int, rank: Int, op: String) throws -> Int {
        let normalised = axis < 0 ? axis + rank : axis
        guard normalised >= 0, normalised < rank else {
            throw EngineError.invalidAxis(op: op, axis: axis, rank: rank)
        }
        return normalised
    }
}
