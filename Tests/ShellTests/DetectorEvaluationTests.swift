import Engine
import Foundation
import Shell
import Testing
import TestSupport

/// The CNN detector at the prompt beside the spectral one: `evaluate`, `inspect(detector:)`,
/// spot-the-fake, the generalisation table, held-out faces, and reusing a saved model.
@Suite(.temporaryFolders) struct DetectorEvaluationTests {
    static let hasData = FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv")

    /// Held-out faces come from the manifest's test split only.
    @Test func heldOutFacesAreTheTestSplit() throws {
        try #require(Self.hasData)
        let output = transcript(makeSession(), ["faces(count: 2, heldOut: true).attribute(\"split\")",
                                                "faces(count: 2).attribute(\"split\")"])
        #expect(output == "[\"test\", \"test\"]\n[\"train\", \"train\"]")
    }

    /// A classifier trained on "real" is a detector: evaluate turns its p(real) into p(fake), so
    /// a clearly separable pair of sets scores as a detector should, not inverted.
    @Test func trainedClassifierIsEvaluatedLikeTheSpectralDetector() throws {
        try #require(Self.hasData)
        let session = makeSession()
        // Seeded: a session's fresh weights otherwise draw from the process-wide generator, and
        // a few runs in ten trained a classifier that is poor in eval mode (the orientation is
        // what this test is about, not training).
        let output = Random.withSeed(7) { transcript(session, [
            "let gan = DCGAN(latent: 8, width: 4)",
            "let cnn = FaceClassifier(width: 4)",
            // Long enough for BatchNorm's running statistics to settle: evaluation runs in eval mode.
            "let run = trainClassifier(cnn, question: \"real\", gan: gan, steps: 150, batch: 16)",
            "run.heldOutAccuracy",
            "evaluate(cnn, real: faces(count: 40, heldOut: true), fake: sample(gan, count: 40, seed: 3), name: \"cnn\")",
        ]) }
        // If the classifier itself is right about held-out faces, the detector made of it must be too.
        let lines = output.split(separator: "\n")
        let ownAccuracy = try #require(lines.firstIndex { $0.hasPrefix("CNN detector:") }.flatMap { Double(lines[$0 - 1]) })
        try #require(ownAccuracy > 0.9)
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("CNN detector: accuracy") })
        // An untrained DCGAN's grey noise is easy: an inverted detector would score near 0.
        let auc = try #require(line.components(separatedBy: "ROC AUC ").last.flatMap { Double($0.prefix(5)) })
        #expect(auc > 0.9)
        #expect(FileManager.default.fileExists(atPath: session.context.outputFolder.appendingPathComponent("cnn-roc.png").path))
        #expect(FileManager.default.fileExists(atPath: session.context.outputFolder.appendingPathComponent("cnn-confusion.png").path))
    }

    @Test(arguments: [
        ("evaluate(FaceClassifier(width: 4), real: faces(count: 4), fake: faces(count: 4))",
         "error: evaluate: 'detector' is a FaceClassifier not trained to tell real from fake; train it with trainClassifier(…, question: \"real\", gan: …) first"),
        ("evaluate(3, real: faces(count: 4), fake: faces(count: 4))",
         "error: evaluate: 'detector' must be a spectralDetector(…), a cnnDetector(…) or a FaceClassifier trained with trainClassifier(…, question: \"real\")"),
        ("generalisation(fakes: [faces(count: 8)])",
         "error: generalisation: 'fakes' must be a list of at least two fake sets, e.g. [fakes, others]"),
        ("loadOrTrain(Linear(2, 2), \"x.safetensors\", steps: 1)",
         "error: loadOrTrain: 'model' must be a DCGAN(…) or a FaceSwap(…) model"),
    ])
    func mistakesGetOneSentence(line: String, expected: String) throws {
        try #require(Self.hasData)
        #expect(evaluateLine(line).hasPrefix(expected + "\n"))
    }

    /// The CNN detector's opinion on one face's file, and a sentence when the file is a grid.
    @Test func inspectWithACNNDetector() throws {
        try #require(Self.hasData)
        let output = transcript(makeSession(), [
            "let gan = DCGAN(latent: 8, width: 4)",
            "let d = cnnDetector(real: faces(count: 32), fake: sample(gan, count: 32, seed: 1), steps: 20)",
        ] + [
            "show(sample(gan, count: 1, seed: 9)[0], name: \"one\")", "inspect(\"one.png\", detector: d)",
            "show(faces(count: 4), name: \"grid\")", "inspect(\"grid.png\", detector: d)",
        ])
        #expect(output.contains("d = CNNDetector(FaceClassifier, trained on 32 real + 32 fake)"))
        #expect(output.contains("  CNN detector: "))
        #expect(output.contains("    a detector's score is a probability learned from the fakes it saw, not proof; it fails on unseen generators."))
        #expect(output.contains("error: the CNN detector reads 32×32 pictures, and this one is "))
    }

    /// Two kinds of fake, both detectors: two tables, the diagonal marked, the means readable.
    @Test func generalisationTableFromTheLearnersFakes() throws {
        try #require(Self.hasData)
        let output = transcript(makeSession(), [
            "let table = generalisation(fakes: [sample(DCGAN(latent: 8, width: 4), count: 24, seed: 1), sample(DCGAN(latent: 8, width: 4, upsampling: \"nearest\"), count: 24, seed: 1)], names: [\"transposed\", \"nearest\"], steps: 5)",
            "table", "table.seenAP",
        ])
        #expect(output.contains("spectral detector: rows trained on, columns tested on; accuracy at 0.5 / average precision (* seen in training)"))
        #expect(output.contains("CNN detector: rows trained on, columns tested on"))
        #expect(output.contains("                transposed      nearest         "))
        #expect(output.contains("trained on 12 real + 12 fake of one kind; tested on 12 held-out real + 12 unseen fakes of each kind"))
        let seenAP = try #require(output.split(separator: "\n").last.flatMap { Double($0) })
        #expect(seenAP > 0.9)
    }

    /// No saved file: a fresh run, saying so. Saved in one session: a later session beside it
    /// loads it (the same weights), and a file of another size is skipped with a reason.
    @Test func loadOrTrainBothPaths() throws {
        try #require(Self.hasData)
        let runs = try temporaryFolder("runs")
        let first = Session(outputFolder: runs.appendingPathComponent("2026-12-03_10-00-00"))
        let trained = transcript(first, ["let gan = DCGAN(latent: 8, width: 4)",
                                         "let ganRun = loadOrTrain(gan, \"lesson6-gan.safetensors\", steps: 2, every: 1)",
                                         "save(gan, \"lesson6-gan.safetensors\")", "sample(gan, count: 1, seed: 5).sum()"])
        #expect(trained.contains("no saved lesson6-gan.safetensors found beside this session, so this 2-step run trained one from scratch"))
        let firstSum = try #require(trained.split(separator: "\n").last)

        let later = Session(outputFolder: runs.appendingPathComponent("2026-12-03_11-00-00"))
        let loaded = transcript(later, ["let gan = DCGAN(latent: 8, width: 4)",
                                        "let ganRun = loadOrTrain(gan, \"lesson6-gan.safetensors\", steps: 2)",
                                        "sample(gan, count: 1, seed: 5).sum()",
                                        "let wide = DCGAN(latent: 8, width: 6)",
                                        "let wideRun = loadOrTrain(wide, \"lesson6-gan.safetensors\", steps: 1, every: 1)"])
        let savedPath = runs.appendingPathComponent("2026-12-03_10-00-00/lesson6-gan.safetensors").path
        #expect(loaded.contains("loaded your model from \(savedPath); nothing to train"))
        #expect(loaded.split(separator: "\n").contains(firstSum))
        #expect(loaded.contains("skipped \(savedPath): it does not fit this model"))
        #expect(loaded.contains("this 1-step run trained one from scratch"))
    }
}
