import Engine

/// Watches the losses during training and stops it when they go wrong, before a ruined model
/// overwrites a good one.
///
/// Two failures are common. A loss becomes nan or infinite: one bad step (often too high a
/// learning rate) and every weight it touches is nan for ever after. Or a loss diverges: it
/// climbs far above anything seen since training began. Either way the guard names the loss
/// and the step, explains the likely cause, and the trainer rolls back to a `ParameterSnapshot`.
public struct LossGuard {
    public enum Verdict: Equatable, Sendable {
        case healthy
        case notFinite(loss: String, value: Double, step: Int)
        case diverging(loss: String, value: Double, lowest: Double, step: Int)

        /// What went wrong, why it usually happens, and what to try.
        public var explanation: String? {
            switch self {
            case .healthy:
                return nil
            case .notFinite(let loss, let value, let step):
                return "\(loss) became \(ProgressLine.formatMetric(value)) at step \(step): a step was so large the numbers overflowed. "
                    + "This usually means the learning rate is too high — try a tenth of it."
            case .diverging(let loss, let value, let lowest, let step):
                return "\(loss) reached \(ProgressLine.formatMetric(value)) at step \(step), far above its lowest value \(ProgressLine.formatMetric(lowest)): training is diverging. "
                    + "Try a lower learning rate, or for a GAN, Adam with betas (0.5, 0.999)."
            }
        }
    }

    /// How many times its lowest value a loss may reach before it counts as diverging.
    public var divergenceFactor: Double
    /// Steps to wait before judging divergence: early losses jump around.
    public var warmUpSteps: Int
    private var lowest: [String: Double] = [:]

    public init(divergenceFactor: Double = 100, warmUpSteps: Int = 20) {
        self.divergenceFactor = divergenceFactor
        self.warmUpSteps = warmUpSteps
    }

    /// Judges this step's losses, in order; the first problem found wins.
    public mutating func check(_ losses: [(name: String, value: Double)], step: Int) -> Verdict {
        for (name, value) in losses {
            guard value.isFinite else { return .notFinite(loss: name, value: value, step: step) }
            let floor = lowest[name] ?? value
            // Compare magnitudes above a small floor, so a loss that was nearly 0 may still wobble.
            if step > warmUpSteps && abs(value) > divergenceFactor * max(abs(floor), 0.01) {
                return .diverging(loss: name, value: value, lowest: floor, step: step)
            }
            lowest[name] = min(floor, value)
        }
        return .healthy
    }
}

/// A copy of every parameter's values, taken while training is healthy, to return to if it is not.
public struct ParameterSnapshot {
    public let step: Int
    private let values: [(tensor: Tensor, data: [Float])]

    /// Copies the parameters of `layers` (a GAN has two networks). Arrays are copied on write,
    /// so this is cheap until the optimiser changes the originals.
    public init(of layers: [any Layer], step: Int) {
        self.step = step
        values = layers.flatMap { $0.namedParameters().map { ($0.tensor, $0.tensor.data) } }
    }

    /// Puts the saved values back into the same tensors.
    public func restore() {
        for (tensor, data) in values { tensor.data = data }
    }
}
