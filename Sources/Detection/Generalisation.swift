import Engine
import Foundation
import Imaging

/// Which detector an experiment trains.
public enum DetectorKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case spectral = "spectral"
    case cnn = "CNN"
    public var description: String { rawValue }

    /// A detector of this kind trained on `real` (0) against `fake` (1) at its defaults.
    public func train(real: [Image], fake: [Image], seed: UInt64 = 0, cnnSteps: Int = 150) throws -> any FakeDetector {
        switch self {
        case .spectral: return try SpectralDetector(real: real, fake: fake, seed: seed)
        case .cnn: return try CNNDetector(real: real, fake: fake, steps: cnnSteps, seed: seed)
        }
    }
}

/// One kind of fake for a generalisation table: pictures to train on, and others to test on.
public struct FakePool {
    public var name: String
    public var training: [Image]
    public var test: [Image]
    public init(name: String, training: [Image], test: [Image]) {
        self.name = name
        self.training = training
        self.test = test
    }
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

    /// Trains a detector of `kind` on `count` reals and `count` fakes of `source`.
    public func trainDetector(_ kind: DetectorKind, on source: FakeSource, count: Int, seed: UInt64 = 0) throws -> any FakeDetector {
        try kind.train(real: sample(realTraining, count: count, seed: seed),
                       fake: factory.fakes(source, count: count, seed: 1_000 + seed), seed: seed)
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
        let pools = try sources.map { source in
            FakePool(name: source.rawValue, training: try factory.fakes(source, count: trainingCount, seed: 1_000),
                     test: try factory.fakes(source, count: testCount, seed: 900_000, heldOut: true))
        }
        return try GeneralisationTable(kind, realTraining: sample(realTraining, count: trainingCount, seed: 0),
                                       realTest: sample(realTest, count: testCount, seed: 77), pools: pools)
    }

    /// Held-out accuracy and AUC of a detector trained on `sizes` pictures of each class.
    public func learningCurve(_ kind: DetectorKind, source: FakeSource, sizes: [Int] = [10, 20, 50, 200],
                              testCount: Int = 100) throws -> [(size: Int, evaluation: Evaluation)] {
        let test = try testSet(source, count: testCount)
        return try sizes.map { size in
            (size, try Evaluation(scores: trainDetector(kind, on: source, count: size).probabilities(test.pictures), labels: test.labels))
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
    /// The kinds of fake, by name: a row and a column each.
    public let sources: [String]
    /// `[training source][test source]`.
    public let evaluations: [[Evaluation]]

    /// Trains one detector of `kind` per pool (on `realTraining` against the pool's training
    /// fakes) and tests each on every pool's test fakes against `realTest`. Keep every test
    /// picture out of every training set: the table is only honest on pictures no detector saw.
    public init(_ kind: DetectorKind, realTraining: [Image], realTest: [Image], pools: [FakePool], seed: UInt64 = 0,
                cnnSteps: Int = 150) throws {
        guard !pools.isEmpty else { throw DetectionError.noPictures(operation: "generalisation table") }
        let labels = { (fakes: Int) in Array(repeating: 0, count: realTest.count) + Array(repeating: 1, count: fakes) }
        var rows: [[Evaluation]] = []
        for pool in pools {
            let detector = try kind.train(real: realTraining, fake: pool.training, seed: seed, cnnSteps: cnnSteps)
            rows.append(try pools.map { test in
                try Evaluation(scores: detector.probabilities(realTest + test.test), labels: labels(test.test.count))
            })
        }
        self.init(detector: kind, sources: pools.map(\.name), evaluations: rows)
    }

    public init(detector: DetectorKind, sources: [String], evaluations: [[Evaluation]]) {
        self.detector = detector
        self.sources = sources
        self.evaluations = evaluations
    }

    /// Mean accuracy (at 0.5) and AP over the cells tested on the fakes each detector trained
    /// on (`seen`) or on the other kinds (`unseen`).
    public func mean(seen: Bool) -> (accuracy: Double, averagePrecision: Double) {
        let cells = evaluations.indices.flatMap { row in evaluations[row].indices.filter { (row == $0) == seen }.map { evaluations[row][$0] } }
        guard !cells.isEmpty else { return (.nan, .nan) }
        return (cells.map { Double($0.accuracy()) }.reduce(0, +) / Double(cells.count),
                cells.map { Double($0.averagePrecision) }.reduce(0, +) / Double(cells.count))
    }

    /// A plain-text table: one row per training source, "accuracy / AP" in each cell, the
    /// diagonal (tested on what it trained on) marked with *.
    public var text: String {
        let header = "\(detector) detector: rows trained on, columns tested on; accuracy at 0.5 / average precision (* seen in training)"
        let width = 16
        func cell(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = [header, cell("") + sources.map { cell($0) }.joined()]
        for (row, source) in sources.enumerated() {
            let cells = evaluations[row].enumerated().map { column, evaluation in
                cell(String(format: "%3.0f%% / %.2f%@", evaluation.accuracy() * 100, evaluation.averagePrecision, row == column ? "*" : ""))
            }
            lines.append(cell(source) + cells.joined())
        }
        return lines.joined(separator: "\n")
    }
}
