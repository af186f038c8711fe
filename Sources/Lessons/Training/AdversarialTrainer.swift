import Engine
import Foundation

/// The GAN game, one step at a time (Goodfellow et al. 2014; DCGAN's recipe, Radford et al. 2016):
///
/// 1. The discriminator D learns to say 1 for real images and 0 for the generator's fakes.
///    The fakes are detached, so this step changes D only.
/// 2. The generator G learns to make D say 1 for its fakes. This is the "non-saturating" loss,
///    −log D(G(z)), which gives G strong gradients exactly when D is winning.
///
/// Both losses use binary cross-entropy on D's raw scores (logits), which is numerically safer
/// than a Sigmoid followed by a log. D(x) and D(G(z)) are D's mean verdicts as probabilities:
/// near 0.5 both means the game is balanced; D(x) → 1 and D(G(z)) → 0 means D has won.
public enum AdversarialTrainer {
    public struct Step: Equatable {
        public var lossD: Double
        public var lossG: Double
        public var realVerdict: Double
        public var fakeVerdict: Double
    }

    public struct Report {
        public var ending: Trainer.Ending
        public var steps: [Step]
        public var seconds: Double
    }

    /// Trains `generator` to imitate `data` ([N, C, H, W]) against `discriminator`.
    /// `noiseShape` is one noise vector's shape, e.g. [100] or [100, 1, 1].
    /// `onSample` receives the generator's images for a fixed noise batch every `sampleEvery` steps.
    public static func train(generator: any Layer, discriminator: any Layer, data: Tensor, noiseShape: [Int],
                             settings: Trainer.Settings, onStep: (TrainingProgress) -> Void = { _ in },
                             onSample: (Int, Tensor) throws -> Void = { _, _ in }) throws -> Report {
        let count = data.shape.first ?? 0
        guard count > 0 else { throw LabError(.failure("trainGAN: the data has no images")) }
        let adam = { (model: any Layer) in
            try Adam(model.namedParameters().map(\.tensor), learningRate: settings.learningRate, betas: settings.betas)
        }
        let optimizerG = try adam(generator), optimizerD = try adam(discriminator)
        var generatorRandom = RandomGenerator(seed: settings.seed)
        let batch = min(settings.batchSize, count)
        // The same noise for every sample grid, so the grids show one set of faces improving.
        let fixedNoise = try Tensor.randn([min(16, batch)] + noiseShape, using: &generatorRandom)
        var guardian = LossGuard()
        var snapshot = ParameterSnapshot(of: [generator, discriminator], step: 0)
        var history: [Step] = []
        generator.train()
        discriminator.train()
        let start = Date()
        Interrupt.reset()
        for step in 1...max(1, settings.steps) {
            if Interrupt.consume() {
                return Report(ending: .interrupted(afterStep: step - 1), steps: history, seconds: Date().timeIntervalSince(start))
            }
            let indices = (0..<batch).map { _ in Int(generatorRandom.next() % UInt64(count)) }
            let real = try Trainer.rows(indices, of: data)
            let noise = try Tensor.randn([batch] + noiseShape, using: &generatorRandom)

            // 1. Discriminator: real → 1, fake → 0. Detached fakes keep G out of this update.
            let fake = try generator(noise)
            let realScores = try discriminator(real)
            let fakeScores = try discriminator(fake.detached())
            let lossD = try binaryCrossEntropyWithLogits(realScores, try Tensor.ones(realScores.shape))
                + binaryCrossEntropyWithLogits(fakeScores, try Tensor.zeros(fakeScores.shape))
            if let stop = try check(&guardian, "loss D", lossD, step: step, snapshot: snapshot, history: history, start: start) {
                return stop
            }
            optimizerD.zeroGrad()
            try lossD.backward()
            optimizerD.step()

            // 2. Generator: make the updated D say 1 for the fakes. The gradients this leaves on
            //    D's parameters are cleared before D's next update.
            let scoresForG = try discriminator(fake)
            let lossG = try binaryCrossEntropyWithLogits(scoresForG, try Tensor.ones(scoresForG.shape))
            if let stop = try check(&guardian, "loss G", lossG, step: step, snapshot: snapshot, history: history, start: start) {
                return stop
            }
            optimizerG.zeroGrad()
            try lossG.backward()
            optimizerG.step()

            let record = Step(lossD: Double(lossD.item), lossG: Double(lossG.item),
                              realVerdict: Double(try realScores.sigmoid().mean().item),
                              fakeVerdict: Double(try fakeScores.sigmoid().mean().item))
            history.append(record)
            onStep(TrainingProgress(step: step, totalSteps: settings.steps, metrics: [
                .init("loss D", record.lossD), .init("loss G", record.lossG),
                .init("D(x)", record.realVerdict), .init("D(G(z))", record.fakeVerdict),
            ], elapsedSeconds: Date().timeIntervalSince(start)))
            if step % max(1, settings.sampleEvery) == 0 || step == settings.steps {
                snapshot = ParameterSnapshot(of: [generator, discriminator], step: step)
                try onSample(step, try GradientMode.withoutGradients { try generator(fixedNoise) })
            }
        }
        return Report(ending: .finished, steps: history, seconds: Date().timeIntervalSince(start))
    }

    /// Nil while the loss is healthy; otherwise the weights are rolled back and training ends.
    private static func check(_ guardian: inout LossGuard, _ name: String, _ loss: Tensor, step: Int,
                              snapshot: ParameterSnapshot, history: [Step], start: Date) throws -> Report? {
        let verdict = guardian.check([(name, Double(loss.item))], step: step)
        guard verdict != .healthy else { return nil }
        snapshot.restore()
        return Report(ending: .stopped(verdict, rolledBackTo: snapshot.step), steps: history,
                      seconds: Date().timeIntervalSince(start))
    }

    /// The history as CSV: both losses and both verdicts per step.
    public static func csv(_ steps: [Step]) -> String {
        "step,loss_d,loss_g,d_x,d_g_z\n" + steps.enumerated().map { index, step in
            "\(index + 1),\(step.lossD),\(step.lossG),\(step.realVerdict),\(step.fakeVerdict)"
        }.joined(separator: "\n") + "\n"
    }
}
