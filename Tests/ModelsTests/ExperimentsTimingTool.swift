import Engine
import Faces
import Foundation
import Imaging
import Testing
import TestSupport
@testable import Models

/// Trains every experiment at its default settings and prints the numbers the defaults were tuned
/// on (timing never decides a test's outcome, so this runs only when asked):
///
///     EXPERIMENTS_TIMING=1 EXPERIMENTS_THREADS=2 swift test --filter ExperimentsTimingTool
///
/// Grids and loss histories go to EXPERIMENTS_OUT (default: a temporary folder); look at them.
/// Engine is compiled with -O even in debug builds, where nearly all the time goes, so these
/// speeds are close to a release build's (the defaults' notes quote release-build runs).
/// Without the variable the test is reported as skipped, not as passed.
@Test(.enabled(if: ProcessInfo.processInfo.environment["EXPERIMENTS_TIMING"] != nil, "set EXPERIMENTS_TIMING=1 to run"))
func measureDefaultTrainingWhenAsked() throws {
    let environment = ProcessInfo.processInfo.environment
    Parallel.threads = Int(environment["EXPERIMENTS_THREADS"] ?? "2") ?? 2
    let folder = URL(fileURLWithPath: environment["EXPERIMENTS_OUT"] ?? NSTemporaryDirectory() + "lab-experiments-timing")
    let datasets = ExperimentsFixtures.datasets.path
    func report(_ name: String, _ outcome: TrainingOutcome, _ extra: String = "") {
        let speed = Double(outcome.history.steps.count) / outcome.elapsedSeconds
        let finals = outcome.history.names.map { "\($0) \(formatDecimal(outcome.history.recentMean($0) ?? .nan, digits: 4))" }
        print("\(name): \(outcome.totalSteps) steps in \(formatDecimal(outcome.elapsedSeconds, digits: 1)) s "
            + "(\(formatDecimal(speed, digits: 1)) steps/s, \(Parallel.threads) threads); last 20 steps: "
            + finals.joined(separator: ", ") + extra)
    }

    let (faces, heldOut) = try FaceDatasetLoader.load(datasets + "/faces-32").split()
    let autoencoder = try AutoencoderTrainer(model: Autoencoder(), faces: faces, fixedFaces: heldOut)
    report("autoencoder", try autoencoder.train(output: folder, interruptRequested: { false }))

    let pairs = try FaceSwapData.load(datasets + "/pair-32")
    let swapper = try FaceSwapTrainer(model: FaceSwapModel(), data: pairs)
    report("face swap", try swapper.train(output: folder, interruptRequested: { false }),
           "\n  " + (try swapper.model.score(on: pairs).summary))

    let gan = try GANTrainer(model: DCGAN(), faces: faces)
    report("gan", try gan.train(output: folder, interruptRequested: { false }))

    let (images, labels) = try DetectionData.realVersusGenerated(real: faces, generated: gan.model.sample(1000, seed: 1))
    let (testImages, testLabels) = try DetectionData.realVersusGenerated(real: heldOut, generated: gan.model.sample(500, seed: 2))
    let detector = try ClassifierTrainer(model: FaceClassifier(), images: images, labels: labels,
                                         heldOut: testImages, heldOutLabels: testLabels)
    let outcome = try detector.train(output: folder, interruptRequested: { false })
    let accuracy = try detector.accuracy(on: testImages.images(at: Array(0..<testImages.count)), labels: testLabels)
    report("real-vs-fake detector", outcome, "; held-out accuracy \(formatDecimal(accuracy, digits: 3))")
    print("files in \(folder.path)")
}
