import Engine
import Foundation

/// Timing and memory measurement for `lab bench` (the workloads are in the other files here;
/// their definitions are fixed by the shared BENCHMARKS.md so that runs compare across engines).
public enum Benchmark {
    /// Milliseconds per step over the timed steps.
    public struct Timings: Sendable {
        public let milliseconds: [Double]

        public var median: Double {
            let sorted = milliseconds.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        public var minimum: Double { milliseconds.min() ?? .nan }
        public var maximum: Double { milliseconds.max() ?? .nan }
    }

    /// Runs `step` `warmUp` times untimed (first-touch page faults, OpenBLAS thread start-up,
    /// the optimiser's lazily created state), then `steps` times timed, one clock reading per step.
    public static func measure(warmUp: Int = 3, steps: Int, _ step: () throws -> Void) rethrows -> Timings {
        for _ in 0..<warmUp { try step() }
        let clock = ContinuousClock()
        var milliseconds: [Double] = []
        milliseconds.reserveCapacity(steps)
        for _ in 0..<steps {
            let elapsed = try clock.measure { try step() }
            milliseconds.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        return Timings(milliseconds: milliseconds)
    }

    /// The process's peak resident memory in bytes since start or since the last `resetPeakMemory()`
    /// (Linux's VmHWM, "high water mark"); nil where /proc is not available.
    public static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// The current resident memory in bytes (VmRSS).
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        return nil
    }

    /// Starts a new peak-memory measurement: writing "5" to /proc/self/clear_refs resets VmHWM to
    /// the current resident size (Linux ≥ 4.0), so each workload reports its own peak.
    public static func resetPeakMemory() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        handle.write(Data("5".utf8))
        try? handle.close()
    }
}

/// A training workload: one `step()` is a forward pass, a backward pass and an optimiser update
/// on a batch already in memory, as BENCHMARKS.md defines it.
public protocol TrainingWorkload: AnyObject {
    /// The name `lab bench --workload` takes (`ae32`, `dcgan32`, `mlp`).
    static var name: String { get }
    /// One training step; returns the loss (for dcgan32, the discriminator's plus the generator's).
    func step() throws -> Float
}
