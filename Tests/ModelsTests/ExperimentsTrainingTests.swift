import Faces
import Engine
import Foundation
import Imaging
import Testing
import TestSupport
@testable import Models

/// The four trainers on tiny models and a few seeded steps: the loss goes down, and the files a
/// learner looks at (sample grids, loss CSV) are written, decodable and labelled as synthetic.
@Suite(.temporaryFolders) struct ExperimentsTrainingTests {
    typealias Fixtures = ExperimentsFixtures

    @Test func autoencoderLearnsAndWritesGridsAndHistory() throws {
        let pairs = try #require(Fixtures.pairs)
        let folder = Fixtures.folder()
        let model = try Random.withSeed(1) { try Autoencoder(latent: 8, width: 4) }
        let trainer = try AutoencoderTrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA,
                                             config: Fixtures.config(steps: 30, sampleEvery: 10), name: "ae")
        let before = try mseLoss(model.reconstruct(trainer.fixedFaces), trainer.fixedFaces).item
        var progress: [TrainingProgress] = []
        let outcome = try trainer.train(output: folder, observer: { if case .progress(let p) = $0 { progress.append(p) } },
                                        interruptRequested: { false })
        let after = try mseLoss(model.reconstruct(trainer.fixedFaces), trainer.fixedFaces).item
        #expect(after < before * 0.9, "held-out reconstruction error \(before) → \(after)")
        #expect(outcome.ending == .finished)
        #expect(progress.map(\.step) == Array(1...30))
        #expect(progress.last?.metrics.map(\.name) == ["loss"])

        #expect(outcome.sampleFiles.map(\.lastPathComponent) == ["ae-step-000010.png", "ae-step-000020.png", "ae-step-000030.png"])
        for file in outcome.sampleFiles {
            let png = try Fixtures.readPNG(file)
            // LabelledGrid: the widest name "held-out" is 8 letters of 4 px less 1, drawn 2× (62) plus a
            // 4 px gutter; then 8 faces at 4× (128) with 4 px gutters, and a closing gutter.
            // Height: a title line (2×5 px between 4 px gutters, 18), 2 rows of 128 + 4, a gutter.
            #expect((png.width, png.height) == (66 + 8 * 132 + 4, 18 + 2 * 132 + 4))
            #expect(png.text["Rows"] == "held-out; redrawn")
            #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
            #expect(png.text["Software"]?.hasPrefix("Deepfake Lab") == true)
            #expect(png.text["Model"] == "Autoencoder(latent=8, width=4)")
            #expect(png.text["Seed"] == "7")
        }
        #expect(try Fixtures.readPNG(outcome.sampleFiles[1]).text["Step"] == "20")

