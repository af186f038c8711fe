/// The matrix products and layout moves behind `conv2d` and `convTranspose2d` (Ops/Convolution.swift).
///
/// The GEMMs work on "channel rows": [O, N·L], one row per channel holding every image's
/// positions, because folding the batch into the columns makes one large product instead of N
/// small ones. Tensors are [N, O, L] (NCHW), so results are moved between the two layouts;
/// that copy is O(N·O·L), small beside the GEMM's O(N·O·L·C·k²).
enum ConvolutionKernels {
    // MARK: The three products

    /// cols = im2col(x), and Y = W · cols: [O, C·k·k] · [C·k·k, N·L] → [O, N·L].
    ///
    /// The batch is shared out among the threads: each lays out the columns of its own images and
    /// multiplies them, so there is one parallel loop instead of two and each thread reads back
    /// the columns it has just written. `cols` is returned too: the weight gradient needs it.
    static func forward(input: [Float], weight: [Float], _ g: ConvolutionGeometry) -> (cols: [Float], rows: [Float]) {
        var cols = [Float].uninitialized(count: g.patchSize * g.columnCount)  // every column written below
        let rows = [Float].filled(count: g.outChannels * g.columnCount) { rows in
            input.withUnsafeBufferPointer { px in
                weight.withUnsafeBufferPointer { pw in
                    cols.withUnsafeMutableBufferPointer { pc in
                        Parallel.forEach(g.batch, costPerItem: g.patchSize * g.outputPlane * (g.outChannels + 1)) { images in
                            im2col(px.baseAddress!, pc.baseAddress!, g, images: images)
                            let start = images.lowerBound * g.outputPlane
                            // These images' columns of cols and of Y; rows of both are N·L long.
                            BLAS.sgemm(transposeA: false, transposeB: false, m: g.outChannels,
                                       n: images.count * g.outputPlane, k: g.patchSize,
                                       a: pw.baseAddress!, lda: g.patchSize,
                                       b: pc.baseAddress! + start, ldb: g.columnCount,
                                       c: rows + start, ldc: g.columnCount)
                        }
                    }
                }
            }
        }
        return (cols, rows)
    }

    /// dx = col2im(Wᵀ · dY): [C·k·k, O] · [O, N·L] → columns → [N, C, H, W].
    ///
    /// The column matrix is k²/s² times larger than the image it folds into (4× for k4 s2), so it
    /// is made a chunk of images at a time, about 1 MB, and folded while it is still in cache:
    /// writing and re-reading all of it through main memory cost more than the arithmetic.
    /// The chunks are shared out among the threads, each making and folding its own (its product
    /// and col2im then run on that thread alone): one parallel loop instead of two per chunk, and
    /// a chunk stays in the cache of the core that made it.
    static func inputGradient(rows: [Float], weight: [Float], _ g: ConvolutionGeometry) -> [Float] {
        guard g.batch > 0 else { return [] }  // an empty batch: no chunks to share out (and no 0/0 below)
        let largestChunk = Swift.max(1, Swift.min(g.batch, 262_144 / Swift.max(1, g.patchSize * g.outputPlane)))
        // As many chunks as that needs, rounded up to a multiple of the threads so they share evenly.
        let threads = Swift.max(1, Parallel.threads)
        let chunkCount = ((g.batch + largestChunk - 1) / largestChunk + threads - 1) / threads * threads
        let imagesPerChunk = Swift.max(1, (g.batch + chunkCount - 1) / chunkCount)
        let chunks = (g.batch + imagesPerChunk - 1) / imagesPerChunk
        let chunkSize = g.patchSize * imagesPerChunk * g.outputPlane
        return [Float].filled(count: g.batch * g.inChannels * g.inputHeight * g.inputWidth) { image in
            rows.withUnsafeBufferPointer { pr in
                weight.withUnsafeBufferPointer { pw in
                    Parallel.forEach(chunks, costPerItem: chunkSize * g.outChannels) { myChunks in
                        var buffer = [Float].uninitialized(count: chunkSize)
                        buffer.withUnsafeMutableBufferPointer { cols in
                            for chunk in myChunks {
                                let start = chunk * imagesPerChunk
                                let images = start..<Swift.min(g.batch, start + imagesPerChunk)
                                let columns = images.count * g.outputPlane
                                // The chunk's columns of dY start at image `start`; rows are N·L long.
                                BLAS.sgemm(transposeA: true, transposeB: false, m: g.patchSize, n: columns,
                                           k: g.outChannels, a: pw.baseAddress!, lda: g.patchSize,
                                           b: pr.baseAddress! + start * g.outputPlane, ldb: g.columnCount,
                                           c: cols.baseAddress!, ldc: columns)
                                col2im(cols.baseAddress!, image, g, images: images)
                            }
                        }
                    }
                }
            }
        }
    }

