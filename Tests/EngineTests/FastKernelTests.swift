import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Engine

/// The fast paths added for speed, each against the general (slow, readable) path it replaces.
struct FastKernelTests {
    @Test(arguments: [(1, 1), (3, 5), (33, 70), (64, 31)] as [(Int, Int)])
    func tiledTransposeMatchesOdometer(rows: Int, columns: Int) throws {
        let x = sample([rows, columns], seed: 50)
        let fast = try x.transposed()
        let general = stridedOffsets(shape: [columns, rows], strides: [1, columns]).map { x.data[$0] }
        #expect(fast.shape == [columns, rows])
        expectClose(fast.data, general, tolerance: 0, "transpose \(rows)×\(columns)")
    }

    #if os(Linux)
    @Test func allocatorKeepsFreedMemory() {
        #expect(Allocation.keepsFreedMemory, "mallopt should accept both thresholds")
    }
    #endif

    /// The worker pool runs every piece exactly once, including after its workers went to sleep,
    /// and a call from inside a running job (nested) runs its pieces in turn instead of waiting on itself.
    @Test func workerPoolRunsEveryPieceOnce() throws {
        let pool = WorkerPool()
        for (round, pieces) in [2, 3, 2, 1, 4].enumerated() {
            if round == 3 { Thread.sleep(forTimeInterval: 0.01) }  // past the spin: workers sleep
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces * pieces)
            defer { counts.deallocate() }
            counts.initialize(repeating: 0)
            pool.perform(pieces: pieces) { outer in
                pool.perform(pieces: pieces) { inner in counts[outer * pieces + inner] += 1 }
            }
            #expect(Array(counts) == [Int](repeating: 1, count: pieces * pieces), "\(pieces) pieces")
        }
    }

    @Test func tiledTransposeGradient() throws {
        try checkGradients("transpose", inputs: [sample([5, 7], seed: 51)]) { try $0[0].transposed() }
    }

    /// The eight-lane sums against plain loops in Double, at lengths around the lane count.
    @Test(arguments: [0, 1, 7, 8, 9, 100])
    func laneSumsMatchLoops(count: Int) {
        let x = sample([count], seed: 53).data, g = sample([count], seed: 54).data
        let shift: Float = 0.25
        x.withUnsafeBufferPointer { px in
            g.withUnsafeBufferPointer { pg in
                let base = px.baseAddress ?? UnsafePointer(bitPattern: 8)!
                let gradient = pg.baseAddress ?? UnsafePointer(bitPattern: 8)!
                let expectedSum = x.reduce(0.0) { $0 + Double($1) }
                let expectedSquares = x.reduce(0.0) { $0 + Double($1 - shift) * Double($1 - shift) }
                let expectedDot = zip(g, x).reduce(0.0) { $0 + Double($1.0) * Double($1.1 - shift) }
                let (sum, dot) = sumAndCenteredDot(gradient, base, count: count, shift: shift)
                expectClose([contiguousSum(base, count: count), sumOfSquaredDeviations(base, count: count, from: shift),
                             sum, dot],
                            [Float(expectedSum), Float(expectedSquares), Float(g.reduce(0.0) { $0 + Double($1) }),
                             Float(expectedDot)], tolerance: 1e-5, "lane sums over \(count) values")
            }
        }
    }

    /// Leading axes (bias gradients), trailing axes (row sums), all axes and a middle axis
    /// (the general path) against sums written out by hand.
    @Test(arguments: [[0], [0, 1], [2], [1, 2], [0, 1, 2], [1]] as [[Int]])
    func sumPathsMatchLoops(axes: [Int]) throws {
        let x = sample([3, 4, 5], seed: 52)
        var expected = [Float](repeating: 0, count: 60)
        var kept = [3, 4, 5]
        for axis in axes { kept[axis] = 1 }
        for a in 0..<3 { for b in 0..<4 { for c in 0..<5 {
            let index = [a, b, c].enumerated().map { kept[$0.offset] == 1 ? 0 : $0.element }
            expected[(index[0] * kept[1] + index[1]) * kept[2] + index[2]] += x.data[(a * 4 + b) * 5 + c]
        } } }
        let total = try x.sum(axes: axes, keepDims: true)
        #expect(total.shape == kept)
        expectClose(total.data, Array(expected.prefix(kept.reduce(1, *))), tolerance: 1e-6, "sum over \(axes)")
    }
}

