import Imaging
import Testing

/// The numbers along a plot's axes: 1-2-5 steps, at most six ticks, the axis ending on ticks,
/// and powers of ten on a log axis. Every expected list was worked out by hand from the rule in
/// `AxisTicks.linear` (the smallest 1, 2 or 5 × 10^k step giving at most six ticks).
struct AxisTicksTests {
    static let linearCases: [(low: Double, high: Double, values: [Double], labels: [String])] = [
        (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        // An autoencoder's loss: 0.05 steps, and the axis widened to 0 below the smallest value.
        (0.003, 0.25, [0, 0.05, 0.1, 0.15, 0.2, 0.25], ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25"]),
        (1, 200, [0, 50, 100, 150, 200], ["0", "50", "100", "150", "200"]),
        (0, 2000, [0, 500, 1000, 1500, 2000], ["0", "500", "1000", "1500", "2000"]),
        // A GAN's loss D: 0.1 steps would need 9 ticks, so 0.2.
        (0.69, 1.39, [0.6, 0.8, 1, 1.2, 1.4], ["0.6", "0.8", "1.0", "1.2", "1.4"]),
        (-0.69, 1.21, [-1, -0.5, 0, 0.5, 1, 1.5], ["-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5"]),
        (0.0001, 0.0009, [0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001], ["0.0000", "0.0002", "0.0004", "0.0006", "0.0008", "0.0010"]),
        // A flat curve still gets an axis: ±10 % around its value, or ±1 around zero.
        (5, 5, [4.5, 5, 5.5], ["4.5", "5.0", "5.5"]),
        (0, 0, [-1, -0.5, 0, 0.5, 1], ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
        (3, 1, [1, 1.5, 2, 2.5, 3], ["1.0", "1.5", "2.0", "2.5", "3.0"]),
        (.nan, .infinity, [0, 0.2, 0.4, 0.6, 0.8, 1], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
    ]

    @Test(arguments: linearCases)
    func linearTicks(low: Double, high: Double, values: [Double], labels: [String]) {
        let ticks = AxisTicks.linear(low: low, high: high)
        #expect(ticks.values == values)
        #expect(ticks.labels == labels)
        #expect(ticks.scale == .linear)
    }

    static let logarithmicCases: [(low: Double, high: Double, values: [Double], labels: [String])] = [
        (0.002, 0.7, [0.001, 0.01, 0.1, 1], ["0.001", "0.01", "0.1", "1"]),
        (0.01, 1, [0.01, 0.1, 1], ["0.01", "0.1", "1"]),
        (10, 10, [1, 10, 100], ["1", "10", "100"]),
        // Ten decades are too many ticks: every second one.
        (1e-7, 1e3, [1e-7, 1e-5, 1e-3, 0.1, 10, 1000], ["1E-7", "1E-5", "0.001", "0.1", "10", "1000"]),
    ]

    @Test(arguments: logarithmicCases)
    func logarithmicTicks(low: Double, high: Double, values: [Double], labels: [String]) {
        let ticks = AxisTicks.logarithmic(low: low, high: high)
        #expect(ticks.values == values)
        #expect(ticks.labels == labels)
        #expect(ticks.scale == .logarithmic)
    }

    static let scales: [(values: [Double], scale: AxisScale)] = [
        ([0.7, 0.3, 0.002], .logarithmic),   // 2.5 decades
        ([1, 0.05], .linear),                 // 1.3 decades
        ([0.7, .nan, 0.001], .logarithmic),
        ([1, 0], .linear),                    // zero has no place on a log axis
        ([0.5, -1], .linear),
        ([], .linear),
    ]

    @Test(arguments: scales)
    func automaticScale(values: [Double], scale: AxisScale) {
        #expect(AxisScale.automatic(for: values) == scale)
    }

    @Test func fractionsPlaceValuesAlongTheAxis() throws {
        let linear = AxisTicks.linear(low: 0, high: 1)
        #expect(linear.fraction(of: 0.25) == 0.25)
        #expect(linear.fraction(of: .nan) == nil)
        let log = AxisTicks.logarithmic(low: 0.001, high: 1)
        // 0.1 is two of the three decades up.
        #expect(abs(try #require(log.fraction(of: 0.1)) - 2.0 / 3) < 1e-12)
        #expect(log.fraction(of: 0) == nil)
    }
}
