import Testing
import Engine

/// The shared harness every op and layer test uses: compares the analytic gradients from
/// `backward()` with central finite differences, (f(x + h) − f(x − h)) / 2h, for every element of
/// every input. The function is reduced to a scalar by a fixed random weighting (Σ wᵢ·yᵢ), so
/// every output element's gradient is exercised, not just their sum.
///
/// Differences are taken in Double over float32 values, so h = 1e-2 and a relative tolerance of a
/// few 1e-3 separate real bugs (errors of order 1) from rounding noise.
public func checkGradients(
    _ name: String,
    inputs: [Tensor],
    step h: Float = 1e-2,
    tolerance: Float = 5e-3,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([Tensor]) throws -> Tensor
) throws {
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

    for (inputIndex, input) in inputs.enumerated() {
        let analytic = input.grad?.data ?? [Float](repeating: 0, count: input.count)
        #expect(input.grad == nil || input.grad!.shape == input.shape,
                "\(name): gradient of input \(inputIndex) has shape \(input.grad!.shape), expected \(input.shape)",
                sourceLocation: sourceLocation)
        var worst: (index: Int, analytic: Float, numeric: Float, error: Float)? = nil
        for i in 0..<input.count {
            let original = input.data[i]
            input.data[i] = original + h
            let plus = try weightedOutput()
            input.data[i] = original - h
            let minus = try weightedOutput()
            input.data[i] = original
            let numeric = Float((plus - minus) / (2 * Double(h)))
            let error = Swift.abs(numeric - analytic[i]) / Swift.max(1, Swift.abs(numeric), Swift.abs(analytic[i]))
            if error > (worst?.error ?? tolerance) { worst = (i, analytic[i], numeric, error) }
        }
        if let worst {
            Issue.record("""
                \(name): gradient of input \(inputIndex) (shape \(input.shape)) is wrong at element \(worst.index): \
                analytic \(worst.analytic), numeric \(worst.numeric), relative error \(worst.error) > \(tolerance); \
                first analytic values \(Array(analytic.prefix(4)))
                """, sourceLocation: sourceLocation)
        }
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
