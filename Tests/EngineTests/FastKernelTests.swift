import Testing
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

    @Test func tiledTransposeGradient() throws {
        try checkGradients("transpose", inputs: [sample([5, 7], seed: 51)]) { try $0[0].transposed() }
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
