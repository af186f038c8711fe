/// Matrix product, on OpenBLAS.
extension Tensor {
    /// C = A · B for A of shape [m, k] and B of shape [k, n], giving [m, n].
    ///
    /// Backward, from C = AB: dA = dC · Bᵀ and dB = Aᵀ · dC. Both are products with one side
    /// transposed, which sgemm does by reading the matrix in the other order — nothing is copied.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard rank == 2, other.rank == 2, shape[1] == other.shape[0] else {
            if rank != 2 || other.rank != 2 {
                throw EngineError.shapeMismatch(op: "matmul", expected: "two 2-D matrices",
                                                got: rank != 2 ? shape : other.shape)
            }
            throw EngineError.matmulMismatch(lhs: shape, rhs: other.shape)
        }
        _ = try Shape.elementCount([shape[0], other.shape[1]], what: "the result of matmul")
        let a = self, b = other
        let product = Tensor.gemm(a, b, transposeA: false, transposeB: false)
        return Tensor(shape: product.shape, data: product.data, origin: Origin(op: "matmul", inputs: [a, b]) { g in
            // A side that needs no gradient (a network's input batch) skips its product: for a
            // first layer that is as much arithmetic as the forward pass.
            [a.requiresGrad ? Tensor.gemm(g, b, transposeA: false, transposeB: true) : nil,
             b.requiresGrad ? Tensor.gemm(a, g, transposeA: true, transposeB: false) : nil]
        })
    }

    /// op(A) · op(B) for 2-D tensors, no graph recorded.
    static func gemm(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> Tensor {
        let m = transposeA ? a.shape[1] : a.shape[0]
        let k = transposeA ? a.shape[0] : a.shape[1]
        let n = transposeB ? b.shape[0] : b.shape[1]
        // beta = 0: sgemm overwrites C, so it need not be zeroed first.
        let c = [Float].filled(count: m * n) { pc in
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                               a: pa.baseAddress!, lda: a.shape[1], b: pb.baseAddress!, ldb: b.shape[1],
                               c: pc, ldc: n)
                }
            }
        }
        return Tensor(shape: [m, n], data: c)
    }
}

extension Tensor {
    /// y = x · Wᵀ + b, a fully connected layer's product (PyTorch's `F.linear`).
    ///
    /// Written as `x.matmul(weight.transposed()) + bias` it would copy W into its transpose
    /// every forward pass, and the transpose's gradient back every backward pass; for small
    /// batches those copies cost as much as the product. sgemm reads W transposed in place
    /// instead, and the bias is added in the same pass over y.
    ///
    /// Backward: dx = dy · W, dW = dyᵀ · x, db = Σ over the batch of dy.
    ///
    /// Shapes: x [N, in], weight [out, in] (PyTorch's layout), bias [out], y [N, out].
    ///
    /// - Parameters:
    ///   - weight: W, one row of input weights per output.
    ///   - bias: b, or nil.
    public func linear(weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        guard rank == 2, weight.rank == 2, shape[1] == weight.shape[1] else {
            if rank != 2 || weight.rank != 2 {
                throw EngineError.shapeMismatch(op: "linear", expected: "a 2-D input and a 2-D weight",
                                                got: rank != 2 ? shape : weight.shape)
            }
            throw EngineError.matmulMismatch(lhs: shape, rhs: [weight.shape[1], weight.shape[0]])
        }
        if let bias, bias.shape != [weight.shape[0]] {
            throw EngineError.shapeMismatch(op: "linear", expected: "a bias of shape [\(weight.shape[0])]",
                                            got: bias.shape)
        }
        _ = try Shape.elementCount([shape[0], weight.shape[0]], what: "the result of linear")
        let x = self
        var y = Tensor.gemm(x, weight, transposeA: false, transposeB: true).data
        if let bias { ConvolutionKernels.addPerChannel(&y, bias.data, batch: shape[0], plane: 1) }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return Tensor(shape: [shape[0], weight.shape[0]], data: y, origin: Origin(op: "linear", inputs: inputs) { g in
            var gradients: [Tensor?] = [
                x.requiresGrad ? Tensor.gemm(g, weight, transposeA: false, transposeB: false) : nil,
                Tensor.gemm(g, x, transposeA: true, transposeB: false),
            ]
            if bias != nil { gradients.append(try g.sum(axes: [0])) }
            return gradients
        })
    }
}
