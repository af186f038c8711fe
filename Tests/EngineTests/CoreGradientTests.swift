import Testing
import TestSupport
@testable import Engine

/// Finite-difference checks of the core ops, at several shapes including broadcasting ones.
struct CoreGradientTests {
    static let binaryShapes: [([Int], [Int])] = [([3], [3]), ([2, 3], [3]), ([2, 1, 4], [3, 1]), ([4, 2], []), ([1], [2, 2])]

    @Test(arguments: binaryShapes)
    func arithmetic(lhs: [Int], rhs: [Int]) throws {
        let a = sample(lhs, seed: 1), b = sample(rhs, seed: 2, low: 0.5, high: 2)
        try checkGradients("add", inputs: [a, b]) { try $0[0] + $0[1] }
        try checkGradients("subtract", inputs: [a, b]) { try $0[0] - $0[1] }
        try checkGradients("multiply", inputs: [a, b]) { try $0[0] * $0[1] }
        try checkGradients("divide", inputs: [a, b]) { try $0[0] / $0[1] }
    }

    @Test func unaryFunctions() throws {
        let x = sample([2, 5], seed: 3)
        let positive = sample([2, 5], seed: 4, low: 0.5, high: 2)
        try checkGradients("negate", inputs: [x]) { -$0[0] }
        try checkGradients("exp", inputs: [x]) { $0[0].exp() }
        try checkGradients("log", inputs: [positive]) { $0[0].log() }
        try checkGradients("sqrt", inputs: [positive]) { $0[0].sqrt() }
        try checkGradients("pow", inputs: [positive]) { $0[0].pow(2.5) }
        try checkGradients("sigmoid", inputs: [x]) { $0[0].sigmoid() }
        try checkGradients("tanh", inputs: [x]) { $0[0].tanh() }
        try checkGradients("softplus", inputs: [x]) { $0[0].softplus() }
        // Kinked functions: keep inputs away from 0, where the finite difference straddles the kink.
        let awayFromZero = try Tensor(validating: [-0.9, -0.5, -0.2, 0.3, 0.7, 1.1], shape: [2, 3])
        try checkGradients("relu", inputs: [awayFromZero]) { $0[0].relu() }
        try checkGradients("leakyRelu", inputs: [awayFromZero]) { $0[0].leakyRelu(0.2) }
        try checkGradients("abs", inputs: [awayFromZero]) { $0[0].abs() }
    }

    @Test(arguments: [[0], [1], [0, 2], [-1]] as [[Int]])
    func reductions(axes: [Int]) throws {
        let x = sample([2, 3, 4], seed: 5)
        try checkGradients("sum", inputs: [x]) { try $0[0].sum(axes: axes) }
        try checkGradients("mean", inputs: [x]) { try $0[0].mean(axes: axes, keepDims: true) }
        try checkGradients("max", inputs: [x]) { try $0[0].max(axes: axes) }
        try checkGradients("variance", inputs: [x]) { try $0[0].variance(axes: axes) }
    }

    @Test func movement() throws {
        let x = sample([2, 3, 4], seed: 6), y = sample([2, 2, 4], seed: 8)
        try checkGradients("reshape", inputs: [x]) { try $0[0].reshaped([4, -1]) }
        try checkGradients("permute", inputs: [x]) { try $0[0].permuted([2, 0, 1]) }
        try checkGradients("transpose", inputs: [x]) { try $0[0].transposed(0, 2) }
        try checkGradients("expand", inputs: [sample([3, 1])]) { try $0[0].expanded(to: [2, 3, 4]) }
        try checkGradients("concatenate", inputs: [x, y]) { try Tensor.concatenate($0, axis: 1) }
        try checkGradients("slice", inputs: [x]) { try $0[0].sliced(axis: 2, 1..<3) }
    }

    @Test func matmul() throws {
        try checkGradients("matmul", inputs: [sample([3, 5], seed: 9), sample([5, 2], seed: 10)]) {
            try $0[0].matmul($0[1])
        }
    }

    /// A value used twice (a diamond): d/dx (x·x + x) = 2x + 1. Assigning instead of accumulating
    /// would give x + 1 or 1.
    @Test func diamondAccumulates() throws {
        let x = Tensor(shape: [2], data: [3, -2], requiresGrad: true)
        try (x * x + x).sum().backward()
        #expect(x.grad?.data == [7, -3])
    }

    @Test func detachedAndNoGradStopGradients() throws {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let y = try (x * x.detached()).sum()
        try y.backward()
        #expect(x.grad?.data == [1, 2])  // only the live branch contributes
        let z = try GradientMode.withoutGradients { try x * 2 }
        #expect(!z.requiresGrad)
        expectError("backward: this tensor does not require gradients (no parameter or input with requiresGrad was used to compute it)") {
            try z.sum().backward()
        }
    }
}

@Test(arguments: [(1, 1, 1), (7, 5, 3), (33, 17, 65), (64, 1, 129)] as [(Int, Int, Int)])
func blasMatchesNaiveKernel(m: Int, n: Int, k: Int) {
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
        let a = sample([m * k], seed: 11).data, b = sample([k * n], seed: 12).data
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        var expected = sample([m * n], seed: 13).data
        var actual = expected
        naiveMatmul(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                    a: a, lda: lda, b: b, ldb: ldb, beta: 2, c: &expected, ldc: n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                actual.withUnsafeMutableBufferPointer { pc in
                    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                               a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                               beta: 2, c: pc.baseAddress!, ldc: n)
                }
            }
        }
        expectClose(actual, expected, tolerance: 1e-5, "sgemm \(m)×\(n)×\(k) tA=\(transposeA) tB=\(transposeB)")
    }
}
