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
    // Sizes as local constants: the compiler keeps them in registers, where fields read through
    // the closure's context would be reloaded after every store through a pointer.
    let k = g.kernelSize, stride = g.stride, padding = g.padding, channels = g.inChannels
    let width = g.inputWidth, outputHeight = g.outputHeight, outputWidth = g.outputWidth
    let plane = g.inputHeight * width, outputPlane = g.outputPlane, columnCount = g.columnCount
    let tiles = BatchTiles(g)
    Parallel.forEach(channels * tiles.count, costPerItem: tiles.imagesPerTile * k * k * outputPlane) { tasks in
        for task in tasks {
            let c = task / tiles.count, images = tiles.images(task % tiles.count)
            for i in 0..<k {
                let rows = ValidSpan(offset: i, stride: stride, padding: padding, length: g.inputHeight,
                                     outputs: outputHeight)
                for j in 0..<k {
                    let columns = ValidSpan(offset: j, stride: stride, padding: padding, length: width,
                                            outputs: outputWidth)
                    let row = cols + ((c * k + i) * k + j) * columnCount
                    for n in images {
                        let source = input + (n * channels + c) * plane
                        let destination = row + n * outputPlane
                        // Rows that fall in the top or bottom padding are all zeros. (Plain loops, not
                        // memset: the runs are a few values long, shorter than a call costs.)
                        for l in 0..<(rows.first * outputWidth) { destination[l] = 0 }
                        for l in (rows.end * outputWidth)..<outputPlane { destination[l] = 0 }
                        for oh in rows.first..<rows.end {
                            let out = destination + oh * outputWidth
                            let line = source + (oh * stride - padding + i) * width + (j - padding)
                            for ow in 0..<columns.first { out[ow] = 0 }
                            for ow in columns.first..<columns.end { out[ow] = line[ow &* stride] }
                            for ow in columns.end..<outputWidth { out[ow] = 0 }
                        }
                    }
                }
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
    let k = g.kernelSize, stride = g.stride, padding = g.padding, channels = g.inChannels
    let width = g.inputWidth, outputHeight = g.outputHeight, outputWidth = g.outputWidth
    let plane = g.inputHeight * width, outputPlane = g.outputPlane, columnCount = g.columnCount
    let tiles = BatchTiles(g)
    // A task owns one channel of a tile of images, so no two threads add into the same pixel.
    Parallel.forEach(channels * tiles.count, costPerItem: tiles.imagesPerTile * k * k * outputPlane) { tasks in
        for task in tasks {
            let c = task / tiles.count, images = tiles.images(task % tiles.count)
            for n in images { (output + (n * channels + c) * plane).update(repeating: 0, count: plane) }
            for i in 0..<k {
                let rows = ValidSpan(offset: i, stride: stride, padding: padding, length: g.inputHeight,
                                     outputs: outputHeight)
                for j in 0..<k {
                    let columns = ValidSpan(offset: j, stride: stride, padding: padding, length: width,
                                            outputs: outputWidth)
                    let row = cols + ((c * k + i) * k + j) * columnCount
                    for n in images {
                        let source = row + n * outputPlane
                        let destination = output + (n * channels + c) * plane
                        for oh in rows.first..<rows.end {
                            let column = source + oh * outputWidth
                            let line = destination + (oh * stride - padding + i) * width + (j - padding)
                            for ow in columns.first..<columns.end { line[ow &* stride] += column[ow] }
                        }
                    }
                }
            }
        }
    }
}

/// How im2col and col2im split the batch. Both walk `cols` in the order it is stored — a row
/// (c, i, j), then image after image — because reading it in short scattered pieces left the
/// loops waiting on memory. A task takes one channel of a tile of images: enough images that it
/// streams long stretches of `cols`, few enough that their planes (≈ 64 KB) stay in cache.
private struct BatchTiles {
    let imagesPerTile: Int
    let count: Int
    let batch: Int

    init(_ g: ConvolutionGeometry) {
        batch = g.batch
        imagesPerTile = Swift.max(1, Swift.min(g.batch, 16_384 / Swift.max(1, g.inputHeight * g.inputWidth)))
        count = (g.batch + imagesPerTile - 1) / imagesPerTile
    }

    func images(_ tile: Int) -> Range<Int> {
        (tile * imagesPerTile)..<Swift.min(batch, (tile + 1) * imagesPerTile)
    }
}

/// The outputs `first..<end` along one axis whose input position `o·s − p + offset` lies inside
/// the image (0..<length). Computing it once per kernel offset keeps the bounds test out of the
/// innermost loop; outputs outside it read padding.
private struct ValidSpan {
    let first: Int
    let end: Int
    var count: Int { end - first }

    @inline(__always)
    init(offset: Int, stride: Int, padding: Int, length: Int, outputs: Int) {
        // Smallest o with o·s − p + offset ≥ 0, and one past the largest with o·s − p + offset < length.
        let shift = padding - offset
        let first = Swift.min(shift > 0 ? (shift + stride - 1) / stride : 0, outputs)
        let last = length - 1 + shift
        let end = last >= 0 ? Swift.min(last / stride + 1, outputs) : 0
        self.first = first
        self.end = Swift.max(first, end)
    }
}
