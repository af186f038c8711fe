/// The sizes of one 2-D convolution: everything im2col, col2im and the GEMMs need to know.
///
/// "Input" and "output" are the *convolution's*: a ConvTranspose2d runs this same geometry
/// backwards, so its own input is this geometry's output and its output is this input.
/// Kernels, strides and paddings are square, as in every network of the lab.
struct ConvolutionGeometry: Equatable {
    let batch: Int
    let inChannels: Int
    let outChannels: Int
    let inputHeight: Int
    let inputWidth: Int
    let kernelSize: Int
    let stride: Int
    let padding: Int

    /// ⌊(H + 2p − k) / s⌋ + 1, PyTorch's output size (dilation 1).
    var outputHeight: Int { (inputHeight + 2 * padding - kernelSize) / stride + 1 }
    var outputWidth: Int { (inputWidth + 2 * padding - kernelSize) / stride + 1 }
    /// Output positions per image, L = Ho · Wo.
    var outputPlane: Int { outputHeight * outputWidth }
    /// Rows of the column matrix, one per (channel, kernel row, kernel column): C · k · k.
    var patchSize: Int { inChannels * kernelSize * kernelSize }
    /// Columns of the column matrix: one per output position of every image, N · L.
    var columnCount: Int { batch * outputPlane }
}

/// im2col: lays every k×k patch of the input out as a column, so that a convolution becomes one
/// matrix product, `weight [O, C·k·k] · cols [C·k·k, N·Ho·Wo]`.
///
///     cols[(c, i, j), (n, oh, ow)] = x[n, c, oh·s − p + i, ow·s − p + j]   (0 outside the image)
///
/// The batch is folded into the columns so that a whole batch is *one* GEMM: per-image products
/// on 4×4 feature maps would be too thin for OpenBLAS to run fast.
/// Reference: Chellapilla, Puri and Simard, "High performance convolutional neural networks for
/// document processing" (2006).
///
/// - Parameters:
///   - input: x, [N, C, H, W].
///   - cols: [C·k·k, N·Ho·Wo], every element written.
func im2col(_ input: UnsafePointer<Float>, _ cols: UnsafeMutablePointer<Float>, _ g: ConvolutionGeometry) {
    let k = g.kernelSize, plane = g.inputHeight * g.inputWidth
    let outputPlane = g.outputPlane, columnCount = g.columnCount
    // One task per (patch row, image): each writes its own contiguous stretch of `cols`.
    Parallel.forEach(g.patchSize * g.batch, costPerItem: outputPlane) { tasks in
        for task in tasks {
            let row = task / g.batch, n = task % g.batch
            let c = row / (k * k), i = (row / k) % k, j = row % k
            let source = input + (n * g.inChannels + c) * plane
            let destination = cols + row * columnCount + n * outputPlane
            let span = ValidSpan(kernelOffset: j, g, length: g.inputWidth, outputs: g.outputWidth)
            for oh in 0..<g.outputHeight {
                let ih = oh * g.stride - g.padding + i
                let out = destination + oh * g.outputWidth
                guard ih >= 0, ih < g.inputHeight else {
                    out.update(repeating: 0, count: g.outputWidth)  // the whole row is padding
                    continue
                }
                let line = source + ih * g.inputWidth
                for ow in 0..<span.first { out[ow] = 0 }
                // Inside the image: a strided copy (contiguous when s = 1, and vectorised).
                var iw = span.first * g.stride - g.padding + j
                for ow in span.first..<span.end {
                    out[ow] = line[iw]
                    iw += g.stride
                }
                for ow in span.end..<g.outputWidth { out[ow] = 0 }
            }
        }
    }
}

/// col2im, the adjoint of im2col: every column entry is *added* back to the input pixel it was
/// copied from. Overlapping patches (k > s) touch a pixel several times, so this is a sum —
/// exactly the chain rule for a value that was used several times.
///
///     dx[n, c, h, w] = Σ over (i, j, oh, ow) with oh·s − p + i = h, ow·s − p + j = w of cols[(c, i, j), (n, oh, ow)]
///
/// - Parameters:
///   - cols: [C·k·k, N·Ho·Wo].
///   - output: [N, C, H, W], every element written (overwritten, not accumulated into).
func col2im(_ cols: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ g: ConvolutionGeometry) {
    let k = g.kernelSize, plane = g.inputHeight * g.inputWidth
    let outputPlane = g.outputPlane, columnCount = g.columnCount
    // One task per (image, channel): each owns one plane of the output, so no two threads add
    // into the same pixel.
    Parallel.forEach(g.batch * g.inChannels, costPerItem: k * k * outputPlane) { tasks in
        for task in tasks {
            let n = task / g.inChannels, c = task % g.inChannels
            let destination = output + task * plane
            destination.update(repeating: 0, count: plane)
            for i in 0..<k {
                for j in 0..<k {
                    let row = (c * k + i) * k + j
                    let source = cols + row * columnCount + n * outputPlane
                    let span = ValidSpan(kernelOffset: j, g, length: g.inputWidth, outputs: g.outputWidth)
                    for oh in 0..<g.outputHeight {
                        let ih = oh * g.stride - g.padding + i
                        guard ih >= 0, ih < g.inputHeight else { continue }
                        let line = destination + ih * g.inputWidth
                        let column = source + oh * g.outputWidth
                        var iw = span.first * g.stride - g.padding + j
                        for ow in span.first..<span.end {
                            line[iw] += column[ow]
                            iw += g.stride
                        }
                    }
                }
            }
        }
    }
}

/// The output columns `first..<end` whose input column `ow·s − p + j` lies inside the image.
/// Computing it once per row keeps the bounds test out of the innermost loop.
private struct ValidSpan {
    let first: Int
    let end: Int

    init(kernelOffset j: Int, _ g: ConvolutionGeometry, length: Int, outputs: Int) {
        // Smallest ow with ow·s − p + j ≥ 0, and one past the largest with ow·s − p + j < length.
        let shift = g.padding - j
        var first = shift > 0 ? (shift + g.stride - 1) / g.stride : 0
        var end = (length - 1 + shift) >= 0 ? (length - 1 + shift) / g.stride + 1 : 0
        first = Swift.min(first, outputs)
        end = Swift.max(first, Swift.min(end, outputs))
        self.first = first
        self.end = end
    }
}
