/// Checks training data before a run: nan, infinity and absurd magnitudes in the data make the
/// loss overflow whatever the learning rate, and the loss guard, seeing only the loss, would
/// blame the learning rate. Checking the data first puts the blame where it belongs.
public enum DataCheck {
    /// Values beyond this are not data a network can learn from (their squares overflow float32
    /// sums); a learner who scaled targets by 1e30 gets told so.
    public static let absurdMagnitude: Float = 1e10

    /// nil when every value is finite and of a sane size; else a sentence about `what` ("the inputs").
    public static func problem(in values: [Float], what: String) -> String? {
        var nonFinite = 0, firstNonFinite = 0, largest: Float = 0
        for (index, value) in values.enumerated() {
            if value.isFinite {
                largest = max(largest, abs(value))
            } else {
                if nonFinite == 0 { firstNonFinite = index }
                nonFinite += 1
            }
        }
        if nonFinite > 0 {
            return "\(what) contain \(nonFinite) value\(nonFinite == 1 ? "" : "s") that \(nonFinite == 1 ? "is" : "are") nan or infinite "
                + "(the first at flat index \(firstNonFinite)): the data is broken, not the learning rate — check how it was made"
        }
        if largest > absurdMagnitude {
            return "\(what) reach \(ProgressLine.formatMetric(Double(largest))): values this large overflow the loss "
                + "whatever the learning rate — scale the data to about [-1, 1]"
        }
        return nil
    }
}
