/// One line of training progress, redrawn in place after every step:
///
///     step  120/1000 ███▌░░░░░░░░░░░░  12%  loss D 0.6931  loss G 1.2040  D(x) 0.51  D(G(z)) 0.48  3.2 steps/s  ETA 4m35s
///
/// For a GAN the two losses alone can mislead (both can sit still while the generator collapses),
/// so D(x), the discriminator's mean verdict on real images, and D(G(z)), on fakes, are shown too.
public struct TrainingProgress: Equatable, Sendable {
    public var step: Int
    public var totalSteps: Int
    /// Named numbers in display order: `("loss D", 0.69)`, `("D(x)", 0.51)`.
    public var metrics: [Metric]
    public var elapsedSeconds: Double

    public struct Metric: Equatable, Sendable {
        public var name: String
        public var value: Double
        public init(_ name: String, _ value: Double) {
            self.name = name
            self.value = value
        }
    }

    public init(step: Int, totalSteps: Int, metrics: [Metric], elapsedSeconds: Double) {
        self.step = step
        self.totalSteps = totalSteps
        self.metrics = metrics
        self.elapsedSeconds = elapsedSeconds
    }

    public var stepsPerSecond: Double {
        elapsedSeconds > 0 ? Double(step) / elapsedSeconds : 0
    }

    /// Seconds left at the current speed; nil before the speed is known.
    public var secondsRemaining: Double? {
        guard step > 0, stepsPerSecond > 0 else { return nil }
        return Double(totalSteps - step) / stepsPerSecond
    }
}

public enum ProgressLine {
    /// The progress line fitted to `width` columns: the bar takes what the numbers leave, up to 24.
    public static func format(_ progress: TrainingProgress, width: Int = 100) -> String {
        let total = max(progress.totalSteps, 1)
        let fraction = min(1, max(0, Double(progress.step) / Double(total)))
        let digits = String(total).count
        let counter = "step " + String(progress.step).leftPadded(to: digits) + "/" + String(total)
        let percent = String(Int(fraction * 100)).leftPadded(to: 3) + "%"
        var tail = progress.metrics.map { "\($0.name) " + formatMetric($0.value) }
        tail.append(formatDecimal(progress.stepsPerSecond, digits: 1) + " steps/s")
        tail.append("ETA " + (progress.secondsRemaining.map(formatDuration) ?? "?"))
        let numbers = tail.joined(separator: "  ")
        let fixed = counter.count + percent.count + numbers.count + 6
        let barWidth = min(24, width - fixed)
        guard barWidth >= 5 else { return [counter, percent, numbers].joined(separator: "  ") }
        return counter + " " + bar(fraction, width: barWidth) + " " + percent + "  " + numbers
    }

    /// A bar with eighth-block resolution, so slow progress still visibly moves.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        let full = eighths / 8
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: min(full, width))
        if full < width {
            text += partials[eighths % 8]
            text += String(repeating: "░", count: width - full - (eighths % 8 == 0 ? 0 : 1))
        }
        return text
    }

    /// Four significant decimals for ordinary losses, scientific notation for tiny or huge ones.
    public static func formatMetric(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) {
            var exponent = 0
            var mantissa = magnitude
            while mantissa >= 10 { mantissa /= 10; exponent += 1 }
            while mantissa < 1 { mantissa *= 10; exponent -= 1 }
            return (value < 0 ? "-" : "") + formatDecimal(mantissa, digits: 2) + "e" + String(exponent)
        }
        return formatDecimal(value, digits: 4)
    }

    /// `45s`, `4m35s`, `2h05m`.
    public static func formatDuration(_ seconds: Double) -> String {
        let whole = Int(min(seconds, 1e9).rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + String(whole % 60).leftPadded(to: 2, with: "0") + "s" }
        return "\(whole / 3600)h" + String((whole % 3600) / 60).leftPadded(to: 2, with: "0") + "m"
    }
}

extension String {
    public func leftPadded(to length: Int, with pad: Character = " ") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
