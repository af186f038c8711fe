/// Upsampling by nearest-neighbour or bilinear interpolation (PyTorch's `F.interpolate`).
///
/// Both are one loop: every output pixel is a weighted sum of (at most) four input pixels,
///
///     y[oh, ow] = Σ_{a, b ∈ {0, 1}} λh_a(oh) · λw_b(ow) · x[h_a(oh), w_b(ow)]
///
/// and the two modes differ only in the per-axis tables (source indices h₀, h₁ and weights λ₀, λ₁).
/// Nearest takes one source with weight 1; bilinear takes the two neighbours of the source
/// coordinate. Backward is the same sum read the other way: each output's gradient is added
/// back to its sources with the same weights.
public enum UpsamplingMode: String, Sendable, CaseIterable {
    case nearest
    case bilinear
}

extension Tensor {
    /// Enlarges the last two axes by `scaleFactor` (output size ⌊H · scaleFactor⌋).
    ///
    /// Source coordinates follow PyTorch with `align_corners=False`: output pixel centres map to
    /// input coordinates `(o + ½) / scaleFactor − ½`, clamped at 0; nearest takes
    /// ⌊o / scaleFactor⌋. So the numbers agree with `torch.nn.Upsample`.
    ///
    /// Shapes: x [N, C, H, W], y [N, C, ⌊H·scale⌋, ⌊W·scale⌋].
    ///
    /// - Parameters:
    ///   - scaleFactor: the enlargement, e.g. 2.
    ///   - mode: `.nearest` (blocky copies) or `.bilinear` (smooth).
    public func upsample(scaleFactor: Float, mode: UpsamplingMode = .nearest, op: String = "upsample") throws -> Tensor {
        guard rank == 4 else {
            throw EngineError.shapeMismatch(op: op, expected: "a 4-D input [N, C, H, W]", got: shape)
        }
        guard scaleFactor > 0, scaleFactor.isFinite else {
            throw EngineError.invalidArgument(op: op, message: "scale factor must be positive (got \(scaleFactor))")
        }
        let planes = shape[0] * shape[1], height = shape[2], width = shape[3]
        // The output size is computed in floating point and checked against the budget before
        // it becomes an Int: a scale of 1e30 must be refused, not overflow the conversion.
        let scaledHeight = Double(Float(height) * scaleFactor).rounded(.down)
        let scaledWidth = Double(Float(width) * scaleFactor).rounded(.down)
        guard scaledHeight >= 1, scaledWidth >= 1 else {
            throw EngineError.inputTooSmall(op: op, inputShape: shape,
                                            reason: "scaling by \(scaleFactor) leaves no pixels")
        }
        let bytes = Double(planes) * scaledHeight * scaledWidth * 4
        guard bytes <= Double(MemoryBudget.bytesPerValue) else {
            throw EngineError.memoryBudgetExceeded(what: "the result of \(op) (scale \(scaleFactor) on shape \(shape))",
                                                   bytes: bytes < 9e18 ? Int(bytes) : Int.max, budget: MemoryBudget.bytesPerValue)
        }
        let outputHeight = Int(scaledHeight), outputWidth = Int(scaledWidth)
        let rows = InterpolationTable(mode, inputSize: height, outputSize: outputHeight, scaleFactor: scaleFactor)
        let columns = InterpolationTable(mode, inputSize: width, outputSize: outputWidth, scaleFactor: scaleFactor)
        let inputPlane = height * width, outputPlane = outputHeight * outputWidth
        let values = data.withUnsafeBufferPointer { x in
            [Float].filled(count: planes * outputPlane) { y in
                Parallel.forEach(planes, costPerItem: 4 * outputPlane) { planeRange in
                    for plane in planeRange {
                        let source = x.baseAddress! + plane * inputPlane, out = y + plane * outputPlane
                        for oh in 0..<outputHeight {
                            let top = source + rows.first[oh] * width, bottom = source + rows.second[oh] * width
                            let wTop = rows.firstWeight[oh], wBottom = rows.secondWeight[oh]
                            for ow in 0..<outputWidth {
                                let left = columns.first[ow], right = columns.second[ow]
                                let wLeft = columns.firstWeight[ow], wRight = columns.secondWeight[ow]
                                out[oh * outputWidth + ow] = wTop * (wLeft * top[left] + wRight * top[right])
                                    + wBottom * (wLeft * bottom[left] + wRight * bottom[right])
                            }
                        }
                    }
                }
            }
        }
        let inputShape = shape
        return Tensor(shape: [shape[0], shape[1], outputHeight, outputWidth], data: values,
                      origin: Origin(op: op, inputs: [self]) { g in
            var dx = [Float](repeating: 0, count: planes * inputPlane)
            for plane in 0..<planes {
                for oh in 0..<outputHeight {
                    for ow in 0..<outputWidth {
                        let gradient = g.data[plane * outputPlane + oh * outputWidth + ow]
                        for (h, wh) in [(rows.first[oh], rows.firstWeight[oh]), (rows.second[oh], rows.secondWeight[oh])] {
                            for (w, ww) in [(columns.first[ow], columns.firstWeight[ow]),
                                            (columns.second[ow], columns.secondWeight[ow])] {
                                dx[plane * inputPlane + h * width + w] += gradient * wh * ww
                            }
                        }
                    }
                }
            }
            return [Tensor(shape: inputShape, data: dx)]
        })
    }
}

/// For each output index along one axis: the two source indices and their weights.
private struct InterpolationTable {
    var first: [Int], second: [Int]
    var firstWeight: [Float], secondWeight: [Float]

    init(_ mode: UpsamplingMode, inputSize: Int, outputSize: Int, scaleFactor: Float) {
        // PyTorch uses 1/scaleFactor (not inputSize/outputSize) when a scale factor is given.
        let scale = 1 / scaleFactor
        first = []; second = []; firstWeight = []; secondWeight = []
        for o in 0..<outputSize {
            switch mode {
            case .nearest:
                let source = Swift.min(Int((Float(o) * scale).rounded(.down)), inputSize - 1)
                first.append(source); second.append(source)
                firstWeight.append(1); secondWeight.append(0)
            case .bilinear:
                // The output pixel's centre, in input coordinates; clamped so edges copy the border.
                let source = Swift.max((Float(o) + 0.5) * scale - 0.5, 0)
                let low = Swift.min(Int(source), inputSize - 1)
                let high = Swift.min(low + 1, inputSize - 1)
                let fraction = source - Float(low)
                first.append(low); second.append(high)
                firstWeight.append(1 - fraction); secondWeight.append(fraction)
            }
        }
    }
}
