/// W1 `sgemm`: C = A·B for square float32 matrices of side n, the ceiling every convolution and
/// linear layer sits on. Measured two ways, so that the engine's overhead shows:
///
/// - `engine`: `Tensor.matmul`, as a layer calls it (allocates the result and builds a tensor);
/// - `raw`: `BLAS.sgemm` (a direct `cblas_sgemm` call) into a preallocated C.
///
/// GFLOP/s counts 2·n³ floating-point operations per product (one multiply, one add per term).
public final class SgemmBenchmark {
    public let size: Int
    let a: Tensor, b: Tensor
    var c: [Float]

    public init(size: Int, seed: UInt64 = 1) throws {
        self.size = size
        var generator = RandomGenerator(seed: seed)
        a = try Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
        b = try Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
        c = [Float](repeating: 0, count: size * size)
    }

    /// One product through the engine's tensor op.
    public func engineStep() throws {
        _ = try GradientMode.withoutGradients { try a.matmul(b) }
    }

    /// One product straight through OpenBLAS into the same preallocated buffer.
    public func rawStep() {
        let n = size
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.sgemm(transposeA: false, transposeB: false, m: n, n: n, k: n, a: pa.baseAddress!, lda: n,
                               b: pb.baseAddress!, ldb: n, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// Billions of floating-point operations per second for one product taking `milliseconds`.
    public func gigaflops(milliseconds: Double) -> Double {
        2 * Double(size) * Double(size) * Double(size) / (milliseconds * 1e-3) / 1e9
    }
}
