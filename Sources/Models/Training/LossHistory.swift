import Foundation
import SafeFiles

/// Every step's numbers, kept for plotting and written as CSV into the session's folder:
///
///     step,loss D,loss G,D(x),D(G(z))
///     1,1.3863,0.6931,0.5012,0.4987
///
/// The file is rewritten whole and atomically (a temporary file renamed over the old one), so a
/// crash or Ctrl-C mid-write never leaves a half-written history behind.
public struct LossHistory: Equatable, Sendable {
    public let names: [String]
    public private(set) var steps: [Int] = []
    /// One row per step, values in the order of `names`.
    public private(set) var rows: [[Double]] = []

    public init(names: [String]) { self.names = names }

    public mutating func append(step: Int, values: [Double]) {
        steps.append(step)
        rows.append(values)
    }

    /// Drops the steps after `step` (after a roll-back, their numbers belong to a discarded model).
    public mutating func truncate(after step: Int) {
        let keep = steps.firstIndex { $0 > step } ?? steps.count
        steps.removeSubrange(keep...)
        rows.removeSubrange(keep...)
    }

    /// The column `name`, or nil if there is none.
    public func values(_ name: String) -> [Double]? {
        names.firstIndex(of: name).map { column in rows.map { $0[column] } }
    }

    /// Mean of the last `count` values of `name` (a smoothed "current" loss; single steps are noisy).
    public func recentMean(_ name: String, count: Int = 20) -> Double? {
        guard let column = values(name), !column.isEmpty else { return nil }
        let tail = column.suffix(count)
        return tail.reduce(0, +) / Double(tail.count)
    }

    public var csv: String {
        var text = (["step"] + names).joined(separator: ",") + "\n"
        for (step, row) in zip(steps, rows) {
            text += ([String(step)] + row.map { String(Float($0)) }).joined(separator: ",") + "\n"
        }
        return text
    }

    /// Writes `csv` to `url` atomically (`AtomicFile`, like every file the lab writes).
    public func write(to url: URL) throws {
        do {
            try AtomicFile.write(Array(csv.utf8), to: url.path)
        } catch let error as FileAccessError {
            throw ExperimentError.unwritable(path: url.path, reason: error.reason)
        }
    }
}
