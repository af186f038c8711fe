import Engine
import Foundation
import Testing
import TestSupport
@testable import Models

/// The GAN doctor on made-up vital signs (each failure constructed step by step, with the exact
/// words it must print) and on real, tiny training runs: one made to fail, one healthy.
@Suite(.temporaryFolders) struct GANDoctorTests {
    typealias Fixtures = ExperimentsFixtures

    /// Healthy vitals: D unsure, both gradients near their starting size.
    static let calm = GANVitals(realVerdict: 0.7, fakeVerdict: 0.3, discriminatorGradientNorm: 5, generatorGradientNorm: 8)

    /// A doctor fed `steps` steps from `vitals(step)` and a checkup every 25 steps with `diversity(step)`;
    /// each checkup's snapshot is of `layer`, so `lastHealthy.step` says which one was kept.
    static func watch(_ steps: Int, _ vitals: (Int) -> GANVitals, diversity: (Int) -> Double? = { _ in 0.5 }) throws -> GANDoctor {
        var doctor = GANDoctor()
        let layer = try Linear(1, 1)
        for step in 1...steps {
            doctor.observe(vitals(step), step: step)
            if doctor.isCheckupDue(after: step) {
                doctor.checkup(step: step, diversity: diversity(step)) { ModelSnapshot(of: [layer], step: step) }
            }
        }
        return doctor
    }

