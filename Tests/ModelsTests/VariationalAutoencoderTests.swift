import Faces
import Engine
import Foundation
import Imaging
import Testing
import TestSupport
@testable import Models

/// The VAE's pieces against independent oracles (finite differences for the reparameterised
/// path, the closed-form KL of two Gaussians), and its trainer on a tiny model: the loss falls,
/// the grids carry their rows and labels, samples are repeatable.
@Suite(.temporaryFolders) struct VariationalAutoencoderTests {
    typealias Fixtures = ExperimentsFixtures

    /// z = μ + exp(½ log σ²)·ε: its gradients with respect to μ and log σ², with ε held fixed,
    /// agree with central finite differences. (Summed against fixed weights so every element of
    /// z reaches the scalar through a different factor.)
    @Test func reparameterisedCodeHasTheGradientsOfFiniteDifferences() throws {
        let epsilon = sample([3, 4], seed: 21, low: -2, high: 2)
        let weights = sample([3, 4], seed: 22)
        try checkGradients("reparameterise", inputs: [sample([3, 4], seed: 23), sample([3, 4], seed: 24)]) {
            try (VariationalAutoencoder.reparameterise(mean: $0[0], logVariance: $0[1], noise: epsilon) * weights).sum()
        }
    }

    /// The whole training loss, through encoder, the trick, decoder and both terms: the gradient
    /// backward gives the encoder's last bias — `[2·latent]`, μ's half then log σ²'s — against
    /// central finite differences of the loss with the same ε.
    @Test func vaeLossGradientMatchesFiniteDifferencesThroughTheWholeNetwork() throws {
        let model = try Random.withSeed(3) { try VariationalAutoencoder(latent: 3, width: 2) }
        let faces = sample([2, 3, 32, 32], seed: 25, low: 0, high: 1)
        let bias = try #require(model.encoder.namedParameters().last { $0.name.hasSuffix("bias") }?.tensor)
        #expect(bias.shape == [6])
        let original = bias.data
        func loss() throws -> Tensor {
            var noise = RandomGenerator(seed: 99)  // the same ε at every evaluation
            let (reconstruction, mean, logVariance) = try model.forward(faces, noise: &noise)
            return try VAETrainer.loss(reconstruction: reconstruction, faces: faces, mean: mean,
                                       logVariance: logVariance, beta: 0.5).total
        }
        model.zeroGrad()
        try loss().backward()
        let analytic = try #require(bias.grad).data
        let h: Float = 1e-2
        for index in 0..<original.count {
            bias.data = original
            bias.data[index] += h
            let up = try GradientMode.withoutGradients { try loss().item }
            bias.data[index] -= 2 * h
            let down = try GradientMode.withoutGradients { try loss().item }
            let numeric = (up - down) / (2 * h)
            #expect(abs(numeric - analytic[index]) <= 2e-2 * max(1, abs(numeric)),
                    "bias[\(index)] (\(index < 3 ? "μ" : "log σ²")): analytic \(analytic[index]), numeric \(numeric)")
        }
        bias.data = original
    }

    /// KL(N(μ, σ²) ‖ N(0, 1)) for one dimension is ½(σ² + μ² − 1 − ln σ²); the loss's KL term is
    /// that, summed over dimensions and averaged over the batch. Values worked by hand:
    /// (μ, σ²) = (1, 1) → 0.5; (0, e) → ½(e − 2) ≈ 0.359141; (−2, 0.25) → ½(0.25 + 4 − 1 + ln 4) ≈ 2.318147.
    @Test func klTermIsTheClosedFormKLOfTwoGaussians() throws {
        let mean = Tensor(shape: [2, 3], data: [1, 0, -2, 0, 0, 0])
        let logVariance = Tensor(shape: [2, 3], data: [0, 1, Float(Foundation.log(0.25)), 0, 0, 0])
        let faces = try Tensor.full([2, 3, 32, 32], value: 0.5)
        let terms = try VAETrainer.loss(reconstruction: faces, faces: faces, mean: mean, logVariance: logVariance, beta: 2)
        let closedForm = (0.5 + 0.5 * (Foundation.exp(1.0) - 2) + 0.5 * (0.25 + 4 - 1 + Foundation.log(4.0))) / 2
        expectClose([terms.kl.item], [Float(closedForm)], tolerance: 1e-5, "KL")
        #expect(terms.reconstruction.item == 0)
        expectClose([terms.total.item], [Float(2 * closedForm)], tolerance: 1e-5, "loss = reconstruction + β·KL")
    }

    /// The reconstruction term is the per-image sum of squared errors, averaged over the batch.
    @Test func reconstructionTermIsThePerImageSumOfSquaredErrors() throws {
        let faces = try Tensor.full([2, 3, 32, 32], value: 0.5)
        let drawn = Tensor(shape: [2, 3, 32, 32], data: (0..<6144).map { $0 < 3072 ? 0.6 : 0.5 })
        let zero = try Tensor.zeros([2, 4])
        let terms = try VAETrainer.loss(reconstruction: drawn, faces: faces, mean: zero, logVariance: zero, beta: 1)
        // First image: 3,072 errors of 0.1 → 30.72; second: 0; mean 15.36.
        expectClose([terms.reconstruction.item], [15.36], tolerance: 1e-4, "reconstruction")
    }

    @Test func vaeLearnsAndWritesLabelledGridsWithSamples() throws {
        let pairs = try #require(Fixtures.pairs)
        let folder = Fixtures.folder()
        let model = try Random.withSeed(1) { try VariationalAutoencoder(latent: 4, width: 4) }
        let trainer = try VAETrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA,
                                     config: Fixtures.config(steps: 30, sampleEvery: 10), name: "vae")
        let before = try mseLoss(model.reconstruct(trainer.fixedFaces), trainer.fixedFaces).item
        var progress: [TrainingProgress] = []
        let outcome = try trainer.train(output: folder, observer: { if case .progress(let p) = $0 { progress.append(p) } },
                                        interruptRequested: { false })
        let after = try mseLoss(model.reconstruct(trainer.fixedFaces), trainer.fixedFaces).item
        #expect(after < before * 0.9, "held-out reconstruction error \(before) → \(after)")
        #expect(outcome.ending == .finished)
        #expect(progress.last?.metrics.map(\.name) == ["loss", "reconstruction", "KL"])
        #expect(outcome.sampleFiles.map(\.lastPathComponent) == ["vae-step-000010.png", "vae-step-000020.png", "vae-step-000030.png"])
        for file in outcome.sampleFiles {
            let png = try Fixtures.readPNG(file)
            // As the autoencoder's grid (see ExperimentsTrainingTests), with 4 rows instead of 2.
            #expect((png.width, png.height) == (66 + 8 * 132 + 4, 18 + 4 * 132 + 4))
            #expect(png.text["Rows"] == "held-out; redrawn; sampled; sampled")
            #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
            #expect(png.text["Model"] == "VariationalAutoencoder(latent=4, width=4)")
        }
        // Three grids make a timelapse, as for every trainer.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("vae-timelapse.gif").path))
    }

    @Test func warmUpRaisesBetaLinearlyThenHoldsIt() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try VariationalAutoencoder(latent: 2, width: 2)
        let trainer = try VAETrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA,
                                     config: Fixtures.config(steps: 1), beta: 0.5, warmUpSteps: 4)
        #expect((0..<6).map { trainer.beta(atStep: $0) } == [0.125, 0.25, 0.375, 0.5, 0.5, 0.5])
        #expect(throws: ExperimentError.invalidConfig("beta must be a number from 0 to 100, not -1.0")) {
            try VAETrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA, beta: -1)
        }
    }

    /// Both kinds of autoencoder decode codes from N(0, I); the same seed gives the same faces,
    /// in [0, 1], and sampling leaves the model in training mode.
    @Test func randomCodesDecodeRepeatablyForBothAutoencoders() throws {
        let models: [any Autoencoding] = [try VariationalAutoencoder(latent: 4, width: 2), try Autoencoder(latent: 4, width: 2)]
        for model in models {
            let first = try model.decodeRandomCodes(3, seed: 5), again = try model.decodeRandomCodes(3, seed: 5)
            #expect(first.shape == [3, 3, 32, 32])
            #expect(first.data == again.data)
            #expect(first.data.allSatisfy { (0...1).contains($0) })
            #expect(model.isTraining)
        }
        #expect(throws: EngineError.invalidArgument(op: "sample", message: "count must be between 1 and 1024, not 0")) {
            try models[0].decodeRandomCodes(0, seed: 1)
        }
    }

    /// Redrawing goes through μ, so it is the same every time even though training draws z at random.
    @Test func reconstructionUsesTheMeanAndIsDeterministic() throws {
        let model = try Random.withSeed(4) { try VariationalAutoencoder(latent: 4, width: 2) }
        let faces = sample([2, 3, 32, 32], seed: 26, low: 0, high: 1)
        let first = try model.reconstruct(faces), again = try model.reconstruct(faces)
        #expect(first.data == again.data)
        let throughMean = try model.inference { try model.decode(model.encodeDistribution(faces).mean) }
        #expect(first.data == throughMean.data)
        #expect(model.description.hasPrefix("VariationalAutoencoder(latent=4, width=2)(\n  (encoder): Sequential("))
    }
}
