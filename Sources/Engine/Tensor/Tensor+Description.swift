/// How a tensor prints: its shape, a few statistics and a short preview of the values,
/// like a notebook cell's output.
extension Tensor: CustomStringConvertible {
    public var description: String {
        var text = "Tensor\(shape)"
        if requiresGrad { text += " requiresGrad" }
        guard !data.isEmpty else { return text + " (empty)" }
        if count > 1 {
            let (low, high, mean) = statistics
            text += "  min \(format(low))  max \(format(high))  mean \(format(mean))"
        }
        let previewCount = Swift.min(count, 8)
        let preview = data.prefix(previewCount).map(format).joined(separator: ", ")
        return text + "\n[" + preview + (count > previewCount ? ", …]" : "]")
    }

    /// Minimum, maximum and mean of the values (mean accumulated in Double for accuracy).
    /// A NaN anywhere makes all three NaN, as PyTorch's `min()` and `max()` propagate it
    /// (Swift's `min` would skip it and report the empty range "inf … -inf").
    public var statistics: (min: Float, max: Float, mean: Float) {
        var low = Float.infinity, high = -Float.infinity, sum = 0.0
        for value in data {
            if value.isNaN { return (.nan, .nan, .nan) }
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            sum += Double(value)
        }
        return (low, high, Float(sum / Double(Swift.max(count, 1))))
    }

    private func format(_ value: Float) -> String {
        if value.isNaN { return "nan" }  // the sign of a NaN means nothing; Swift would print "-nan"
        if value.isInfinite { return "\(value)" }
        let magnitude = Swift.abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) {
            return String(format: "%.3e", Double(value))
        }
        return String(format: "%.4f", Double(value))
    }
}

import Foundation