    /// dW = dY · colsᵀ: [O, N·L] · [N·L, C·k·k] → [O, C·k·k], summing over every position of
    /// every image (the weight is shared by all of them).
    static func weightGradient(rows: [Float], cols: [Float], _ g: ConvolutionGeometry) -> [Float] {
        [Float].filled(count: g.outChannels * g.patchSize) { dw in
            rows.withUnsafeBufferPointer { pr in
                cols.withUnsafeBufferPointer { pc in
                    BLAS.sgemm(transposeA: false, transposeB: true, m: g.outChannels, n: g.patchSize,
                               k: g.columnCount, a: pr.baseAddress!, lda: g.columnCount,
                               b: pc.baseAddress!, ldb: g.columnCount, c: dw, ldc: g.patchSize)
                }
            }
        }
    }

    // MARK: Layouts and per-channel sums

    /// [N, O, L] → [O, N·L].
    static func batchToChannelRows(_ values: [Float], channels: Int, batch: Int, plane: Int) -> [Float] {
        [Float].filled(count: values.count) { rows in
            values.withUnsafeBufferPointer { source in
                Parallel.forEach(channels * batch, costPerItem: plane) { tasks in
                    for task in tasks {
                        let o = task / batch, n = task % batch
                        (rows + task * plane).update(from: source.baseAddress! + (n * channels + o) * plane, count: plane)
                    }
                }
            }
        }
    }

    /// [O, N·L] → [N, O, L], adding `bias[o]` on the way when given (a fused bias add saves a pass).
    static func channelRowsToBatch(_ rows: [Float], channels: Int, batch: Int, plane: Int, bias: [Float]?) -> [Float] {
        [Float].filled(count: rows.count) { values in
            rows.withUnsafeBufferPointer { source in
                Parallel.forEach(channels * batch, costPerItem: plane) { tasks in
                    for task in tasks {
                        let n = task / channels, o = task % channels
                        let from = source.baseAddress! + (o * batch + n) * plane, to = values + task * plane
                        if let bias {
                            let b = bias[o]
                            for l in 0..<plane { to[l] = from[l] + b }
                        } else {
                            to.update(from: from, count: plane)
                        }
                    }
                }
            }
        }
    }

