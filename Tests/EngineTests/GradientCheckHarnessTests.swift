import Testing
import TestSupport
@testable import Engine

/// The gradient check is the oracle of every backward rule, so it is tested itself: a rule that
/// is wrong by a factor of two must fail it even where the gradient is only 1e-3, the size a
/// small weight's gradient often has; a right rule must pass at every scale.
struct GradientCheckHarnessTests {
    /// y = c·x, built through the engine's own autograd record (`Tensor.Origin`), with a backward
    /// rule that returns `gradientFactor`·c·∂L/∂y: factor 1 is the right rule, anything else a bug.
    static func scaled(_ x: Tensor, by c: Float, gradientFactor: Float) -> Tensor {
        Tensor(shape: x.shape, data: x.data.map { $0 * c },
               origin: Tensor.Origin(op: "scaled", inputs: [x]) { gradient in
                   [Tensor(shape: gradient.shape, data: gradient.data.map { $0 * c * gradientFactor })]
               })
    }

    /// The worst element of the one input's check.
    static func worst(scale c: Float, gradientFactor: Float) throws -> GradientDiscrepancy {
        let discrepancies = try gradientDiscrepancies(inputs: [sample([4, 5], seed: 21)]) {
            scaled($0[0], by: c, gradientFactor: gradientFactor)
        }
        return try #require(discrepancies.first)
    }

    @Test(arguments: [Float(1e-3), 1, 1e3])
    func aRightRulePassesAtEveryScale(scale: Float) throws {
        let worst = try Self.worst(scale: scale, gradientFactor: 1)
        #expect(worst.passes, "excess \(worst.excess): analytic \(worst.analytic), numeric \(worst.numeric)")
        try checkGradients("scaled by \(scale)", inputs: [sample([4, 5], seed: 21)]) {
            Self.scaled($0[0], by: scale, gradientFactor: 1)
        }
    }

    /// Gradients of about 1e-3 (the weighting's values times c = 1e-3), doubled by the rule.
    /// The harness's former test, |numeric − analytic| / max(1, |numeric|, |analytic|) ≤ 5e-3,
    /// was an absolute 5e-3 for gradients below 1 and let this through; the check of the former
    /// test is spelled out below to show it.
    @Test func aDoubledGradientOfOneThousandthFails() throws {
        let worst = try Self.worst(scale: 1e-3, gradientFactor: 2)
        #expect(!worst.passes)
        #expect(worst.excess > 5, "a clear failure, not a marginal one: excess \(worst.excess)")
        #expect(Swift.abs(worst.analytic) > 1e-3 && Swift.abs(worst.analytic) < 2e-3)
        let former = Swift.abs(worst.numeric - worst.analytic) / Swift.max(1, Swift.abs(worst.numeric), Swift.abs(worst.analytic))
        #expect(former < 5e-3, "the former harness passed it")

        // The recording harness reports it as a failing test would.
        withKnownIssue("a doubled gradient must be reported") {
            try checkGradients("doubled", inputs: [sample([4, 5], seed: 21)]) {
                Self.scaled($0[0], by: 1e-3, gradientFactor: 2)
            }
        }
    }

    /// A 5% error fails wherever the relative part of the tolerance rules (gradients of 1 and
    /// more); below 1e-2 the absolute allowance of 1e-4 is larger than 5% of the gradient.
    @Test(arguments: [Float(1), 1e3])
    func aFivePercentErrorFailsInGradientsOfOneAndMore(scale: Float) throws {
        let worst = try Self.worst(scale: scale, gradientFactor: 1.05)
        #expect(!worst.passes, "excess \(worst.excess): analytic \(worst.analytic), numeric \(worst.numeric)")
    }

    /// A rule that forgets its input (no gradient at all) fails too.
    @Test func aMissingGradientFails() throws {
        withKnownIssue("a zero gradient must be reported") {
            try checkGradients("dropped", inputs: [sample([4, 5], seed: 21)]) {
                Self.scaled($0[0], by: 1, gradientFactor: 0)
            }
        }
    }
}