/// The fused `linear` op against its composition, x · Wᵀ + b, values and gradients.
@Test func linearMatchesComposition() throws {
    let x = sample([5, 7], seed: 55), w = sample([3, 7], seed: 56), b = sample([3], seed: 57)
    let fused = try x.linear(weight: w, bias: b)
    let composed = try x.matmul(w.transposed()) + b
    expectClose(fused.data, composed.data, tolerance: 1e-6, "linear")
    try checkGradients("linear", inputs: [x, w, b]) { try $0[0].linear(weight: $0[1], bias: $0[2]) }
    try checkGradients("linear without bias", inputs: [x, w]) { try $0[0].linear(weight: $0[1]) }
    #expect(throws: EngineError.matmulMismatch(lhs: [5, 7], rhs: [6, 3])) { try x.linear(weight: sample([3, 6])) }
}

/// Runs `body` with a log of the jobs the worker pool shares out for this task, and returns its
/// result with the jobs and pieces logged. Tests run side by side and share the one pool: while
/// another test's job holds the workers, the same work runs on one thread (correct, but not the
/// path under test), so `body` is run again, up to `attempts` times, until a job was shared.
func onWorkerThreads<Result>(attempts: Int = 200, _ body: () throws -> Result) rethrows
    -> (result: Result, jobs: Int, pieces: Int) {
    var attempt = 0
    while true {
        attempt += 1
        let log = WorkerPool.DispatchLog()
        let result = try WorkerPool.$log.withValue(log) { try body() }
        let jobs = log.jobs.load(ordering: .relaxed), pieces = log.pieces.load(ordering: .relaxed)
        if jobs > 0 || attempt == attempts { return (result, jobs, pieces) }
        Thread.sleep(forTimeInterval: 0.002)
    }
}

/// Products large enough that `BLAS.sgemm` splits them across threads, wide (column blocks) and
/// tall (row blocks), with every transpose combination, against the triple loop. The pool's log
/// proves each product was one job cut into one slab per thread, not a single OpenBLAS call.
@Test(.enabled(if: Parallel.threads > 1, "one thread: products are never split"),
      arguments: [(128, 160, 128), (300, 20, 400)] as [(Int, Int, Int)])
func splitProductsMatchNaiveKernel(m: Int, n: Int, k: Int) {
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
        let a = sample([m * k], seed: 58).data, b = sample([k * n], seed: 59).data
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        var expected = [Float](repeating: 0, count: m * n)
        naiveMatmul(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                    a: a, lda: lda, b: b, ldb: ldb, c: &expected, ldc: n)
        let (actual, jobs, pieces) = onWorkerThreads { () -> [Float] in
            var actual = [Float](repeating: 0, count: m * n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    actual.withUnsafeMutableBufferPointer { pc in
                        BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                   a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, c: pc.baseAddress!, ldc: n)
                    }
                }
            }
            return actual
        }
        #expect(jobs == 1 && pieces == min(Parallel.threads, max(m, n) / 16),
                "split sgemm \(m)×\(n)×\(k): \(jobs) jobs of \(pieces) pieces in all")
        expectClose(actual, expected, tolerance: 1e-4, "split sgemm \(m)×\(n)×\(k) tA=\(transposeA) tB=\(transposeB)")
    }
}

/// A product below the splitting threshold stays one OpenBLAS call: the log stays empty.
@Test func smallProductsAreNotSplit() {
    let a = sample([16 * 16], seed: 60).data
    let log = WorkerPool.DispatchLog()
    var c = [Float](repeating: 0, count: 16 * 16)
    WorkerPool.$log.withValue(log) {
        a.withUnsafeBufferPointer { pa in
            c.withUnsafeMutableBufferPointer { pc in
                BLAS.sgemm(transposeA: false, transposeB: false, m: 16, n: 16, k: 16,
                           a: pa.baseAddress!, lda: 16, b: pa.baseAddress!, ldb: 16, c: pc.baseAddress!, ldc: 16)
            }
        }
    }
    #expect(log.jobs.load(ordering: .relaxed) == 0)
}