    /// values[n, c, l] += bias[c] for values of shape [N, C, L].
    static func addPerChannel(_ values: inout [Float], _ bias: [Float], batch: Int, plane: Int) {
        let channels = bias.count
        values.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            Parallel.forEach(batch * channels, costPerItem: plane) { tasks in
                for task in tasks {
                    let b = bias[task % channels], row = base + task * plane
                    for l in 0..<plane { row[l] += b }
                }
            }
        }
    }

    /// Σ over n and l of values[n, c, l], for each c: a bias gradient.
    static func sumPerChannel(_ values: [Float], channels: Int, batch: Int, plane: Int) -> [Float] {
        var sums = [Float](repeating: 0, count: channels)
        values.withUnsafeBufferPointer { source in
            for n in 0..<batch {
                for c in 0..<channels {
                    sums[c] += contiguousSum(source.baseAddress! + (n * channels + c) * plane, count: plane)
                }
            }
        }
        return sums
    }

    // MARK: Checking shapes

    /// Checks a convolution's input, weight [O, C, k, k] and bias [O], and returns its geometry.
    static func geometry(op: String, input: [Int], weight: [Int], bias: [Int]?, stride: Int, padding: Int) throws -> ConvolutionGeometry {
        guard input.count == 4 else {
            throw EngineError.shapeMismatch(op: op, expected: "a 4-D input [N, C, H, W]", got: input)
        }
        try checkWeight(op: op, weight: weight, bias: bias, biasSize: weight.first ?? 0, stride: stride, padding: padding)
        guard input[1] == weight[1] else {
            throw EngineError.layerInput(layer: op, expected: "\(weight[1]) input channels", got: "\(input[1])", shape: input)
        }
        let k = weight[2]
        guard input[2] + 2 * padding >= k, input[3] + 2 * padding >= k else {
            throw EngineError.inputTooSmall(op: op, inputShape: input, reason:
                "height and width plus twice the padding (\(padding)) must be at least the kernel size \(k)")
        }
        let geometry = ConvolutionGeometry(batch: input[0], inChannels: input[1], outChannels: weight[0],
                                           inputHeight: input[2], inputWidth: input[3],
                                           kernelSize: k, stride: stride, padding: padding)
        try geometry.checkMemory(op: op, output: [input[0], weight[0], geometry.outputHeight, geometry.outputWidth])
        return geometry
    }

    /// Checks a transposed convolution's input [N, Cin, H, W], weight [Cin, Cout, k, k] and bias
    /// [Cout], and returns the geometry of the convolution it reverses (input [N, Cout, Ho, Wo]).
    static func transposedGeometry(op: String, input: [Int], weight: [Int], bias: [Int]?, stride: Int,
                                   padding: Int, outputPadding: Int) throws -> ConvolutionGeometry {
        guard input.count == 4 else {
            throw EngineError.shapeMismatch(op: op, expected: "a 4-D input [N, C, H, W]", got: input)
        }
        try checkWeight(op: op, weight: weight, bias: bias, biasSize: weight.count > 1 ? weight[1] : 0,
                        stride: stride, padding: padding)
        guard input[1] == weight[0] else {
            throw EngineError.layerInput(layer: op, expected: "\(weight[0]) input channels", got: "\(input[1])", shape: input)
        }
        guard outputPadding >= 0, outputPadding < stride else {
            throw EngineError.invalidArgument(op: op, message:
                "output padding \(outputPadding) must be at least 0 and smaller than the stride \(stride)")
        }
        let k = weight[2]
        let height = (input[2] - 1) * stride - 2 * padding + k + outputPadding
        let width = (input[3] - 1) * stride - 2 * padding + k + outputPadding
        guard height > 0, width > 0 else {
            throw EngineError.inputTooSmall(op: op, inputShape: input, reason:
                "the output would be \(height)×\(width) ((H − 1)·\(stride) − 2·\(padding) + \(k) + \(outputPadding))")
        }
        let geometry = ConvolutionGeometry(batch: input[0], inChannels: weight[1], outChannels: input[1],
                                           inputHeight: height, inputWidth: width,
                                           kernelSize: k, stride: stride, padding: padding)
        try geometry.checkMemory(op: op, output: [input[0], weight[1], height, width])
        return geometry
    }

    private static func checkWeight(op: String, weight: [Int], bias: [Int]?, biasSize: Int,
                                    stride: Int, padding: Int) throws {
        guard weight.count == 4, weight[2] == weight[3], weight[2] > 0 else {
            throw EngineError.shapeMismatch(op: op, expected: "a 4-D weight with a square kernel", got: weight)
        }
        if let bias, bias != [biasSize] {
            throw EngineError.shapeMismatch(op: op, expected: "a bias of shape [\(biasSize)]", got: bias)
        }
        guard stride >= 1, padding >= 0 else {
            throw EngineError.invalidArgument(op: op, message:
                "stride must be at least 1 and padding at least 0 (got stride \(stride), padding \(padding))")
        }
    }
}
