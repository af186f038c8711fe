import Faces
import Engine
import Foundation
import Testing
import TestSupport
@testable import Models

/// What protects a learner's work: the loss guard rolls a ruined model back, Ctrl-C stops after
/// the current step with the model intact, and bad settings are refused with the knob's name.
@Suite(.temporaryFolders) struct ExperimentsSafetyTests {
    typealias Fixtures = ExperimentsFixtures

    func autoencoderTrainer(steps: Int, faces: ImageDataset? = nil) throws -> AutoencoderTrainer {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(5) { try Autoencoder(latent: 8, width: 4) }
        return try AutoencoderTrainer(model: model, faces: faces ?? pairs.trainA, fixedFaces: pairs.heldOutA,
                                      config: Fixtures.config(steps: steps))
    }

    /// Every picture has a nan pixel (a corrupt file, say): the loss would be nan whatever the
    /// learning rate, so training is refused before any step, naming the data, model untouched.
    @Test func poisonedPicturesAreRefusedBeforeTraining() throws {
        let pairs = try #require(Fixtures.pairs)
        let trainer = try autoencoderTrainer(steps: 5)
        let folder = Fixtures.folder()
        _ = try trainer.train(output: folder, interruptRequested: { false })
        let healthy = Fixtures.state(trainer.model)

        var poisoned = try pairs.trainA.subset(Array(0..<16)).pixels
        for picture in 0..<16 { poisoned[picture * 3072 + 5] = .nan }
        let faces = try ImageDataset(channels: 3, height: 32, width: 32, pixels: poisoned,
                                     attributeNames: [], attributeRows: Array(repeating: [], count: 16))
        trainer.batches = try BatchStream(faces, batchSize: 8, seed: 1)
        #expect(throws: ExperimentError.unsuitableData("the training pictures contain 16 values that are nan or infinite "
            + "(the first at flat index 5): the data is broken, not the learning rate — check how it was made")) {
            try trainer.train(output: folder, interruptRequested: { false })
        }
        #expect(Fixtures.state(trainer.model) == healthy)
        #expect(trainer.stepsDone == 5 && trainer.history.steps == Array(1...5))
    }

    /// A learning rate a little too high (9.9) does not explode: the loss settles several times
    /// above its best. The guard notices the sustained rise, says so, and returns to a state it
    /// judged healthy.
    @Test func aSustainedRiseStopsTraining() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(5) { try Autoencoder(latent: 8, width: 4) }
        let trainer = try AutoencoderTrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA,
                                             config: Fixtures.config(steps: 200, learningRate: 9.9))
        let outcome = try trainer.train(output: Fixtures.folder(), interruptRequested: { false })
        let (verdict, rolledBackTo) = try #require(stopped(outcome.ending))
        #expect(verdict.explanation?.contains("the model is getting worse. This usually means the learning rate is too high") == true, "\(verdict)")
        let step = try #require(rolledBackTo)
        #expect(step < 200 && trainer.stepsDone == step)
        #expect(Fixtures.allFinite(model))
    }

    /// The stop and roll-back step of a guard ending, or nil for any other ending.
    func stopped(_ ending: TrainingEnding) -> (LossGuard.Verdict, Int?)? {
        if case let .stoppedByGuard(verdict, rolledBackTo) = ending { return (verdict, rolledBackTo) }
        return nil
    }

    @Test func aHugeLearningRateIsCaughtAndRolledBackToFiniteWeights() throws {
        let pairs = try #require(Fixtures.pairs)
        // Binary cross-entropy is unbounded: with η = 1e6 the logits explode, and on labels no
        // model can get all right (every other picture of A "yes") so does the loss.
        let images = try pairs.trainA.subset(Array(0..<64))
        let labels = (0..<64).map { Float($0 % 2) }
        let model = try Random.withSeed(6) { try FaceClassifier(width: 4) }
        let trainer = try ClassifierTrainer(model: model, images: images, labels: labels, heldOut: images, heldOutLabels: labels,
                                            config: Fixtures.config(steps: 60, batchSize: 16, learningRate: 1e6))
        let outcome = try trainer.train(output: Fixtures.folder(), interruptRequested: { false })
        let (verdict, rolledBack) = try #require(stopped(outcome.ending), "expected the guard to stop training")
        let rolledBackTo = try #require(rolledBack)
        #expect(verdict.explanation != nil)
        #expect(rolledBackTo < 60 && trainer.stepsDone == rolledBackTo)
        #expect(Fixtures.allFinite(model))
        // After a roll-back the model still works: its answers are numbers.
        #expect(try model.probabilities(images.firstImages(4)).allSatisfy(\.isFinite))
    }

    /// A model of one weight whose step k ruins it (to check exactly which state comes back).
    final class Scripted: Layer, TrainingProcedure {
        let weight = Tensor(shape: [1], data: [0], requiresGrad: true)
        var isTraining = true
        var shapeContract: ShapeContract { .unknown }
        var parameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
        var description: String { "Scripted()" }
        func callAsFunction(_ input: Tensor) throws -> Tensor { input }

        var ruinAt: Int
        var taken = 0
        var optimizerResets = 0
        init(ruinAt: Int) { self.ruinAt = ruinAt }

        var metricNames: [String] { ["loss", "note"] }
        var guardedMetrics: [String] { ["loss"] }
        var networks: [any Layer] { [self] }
        let filePrefix = "scripted"
        /// The loss is computed from the weight as it is *before* the update, like a real step.
        func step() throws -> [Double] {
            taken += 1
            let loss = 1 + Double(weight.data[0]) / 10  // near 1, so no step counts as a rise
            weight.data[0] = taken == ruinAt ? .infinity : Float(taken)
            return [loss, .nan]  // "note" is not a loss: the guard ignores it
        }
        func writeSamples(to folder: URL, step: Int) throws -> URL { folder.appendingPathComponent("none.png") }
        func resetOptimizers() throws { optimizerResets += 1 }
    }

    @Test func theGuardReturnsToTheLastWeightsWhoseLossWasHealthy() throws {
        // Step 4 writes infinity into the weight; step 5's loss, computed from it, is inf.
        // The weights step 5 started from are ruined, so the loop goes back to those that
        // gave step 4 its healthy loss: the weight after step 3.
        let model = Scripted(ruinAt: 4)
        var state = TrainingState(metricNames: model.metricNames)
        let outcome = try TrainingLoop.run(model, config: Fixtures.config(steps: 10), state: &state,
                                           output: Fixtures.folder(), observer: { _ in }, interruptRequested: { false })
        #expect(outcome.ending == .stoppedByGuard(.notFinite(loss: "loss", value: .infinity, step: 5), rolledBackTo: 3))
        #expect(model.weight.data == [3])
        #expect(model.optimizerResets == 1)
        #expect(state.stepsDone == 3 && state.history.steps == [1, 2, 3])
    }

    /// A model whose every loss is absurd (its weights were ruined before this run): each step
    /// changes the weight (a float32 1e9 + 1 rounds back to 1e9), but no state gives a healthy loss.
    final class Ruined: Layer, TrainingProcedure {
        let weight = Tensor(shape: [1], data: [1e9], requiresGrad: true)
        var isTraining = true
        var shapeContract: ShapeContract { .unknown }
        var parameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
        var description: String { "Ruined()" }
        func callAsFunction(_ input: Tensor) throws -> Tensor { input }
        var metricNames: [String] { ["loss"] }
        var guardedMetrics: [String] { ["loss"] }
        var networks: [any Layer] { [self] }
        let filePrefix = "ruined"
        func step() throws -> [Double] {
            let loss = Double(weight.data[0])
            weight.data[0] += 1
            return [loss]
        }
        func writeSamples(to folder: URL, step: Int) throws -> URL { folder.appendingPathComponent("none.png") }
        func resetOptimizers() throws {}
    }

    /// A state ruined before or in the first steps (finite but absurd, during warm-up) is never
    /// taken for a healthy one: with nothing judged healthy, the run says so and puts back the
    /// weights it started from.
    @Test func withoutAHealthyStateTheRunSaysSo() throws {
        let model = Ruined()
        var state = TrainingState(metricNames: model.metricNames)
        _ = state.lossGuard.check([(name: "loss", value: 0.5)], step: 0)  // an earlier run's healthy loss
        let outcome = try TrainingLoop.run(model, config: Fixtures.config(steps: 60), state: &state,
                                           output: Fixtures.folder(), observer: { _ in }, interruptRequested: { false })
        #expect(outcome.ending == .stoppedByGuard(.diverging(loss: "loss", value: 1e9, lowest: 0.5, step: 21), rolledBackTo: nil))
        #expect(outcome.summary.hasSuffix("No state of this run was healthy, so there is none to roll back to; "
            + "the weights were put back as they were when it started (step 0)."))
        #expect(model.weight.data == [1e9])
        #expect(state.stepsDone == 0 && state.history.steps.isEmpty)
    }

    @Test func anInterruptStopsAfterTheCurrentStepWithTheModelIntact() throws {
        let interrupted = try autoencoderTrainer(steps: 50)
        var stepsSeen = 0
        let outcome = try interrupted.train(output: Fixtures.folder(), observer: { event in
            if case .progress = event { stepsSeen += 1 }
        }, interruptRequested: { stepsSeen == 3 })  // Ctrl-C pressed during step 3
        #expect(outcome.ending == .interrupted)
        #expect(outcome.summary == "interrupted after step 3; the model keeps what it learned so far.")
        #expect(interrupted.stepsDone == 3 && interrupted.history.steps == [1, 2, 3])
        // A grid of the model as it stands is still written.
        #expect(outcome.sampleFiles.map(\.lastPathComponent) == ["autoencoder-step-000003.png"])

        // Intact: exactly the model that three uninterrupted steps make.
        let reference = try autoencoderTrainer(steps: 3)
        _ = try reference.train(output: Fixtures.folder(), interruptRequested: { false })
        #expect(Fixtures.state(interrupted.model) == Fixtures.state(reference.model))
    }

    static let badSettings: [(TrainingConfig, String)] = [
        (Fixtures.config(steps: 10, learningRate: 0), "training settings: learningRate must be a positive number, not 0.0"),
        (Fixtures.config(steps: 10, learningRate: .nan), "training settings: learningRate must be a positive number, not nan"),
        (Fixtures.config(steps: 10, batchSize: 0), "training settings: batchSize must be between 1 and 4096, not 0"),
        (Fixtures.config(steps: -1), "training settings: steps must be between 0 and 10000000, not -1"),
        (Fixtures.config(steps: 10, betas: (1, 0.999)), "training settings: betas must both be in [0, 1), not (1.0, 0.999)"),
        (Fixtures.config(steps: 10, sampleEvery: -5), "training settings: sampleEvery must be 0 or more, not -5"),
    ]

    @Test(arguments: badSettings)
    func badSettingsAreRefusedByName(config: TrainingConfig, message: String) throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Autoencoder(latent: 4, width: 2)
        do {
            _ = try AutoencoderTrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA, config: config)
            Issue.record("accepted \(config)")
        } catch let error as ExperimentError {
            #expect(error.description == message)
        }
    }

    @Test func picturesOfTheWrongSizeAreRefused() throws {
        let small = try ImageDataset(channels: 3, height: 16, width: 16, pixels: [Float](repeating: 0.5, count: 768),
                                     attributeNames: [], attributeRows: [[]])
        #expect(throws: ExperimentError.unsuitableData("the training pictures are 3×16×16; this model takes 3×32×32 RGB faces (datasets-small/faces-32 or pair-32)")) {
            try AutoencoderTrainer(model: Autoencoder(latent: 4, width: 2), faces: small, fixedFaces: small)
        }
    }
}
