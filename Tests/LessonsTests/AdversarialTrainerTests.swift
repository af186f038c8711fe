import Engine
import Foundation
import Testing
@testable import Lessons

/// The GAN loop on a toy problem small enough to run in a test.
struct AdversarialTrainerTests {
    /// "Images" of 4 values that are all 0.5: a tiny generator should learn to make them.
    static func toyData() throws -> Tensor {
        try Tensor.full([64, 1, 2, 2], value: 0.5)
    }

    @Test func theGameMovesTheGeneratorTowardsTheData() throws {
        let (generator, discriminator) = try Random.withSeed(5) {
            (Sequential(try Linear(4, 16), ReLU(), try Linear(16, 4), Tanh(), try Reshape([1, 2, 2])),
             Sequential(Flatten(), try Linear(4, 16), LeakyReLU(negativeSlope: 0.2), try Linear(16, 1)))
        }
        let noise = try Random.withSeed(6) { try Tensor.randn([32, 4]) }
        let before = try GradientMode.withoutGradients { try generator(noise).mean().item }
        var samples: [Int] = []
        var metrics: [String] = []
        let report = try AdversarialTrainer.train(generator: generator, discriminator: discriminator, data: try Self.toyData(),
                                          noiseShape: [4], settings: .init(steps: 300, batchSize: 32, learningRate: 2e-3, betas: (0.5, 0.999), sampleEvery: 100),
                                          onStep: { metrics = $0.metrics.map(\.name) },
                                          onSample: { step, images in samples.append(step); #expect(images.shape == [16, 1, 2, 2]) })
        let after = try GradientMode.withoutGradients { try generator(noise).mean().item }
        #expect(report.ending == .finished)
        #expect(report.steps.count == 300)
        #expect(samples == [100, 200, 300])
        #expect(metrics == ["loss D", "loss G", "D(x)", "D(G(z))"])
        // The fakes' mean moved most of the way to the real 0.5.
        #expect(abs(after - 0.5) < abs(before - 0.5) / 2, "mean before \(before), after \(after)")
        #expect(report.steps.allSatisfy { (0...1).contains($0.realVerdict) && (0...1).contains($0.fakeVerdict) })
    }

    @Test func trainGANAtThePromptInfersTheNoiseAndWritesItsHistory() throws {
        let session = makeSession()
        let printed = transcript(session, [BuiltinRegistry.standard()["trainGAN"]!.example])
        #expect(printed.hasPrefix("trained 5 steps in "))
        #expect(printed.contains("D(G(z))"))
        let csv = try String(contentsOf: session.context.outputFolder.appendingPathComponent("gan-history.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("step,loss_d,loss_g,d_x,d_g_z\n1,"))
        #expect(FileManager.default.fileExists(atPath: session.context.outputFolder.appendingPathComponent("samples-step-000005.png").path))
    }

    @Test func aGeneratorWithoutAnObviousInputAsksForTheNoiseShape() {
        let printed = evaluateLine("trainGAN(Sequential(ReLU()), Sequential(Flatten(), Linear(4, 1)), data: zeros([4, 1, 2, 2]))")
        #expect(printed.hasPrefix("error: trainGAN: 'noise' could not be inferred from the generator's first layer — give it, e.g. noise: [100]"))
    }
}
