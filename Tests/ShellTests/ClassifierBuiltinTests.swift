import Foundation
import Testing
import TestSupport
@testable import Shell
import Engine

/// `FaceClassifier()` and `trainClassifier(…)` at the prompt: a question from faces-32's
/// attributes, or real against a GAN's fakes, scored on held-out faces against the base rate.
@Suite(.temporaryFolders) struct ClassifierBuiltinTests {
    static let cases: [(line: String, printed: [String])] = [
        ("trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 2, batch: 8)",
         ["trained to step 2 in <time>.", "loss      0.8728 → 0.5776  █▁", "accuracy  0.3750 → 0.8750  ▁█",
          "held-out accuracy 81.2% on 1000 faces; always guessing \"no\" scores 81.2%",
          "accuracy on 1000 of its own training faces 79.8%",
          "history in <session>/classifier-loss.csv"]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"real\", gan: DCGAN(latent: 8, width: 4), steps: 2, batch: 8)",
         ["trained to step 2 in <time>.", "loss      0.6512 → 0.6131  █▁", "accuracy  0.5000 → 0.7500  ▁█",
          "held-out accuracy 50.0% on 256 faces; always guessing \"yes\" scores 50.0%",
          "accuracy on 1000 of its own training faces 48.9%",
          "history in <session>/classifier-loss.csv"]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"real\")",
         ["error: trainClassifier: 'gan' is needed for \"real\": the DCGAN whose fakes to catch",
          "  trainClassifier(FaceClassifier(width: 4), question: \"real\")",
          "  ^~~~~~~~~~~~~~~"]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"hat\")",
         ["error: trainClassifier: 'question' must be \"real\" or one of \"glasses\", \"smiling\", \"beard\", \"longHair\"",
          "  trainClassifier(FaceClassifier(width: 4), question: \"hat\")",
          "                                            ^~~~~~~~~~~~~~~"]),
        ("trainClassifier(Linear(2, 1), question: \"glasses\")",
         ["error: trainClassifier: 'model' must be a FaceClassifier — make one with FaceClassifier()",
          "  trainClassifier(Linear(2, 1), question: \"glasses\")",
          "                  ^~~~~~"]),
    ]

    @Test(arguments: cases)
    func trains(line: String, printed: [String]) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        // A fresh session's stream starts at seed 0, whatever other tests draw meanwhile.
        let lines = withoutTimesAndFolders(evaluateLine(line)).components(separatedBy: "\n")
        #expect(lines == printed)
    }

    /// The held-out line compares with always giving the common answer: 81.2% of faces-32's test faces wear no glasses.
    @Test func heldOutAccuracyIsComparedWithTheBaseRate() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let printed = evaluateLine("trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 1, batch: 4)")
        #expect(printed.components(separatedBy: "\n").dropFirst(3).first
                == "held-out accuracy 81.2% on 1000 faces; always guessing \"no\" scores 81.2%")
    }

    /// The scores are members of the run, so a lesson's check can read them.
    @Test func scoresAreReadableFromTheRun() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let printed = transcript(makeSession(), [
            "let run = trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 1, batch: 4, faces: 8)",
            "run.guessingAccuracy", "run.trainingAccuracy * 0", "run.heldOutAccuracy * 0",
        ]).components(separatedBy: "\n")
        // Bound with let, the run still shows its score lines under its name; the members follow.
        #expect(printed.first == "run = LossHistory[1 steps: loss, accuracy]")
        #expect(printed.dropFirst().first?.hasPrefix("held-out accuracy ") == true)
        #expect(Array(printed.suffix(3)) == ["0.812", "0", "0"])
    }
}
