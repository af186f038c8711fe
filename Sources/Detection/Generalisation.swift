import Engine
import Foundation
import Imaging

/// Which detector an experiment trains.
public enum DetectorKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case spectral = "spectral"
    case cnn = "CNN"
    public var description: String { rawValue }
}

/// The detection experiments of the issue, on one set of real pictures and one `FakeFactory`:
/// the generalisation table (train on fakes of X, test on fakes of Y) and the learning curve.
///
/// Every test picture is held out: reals from the datasets' test splits, GAN fakes from noise
/// seeds never used in training, swaps from frames the swap and the detector never trained on.
public struct DetectionExperiment {
    public let factory: FakeFactory
    public let realTraining: [Image]
    public let realTest: [Image]

    public init(factory: FakeFactory, realTraining: [Image], realTest: [Image]) {
        self.factory = factory
        self.realTraining = realTraining
        self.realTest = realTest
    }

    /// Trains a detector of `kind` on `count` reals and `count` fakes of `source`, and returns
    /// its scoring function.
    public func trainDetector(_ kind: DetectorKind, on source: FakeSource, count: Int, seed: UInt64 = 0) throws -> ([Image]) throws -> [Float] {
        let fakes = try factory.fakes(source, count: count, seed: 1_000 + seed)
        let reals = sample(realTraining, count: count, seed: seed)
        switch kind {
        case .spectral:
            let detector = try SpectralDetector(real: reals, fake: fakes, seed: seed)
            return { try detector.probabilities($0) }
        case .cnn:
            let detector = try CNNDetector(real: reals, fake: fakes, seed: seed)
            return { try detector.probabilities($0) }
        }
    }

    /// Held-out reals and fakes of `source`, `count` of each, labelled (0 real, 1 fake).
    public func testSet(_ source: FakeSource, count: Int) throws -> (pictures: [Image], labels: [Int]) {
        let fakes = try factory.fakes(source, count: count, seed: 900_000, heldOut: true)
        let reals = sample(realTest, count: count, seed: 77)
        return (reals + fakes, Array(repeating: 0, count: reals.count) + Array(repeating: 1, count: fakes.count))
    }

    /// The table for one detector: a row per training source, a column per test source.
    public func generalisationTable(_ kind: DetectorKind, sources: [FakeSource] = FakeSource.allCases,
                                    trainingCount: Int = 200, testCount: Int = 100) throws -> GeneralisationTable {
        let tests = try sources.map { try testSet($0, count: testCount) }
        var rows: [[Evaluation]] = []
        for source in sources {
            let score = try trainDetector(kind, on: source, count: trainingCount)
            rows.append(try tests.map { try Evaluation(scores: score($0.pictures), labels: $0.labels) })
        }
        return GeneralisationTable(detector: kind, sources: sources, evaluations: rows)
    }

    /// Held-out accuracy and AUC of a detector trained on `sizes` pictures of each class.
    public func learningCurve(_ kind: DetectorKind, source: FakeSource, sizes: [Int] = [10, 20, 50, 200],
                              testCount: Int = 100) throws -> [(size: Int, evaluation: Evaluation)] {
        let test = try testSet(source, count: testCount)
        return try sizes.map { size in
            (size, try Evaluation(scores: trainDetector(kind, on: source, count: size)(test.pictures), labels: test.labels))
        }
    }

    /// `count` pictures of `pool`, chosen by `seed` (repeats only if the pool is smaller).
    private func sample(_ pool: [Image], count: Int, seed: UInt64) -> [Image] {
        var generator = RandomGenerator(seed: seed &+ 31)
        let order = pool.indices.shuffled(using: &generator)
        return (0..<count).map { pool[order[$0 % order.count]] }
    }
}

/// Train-on-X / test-on-Y results, with accuracy at 0.5 and average precision side by side:
/// a detector that ranks unseen fakes above reals but puts them on the wrong side of its
/// threshold shows as low accuracy with high AP (Wang et al., CVPR 2020).
public struct GeneralisationTable {
    public let detector: DetectorKind
    public let sources: [FakeSource]
    /// `[training source][test source]`.
    public let evaluations: [[Evaluation]]

    /// A plain-text table: one row per training source, "accuracy / AP" in each cell, the
    /// diagonal (tested on what it trained on) marked with *.
    public var text: String {
        let header = "\(detector) detector: rows trained on, columns tested on; accuracy at 0.5 / average precision (* seen in training)"
        let width = 15
        func cell(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = [header, cell("") + sources.map { cell($0.rawValue) }.joined()]
        for (row, source) in sources.enumerated() {
            let cells = evaluations[row].enumerated().map { column, evaluation in
                cell(String(format: "%3.0f%% / %.2f%@", evaluation.accuracy() * 100, evaluation.averagePrecision, row == column ? "*" : ""))
            }
            lines.append(cell(source.rawValue) + cells.joined())
        }
        return lines.joined(separator: "\n")
    }
}
