import Foundation
import Testing
@testable import Shell

/// `FaceClassifier()` and `trainClassifier(…)` at the prompt: a question from faces-32's
/// attributes, or real against a GAN's fakes, scored on held-out faces against the base rate.
struct ClassifierBuiltinTests {
    static let cases: [(line: String, printed: [String])] = [
        ("trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 2, batch: 8)",
         ["trained to step 2 in ", "loss      ", "accuracy  ", "held-out accuracy ", "history in "]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"real\", gan: DCGAN(latent: 8, width: 4), steps: 2, batch: 8)",
         ["trained to step 2 in ", "loss      ", "accuracy  ", "held-out accuracy ", "history in "]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"real\")",
         ["error: trainClassifier: 'gan' is needed for \"real\": the DCGAN whose fakes to catch"]),
        ("trainClassifier(FaceClassifier(width: 4), question: \"hat\")",
         ["error: trainClassifier: 'question' must be \"real\" or one of \"glasses\", \"smiling\", \"beard\", \"longHair\""]),
        ("trainClassifier(Linear(2, 1), question: \"glasses\")",
         ["error: trainClassifier: 'model' must be a FaceClassifier — make one with FaceClassifier()"]),
    ]

    @Test(arguments: cases)
    func trains(line: String, printed: [String]) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let lines = evaluateLine(line).components(separatedBy: "\n")
        for (shown, expected) in zip(lines, printed) { #expect(shown.hasPrefix(expected), "\(shown)") }
    }

    /// The held-out line compares with always giving the common answer: 81.2% of faces-32's test faces wear no glasses.
    @Test func heldOutAccuracyIsComparedWithTheBaseRate() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let printed = evaluateLine("trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 1, batch: 4)")
        #expect(printed.contains("% on 1000 faces; always guessing \"no\" scores 81.2%"))
    }
}