    @Test func aHealthyRunHasNoFindingsAndOffersNoRollBack() throws {
        // Diversity rising from 0.01 as the lesson's run does: early sameness is not collapse.
        let doctor = try Self.watch(250, { _ in Self.calm }, diversity: { Double($0) / 600 })
        #expect(doctor.findings.isEmpty)
        #expect(doctor.lastHealthy?.step == 250)
        #expect(doctor.report(rollBackCommand: "rollBack(gan)") == [
            "GAN doctor: nothing wrong found in 250 steps (D(x) 0.70 and D(G(z)) 0.30 at the end, averaged over about ten steps; gradients within range).",
            "Diversity of the fixed-noise faces: 0.42 at step 250 (1 = as varied as real faces; from step 50, below 0.05 or under 0.50 of the run's best counts as collapse).",
        ])
    }

    @Test func aDiscriminatorCertainForFiftyStepsHasWon() throws {
        // From step 31 D is certain. The smoothed verdicts, 0.9ᵏ of the way back from 0.7 and 0.3,
        // pass 0.99 and 0.01 after k = 34 steps (0.299 · 0.9³⁴ ≈ 0.0083 < 0.009): from step 64.
        let winning = GANVitals(realVerdict: 0.999, fakeVerdict: 0.001, discriminatorGradientNorm: 5, generatorGradientNorm: 8)
        let doctor = try Self.watch(150, { $0 <= 30 ? Self.calm : winning })
        let finding = try #require(doctor.findings.first)
        #expect(doctor.findings.count == 1)
        if case .discriminatorWins(64, 150, _, _) = finding {} else { Issue.record("expected D to have won from step 64 to 150: \(finding)") }
        #expect(finding.explanation == "The discriminator is winning outright: from step 64 to step 150 it called real faces "
            + "real (D(x) 1.00) and generated ones fake (D(G(z)) 0.00) with near certainty. A judge the generator can never fool "
            + "teaches it almost nothing. Try a lower learning rate, or put batch norm back if you took it out.")
        // The checkups at 25 and 50 were healthy (D had not yet been certain for long, but the
        // smoothed verdicts had not crossed either); from 75 on they were not.
        #expect(doctor.lastHealthy?.step == 50)
        #expect(doctor.report(rollBackCommand: "rollBack(hasty)").last == "The last healthy checkup was at step 50. To go back to it, "
            + "type rollBack(hasty) — then change a setting before you train again, or the same thing will happen.")
    }

    @Test func aStrongButUnsureDiscriminatorHasNotWon() throws {
        // The lesson's healthy run sits near D(x) 0.97, D(G(z)) 0.02 late on: strong, not certain.
        let strong = GANVitals(realVerdict: 0.97, fakeVerdict: 0.02, discriminatorGradientNorm: 5, generatorGradientNorm: 8)
        #expect(try Self.watch(300, { _ in strong }).findings.isEmpty)
    }

    @Test func gradientsHundredsOfTimesTheirStartHaveExploded() throws {
        var doctor = try Self.watch(40) { step in
            var vitals = Self.calm
            if step >= 12 { vitals.generatorGradientNorm = 8 * 500 }
            return vitals
        }
        #expect(doctor.findings == [.gradientsExplode(network: "generator", from: 12, to: 40, norm: 4000, reference: 8)])
        #expect(doctor.findings[0].explanation == "The generator's gradients exploded: from step 12 to step 40 they were far larger "
            + "than at the start in most steps (norm 4.00e3 at step 40 against 8.00, 500 times as large). Updates that large throw the weights about "
            + "instead of improving them. Try a tenth of the learning rate, or put batch norm back if you took it out.")
        #expect(doctor.lastHealthy == nil)
        #expect(doctor.report(rollBackCommand: "rollBack(gan)").last == "No checkup of this run was healthy, so there is no state "
            + "to go back to: make a new DCGAN, change one setting, and train it again.")
        // A non-finite norm is an explosion too.
        doctor = try Self.watch(30) { step in
            var vitals = Self.calm
            if step >= 5 { vitals.discriminatorGradientNorm = .infinity }
            return vitals
        }
        #expect(doctor.findings == [.gradientsExplode(network: "discriminator", from: 5, to: 30, norm: .infinity, reference: 5)])
    }

    @Test func spikesAreNotAnExplosionNorATinyStart() throws {
        // Every third step at 500× is at most 4 of any 10, short of the 7 the doctor waits for; and a
        // first norm of 0.003 (small starting weights, no batch norm) is measured against 1, so
        // a norm of 40 later is growth, not explosion.
        let doctor = try Self.watch(100) { step in
            var vitals = Self.calm
            vitals.generatorGradientNorm = step == 1 ? 0.003 : 40
            if (40..<50).contains(step) && step % 3 == 1 { vitals.discriminatorGradientNorm = 2500 }
            return vitals
        }
        #expect(doctor.findings.isEmpty)
        #expect(doctor.referenceNorms?.generator == 1)
        #expect(doctor.lastHealthy?.step == 100)
    }

    @Test func gradientsAHundredTimesSmallerHaveVanished() throws {
        let doctor = try Self.watch(60) { step in
            var vitals = Self.calm
            if step > 30 { vitals.discriminatorGradientNorm = 0.001 }
            return vitals
        }
        #expect(doctor.findings == [.gradientsVanish(network: "discriminator", from: 31, to: 60, norm: 0.001, reference: 5)])
        #expect(doctor.findings[0].explanation == "The discriminator's gradients vanished: from step 31 to step 60 they were far "
            + "smaller than at the start in most steps (norm 1.00e-3 at step 60 against 5.00, 5.00e3 times smaller), so it has almost stopped "
            + "learning; usually its outputs are stuck at the flat ends of a sigmoid or a tanh. Try a lower learning rate.")
        #expect(doctor.lastHealthy?.step == 25)
    }

    @Test func diversityFallingToAFifthOfItsBestIsCollapse() throws {
        // 0.4 until step 100, then 0.08: a fifth of the best, though above the absolute floor.
        let doctor = try Self.watch(200, { _ in Self.calm }, diversity: { $0 <= 100 ? 0.4 : 0.08 })
        #expect(doctor.findings == [.collapse(from: 125, to: 200, diversity: 0.08, best: 0.4)])
        #expect(doctor.findings[0].explanation == "The samples collapsed: from step 125 to step 200 the faces drawn from the fixed "
            + "noise vectors differed from one another only 0.08 as much as real faces do (their best this run was 0.40). Many "
            + "different z now give the same few faces. Try a lower learning rate, or put batch norm back if you took it out.")
        #expect(doctor.lastHealthy?.step == 100)
        #expect(doctor.diversityLine == "Diversity of the fixed-noise faces: 0.08 at step 200 (1 = as varied as real faces; from step 50, "
            + "below 0.05 or under 0.50 of the run's best counts as collapse; best 0.40 at step 25).")
    }

    @Test func identicalFacesAfterTheWarmUpAreCollapseButNotBefore() throws {
        // Every face the same from the start (a generator saturated at ±1): judged from step 50 on.
        let doctor = try Self.watch(50, { _ in Self.calm }, diversity: { _ in 0 })
        #expect(doctor.findings == [.collapse(from: 50, to: 50, diversity: 0, best: 0)])
        #expect(doctor.lastHealthy?.step == 25)
        #expect(try Self.watch(25, { _ in Self.calm }, diversity: { _ in 0 }).findings.isEmpty)
    }

    @Test func rollingBackForgetsTheDiscardedFindings() throws {
        var doctor = try Self.watch(60) { step in
            var vitals = Self.calm
            if step > 30 { vitals.discriminatorGradientNorm = 0.001 }
            return vitals
        }
        doctor.rolledBack(to: 25)
        #expect(doctor.findings.isEmpty)
        #expect(doctor.diversityReadings.map(\.step) == [25])
        #expect(doctor.step == 25)
    }

    @Test func diversityIsTheMeanPairwiseDistanceRelativeToRealFaces() throws {
        // Distances in the pair (0,0)–(3,4) is 5; in the triple (0,0), (3,4), (0,4): 5, 3, 4 → mean 4.
        let pair = Tensor(shape: [2, 2], data: [0, 0, 3, 4])
        let triple = Tensor(shape: [3, 2], data: [0, 0, 3, 4, 0, 4])
        #expect(SampleDiversity.meanPairwiseDistance(pair) == 5)
        #expect(SampleDiversity.meanPairwiseDistance(triple) == 4)
        #expect(SampleDiversity.relative(triple, to: pair) == 0.8)
        #expect(SampleDiversity.relative(Tensor(shape: [3, 2], data: [1, 1, 1, 1, 1, 1]), to: pair) == 0)
        #expect(SampleDiversity.meanPairwiseDistance(Tensor(shape: [1, 2], data: [1, 2])) == nil)
        #expect(SampleDiversity.relative(pair, to: Tensor(shape: [2, 2], data: [1, 1, 1, 1])) == nil)
    }

    // MARK: Real runs

    /// A small DCGAN trained on pair-32's B faces, checkups as in the lessons.
    static func trainer(batchNorm: Bool, seed: UInt64 = 3) throws -> GANTrainer {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(seed) { try DCGAN(latent: 8, width: 4, batchNorm: batchNorm) }
        return try GANTrainer(model: model, faces: pairs.trainB,
                              config: Fixtures.config(steps: 50, learningRate: 5e-4, betas: (0.5, 0.999)))
    }

    @Test func theIssuesFailingRunIsDiagnosed() throws {
        // The run the issue names: learning rate 0.05, no batch norm. At this size the generator
        // saturates: every z gives the same picture (in the lesson's larger run, D's gradients explode too).
        let trainer = try Self.trainer(batchNorm: false)
        trainer.config.learningRate = 0.05
        trainer.config.steps = 75
        // Each note with the step the progress line had reached when it came.
        var notes: [(step: Int, text: String)] = []
        var progressStep = 0
        _ = try trainer.train(output: Fixtures.folder(), observer: { event in
            if case .progress(let progress) = event { progressStep = progress.step }
            if case .note(let text) = event { notes.append((progressStep, text)) }
        }, interruptRequested: { false })
        let collapse = trainer.doctor.findings.first { $0.key == "collapse" }
        if case .collapse(let from, _, let diversity, _)? = collapse {
            #expect(diversity < 0.05)
            // Each finding said once, at the step the doctor made it, while the run was still going.
            #expect(notes.first?.text == "GAN doctor at step \(from): the samples collapsed. More when the run ends.")
            #expect(notes.first?.step == from && from < 75)
            #expect(notes.count == trainer.doctor.findings.count)
            for (note, finding) in zip(notes, trainer.doctor.findings) {
                #expect(note.text == "GAN doctor at step \(note.step): \(finding.headline). More when the run ends.")
            }
        } else {
            Issue.record("expected a collapse, found \(trainer.doctor.findings)")
        }
        #expect(trainer.doctor.lastHealthy == nil)
    }

    @Test func aHealthyRunIsNotDiagnosed() throws {
        let trainer = try Self.trainer(batchNorm: true)
        var notes: [String] = []
        _ = try trainer.train(output: Fixtures.folder(), observer: { event in
            if case .note(let text) = event { notes.append(text) }
        }, interruptRequested: { false })
        #expect(trainer.doctor.findings.isEmpty, "findings: \(trainer.doctor.findings)")
        #expect(notes.isEmpty)
        #expect(trainer.doctor.diversityReadings.map(\.step) == [25, 50])
        #expect(trainer.doctor.lastHealthy?.step == 50)
    }

    @Test func aRuinedRunRollsBackToTheLastHealthyCheckup() throws {
        let trainer = try Self.trainer(batchNorm: false)
        let folder = Fixtures.folder()
        _ = try trainer.train(output: folder, interruptRequested: { false })
        #expect(trainer.doctor.findings.isEmpty, "findings: \(trainer.doctor.findings)")
        #expect(trainer.doctor.lastHealthy?.step == 50)
        let healthyWeights = Fixtures.state(trainer.model)

        // The same GAN pushed with a learning rate 100 times too high, then brought back.
        trainer.config.learningRate = 0.05
        trainer.config.steps = 30
        _ = try trainer.train(output: folder, interruptRequested: { false })
        #expect(Fixtures.state(trainer.model) != healthyWeights)
        #expect(try trainer.rollBackToLastHealthy() == 50)
        #expect(Fixtures.state(trainer.model) == healthyWeights)
        #expect(trainer.stepsDone == 50)
        #expect(trainer.history.steps.last == 50)
        #expect(trainer.doctor.findings.isEmpty)
        // Training goes on from step 51.
        trainer.config.learningRate = 5e-4
        trainer.config.steps = 2
        _ = try trainer.train(output: folder, interruptRequested: { false })
        #expect(trainer.history.steps.suffix(2) == [51, 52])
    }

    @Test func aSixtyFourPixelGANHasOneMoreStepEachWay() throws {
        let model = try Random.withSeed(1) { try DCGAN(latent: 8, width: 4, imageSize: 64) }
        #expect(try model.sample(2, seed: 0).shape == [2, 3, 64, 64])
        #expect(try model.discriminate(Tensor.zeros([2, 3, 64, 64])).shape == [2, 1])
        #expect(model.description.hasPrefix("DCGAN(latent=8, width=4, imageSize=64)"))
        let pairs = try #require(Fixtures.pairs)
        #expect(throws: ExperimentError.unsuitableData("the training pictures are 3×32×32; this DCGAN makes 3×64×64 RGB faces "
            + "(datasets-small/faces-64, or a DCGAN(imageSize: 32) if that is 32 or 64)")) {
            try GANTrainer(model: model, faces: pairs.trainB)
        }
        #expect(throws: EngineError.self) { try DCGAN(imageSize: 48) }
    }

    @Test func withoutBatchNormThereIsNoneAndEveryConvolutionHasABias() throws {
        let model = try DCGAN(latent: 8, width: 4, batchNorm: false)
        let names = model.namedParameters().map(\.name)
        #expect(!model.description.contains("BatchNorm"))
        #expect(names.filter { $0.hasSuffix("bias") }.count == 8)
        #expect(model.description.hasPrefix("DCGAN(latent=8, width=4, batchNorm=false)"))
    }
}
