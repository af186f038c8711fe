import Engine
import Foundation
import Imaging
import Testing
import Models
import TestSupport
@testable import Shell

/// `train(model, inputs:, targets:)`'s step on the shared loop: it learns, it stops cleanly on
/// Ctrl-C, and it rolls back when the loss breaks.
@Suite(.temporaryFolders) struct SupervisedTrainerTests {
    /// y = 2x − 1: a single Linear(1, 1) should find weight 2 and bias −1.
    static func line() throws -> (Tensor, Tensor) {
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.uniform([64, 1], low: -1, high: 1, using: &generator)
        return (x, try x * 2 - 1)
    }

    static func trainer(_ model: any Layer, steps: Int, batchSize: Int = 8, learningRate: Float = 0.01, sampleEvery: Int = 0,
                        loss: @escaping SupervisedTrainer.Loss = { try mseLoss($0, $1) }) throws -> SupervisedTrainer {
        let (x, y) = try line()
        return try SupervisedTrainer(model: model, inputs: x, targets: y, loss: loss,
                                     config: TrainingConfig(learningRate: learningRate, batchSize: batchSize, steps: steps,
                                                            sampleEvery: sampleEvery), name: "train")
    }

    @Test func learnsAStraightLine() throws {
        let model = try Random.withSeed(1) { try Linear(1, 1) }
        var reported = 0
        let outcome = try Self.trainer(model, steps: 300, batchSize: 16, learningRate: 0.05)
            .train(output: ExperimentsFixtures.folder()) { if case .progress = $0 { reported += 1 } }
        #expect(outcome.ending == .finished)
        #expect(reported == 300 && outcome.history.steps.count == 300)
        #expect(outcome.history.values("loss")!.last! < 1e-3)
        #expect(abs(model.weight.data[0] - 2) < 0.05)
        #expect(abs(model.bias!.data[0] + 1) < 0.05)
    }

    @Test func aNaNLossRollsBackToTheLastGoodStep() throws {
        let model = try Random.withSeed(2) { try Linear(1, 1) }
        var calls = 0
        // The loss breaks at step 8: the weights after step 6 gave step 7 a healthy loss.
        let outcome = try Self.trainer(model, steps: 20, loss: { output, target in
            calls += 1
            let loss = try mseLoss(output, target)
            return calls == 8 ? try loss * Float.nan : loss
        }).train(output: ExperimentsFixtures.folder()) { _ in }
        guard case .stoppedByGuard(let verdict, let rolledBackTo) = outcome.ending else {
            Issue.record("expected a stop, got \(outcome.ending)")
            return
        }
        #expect(rolledBackTo == 6)
        #expect(verdict.explanation == "loss became nan at step 8: a step was so large the numbers overflowed. "
                + "This usually means the learning rate is too high — try a tenth of it.")
        #expect(outcome.history.steps.count == 6)
        #expect(model.weight.data.allSatisfy { $0.isFinite })
    }

    @Test func ctrlCStopsBetweenSteps() throws {
        let outcome = try Self.trainer(try Linear(1, 1), steps: 100).train(output: ExperimentsFixtures.folder()) { event in
            if case .progress(let progress) = event, progress.step == 3 { Interrupt.request() }
        }
        #expect(outcome.ending == .interrupted)
        #expect(outcome.totalSteps == 3 && outcome.history.steps.count == 3)
    }

    /// Outputs that are not pictures get the loss curve as their "sample".
    @Test func aModelWithoutImageOutputsIsDrawnAsItsLossCurve() throws {
        let folder = ExperimentsFixtures.folder()
        let outcome = try Self.trainer(try Linear(1, 1), steps: 4).train(output: folder) { _ in }
        #expect(outcome.sampleFiles.map(\.lastPathComponent) == ["train-loss.png"])
        let png = try ExperimentsFixtures.readPNG(outcome.sampleFiles[0])
        #expect(png.width == LinePlot.chartWidth && png.height > 300)
        #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
    }

    @Test func trainAtThePromptWritesTheLossHistory() throws {
        let session = makeSession()
        let printed = transcript(session, [
            "seed(4)",
            "let model = Linear(2, 1)",
            "train(model, inputs: randn([32, 2]), targets: zeros([32, 1]), steps: 20, batch: 8)",
        ])
        #expect(printed.contains("\ntrained to step 20 in "))
        let csv = try String(contentsOf: session.context.outputFolder.appendingPathComponent("train-loss.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("step,loss\n1,"))
        #expect(csv.split(separator: "\n").count == 21)
    }

    static let errors: [(line: String, message: String)] = [
        ("train(Linear(2, 1), inputs: zeros([4, 2]), targets: zeros([4, 1]), loss: \"hinge\")",
         "error: train: 'loss' must be \"mse\", \"l1\" or \"bce\""),
        ("train(Linear(2, 1), inputs: zeros([4, 2]), targets: zeros([3, 1]))",
         "error: train: inputs and targets need the same number of examples (axis 0), got [4, 2] and [3, 1]"),
        ("train(Linear(2, 1), inputs: zeros([4, 2]), targets: zeros([4, 1]), betas: [0.9])",
         "error: train: 'betas' must be two numbers in [0, 1), e.g. [0.5, 0.999]"),
    ]

    @Test(arguments: errors)
    func reportsError(line: String, message: String) {
        #expect(evaluateLine(line).components(separatedBy: "\n").first == message)
    }
}

/// `faces(…)` reads the shipped datasets (found from the working directory or beside the binary).
@Suite(.temporaryFolders) struct FacesBuiltinTests {
    static let cases: [(line: String, printed: String)] = [
        ("faces(\"faces-32\", count: 4).shape", "[4, 3, 32, 32]"),
        ("faces(\"pair-32\", count: 2, role: \"B\").shape", "[2, 3, 32, 32]"),
        ("faces(\"faces-32\", count: 8, signed: true).min", "error: Faces has no member 'min' — its members are images, count, attributes, labels, attribute, shape, item, mean, sum, max, exp, log, sqrt, abs, relu, sigmoid, tanh, flatten, transpose, reshape, matmul"),
        ("faces(\"faces-32\", count: 8, signed: true).abs().max()", "1"),
        ("faces(\"faces-32\", role: \"A\")", "error: faces: 'role' matches no images in faces-32 — only the pair sets (pair-32, pair-64) have roles"),
        ("swap(FaceSwap(latent: 8, width: 4), faces(\"pair-32\", count: 2, role: \"A\")).shape", "[2, 3, 32, 32]"),
        ("swap(Linear(2, 2), zeros([1, 3, 32, 32]))", "error: swap: 'model' must be a FaceSwap model"),
        ("swap(FaceSwap(latent: 8, width: 4), zeros([1, 3, 32, 32]), to: \"C\")", "error: swap: 'to' must be \"A\" or \"B\""),
        ("trainFaceSwap(FaceSwap(latent: 8, width: 4), steps: 2, batch: 2)", "trained to step 2 in <time>."),
        ("faces(\"faces-99\")", "error: datasets-small/faces-99: not found here or beside lab — the shipped sets are faces-32, faces-64, pair-32 and pair-64"),
    ]

    @Test(arguments: cases)
    func loads(line: String, printed: String) throws {
        // Tests run from the package root, where datasets-small lives.
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        // The first line exactly: the message, or a training's first line (the pointer under an
        // error's source line is checked in EvaluatorTests).
        #expect(withoutTimesAndFolders(evaluateLine(line)).components(separatedBy: "\n").first == printed)
    }
}