        let csv = try String(contentsOf: outcome.historyFile, encoding: .utf8).split(separator: "\n")
        #expect(outcome.historyFile.lastPathComponent == "ae-loss.csv")
        #expect(csv.first == "step,loss")
        #expect(csv.count == 31)
        #expect(csv[1].hasPrefix("1,"))
    }

    @Test func trainingAgainContinuesTheStepCount() throws {
        let pairs = try #require(Fixtures.pairs)
        let folder = Fixtures.folder()
        let model = try Random.withSeed(1) { try Autoencoder(latent: 8, width: 4) }
        let trainer = try AutoencoderTrainer(model: model, faces: pairs.trainA, fixedFaces: pairs.heldOutA,
                                             config: Fixtures.config(steps: 3), name: "ae")
        _ = try trainer.train(output: folder, interruptRequested: { false })
        // A learner changes the settings between calls; the next call uses them.
        trainer.config.batchSize = 4
        trainer.config.betas = (0.5, 0.99)
        trainer.config.learningRate = 1e-4
        let outcome = try trainer.train(output: folder, interruptRequested: { false })
        #expect(trainer.batches.batchSize == 4)
        #expect(trainer.optimizer.betas == (0.5, 0.99) && trainer.optimizer.learningRate == 1e-4)
        #expect(outcome.totalSteps == 6)
        #expect(trainer.history.steps == Array(1...6))
        // sampleEvery 0: one grid at the end of each call.
        #expect(outcome.sampleFiles.map(\.lastPathComponent) == ["ae-step-000006.png"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ae-step-000003.png").path))
    }

    @Test func faceSwapLearnsBothPeople() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(2) { try FaceSwapModel(latent: 8, width: 4) }
        let trainer = try FaceSwapTrainer(model: model, data: pairs, config: Fixtures.config(steps: 30))
        let answers = trainer.fixedAnswers
        let before = try mseLoss(model.swap(trainer.fixedFaces, to: .b), answers).item
        let outcome = try trainer.train(output: Fixtures.folder(), interruptRequested: { false })
        let after = try mseLoss(model.swap(trainer.fixedFaces, to: .b), answers).item
        #expect(after < before * 0.9, "swap error against the true answers \(before) → \(after)")
        let lossA = try #require(trainer.history.values("loss A")), lossB = try #require(trainer.history.values("loss B"))
        #expect(lossA.suffix(5).total < lossA.prefix(5).total)
        #expect(lossB.suffix(5).total < lossB.prefix(5).total)
        let png = try Fixtures.readPNG(try #require(outcome.sampleFiles.last))
        // The widest name, "A -> B (swap)", is 13 letters: 51 px, 2× is 102, plus a 4 px gutter.
        #expect((png.width, png.height) == (106 + 8 * 132 + 4, 18 + 4 * 132 + 4))
        #expect(png.text["Rows"] == "held-out A; A redrawn; A → B (swap); true B")
        #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
        #expect(png.text["Model"] == "FaceSwapModel(latent=8, width=4, code_dropout=0.5)")
    }

    @Test func ganReportsBothLossesAndBothVerdicts() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(3) { try DCGAN(latent: 8, width: 4) }
        let trainer = try GANTrainer(model: model, faces: pairs.trainB,
                                     config: Fixtures.config(steps: 15, learningRate: 2e-4, betas: (0.5, 0.999)))
        var last: TrainingProgress?
        let outcome = try trainer.train(output: Fixtures.folder(), observer: { if case .progress(let p) = $0 { last = p } },
                                        interruptRequested: { false })
        #expect(last?.metrics.map(\.name) == ["loss D", "loss G", "D(x)", "D(G(z))"])
        // The discriminator learns first: its loss falls from log 4 ≈ 1.386 (a coin toss on both batches)
        // and it grows surer that real faces are real.
        let lossD = try #require(trainer.history.values("loss D")), realVerdict = try #require(trainer.history.values("D(x)"))
        #expect(abs(lossD[0] - 1.386) < 0.25)
        #expect(lossD.suffix(3).total < lossD.prefix(3).total)
        #expect(realVerdict.suffix(3).total > realVerdict.prefix(3).total)
        let fakeVerdict = try #require(trainer.history.values("D(G(z))"))
        #expect(fakeVerdict.allSatisfy { (0...1).contains($0) })
        // A LabelledGrid of 4 rows of 8 faces at 4×: the widest row name "z 17-24" drawn 2× plus a
        // gutter, then 8 × (128 + 4) and a closing gutter; a title line (18), 4 × (128 + 4), a gutter.
        let png = try Fixtures.readPNG(try #require(outcome.sampleFiles.last))
        #expect((png.width, png.height) == (BitmapFont.width(of: "z 17-24") * 2 + 4 + 8 * 132 + 4, 18 + 4 * 132 + 4))
        #expect(png.text["Rows"] == "z 1-8; z 9-16; z 17-24; z 25-32")
        #expect(png.text["Title"] == "gan step 15: G(z) for the same 32 noise vectors z")
        #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
    }

    @Test func classifierLearnsToTellAFromB() throws {
        let pairs = try #require(Fixtures.pairs)
        // Label: is this person B? Mix 64 A and 64 B training faces; held out: 8 A then 8 B.
        let images = try ImageDataset.concatenating([pairs.trainA.subset(Array(0..<64)), pairs.trainB.subset(Array(0..<64))])
        let labels = [Float](repeating: 0, count: 64) + [Float](repeating: 1, count: 64)
        let heldOut = try ImageDataset.concatenating([pairs.heldOutA.subset(Array(0..<8)), pairs.answersB.subset(Array(0..<8))])
        let heldOutLabels = [Float](repeating: 0, count: 8) + [Float](repeating: 1, count: 8)
        let model = try Random.withSeed(4) { try FaceClassifier(width: 4) }
        let trainer = try ClassifierTrainer(model: model, images: images, labels: labels, heldOut: heldOut,
                                            heldOutLabels: heldOutLabels, config: Fixtures.config(steps: 40, batchSize: 16))
        let outcome = try trainer.train(output: Fixtures.folder(), interruptRequested: { false })
        let loss = try #require(trainer.history.values("loss"))
        #expect(loss.suffix(5).total < loss.prefix(5).total * 0.8)
        #expect(try trainer.accuracy(on: trainer.fixedImages, labels: heldOutLabels) >= 0.75)
        let png = try Fixtures.readPNG(try #require(outcome.sampleFiles.last))
        #expect((png.width, png.height) == Fixtures.gridSize(rows: 2, captioned: true))
        #expect(png.text["Synthetic"] == PNGFile.syntheticLabel)
    }

    @Test func mismatchedLabelsAreRefusedWithTheCounts() throws {
        let pairs = try #require(Fixtures.pairs)
        #expect(throws: ExperimentError.unsuitableData("3 labels for 2000 pictures, 100 for 100 held-out ones: give one label per picture")) {
            try ClassifierTrainer(model: FaceClassifier(width: 4), images: pairs.trainA, labels: [0, 1, 1],
                                  heldOut: pairs.heldOutA, heldOutLabels: [Float](repeating: 0, count: 100))
        }
    }
}

extension ImageDataset {
    /// The pictures of several datasets one after another (test helper).
    static func concatenating(_ parts: [ImageDataset]) throws -> ImageDataset {
        try ImageDataset(channels: 3, height: 32, width: 32, pixels: parts.flatMap(\.pixels),
                         attributeNames: parts[0].attributeNames, attributeRows: parts.flatMap(\.attributeRows))
    }
}
