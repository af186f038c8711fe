/// Reductions over axes: sum, mean, max, variance; and `sumToShape`, the helper that undoes
/// broadcasting in backward.
extension Tensor {
    /// The shape after reducing `axes` with keep-dims (reduced axes become 1).
    private func keptShape(_ axes: [Int]) -> [Int] {
        var kept = shape
        for axis in axes { kept[axis] = 1 }
        return kept
    }

    /// Normalised, sorted, de-duplicated axes; nil or empty means every axis.
    private func reductionAxes(_ axes: [Int]?, op: String) throws -> [Int] {
        guard let axes, !axes.isEmpty else { return Array(0..<rank) }
        return Array(Set(try axes.map { try Shape.normalise(axis: $0, rank: rank, op: op) })).sorted()
    }

    /// The result shape: the kept shape, or with the reduced axes removed.
    private func resultShape(_ axes: [Int], keepDims: Bool) -> [Int] {
        keepDims ? keptShape(axes) : shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    }

    /// Σ over `axes` (all axes when nil). Backward: every input element receives the gradient
    /// of the sum it went into, so the gradient is broadcast back over the reduced axes.
    public func sum(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let axes = try reductionAxes(axes, op: "sum")
        let kept = keptShape(axes)
        let totals = sumKernel(axes: axes, kept: kept)
        let inputShape = shape
        return Tensor(shape: resultShape(axes, keepDims: keepDims), data: totals,
                      origin: Origin(op: "sum", inputs: [self]) { g in
            [try g.reshaped(kept).expanded(to: inputShape)]
        })
    }

    /// The sums for `sum`. Reducing leading axes (a bias gradient: Σ over the batch) or trailing
    /// axes (row sums) are two tight loops over contiguous memory; any other set of axes goes
    /// through the general odometer, which maps every element to its total.
    private func sumKernel(axes: [Int], kept: [Int]) -> [Float] {
        let outputCount = kept.reduce(1, *)
        let leading = axes == Array(0..<axes.count), trailing = axes == Array((rank - axes.count)..<rank)
        guard leading || trailing, count > 0 else {
            let destination = stridedOffsets(shape: shape, strides: Shape.broadcastStrides(kept, to: shape))
            var totals = [Float](repeating: 0, count: outputCount)
            for i in 0..<count { totals[destination[i]] += data[i] }
            return totals
        }
        var totals = [Float](repeating: 0, count: outputCount)
        data.withUnsafeBufferPointer { x in
            totals.withUnsafeMutableBufferPointer { t in
                if leading && !trailing {
                    // [R, inner] → [inner]: add each row into the totals (vectorised).
                    for row in 0..<(count / outputCount) {
                        let values = x.baseAddress! + row * outputCount
                        for j in 0..<outputCount { t[j] += values[j] }
                    }
                } else {
                    // [outer, R] → [outer]: one total per row.
                    let length = count / outputCount
                    for row in 0..<outputCount { t[row] = contiguousSum(x.baseAddress! + row * length, count: length) }
                }
            }
        }
        return totals
    }

    /// The mean over `axes` (all axes when nil).
    public func mean(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let axes = try reductionAxes(axes, op: "mean")
        let n = axes.reduce(1) { $0 * shape[$1] }
        // Over no elements this is 0 / 0 = nan, as in PyTorch: an empty batch has no mean.
        return try sum(axes: axes, keepDims: keepDims) / Float(n)
    }

    /// The maximum over `axes` (all axes when nil). Backward sends the gradient to the positions
    /// that held the maximum, split evenly between ties (as `torch.amax`).
    public func max(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let axes = try reductionAxes(axes, op: "max")
        guard count > 0 else {
            throw EngineError.invalidArgument(op: "max", message: "cannot take the maximum of an empty tensor")
        }
        let kept = keptShape(axes)
        let destination = stridedOffsets(shape: shape, strides: Shape.broadcastStrides(kept, to: shape))
        var maxima = [Float](repeating: -.infinity, count: kept.reduce(1, *))
        for i in 0..<count where data[i] > maxima[destination[i]] || data[i].isNaN {
            maxima[destination[i]] = data[i]
        }
        let values = data, inputShape = shape, found = maxima
        return Tensor(shape: resultShape(axes, keepDims: keepDims), data: maxima,
                      origin: Origin(op: "max", inputs: [self]) { g in
            var ties = [Float](repeating: 0, count: found.count)
            for i in 0..<values.count where values[i] == found[destination[i]] { ties[destination[i]] += 1 }
            var gradient = [Float](repeating: 0, count: values.count)
            for i in 0..<values.count where values[i] == found[destination[i]] {
                gradient[i] = g.data[destination[i]] / ties[destination[i]]
            }
            return [Tensor(shape: inputShape, data: gradient)]
        })
    }

    /// The variance over `axes`: Σ(x − mean)² / (n − correction). `correction: 1` is the
    /// unbiased estimate (PyTorch's default for `var`); BatchNorm normalises with `correction: 0`.
    public func variance(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 1) throws -> Tensor {
        let axes = try reductionAxes(axes, op: "variance")
        let n = axes.reduce(1) { $0 * shape[$1] }
        let centred = try self - mean(axes: axes, keepDims: true)
        return try (centred * centred).sum(axes: axes, keepDims: keepDims) / Float(Swift.max(n - correction, 0))  // nan with too few values, as PyTorch
    }

    /// Sums a broadcast gradient back to the shape of the tensor that was broadcast:
    /// over the leading axes broadcasting added, and over axes where `target` has size 1.
    /// Autograd calls this once for every input gradient, so no backward rule has to.
    func sumToShape(_ target: [Int]) throws -> Tensor {
        guard shape != target else { return self }
        let extra = rank - target.count
        var axes = Array(0..<extra)
        for (axis, size) in target.enumerated() where size == 1 && shape[extra + axis] != 1 {
            axes.append(extra + axis)
        }
        guard !axes.isEmpty else { return try reshaped(target) }
        return try sum(axes: axes, keepDims: true).reshaped(target)
    }
}
