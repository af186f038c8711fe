/// Ops that move values without changing them: reshape, permute, expand, concatenate, slice.
/// Their backward rules move the gradient back the opposite way.
extension Tensor {
    /// The same values read with another shape; one size may be −1, inferred from the others.
    /// Backward reshapes the gradient back.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
            guard known > 0, count % known == 0, newShape.filter({ $0 == -1 }).count == 1 else {
                throw EngineError.reshapeMismatch(from: shape, to: newShape)
            }
            resolved[inferred] = count / known
        }
        guard resolved.allSatisfy({ $0 >= 0 }), try Shape.elementCount(resolved) == count else {
            throw EngineError.reshapeMismatch(from: shape, to: newShape)
        }
        let inputShape = shape
        return Tensor(shape: resolved, data: data, origin: Origin(op: "reshape", inputs: [self]) { g in
            [try g.reshaped(inputShape)]
        })
    }

    /// Flattens axes from `startAxis` on into one: [N, C, H, W] → [N, C·H·W] for startAxis 1.
    public func flattened(from startAxis: Int = 1) throws -> Tensor {
        let start = try Shape.normalise(axis: startAxis, rank: Swift.max(rank, 1), op: "flatten")
        guard start < rank else { return try reshaped(shape + [1]) }
        return try reshaped(Array(shape[..<start]) + [shape[start...].reduce(1, *)])
    }

    /// Reorders the axes: result axis i is input axis `order[i]`. Backward applies the inverse order.
    public func permuted(_ order: [Int]) throws -> Tensor {
        guard order.count == rank, Set(order) == Set(0..<rank) else {
            throw EngineError.invalidArgument(op: "permute", message: "\(order) is not an ordering of the \(rank) axes of \(shape)")
        }
        let ownStrides = Shape.strides(shape)
        let newShape = order.map { shape[$0] }
        let values: [Float]
        if order == [1, 0] {
            // A matrix transpose, the common case: a tiled copy, no index table.
            values = data.withUnsafeBufferPointer { source in
                [Float].filled(count: count) { transpose(source.baseAddress!, $0, rows: shape[0], columns: shape[1]) }
            }
        } else {
            let source = stridedOffsets(shape: newShape, strides: order.map { ownStrides[$0] })
            values = source.map { data[$0] }
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in order.enumerated() { inverse[axis] = i }
        return Tensor(shape: newShape, data: values, origin: Origin(op: "permute", inputs: [self]) { g in
            [try g.permuted(inverse)]
        })
    }

    /// Swaps two axes (for a matrix, the transpose).
    public func transposed(_ axis0: Int = -2, _ axis1: Int = -1) throws -> Tensor {
        let a = try Shape.normalise(axis: axis0, rank: rank, op: "transpose")
        let b = try Shape.normalise(axis: axis1, rank: rank, op: "transpose")
        var order = Array(0..<rank)
        order.swapAt(a, b)
        return try permuted(order)
    }

    /// Repeats values along size-1 axes (and new leading axes) to reach `target`, as broadcasting
    /// does implicitly. Backward needs nothing of its own: Autograd's `sumToShape` adds up the copies.
    public func expanded(to target: [Int]) throws -> Tensor {
        guard Shape.broadcast(shape, target) == target else {
            throw EngineError.broadcastMismatch(op: "expand", lhs: shape, rhs: target)
        }
        _ = try Shape.elementCount(target)
        let source = stridedOffsets(shape: target, strides: Shape.broadcastStrides(shape, to: target))
        return Tensor(shape: target, data: source.map { data[$0] },
                      origin: Origin(op: "expand", inputs: [self]) { g in [g] })
    }

    /// Joins tensors along `axis`; all other sizes must agree. Backward slices the gradient apart.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw EngineError.invalidArgument(op: "concatenate", message: "needs at least one tensor")
        }
        let axis = try Shape.normalise(axis: axis, rank: first.rank, op: "concatenate")
        for tensor in tensors where tensor.rank != first.rank
            || (0..<first.rank).contains(where: { $0 != axis && tensor.shape[$0] != first.shape[$0] }) {
            throw EngineError.broadcastMismatch(op: "concatenate", lhs: first.shape, rhs: tensor.shape)
        }
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        // Row-major: each tensor contributes a contiguous block of `size[axis] · inner` values
        // to every one of the `outer` slabs.
        let outer = first.shape[..<axis].reduce(1, *)
        let inner = first.shape[(axis + 1)...].reduce(1, *)
        var values = [Float]()
        values.reserveCapacity(try Shape.elementCount(shape))
        for slab in 0..<outer {
            for tensor in tensors {
                let block = tensor.shape[axis] * inner
                values.append(contentsOf: tensor.data[(slab * block)..<((slab + 1) * block)])
            }
        }
        let sizes = tensors.map { $0.shape[axis] }
        return Tensor(shape: shape, data: values, origin: Origin(op: "concatenate", inputs: tensors) { g in
            var start = 0
            return try sizes.map { size in
                defer { start += size }
                return try g.sliced(axis: axis, start..<(start + size))
            }
        })
    }

    /// The part with indices `range` along `axis` (like `x[:, 2:5]`). Backward places the gradient
    /// back into a zero tensor of the input's shape.
    public func sliced(axis: Int, _ range: Range<Int>) throws -> Tensor {
        let axis = try Shape.normalise(axis: axis, rank: rank, op: "slice")
        guard range.lowerBound >= 0, range.upperBound <= shape[axis] else {
            throw EngineError.invalidArgument(op: "slice", message:
                "range \(range.lowerBound)..<\(range.upperBound) is outside 0..<\(shape[axis]) on axis \(axis) of \(shape)")
        }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = range.count
        var values = [Float]()
        values.reserveCapacity(outer * range.count * inner)
        for slab in 0..<outer {
            let base = (slab * shape[axis] + range.lowerBound) * inner
            values.append(contentsOf: data[base..<(base + range.count * inner)])
        }
        let inputShape = shape
        return Tensor(shape: newShape, data: values, origin: Origin(op: "slice", inputs: [self]) { g in
            var gradient = [Float](repeating: 0, count: inputShape.reduce(1, *))
            for slab in 0..<outer {
                let base = (slab * inputShape[axis] + range.lowerBound) * inner
                let block = range.count * inner
                gradient.replaceSubrange(base..<(base + block), with: g.data[(slab * block)..<((slab + 1) * block)])
            }
            return [Tensor(shape: inputShape, data: gradient)]
        })
    }
}
