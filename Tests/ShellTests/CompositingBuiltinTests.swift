import Foundation
import Shell
import Testing
import TestSupport

/// Lesson 4's compositing at the prompt: the seam measure and the swapper's code dropout. The
/// pictures are pair-32's held-out frames and their true answers, so no training is needed.
@Suite(.temporaryFolders) struct CompositingBuiltinTests {
    static let exam = ["let exam = swapExam()", "let truth = trueB(exam)", "let mask = faceMask(exam)",
                       "let hardMask = faceMask(exam, feather: 0)"]

    @Test func theUntouchedFrameHasNoSeam() {
        #expect(shownLine(Self.exam + ["seam(exam, frames: exam, mask: mask)"]) == "0")
    }

    @Test func blendingLeavesAWeakerSeamThanAHardCutAndColourMatchingAWeakerOneStill() throws {
        let session = makeSession()
        transcript(session, Self.exam + [
            "let cut = seam(blend(truth, into: exam, mask: hardMask), frames: exam, mask: hardMask)",
            "let blended = seam(blend(truth, into: exam, mask: mask), frames: exam, mask: mask)",
            "let matched = seam(blend(matchColour(truth, to: exam, mask: mask), into: exam, mask: mask), frames: exam, mask: mask)",
        ])
        func number(_ name: String) throws -> Double {
            try #require(Double(transcript(session, [name]).components(separatedBy: "\n").last ?? ""))
        }
        let cut = try number("cut"), blended = try number("blended"), matched = try number("matched")
        #expect(blended < cut * 0.8, "blended \(blended), cut \(cut)")
        #expect(matched < blended * 0.8, "matched \(matched), blended \(blended)")
    }

    static let errors: [(line: String, message: String)] = [
        ("seam(exam, frames: exam, mask: ones([100, 1, 32, 32]))",
         "error: seam: 'mask' has no edge to measure along (it is all face or all frame)"),
        ("seam(exam, frames: truth, mask: zeros([1, 1, 32, 32]))",
         "error: seam: 'mask' must have shape [100, 1, 32, 32], not [1, 1, 32, 32]; make it with faceMask(…)"),
        ("seam(exam, frames: zeros([2, 3, 32, 32]), mask: mask)",
         "error: seam: 'frames' must have the faces' shape [100, 3, 32, 32], not [2, 3, 32, 32]"),
        ("seam(zeros([100, 1, 32, 32]), frames: exam, mask: mask)",
         "error: seam: 'pasted' must be colour pictures [N, 3, H, W], not shape [100, 1, 32, 32]"),
        ("FaceSwap(codeDropout: 1)", "error: FaceSwap: 'codeDropout' must be between 0 and 0.9"),
        ("FaceSwap(codeDropout: -0.1)", "error: FaceSwap: 'codeDropout' must be between 0 and 0.9"),
    ]

    @Test(arguments: errors)
    func reportsError(line: String, message: String) {
        #expect(shownLine(Self.exam + [line]) == message)
    }

    @Test func theSwappersCodeDropoutIsALayerTheLearnerCanSee() {
        let printed = transcript(makeSession(), ["FaceSwap(latent: 8, width: 4, codeDropout: 0.2).code_dropout"])
        #expect(printed.contains("  0  Dropout(p=0.2)  "), "\(printed)")
    }
}
