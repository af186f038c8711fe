import Models
import Engine
import Faces
import Foundation

/// The numbers a lesson's check reads after an autoencoder or a face swap has trained: how close
/// its pictures come to the truth on faces it never saw, as PSNR and SSIM (see `ImageQuality`).

/// How many held-out faces an autoencoder is scored on: enough for a steady mean (±0.1 dB
/// between halves), few enough to take well under a second.
let autoencoderScoreFaces = 200

/// The autoencoder's (or the VAE's) reconstructions of the first held-out faces of `data`, scored against the
/// faces themselves. Printed under the run, and readable as `run.heldOutPSNR` and `run.heldOutSSIM`.
func scoreAutoencoder(_ model: any Autoencoding, data: String, _ arguments: CallArguments, run: inout TrainingRun) throws {
    let (_, heldOut) = try FaceDatasetLoader.load(try datasetFolder(data, arguments, nameParameter: "data").path).split()
    let faces = try heldOut.firstImages(autoencoderScoreFaces)
    let (psnr, ssim) = try SwapScore.meanQuality(try model.reconstruct(faces), faces)
    run.extraLines.append("held-out reconstructions of \(faces.shape[0]) faces: PSNR \(formatDecimal(psnr, digits: 2)) dB, "
                          + "SSIM \(formatDecimal(ssim, digits: 3))")
    run.scores += [("heldOutPSNR", psnr), ("heldOutSSIM", ssim)]
}

/// The swap's score (already printed under the run) as numbers a check can read:
/// `run.swapPSNR` against `run.baselinePSNR`, `run.swapSSIM` against `run.baselineSSIM`.
func swapScores(_ score: SwapScore) -> [(name: String, value: Double)] {
    [("swapPSNR", score.psnr), ("swapSSIM", score.ssim), ("baselinePSNR", score.baselinePSNR), ("baselineSSIM", score.baselineSSIM)]
}
