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

    /// Checks the op's result and the column matrix against the memory budget before either is
    /// allocated: a large picture with a large kernel makes columns k² times the input's size.
    func checkMemory(op: String, output: [Int]) throws {
        _ = try Shape.elementCount(output, what: "the result of \(op)")
        _ = try Shape.elementCount([patchSize, columnCount], what: "the columns (im2col) of \(op)")
    }
}

/// im2col: lays every k×k window of the input out as a column, so that a convolution becomes one
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
///   - cols: [C·k·k, N·Ho·Wo]; the columns of `images` are written (every element of them).
///   - images: which images of the batch to lay out (all of them unless the caller shares them out).
func im2col(_ input: UnsafePointer<Float>, _ cols: UnsafeMutablePointer<Float>, _ g: ConvolutionGeometry,
            images: Range<Int>? = nil) {
    let offsets = PatchOffsets(g)
    // Sizes as local constants: the compiler keeps them in registers, where fields read through
    // the closure's context would be reloaded after every store through a pointer.
    let window = g.kernelSize * g.kernelSize, channels = g.inChannels, plane = g.inputHeight * g.inputWidth
    let outputPlane = g.outputPlane, columnCount = g.columnCount
    let tiles = BatchTiles(g, images: images ?? 0..<g.batch)
    offsets.table.withUnsafeBufferPointer { table in
        Parallel.forEach(channels * tiles.count, costPerItem: tiles.imagesPerTile * window * outputPlane) { tasks in
            for task in tasks {
                let c = task / tiles.count, images = tiles.images(task % tiles.count)
                for kernelOffset in 0..<window {  // (i, j), row-major
                    let source = table.baseAddress! + kernelOffset * outputPlane
                    let row = cols + (c * window + kernelOffset) * columnCount
                    for n in images {
                        let image = input + (n * channels + c) * plane, out = row + n * outputPlane
                        for l in 0..<outputPlane {
                            let offset = Int(source[l])
                            out[l] = offset >= 0 ? image[offset] : 0  // −1: padding
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
///   - cols: [C·k·k, B·Ho·Wo], the columns of the B images in `images`.
///   - output: [N, C, H, W]; the planes of `images` are written (overwritten, not accumulated into).
///   - images: which images of the batch `cols` holds (all of them unless the caller works in chunks).
func col2im(_ cols: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ g: ConvolutionGeometry,
            images chunk: Range<Int>? = nil) {
    let chunk = chunk ?? 0..<g.batch
    let offsets = PatchOffsets(g)
    let window = g.kernelSize * g.kernelSize, channels = g.inChannels, plane = g.inputHeight * g.inputWidth
    let outputPlane = g.outputPlane, columnCount = chunk.count * outputPlane, first = chunk.lowerBound
    let tiles = BatchTiles(g, images: chunk)
    offsets.table.withUnsafeBufferPointer { table in
        // A task owns one channel of a tile of images, so no two threads add into the same pixel.
        Parallel.forEach(channels * tiles.count, costPerItem: tiles.imagesPerTile * window * outputPlane) { tasks in
            for task in tasks {
                let c = task / tiles.count, images = tiles.images(task % tiles.count)
                for n in images { (output + (n * channels + c) * plane).update(repeating: 0, count: plane) }
                for kernelOffset in 0..<window {
                    let target = table.baseAddress! + kernelOffset * outputPlane
                    let row = cols + (c * window + kernelOffset) * columnCount
                    for n in images {
                        let image = output + (n * channels + c) * plane, column = row + (n - first) * outputPlane
                        for l in 0..<outputPlane {
                            let offset = Int(target[l])
                            if offset >= 0 { image[offset] += column[l] }
                        }
                    }
                }
            }
        }
    }
}

/// Where each output position of a window reads its input: for kernel offset (i, j) and output
/// position (oh, ow), the offset (oh·s − p + i)·W + (ow·s − p + j) within an input plane, or −1
/// where that point lies in the padding.
///
/// One table of k·k·Ho·Wo offsets serves every image and channel, so the loops above are a
/// single flat pass over each row of `cols`, with no per-row bounds arithmetic.
private struct PatchOffsets {
    let table: [Int32]

    init(_ g: ConvolutionGeometry) {
        var table = [Int32](repeating: -1, count: g.kernelSize * g.kernelSize * g.outputPlane)
        var index = 0
        for i in 0..<g.kernelSize {
            for j in 0..<g.kernelSize {
                for oh in 0..<g.outputHeight {
                    for ow in 0..<g.outputWidth {
                        let ih = oh * g.stride - g.padding + i, iw = ow * g.stride - g.padding + j
                        if ih >= 0, ih < g.inputHeight, iw >= 0, iw < g.inputWidth {
                            table[index] = Int32(ih * g.inputWidth + iw)
                        }
                        index += 1
                    }
                }
            }
        }
        self.table = table
    }
}

/// How im2col and col2im split the batch. Both walk `cols` in the order it is stored — a row
/// (c, i, j), then image after image — because reading it in short scattered pieces left the
/// loops waiting on memory. A task takes one channel of a tile of images: enough images that it
/// streams long stretches of `cols`, few enough that their planes (≈ 64 KB) stay in cache.
private struct BatchTiles {
    let imagesPerTile: Int
    let count: Int
    let images: Range<Int>

    init(_ g: ConvolutionGeometry, images: Range<Int>) {
        self.images = images
        imagesPerTile = Swift.max(1, Swift.min(images.count, 16_384 / Swift.max(1, g.inputHeight * g.inputWidth)))
        count = (images.count + imagesPerTile - 1) / imagesPerTile
    }

    func images(_ tile: Int) -> Range<Int> {
        (images.lowerBound + tile * imagesPerTile)..<Swift.min(images.upperBound, images.lowerBound + (tile + 1) * imagesPerTile)
    }
}
