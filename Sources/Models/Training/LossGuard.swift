import Engine

/// Watches the losses during training and stops it when they go wrong, before a ruined model
/// overwrites a good one.
///
/// Three failures are common. A loss becomes nan or infinite: one bad step (often too high a
/// learning rate) and every weight it touches is nan for ever after. A loss diverges: it
/// climbs far above anything seen since training began. Or a loss rises and stays risen: a
/// learning rate a little too high (9.9 on the autoencoder) does not explode, it just makes the
/// model worse every step — the loss settles at several times its best and nothing else looks
/// wrong. The guard smooths each loss (an exponential moving average, so one hard batch is not
/// a trend) and stops when the smoothed loss has stayed above `riseFactor` times its best for
/// `patience` steps.
///
/// The guard also judges every state: `lastWasHealthy` says whether the losses just checked —
/// computed from the weights *before* the step — are finite and not raised. Only such states
/// may be rolled back to; early steps are judged too, though they cannot stop training (early
/// losses jump around), so a state that was already ruined in the first steps is never "the
/// last good one".
public struct LossGuard {
    public enum Verdict: Equatable, Sendable {
        case healthy
        case notFinite(loss: String, value: Double, step: Int)
        case diverging(loss: String, value: Double, lowest: Double, step: Int)
        /// The smoothed loss `value` stayed above `riseFactor` times its best `lowest` for `steps` steps.
        case rising(loss: String, value: Double, lowest: Double, step: Int, steps: Int)

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
            case .rising(let loss, let value, let lowest, let step, let steps):
                return "\(loss) has risen for \(steps) steps, to \(ProgressLine.formatMetric(value)) on average at step \(step), "
                    + "\(formatDecimal(value / lowest, digits: 1)) times its best \(ProgressLine.formatMetric(lowest)): the model is getting worse. "
                    + "This usually means the learning rate is too high — try a tenth of it."
            }
        }
    }

    /// How many times its lowest value a loss may reach before it counts as diverging.
    public var divergenceFactor: Double
    /// Steps to wait before a verdict can stop training: early losses jump around.
    public var warmUpSteps: Int
    /// How many times its best smoothed value a loss may stay at before it counts as rising;
    /// nil turns the check off (a GAN's two losses take turns rising, by design).
    public var riseFactor: Double?
    /// How many steps in a row the smoothed loss must stay raised to count as rising.
    public var patience: Int
    /// Whether the losses of the last `check` describe a state worth rolling back to.
    public private(set) var lastWasHealthy = false

    private struct Track {
        var lowest: Double
        var smoothed: Double
        var lowestSmoothed: Double
        var stepsRaised = 0
    }
    private var tracks: [String: Track] = [:]
    /// Losses this close to 0 are treated as equal to it: a loss of 1e-6 rising to 1e-5 is not a trend.
    private static let floor = 0.01

    public init(divergenceFactor: Double = 100, warmUpSteps: Int = 20, riseFactor: Double? = 3, patience: Int = 25) {
        self.divergenceFactor = divergenceFactor
        self.warmUpSteps = warmUpSteps
        self.riseFactor = riseFactor
        self.patience = patience
    }

    /// Judges this step's losses, in order; the first problem found wins.
    public mutating func check(_ losses: [(name: String, value: Double)], step: Int) -> Verdict {
        lastWasHealthy = false
        var healthy = true
        for (name, value) in losses {
            guard value.isFinite else { return .notFinite(loss: name, value: value, step: step) }
            var track = tracks[name] ?? Track(lowest: value, smoothed: value, lowestSmoothed: value)
            let diverged = abs(value) > divergenceFactor * max(abs(track.lowest), Self.floor)
            if diverged && step > warmUpSteps {
                return .diverging(loss: name, value: value, lowest: track.lowest, step: step)
            }
            // Smoothing: the average of roughly the last ten steps.
            track.smoothed = 0.9 * track.smoothed + 0.1 * value
            var raised = false
            if let riseFactor {
                let best = max(track.lowestSmoothed, Self.floor)
                raised = value > riseFactor * best
                track.stepsRaised = track.smoothed > riseFactor * best ? track.stepsRaised + 1 : 0
                if track.stepsRaised >= patience && step > warmUpSteps {
                    return .rising(loss: name, value: track.smoothed, lowest: track.lowestSmoothed, step: step, steps: track.stepsRaised)
                }
            }
            healthy = healthy && !diverged && !raised
            track.lowest = min(track.lowest, value)
            track.lowestSmoothed = min(track.lowestSmoothed, track.smoothed)
            tracks[name] = track
        }
        lastWasHealthy = healthy
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
