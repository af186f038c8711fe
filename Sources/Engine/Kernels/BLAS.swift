import CBLAS
import Dispatch

/// The one place the engine talks to OpenBLAS.
///
/// Matrix products are where nearly all of a network's time goes (convolutions become matrix
/// products through im2col), so they run on a tuned BLAS. Everything else in the engine is
/// plain Swift that a learner can read.
public enum BLAS {
    /// Threads OpenBLAS itself may use inside one call. The engine keeps it at 1 and splits large
    /// products across `Parallel.threads` itself (see `sgemm`); only the raw-OpenBLAS benchmark
    /// raises it, to measure OpenBLAS's own threading.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(Swift.max(1, newValue))) }
    }

    /// OpenBLAS starts with one thread per core, which would then spin beside the engine's own
    /// worker threads; one pool of threads (`WorkerPool`) is enough for both.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()

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
        _ = singleThreaded
        // A large product is cut into independent slabs of C, one per thread: column blocks when
        // C is wide (each thread reads all of A and its own columns of B), row blocks when tall.
        // (From inside a parallel loop the other threads are busy: one call.)
        let pieces = WorkerPool.shared.isBusy ? 1 : Swift.min(Parallel.threads, Swift.max(m, n) / 16)
        guard pieces > 1, 2 * m * n * k >= 1 << 22 else {
            callOpenBLAS(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        WorkerPool.shared.perform(pieces: pieces) { piece in
            if n >= m {
                let start = n * piece / pieces, end = n * (piece + 1) / pieces
                callOpenBLAS(transposeA, transposeB, m, end - start, k, alpha, a, lda,
                             transposeB ? b + start * ldb : b + start, ldb, beta, c + start, ldc)
            } else {
                let start = m * piece / pieces, end = m * (piece + 1) / pieces
                callOpenBLAS(transposeA, transposeB, end - start, n, k, alpha,
                             transposeA ? a + start : a + start * lda, lda, b, ldb, beta, c + start * ldc, ldc)
            }
        }
    }

    /// One single-threaded OpenBLAS call.
    @inline(__always)
    private static func callOpenBLAS(_ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
                                     _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                                     _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
                                     _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// C = A · B straight through OpenBLAS with its own threads (`BLAS.threads`), no splitting:
    /// the reference `lab bench` compares the engine's products with.
    public static func openBLASDirect(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                                      c: UnsafeMutablePointer<Float>) {
        callOpenBLAS(false, false, m, n, k, 1, a, k, b, n, 0, c, n)
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
