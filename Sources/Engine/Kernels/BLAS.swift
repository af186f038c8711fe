import CBLAS

/// The one place the engine talks to OpenBLAS.
///
/// Matrix products are where nearly all of a network's time goes (convolutions become matrix
/// products through im2col), so they run on a tuned BLAS. Everything else in the engine is
/// plain Swift that a learner can read.
public enum BLAS {
    /// Threads OpenBLAS may use for one product. `lab bench --threads N` sets it.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(Swift.max(1, newValue))) }
    }

    /// C = alpha · op(A) · op(B) + beta · C, all row-major, where op(X) is X or Xᵀ.
    ///
    /// - Parameters:
    ///   - m, n, k: op(A) is m×k, op(B) is k×n, C is m×n.
    ///   - lda, ldb, ldc: the row lengths of A, B and C as stored (before any transpose).
    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // An empty inner dimension: the product is zero, so C = beta · C.
            // (beta = 0 means "ignore C", which may be uninitialised: assign, never multiply.)
            for row in 0..<m { for column in 0..<n { c[row * ldc + column] = beta == 0 ? 0 : beta * c[row * ldc + column] } }
            return
        }
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

/// The readable reference for `BLAS.sgemm`: the triple loop of the definition,
/// C[i][j] = alpha · Σₚ op(A)[i][p] · op(B)[p][j] + beta · C[i][j]. Tests use it as the oracle.
public func naiveMatmul(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float = 1, a: [Float], lda: Int, b: [Float], ldb: Int,
    beta: Float = 0, c: inout [Float], ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum: Float = 0
            for p in 0..<k {
                let aValue = transposeA ? a[p * lda + i] : a[i * lda + p]
                let bValue = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                sum += aValue * bValue
            }
            c[i * ldc + j] = alpha * sum + beta * c[i * ldc + j]
        }
    }
}
