import Foundation
import Testing
import TestSupport
@testable import Shell

/// The scores `trainAutoencoder` and `trainFaceSwap` leave on their run, which lessons 3 and 4
/// check: the printed line and the numbers a check reads must agree.
@Suite(.temporaryFolders) struct TrainingScoreTests {
    @Test func anAutoencoderRunCarriesItsHeldOutScore() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let lines = transcript(makeSession(), [
            "seed(3)",
            "let run = trainAutoencoder(Autoencoder(latent: 8, width: 4), steps: 2, batch: 4)",
            "run.heldOutPSNR",
            "run.heldOutSSIM",
        ]).components(separatedBy: "\n")
        try #require(lines.count == 4)
        #expect(lines[0] == "run = LossHistory[2 steps: loss]")
        let psnr = try #require(Double(lines[2])), ssim = try #require(Double(lines[3]))
        // An untrained network draws a grey blur: far from the faces, but not infinitely far.
        #expect(psnr > 5 && psnr < 20)
        #expect(ssim > -1 && ssim < 0.5)
        #expect(lines[1] == "held-out reconstructions of 200 faces: PSNR \(String(format: "%.2f", psnr)) dB, "
                + "SSIM \(String(format: "%.3f", ssim))")
    }

    @Test func aFaceSwapRunCarriesTheSwapAndTheBaseline() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/pair-32/manifest.csv"))
        let lines = transcript(makeSession(), [
            "seed(3)",
            "let run = trainFaceSwap(FaceSwap(latent: 8, width: 4), steps: 2, batch: 2)",
            "run.swapPSNR", "run.swapSSIM", "run.baselinePSNR", "run.baselineSSIM",
        ]).components(separatedBy: "\n")
        try #require(lines.count == 6)
        let numbers = try lines[2...].map { try #require(Double($0)) }
        let f = { (value: Double, digits: Int) in String(format: "%.\(digits)f", value) }
        #expect(lines[1] == "swap A→B on 100 held-out faces: PSNR \(f(numbers[0], 2)) dB, SSIM \(f(numbers[1], 3)) "
                + "(the mean B face scores PSNR \(f(numbers[2], 2)) dB, SSIM \(f(numbers[3], 3)))")
    }
}
