import Engine
import Foundation

/// W1 `sgemm`: C = A·B for square float32 matrices of side n, the ceiling every convolution and
/// linear layer sits on. Measured two ways, so that the engine's overhead shows:
///
/// - `engine`: `Tensor.matmul`, as a layer calls it (allocates the result, splits the product
///   across the engine's threads, each running single-threaded OpenBLAS);
/// - `raw`: one `cblas_sgemm` call with OpenBLAS's own threads, into a preallocated C.
///
/// GFLOP/s counts 2·n³ floating-point operations per product (one multiply, one add per term).
public final class SgemmBenchmark {
    public let size: Int
    public let a: Tensor, b: Tensor
    public var c: [Float]

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

    /// One product straight through OpenBLAS, with OpenBLAS's own threads (as many as the
    /// engine's), into the same preallocated buffer.
    public func rawStep() {
        let n = size
        BLAS.threads = Parallel.threads
        defer { BLAS.threads = 1 }
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.openBLASDirect(m: n, n: n, k: n, a: pa.baseAddress!, b: pb.baseAddress!, c: pc.baseAddress!)
                }
            }
        }
    }

    /// Times the two paths in alternating blocks (engine, raw, engine, raw, …), so that both see
    /// the same machine load — on a shared machine, timing one block after the other would compare
    /// two different moments rather than two code paths.
    ///
    /// Blocks rather than single steps, with a pause after each: both paths keep their worker
    /// threads spinning for a while after a product (OpenBLAS's for ~0.1 s, the engine's
    /// `WorkerPool` for 2 ms), and stepping in strict alternation made each path run beside the
    /// other's spinning threads on the same cores — a state neither is in when used alone.
    /// Each block starts with one untimed product, so both are measured with their own threads awake.
    public func measure(warmUp: Int = 3, steps: Int, block: Int = 5) throws -> (engine: Benchmark.Timings, raw: Benchmark.Timings) {
        for _ in 0..<warmUp { try engineStep(); rawStep() }
        var engine: [Double] = [], raw: [Double] = []
        while engine.count < steps {
            let count = Swift.min(block, steps - engine.count)
            Thread.sleep(forTimeInterval: 0.25)  // OpenBLAS's threads go to sleep
            engine += try Benchmark.measure(warmUp: 1, steps: count) { try engineStep() }.milliseconds
            Thread.sleep(forTimeInterval: 0.01)  // the engine's workers go to sleep
            raw += Benchmark.measure(warmUp: 1, steps: count) { rawStep() }.milliseconds
        }
        return (Benchmark.Timings(milliseconds: engine), Benchmark.Timings(milliseconds: raw))
    }

    /// Billions of floating-point operations per second for one product taking `milliseconds`.
    public func gigaflops(milliseconds: Double) -> Double {
        2 * Double(size) * Double(size) * Double(size) / (milliseconds * 1e-3) / 1e9
    }
}
