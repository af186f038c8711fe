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
        let a = self, b = other
        let product = Tensor.gemm(a, b, transposeA: false, transposeB: false)
        return Tensor(shape: product.shape, data: product.data, origin: Origin(op: "matmul", inputs: [a, b]) { g in
            [Tensor.gemm(g, b, transposeA: false, transposeB: true),
             Tensor.gemm(a, g, transposeA: true, transposeB: false)]
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
