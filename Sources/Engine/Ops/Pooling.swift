/// Max and average pooling over k×k windows: downsampling without weights.
///
/// Both slide a window as a convolution does (output ⌊(H + 2p − k)/s⌋ + 1) but reduce each window
/// to one value instead of taking a dot product. Each (image, channel) plane is independent,
/// so the planes are split across threads.
extension Tensor {
    /// The largest value in each k×k window (PyTorch's `F.max_pool2d`, `ceil_mode=False`).
    ///
    ///     y[n, c, oh, ow] = max over 0 ≤ i, j < k of x[n, c, oh·s − p + i, ow·s − p + j]
    ///
    /// Padding counts as −∞, so it is never chosen. Backward sends each output's gradient to the
    /// one input that held the maximum (the first one, on ties, as PyTorch does), whose index
    /// the forward pass saves.
    ///
    /// Shapes: x [N, C, H, W], y [N, C, Ho, Wo] with Ho = ⌊(H + 2p − k) / s⌋ + 1.
    ///
    /// - Parameters:
    ///   - kernelSize: k, the window's side.
    ///   - stride: s, the step between windows; nil means k (non-overlapping windows).
    ///   - padding: p, at most k/2.
    public func maxPool2d(kernelSize: Int, stride: Int? = nil, padding: Int = 0, op: String = "maxPool2d") throws -> Tensor {
        let p = try PoolingGeometry(op: op, input: shape, kernelSize: kernelSize, stride: stride ?? kernelSize,
                                    padding: padding)
        var winners = [Int32](repeating: 0, count: p.outputCount)  // flat index into the plane
        let values = data.withUnsafeBufferPointer { x in
            winners.withUnsafeMutableBufferPointer { winners in
                [Float].filled(count: p.outputCount) { y in
                    Parallel.forEach(p.planes, costPerItem: p.outputPlane * kernelSize * kernelSize) { planes in
                        for plane in planes {
                            let source = x.baseAddress! + plane * p.inputPlane
                            for oh in 0..<p.outputHeight {
                                for ow in 0..<p.outputWidth {
                                    var best = -Float.infinity, winner = 0
                                    p.forEachInWindow(oh, ow) { index in
                                        let value = source[index]
                                        if value > best || value.isNaN { best = value; winner = index }
                                    }
                                    let out = plane * p.outputPlane + oh * p.outputWidth + ow
                                    y[out] = best
                                    winners[out] = Int32(winner)
                                }
                            }
                        }
                    }
                }
            }
        }
        let inputShape = shape
        return Tensor(shape: p.outputShape, data: values, origin: Origin(op: op, inputs: [self]) { g in
            var dx = [Float](repeating: 0, count: p.planes * p.inputPlane)
            for out in 0..<p.outputCount {
                dx[out / p.outputPlane * p.inputPlane + Int(winners[out])] += g.data[out]
            }
            return [Tensor(shape: inputShape, data: dx)]
        })
    }

    /// The mean of each k×k window (PyTorch's `F.avg_pool2d`, `count_include_pad=True`:
    /// padding counts as zeros and the divisor is always k²).
    ///
    ///     y[n, c, oh, ow] = (1/k²) · Σ over 0 ≤ i, j < k of x[n, c, oh·s − p + i, ow·s − p + j]
    ///
    /// Backward gives each input in the window an equal share, g/k², of its output's gradient.
    ///
    /// Shapes and parameters as `maxPool2d`.
    public func avgPool2d(kernelSize: Int, stride: Int? = nil, padding: Int = 0, op: String = "avgPool2d") throws -> Tensor {
        let p = try PoolingGeometry(op: op, input: shape, kernelSize: kernelSize, stride: stride ?? kernelSize,
                                    padding: padding)
        let share = 1 / Float(kernelSize * kernelSize)
        let values = data.withUnsafeBufferPointer { x in
            [Float].filled(count: p.outputCount) { y in
                Parallel.forEach(p.planes, costPerItem: p.outputPlane * kernelSize * kernelSize) { planes in
                    for plane in planes {
                        let source = x.baseAddress! + plane * p.inputPlane
                        for oh in 0..<p.outputHeight {
                            for ow in 0..<p.outputWidth {
                                var sum: Float = 0
                                p.forEachInWindow(oh, ow) { sum += source[$0] }
                                y[plane * p.outputPlane + oh * p.outputWidth + ow] = sum * share
                            }
                        }
                    }
                }
            }
        }
        let inputShape = shape
        return Tensor(shape: p.outputShape, data: values, origin: Origin(op: op, inputs: [self]) { g in
            var dx = [Float](repeating: 0, count: p.planes * p.inputPlane)
            for plane in 0..<p.planes {
                for oh in 0..<p.outputHeight {
                    for ow in 0..<p.outputWidth {
                        let gradient = g.data[plane * p.outputPlane + oh * p.outputWidth + ow] * share
                        p.forEachInWindow(oh, ow) { dx[plane * p.inputPlane + $0] += gradient }
                    }
                }
            }
            return [Tensor(shape: inputShape, data: dx)]
        })
    }
}

/// Window arithmetic shared by the pooling ops.
private struct PoolingGeometry {
    let planes: Int, inputHeight: Int, inputWidth: Int
    let kernelSize: Int, stride: Int, padding: Int
    let outputHeight: Int, outputWidth: Int
    let outputShape: [Int]

    var inputPlane: Int { inputHeight * inputWidth }
    var outputPlane: Int { outputHeight * outputWidth }
    var outputCount: Int { planes * outputPlane }

    init(op: String, input: [Int], kernelSize: Int, stride: Int, padding: Int) throws {
        guard input.count == 4 else {
            throw EngineError.shapeMismatch(op: op, expected: "a 4-D input [N, C, H, W]", got: input)
        }
        guard kernelSize >= 1, stride >= 1, padding >= 0, padding <= kernelSize / 2 else {
            throw EngineError.invalidArgument(op: op, message: "kernel size \(kernelSize) and stride \(stride) must be "
                + "at least 1, and padding \(padding) between 0 and half the kernel size")
        }
        guard input[2] + 2 * padding >= kernelSize, input[3] + 2 * padding >= kernelSize else {
            throw EngineError.inputTooSmall(op: op, inputShape: input, reason:
                "height and width plus twice the padding (\(padding)) must be at least the kernel size \(kernelSize)")
        }
        planes = input[0] * input[1]
        inputHeight = input[2]; inputWidth = input[3]
        self.kernelSize = kernelSize; self.stride = stride; self.padding = padding
        outputHeight = (inputHeight + 2 * padding - kernelSize) / stride + 1
        outputWidth = (inputWidth + 2 * padding - kernelSize) / stride + 1
        outputShape = [input[0], input[1], outputHeight, outputWidth]
    }

    /// Calls `body` with the in-plane index of every input inside window (oh, ow), skipping padding.
    @inline(__always)
    func forEachInWindow(_ oh: Int, _ ow: Int, _ body: (Int) -> Void) {
        let top = oh * stride - padding, left = ow * stride - padding
        for ih in Swift.max(top, 0)..<Swift.min(top + kernelSize, inputHeight) {
            for iw in Swift.max(left, 0)..<Swift.min(left + kernelSize, inputWidth) {
                body(ih * inputWidth + iw)
            }
        }
    }
}
