import Foundation
import Imaging
import Testing
import TestSupport
@testable import Shell

/// `ToyGAN`, `trainToyGAN` and `modes` at the prompt: what they print and what they refuse.
@Suite(.temporaryFolders) struct ToyGANBuiltinTests {
    static let cases: [(lines: [String], printed: String)] = [
        (["ToyGAN(hidden: 0)"], "error: ToyGAN: 'hidden' must be between 1 and 512, not 0"),
        (["trainToyGAN(Linear(2, 2))"], "error: trainToyGAN: 'gan' must be a ToyGAN — make one with ToyGAN()"),
        (["trainToyGAN(ToyGAN(), loss: \"wasserstein\")"], "error: trainToyGAN: 'loss' must be \"non-saturating\" or \"saturating\""),
        (["trainToyGAN(ToyGAN(), gSteps: 0)"], "error: trainToyGAN: 'gSteps' must be between 1 and 20, not 0"),
        (["modes(DCGAN(latent: 8, width: 4))"], "error: modes: 'gan' must be a ToyGAN — make one with ToyGAN()"),
        (["modes(ToyGAN()).covered"], "0"),
        (["let toy = ToyGAN()", "trainToyGAN(toy, steps: 10, every: 5)", "trainToyGAN(toy, steps: 10, every: 5).steps"], "20"),
    ]

    @Test(arguments: cases)
    func prints(lines: [String], printed: String) {
        #expect(shownLine(lines) == printed)
    }

    @Test func modesWritesALabelledPictureAndSaysWhatItCounted() throws {
        let session = makeSession()
        let printed = transcript(session, ["seed(1)", "modes(ToyGAN())"]).components(separatedBy: "\n")
        let url = session.context.outputFolder.appendingPathComponent("toygan-modes.png")
        #expect(printed.suffix(3) == ["0 of 8 modes covered; 0% of samples on a mode",
                                      "samples on each mode: 0 0 0 0 0 0 0 0",
                                      "picture in \(url.path)"])
        let (_, text) = try PNGFile.read(url.path)
        #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
    }
}
