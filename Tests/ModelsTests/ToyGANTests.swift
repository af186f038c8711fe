import Engine
import Foundation
import Imaging
import Models
import Testing
import TestSupport

/// The 2-D GAN of lesson 5: the ring's geometry, the mode count, the two generator losses'
/// gradients, and a short seeded run that writes labelled frames.
@Suite(.temporaryFolders) struct ToyGANTests {
    /// Points placed by hand against the 3σ rule (σ = 0.05, so the zone is 0.15 around each centre).
    static let coverageCases: [(points: [Float], counts: [Int], covered: Int)] = [
        ([2, 0], [1, 0, 0, 0, 0, 0, 0, 0], 1),
        ([2.14, 0], [1, 0, 0, 0, 0, 0, 0, 0], 1),     // 2.8σ from the centre: on the mode
        ([2.16, 0], [0, 0, 0, 0, 0, 0, 0, 0], 0),     // 3.2σ: between the blobs
        ([0, 2, -2, 0, 0, -2, 0, 0], [0, 0, 1, 0, 1, 0, 1, 0], 3),
    ]

    @Test(arguments: coverageCases)
    func coverageCountsPointsWithinThreeSigma(points: [Float], counts: [Int], covered: Int) {
        let coverage = RingOfGaussians().coverage(of: Tensor(shape: [points.count / 2, 2], data: points))
        #expect(coverage.counts == counts)
        #expect(coverage.covered == covered)
    }

    @Test func aModeNeedsOneSampleInAHundred() {
        // 199 points on mode 0 and 1 on mode 4: 1 in 200 is a stray point, not a learned mode.
        let points: [Float] = Array(repeating: [Float(2), 0], count: 199).flatMap { $0 } + [-2, 0]
        let coverage = RingOfGaussians().coverage(of: Tensor(shape: [200, 2], data: points))
        #expect(coverage.counts == [199, 0, 0, 0, 1, 0, 0, 0])
        #expect(coverage.covered == 1)
        #expect(coverage.summary == "1 of 8 modes covered; 100% of samples on a mode")
    }

    @Test func theRingsOwnSamplesCoverEveryMode() {
        var generator = RandomGenerator(seed: 3)
        let ring = RingOfGaussians()
        let coverage = ring.coverage(of: ring.sample(2000, using: &generator))
        #expect(coverage.covered == 8)
        #expect(coverage.onModes > 0.97)   // 1 − e^(−4.5) ≈ 0.989
    }

    /// With D(G(z)) = σ(a) and a = −6 (D sure the fake is fake): the saturating loss log(1 − σ(a))
    /// has slope −σ(a) ≈ −0.0025 in a, the non-saturating −log σ(a) has slope σ(a) − 1 ≈ −0.9975.
    @Test func theSaturatingLossPassesBackAlmostNoGradientWhenDRejectsTheFakes() throws {
        let a = Tensor(shape: [1], data: [-6], requiresGrad: true)
        try (-a.softplus()).mean().backward()
        let saturating = try #require(a.grad).data[0]
        let b = Tensor(shape: [1], data: [-6], requiresGrad: true)
        try (-b).softplus().mean().backward()
        let nonSaturating = try #require(b.grad).data[0]
        let sigma = Float(1 / (1 + exp(6.0)))
        #expect(abs(saturating - -sigma) < 1e-6)
        #expect(abs(nonSaturating - (sigma - 1)) < 1e-6)
    }

    @Test func aShortRunWritesLabelledFramesAndRepeatsUnderItsSeed() throws {
        func run() throws -> (LossHistory, [URL]) {
            let model = try Random.withSeed(5) { try ToyGAN(hidden: 16) }
            let trainer = try ToyGANTrainer(model: model, config: TrainingConfig(
                learningRate: 1e-3, batchSize: 32, steps: 20, betas: (0.5, 0.999), seed: 1, sampleEvery: 10))
            let outcome = try trainer.train(output: temporaryPath("toygan"), interruptRequested: { false })
            return (outcome.history, outcome.sampleFiles)
        }
        let (first, files) = try run()
        let (second, _) = try run()
        #expect(first.rows == second.rows)
        #expect(files.map(\.lastPathComponent) == ["toygan-step-000010.png", "toygan-step-000020.png"])
        let (image, text) = try PNGFile.read(files[1].path)
        #expect(image.width == ScatterPlot.side)
        #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        #expect(text.contains { $0.key == "Step" && $0.value == "20" })
    }
}
