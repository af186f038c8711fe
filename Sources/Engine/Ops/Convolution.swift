/// 2-D convolution and transposed convolution, through im2col and one matrix product.
///
/// A convolution is three matrix products around one rearrangement (`cols = im2col(x)`):
///
///     forward          Y  = W · cols              [O, N·L] = [O, C·k·k] · [C·k·k, N·L]
///     input gradient   dx = col2im(Wᵀ · dY)
///     weight gradient  dW = dY · colsᵀ
///
/// A transposed convolution is the same three products with forward and input gradient swapped:
/// its forward *is* a convolution's input gradient (it spreads each pixel over a k×k patch of a
/// larger image), and its input gradient *is* a convolution's forward. So both ops below are
/// built from the one set of kernels in `ConvolutionKernels`, and a test checks the adjoint
/// identity ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ that ties them together.
extension Tensor {
    /// 2-D convolution (PyTorch's `F.conv2d`, dilation 1, groups 1).
    ///
    ///     y[n, o, oh, ow] = b[o] + Σ_c Σ_i Σ_j w[o, c, i, j] · x[n, c, oh·s − p + i, ow·s − p + j]
    ///
    /// Shapes: x [N, C, H, W], weight [O, C, k, k], bias [O], y [N, O, Ho, Wo] with
    /// Ho = ⌊(H + 2p − k) / s⌋ + 1 (likewise Wo). N batch, C/O channels, H/W height/width.
    ///
    /// - Parameters:
    ///   - weight: the kernels, one [C, k, k] block per output channel.
    ///   - bias: one value per output channel, or nil.
    ///   - stride: s, the step between windows.
    ///   - padding: p, zeros added on every side.
    /// - Throws: `EngineError` when ranks, channels or sizes do not fit.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) throws -> Tensor {
        try convolution(weight: weight, bias: bias, stride: stride, padding: padding, op: "conv2d")
    }

    /// 2-D transposed convolution (PyTorch's `F.conv_transpose2d`), the upsampling layer of
    /// generators and decoders: each input pixel stamps a k×k copy of the kernel, scaled by the
    /// pixel, into an output s times larger. It is the gradient of `conv2d` with respect to its input.
    ///
    ///     y[n, co, h, w] = b[co] + Σ over ih·s − p + i = h, iw·s − p + j = w of x[n, ci, ih, iw] · w[ci, co, i, j]
    ///
    /// Shapes: x [N, Cin, H, W], weight [Cin, Cout, k, k] (PyTorch's layout: input channels first),
    /// bias [Cout], y [N, Cout, Ho, Wo] with Ho = (H − 1)·s − 2p + k + outputPadding.
    ///
    /// - Parameters:
    ///   - outputPadding: extra rows/columns on the bottom/right, to pick among the output sizes
    ///     that a stride-s convolution would map to the same H (must be < s).
    /// Reference: Dumoulin and Visin, "A guide to convolution arithmetic for deep learning" (2016).
    public func convTranspose2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                                outputPadding: Int = 0) throws -> Tensor {
        try transposedConvolution(weight: weight, bias: bias, stride: stride, padding: padding,
                                  outputPadding: outputPadding, op: "convTranspose2d")
    }

    /// `conv2d`, naming `op` in errors (layers pass "Conv2d").
    func convolution(weight: Tensor, bias: Tensor?, stride: Int, padding: Int, op: String) throws -> Tensor {
        let g = try ConvolutionKernels.geometry(op: op, input: shape, weight: weight.shape, bias: bias?.shape,
                                                stride: stride, padding: padding)
        let x = self
        let (cols, rows) = ConvolutionKernels.forward(input: x.data, weight: weight.data, g)
        let y = ConvolutionKernels.channelRowsToBatch(rows, channels: g.outChannels, batch: g.batch,
                                                      plane: g.outputPlane, bias: bias?.data)
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return Tensor(shape: [g.batch, g.outChannels, g.outputHeight, g.outputWidth], data: y,
                      origin: Origin(op: op, inputs: inputs) { gradient in
            let gradientRows = ConvolutionKernels.batchToChannelRows(
                gradient.data, channels: g.outChannels, batch: g.batch, plane: g.outputPlane)
            let dx = x.requiresGrad ? ConvolutionKernels.inputGradient(rows: gradientRows, weight: weight.data, g) : nil
            let dw = ConvolutionKernels.weightGradient(rows: gradientRows, cols: cols, g)
            var result: [Tensor?] = [dx.map { Tensor(shape: x.shape, data: $0) }, Tensor(shape: weight.shape, data: dw)]
            if bias != nil {
                let db = ConvolutionKernels.sumPerChannel(gradientRows, channels: g.outChannels, batch: 1,
                                                          plane: g.columnCount)
                result.append(Tensor(shape: [g.outChannels], data: db))
            }
            return result
        })
    }

    /// `convTranspose2d`, naming `op` in errors (layers pass "ConvTranspose2d").
    func transposedConvolution(weight: Tensor, bias: Tensor?, stride: Int, padding: Int, outputPadding: Int,
                               op: String) throws -> Tensor {
        let g = try ConvolutionKernels.transposedGeometry(op: op, input: shape, weight: weight.shape,
                                                          bias: bias?.shape, stride: stride, padding: padding,
                                                          outputPadding: outputPadding)
        let x = self
        // Forward: x plays the part of a convolution's output gradient.
        let xRows = ConvolutionKernels.batchToChannelRows(data, channels: g.outChannels, batch: g.batch,
                                                          plane: g.outputPlane)
        var y = ConvolutionKernels.inputGradient(rows: xRows, weight: weight.data, g)
        if let bias { ConvolutionKernels.addPerChannel(&y, bias.data, batch: g.batch, plane: g.inputHeight * g.inputWidth) }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return Tensor(shape: [g.batch, g.inChannels, g.inputHeight, g.inputWidth], data: y,
                      origin: Origin(op: op, inputs: inputs) { gradient in
            // Backward: the gradient plays the part of a convolution's input.
            var dx: Tensor? = nil, cols: [Float]
            if x.requiresGrad {
                let rows: [Float]
                (cols, rows) = ConvolutionKernels.forward(input: gradient.data, weight: weight.data, g)
                dx = Tensor(shape: x.shape, data: ConvolutionKernels.channelRowsToBatch(
                    rows, channels: g.outChannels, batch: g.batch, plane: g.outputPlane, bias: nil))
            } else {
                cols = [Float].filled(count: g.patchSize * g.columnCount) { cols in
                    gradient.data.withUnsafeBufferPointer { im2col($0.baseAddress!, cols, g) }
                }
            }
            let dw = ConvolutionKernels.weightGradient(rows: xRows, cols: cols, g)
            var result: [Tensor?] = [dx, Tensor(shape: weight.shape, data: dw)]
            if bias != nil {
                let db = ConvolutionKernels.sumPerChannel(gradient.data, channels: g.inChannels, batch: g.batch,
                                                          plane: g.inputHeight * g.inputWidth)
                result.append(Tensor(shape: [g.inChannels], data: db))
            }
            return result
        })
    }
}
