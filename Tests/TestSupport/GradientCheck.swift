import Testing
import Engine

/// How far a numeric gradient may stray from the analytic one: element by element,
///
///     |numeric − analytic| ≤ absolute + relative · max(|numeric|, |analytic|)
///
/// (numpy's `isclose`, made symmetric). The relative part scales with the gradient, so a
/// factor-of-two error fails at any size; the absolute part only covers the rounding noise of
/// float32 finite differences near zero, and is kept well below the 1e-3 gradients a small weight
/// receives, so a wrong rule cannot hide inside it.
public struct GradientTolerance: Sendable, CustomStringConvertible {
    public var absolute: Float
    public var relative: Float

    public init(absolute: Float, relative: Float) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Measured on every gradient check in EngineTests: the worst element of a right rule uses
    /// under a fifth of this allowance, while a doubled gradient of 1e-3 uses eight times it
    /// (GradientCheckHarnessTests).
    public static let standard = GradientTolerance(absolute: 1e-4, relative: 1e-2)

    /// The allowance's multiple one element uses: above 1 the element fails.
    public func excess(numeric: Float, analytic: Float) -> Float {
        let allowed = absolute + relative * Swift.max(Swift.abs(numeric), Swift.abs(analytic))
        let difference = Swift.abs(numeric - analytic)
        return difference.isNaN ? .infinity : difference / allowed
    }

    public var description: String { "absolute \(absolute) + relative \(relative)" }
}

/// The worst element of one input's gradient: where the numeric and analytic values differ most
/// for the tolerance.
public struct GradientDiscrepancy: Sendable {
    public var input: Int
    public var shape: [Int]
    public var element: Int
    public var analytic: Float
    public var numeric: Float
    /// The tolerance's multiple this element uses; above 1 the check fails.
    public var excess: Float
    /// The analytic gradient's shape, when it differs from the input's (a broken rule).
    public var gradientShape: [Int]?
    public var firstAnalyticValues: [Float]

    public var passes: Bool { excess <= 1 && gradientShape == nil }
}

/// Compares the analytic gradients from `backward()` with central finite differences,
/// (f(x + h) − f(x − h)) / 2h, for every element of every input, and returns each input's worst
/// element without judging it. `checkGradients` records the failures; the harness's own tests
/// use this to show that a wrong rule would fail.
///
/// The function is reduced to a scalar by a fixed random weighting (Σ wᵢ·yᵢ), so every output
/// element's gradient is exercised, not just their sum. Differences are taken in Double over
/// float32 values, with h = 1e-2: smaller steps drown in float32 rounding, larger ones in the
/// h² truncation error of curved functions.
public func gradientDiscrepancies(
    inputs: [Tensor],
    step h: Float = 1e-2,
    tolerance: GradientTolerance = .standard,
    _ function: ([Tensor]) throws -> Tensor
) throws -> [GradientDiscrepancy] {
    for input in inputs { input.requiresGrad = true; input.zeroGrad() }
    let output = try function(inputs)
    var generator = RandomGenerator(seed: 1234)
    let weights = try Tensor.uniform(output.shape, low: -1, high: 1, using: &generator)
    let loss = try (output * weights).sum()
    try loss.backward()

    func weightedOutput() throws -> Double {
        try GradientMode.withoutGradients {
            let y = try function(inputs)
            return zip(y.data, weights.data).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
    }

    return try inputs.enumerated().map { inputIndex, input in
        let analytic = input.grad?.data ?? [Float](repeating: 0, count: input.count)
        let gradientShape = input.grad.flatMap { $0.shape == input.shape ? nil : $0.shape }
        var worst = GradientDiscrepancy(input: inputIndex, shape: input.shape, element: 0, analytic: 0, numeric: 0,
                                        excess: 0, gradientShape: gradientShape,
                                        firstAnalyticValues: Array(analytic.prefix(4)))
        for i in 0..<input.count {
            let original = input.data[i]
            input.data[i] = original + h
            let plus = try weightedOutput()
            input.data[i] = original - h
            let minus = try weightedOutput()
            input.data[i] = original
            let numeric = Float((plus - minus) / (2 * Double(h)))
            let excess = tolerance.excess(numeric: numeric, analytic: i < analytic.count ? analytic[i] : .nan)
            if i == 0 || !(excess <= worst.excess) {
                worst.element = i
                worst.analytic = i < analytic.count ? analytic[i] : .nan
                worst.numeric = numeric
                worst.excess = excess
            }
        }
        return worst
    }
}

/// The shared harness every op and layer test uses: records an issue at the caller's line for
/// each input whose gradient differs from central finite differences by more than `tolerance`
/// (see `gradientDiscrepancies` for the method), naming the element, both values and the shape.
public func checkGradients(
    _ name: String,
    inputs: [Tensor],
    step h: Float = 1e-2,
    tolerance: GradientTolerance = .standard,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([Tensor]) throws -> Tensor
) throws {
    for worst in try gradientDiscrepancies(inputs: inputs, step: h, tolerance: tolerance, function)
    where !worst.passes {
        if let gradientShape = worst.gradientShape {
            Issue.record("\(name): gradient of input \(worst.input) has shape \(gradientShape), expected \(worst.shape)",
                         sourceLocation: sourceLocation)
            continue
        }
        Issue.record("""
            \(name): gradient of input \(worst.input) (shape \(worst.shape)) is wrong at element \(worst.element): \
            analytic \(worst.analytic), numeric \(worst.numeric), difference \(Swift.abs(worst.numeric - worst.analytic)) \
            is \(worst.excess)× the allowed \(tolerance) × max magnitude; \
            first analytic values \(worst.firstAnalyticValues)
            """, sourceLocation: sourceLocation)
    }
}

/// A tensor of the given shape with values from a fixed seed, spread over [-1, 1).
public func sample(_ shape: [Int], seed: UInt64 = 7, low: Float = -1, high: Float = 1) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    return try! Tensor.uniform(shape, low: low, high: high, using: &generator)
}

/// Asserts two float arrays agree elementwise within `tolerance` (absolute, scaled for large values),
/// reporting the first and largest difference at the caller's line.
public func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
                 _ what: String = "values", sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    var largest: (index: Int, difference: Float) = (0, 0)
    for i in actual.indices {
        let difference = Swift.abs(actual[i] - expected[i]) / Swift.max(1, Swift.abs(expected[i]))
        if !(difference <= largest.difference) { largest = (i, difference) }
    }
    if !(largest.difference <= tolerance) {
        Issue.record("""
            \(what): largest difference \(largest.difference) at index \(largest.index) \
            (got \(actual[largest.index]), expected \(expected[largest.index])); \
            first values \(Array(actual.prefix(4))) vs \(Array(expected.prefix(4)))
            """, sourceLocation: sourceLocation)
    }
}
