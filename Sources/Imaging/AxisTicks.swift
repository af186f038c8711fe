import Foundation

/// The numbers written along a plot's axis, chosen the way a person would: steps of 1, 2 or 5
/// times a power of ten (0, 0.2, 0.4 … not 0, 0.17, 0.34 …), few enough to read, and an axis that
/// starts and ends on a tick so that every curve lies between two labelled values.
///
/// On a logarithmic axis the ticks are powers of ten (0.001, 0.01, 0.1, 1): equal distances there
/// are equal *ratios*, which is how a loss that falls from 1 to 0.001 should be read.
public struct AxisTicks: Equatable, Sendable {
    /// Where the ticks are, from low to high; the first and last are the axis's ends.
    public let values: [Double]
    /// What is written at each tick.
    public let labels: [String]
    public let scale: AxisScale

    public var low: Double { values.first ?? 0 }
    public var high: Double { values.last ?? 1 }

    /// Where `value` falls between the axis's ends: 0 at `low`, 1 at `high` (outside for values
    /// off the axis; nil where the scale cannot place it, such as 0 on a logarithmic axis).
    public func fraction(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return high > low ? (value - low) / (high - low) : 0.5
        case .logarithmic:
            guard value > 0 else { return nil }
            return (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
    }
}

public enum AxisScale: Equatable, Sendable {
    case linear
    /// Powers of ten equally spaced; for positive values only.
    case logarithmic

    /// Linear, unless every value is positive and the largest is at least `decades` powers of ten
    /// above the smallest. A loss falling from 0.7 to 0.002 on a linear axis is a cliff followed by
    /// a flat line at the bottom, and the flat part (where the model is still improving tenfold)
    /// cannot be read; on a log axis each tenfold improvement gets the same height.
    public static func automatic(for values: [Double], decades: Double = 2) -> AxisScale {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0 else { return .linear }
        return log10(high / low) >= decades ? .logarithmic : .linear
    }
}

extension AxisTicks {
    /// At most `maxCount` ticks covering `low…high` on a linear axis, with the smallest
    /// 1-2-5 step that keeps within that count. A range of one value is widened by 10 %
    /// (by 1 around zero), so that a flat curve still gets an axis.
    public static func linear(low: Double, high: Double, maxCount: Int = 6) -> AxisTicks {
        // Far beyond any loss: clamped, so that high − low and the tick counts below stay finite.
        let limit = 1e300
        var (low, high) = (low.isFinite ? min(max(low, -limit), limit) : 0, high.isFinite ? min(max(high, -limit), limit) : 1)
        if low > high { swap(&low, &high) }
        if high - low <= max(abs(low), abs(high)) * 1e-12 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let count = max(maxCount, 2)
        // Candidate steps 1, 2, 5 × 10^k from just below (high − low) / count upwards; the
        // first whose ticks fit is the finest readable one.
        var exponent = Int(floor(log10((high - low) / Double(count)))) - 1
        while true {
            for mantissa in [1, 2, 5] {
                let step = Double(mantissa) * pow(10, Double(exponent))
                // Values too close to zero for doubles to step between: two ticks at the ends.
                guard step > 0, abs(low / step) < 1e15, abs(high / step) < 1e15 else {
                    return AxisTicks(values: [low, high], labels: [low, high].map { String(format: "%.3g", $0) }, scale: .linear)
                }
                // A small tolerance: 0.6 / 0.2 is 2.9999999999999996 in binary, and must count as 3.
                let first = Int(floor(low / step + 1e-9)), last = Int(ceil(high / step - 1e-9))
                guard last - first + 1 <= count else { continue }
                let values = (first...last).map { tick(Double($0) * Double(mantissa), exponent: exponent) }
                let decimals = max(0, -exponent)
                return AxisTicks(values: values, labels: values.map { format($0, decimals: decimals) }, scale: .linear)
            }
            exponent += 1
        }
    }

    /// Powers of ten covering `low…high` (both positive): every decade, or every second, third …
    /// when there are more than `maxCount` of them.
    public static func logarithmic(low: Double, high: Double, maxCount: Int = 6) -> AxisTicks {
        guard low > 0, high > 0, low.isFinite, high.isFinite else { return linear(low: low, high: high, maxCount: maxCount) }
        var first = Int(floor(log10(min(low, high)) + 1e-9)), last = Int(ceil(log10(max(low, high)) - 1e-9))
        if first == last { (first, last) = (first - 1, last + 1) }
        let stride = max(1, Int(ceil(Double(last - first) / Double(max(maxCount - 1, 1)))))
        // Keep the axis whole: end on a tick at or above the largest value.
        last = first + Int(ceil(Double(last - first) / Double(stride))) * stride
        let exponents = Array(Swift.stride(from: first, through: last, by: stride))
        return AxisTicks(values: exponents.map { tick(1, exponent: $0) }, labels: exponents.map(powerOfTenLabel), scale: .logarithmic)
    }

    /// Ticks for `values` on `scale`.
    public static func covering(_ values: [Double], scale: AxisScale, maxCount: Int = 6) -> AxisTicks {
        let finite = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        return scale == .logarithmic && !finite.isEmpty
            ? logarithmic(low: low, high: high, maxCount: maxCount) : linear(low: low, high: high, maxCount: maxCount)
    }

    /// `multiple × 10^exponent`, computed so that 3 × 10⁻¹ is exactly the double nearest 0.3
    /// (dividing by 10 instead of multiplying by 0.1, which is not exact in binary).
    static func tick(_ multiple: Double, exponent: Int) -> Double {
        let value = exponent < 0 ? multiple / pow(10, Double(-exponent)) : multiple * pow(10, Double(exponent))
        return value + 0   // turns −0 into 0, so no label reads "-0"
    }

    /// `value` with `decimals` digits after the point: every label on an axis has the same number.
    static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// 10^exponent as a person writes it: 0.001 … 100000, and 1E-5 or 1E6 beyond.
    static func powerOfTenLabel(_ exponent: Int) -> String {
        switch exponent {
        case -4 ..< 0: return format(tick(1, exponent: exponent), decimals: -exponent)
        case 0...5: return format(tick(1, exponent: exponent), decimals: 0)
        default: return "1E\(exponent)"
        }
    }
}
