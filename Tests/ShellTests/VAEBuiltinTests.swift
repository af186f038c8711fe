import Engine
import Foundation
import Imaging
import Testing
import TestSupport
import Models
@testable import Shell

/// `VAE`, `trainVAE`, `compareSamples`, and `sample`/`reconstruct`/`interpolate` given a VAE or a
/// plain autoencoder: what they print, the exact errors for wrong arguments, and the labelled PNGs.
@Suite(.temporaryFolders) struct VAEBuiltinTests {
    static let cases: [(lines: [String], printed: String)] = [
        (["let vae = VAE(latent: 8, width: 4)"], "vae = VariationalAutoencoder (11,963 parameters)"),
        (["sample(VAE(latent: 8, width: 4), count: 3).shape"], "[3, 3, 32, 32]"),
        (["sample(Autoencoder(latent: 8, width: 4), count: 2, seed: 4).shape"], "[2, 3, 32, 32]"),
        (["reconstruct(VAE(latent: 8, width: 4), faces(count: 2)).shape"], "[2, 3, 32, 32]"),
        (["interpolate(VAE(latent: 8, width: 4), from: 0, to: 1, steps: 3).shape"], "[3, 3, 32, 32]"),
        (["let vae = VAE(latent: 8, width: 4)", "trainVAE(vae, steps: 2, batch: 4)", "trainVAE(vae, steps: 1, batch: 4).steps"], "3"),
        (["VAE(latent: 0)"], "error: VAE: 'latent' must be between 1 and 1024, not 0"),
        (["VAE(width: 300)"], "error: VAE: 'width' must be between 1 and 256, not 300"),
        (["trainVAE(Autoencoder(latent: 8, width: 4))"], "error: trainVAE: 'model' must be a VAE — make one with VAE()"),
        (["trainVAE(VAE(latent: 8, width: 4), beta: -1)"], "error: trainVAE: 'beta' must be between 0 and 100"),
        (["trainVAE(VAE(latent: 8, width: 4), warmup: -5)"], "error: trainVAE: 'warmup' must be between 0 and 1000000, not -5"),
        (["trainVAE(VAE(latent: 8, width: 4), data: \"faces-64\", steps: 1)"],
         "error: dataset: the training pictures are 3×64×64; this model takes 3×32×32 RGB faces (datasets-small/faces-32 or pair-32)"),
        (["compareSamples(VAE(latent: 8, width: 4), DCGAN(latent: 8, width: 4))"],
         "error: compareSamples: 'second' must be an Autoencoder or a VAE — make one with Autoencoder() or VAE()"),
        (["compareSamples(VAE(latent: 8, width: 4), VAE(latent: 4, width: 4), count: 17)"],
         "error: compareSamples: 'count' must be between 1 and 16, not 17"),
        (["sample(VAE(latent: 8, width: 4), count: 0)"], "error: sample: 'count' must be between 1 and 256, not 0"),
    ]

    @Test(arguments: cases)
    func prints(lines: [String], printed: String) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        #expect(shownLine(lines) == printed)
    }

    /// A short run scores the VAE on held-out faces like the autoencoder (`run.heldOutPSNR`), and
    /// writes its grids (held-out, redrawn, two rows of samples) labelled as synthetic.
    @Test func trainingScoresHeldOutFacesAndWritesLabelledGrids() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let session = makeSession()
        let printed = transcript(session, ["let vae = VAE(latent: 4, width: 4)",
                                           "let run = trainVAE(vae, steps: 3, batch: 4, every: 1)", "run.heldOutPSNR"])
        #expect(printed.contains("held-out reconstructions of 200 faces: PSNR "))
        let psnr = try #require(Double(printed.components(separatedBy: "\n").last ?? ""))
        #expect(psnr > 5 && psnr < 100)
        let folder = session.context.outputFolder
        let grid = try PNGFile.read(folder.appendingPathComponent("vae-step-000003.png").path)
        #expect(grid.text.contains { $0.key == "Rows" && $0.value == "held-out; redrawn; sampled; sampled" })
        #expect(grid.text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("vae-timelapse.gif").path))
    }

    /// The side-by-side picture: one named row per model, the same seed's codes, labelled.
    @Test func compareSamplesWritesOneNamedRowPerModel() throws {
        let session = makeSession()
        let printed = transcript(session, ["compareSamples(Autoencoder(latent: 8, width: 4), VAE(latent: 8, width: 4), count: 3, seed: 2)"])
        let url = session.context.outputFolder.appendingPathComponent("sample-comparison.png")
        #expect(printed == "rows: autoencoder: Autoencoder(latent=8, width=4); VAE: VariationalAutoencoder(latent=8, width=4)\n"
                + "picture in \(url.path)")
        let (image, text) = try PNGFile.read(url.path)
        // LabelledGrid: "autoencoder" is 11 letters of 4 px less 1, drawn 2× (86) plus a 4 px gutter;
        // 3 faces at 4× with 4 px gutters; a title line of 18 px, 2 rows of 132, a closing gutter.
        #expect((image.width, image.height) == (90 + 3 * 132 + 4, 18 + 2 * 132 + 4))
        #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        #expect(text.contains { $0.key == "Content" && $0.value.hasSuffix("with seed 2, one row per model") })
    }

    /// `sample(…, name:)` keeps two models' samples in two files instead of one over the other.
    @Test func samplesGoToTheNamedFile() throws {
        let session = makeSession()
        transcript(session, ["sample(Autoencoder(latent: 4, width: 2), count: 2, name: \"plain\")",
                             "sample(VAE(latent: 4, width: 2), count: 2, name: \"variational\")"])
        for name in ["plain", "variational"] {
            let (image, text) = try PNGFile.read(session.context.outputFolder.appendingPathComponent(name + ".png").path)
            #expect((image.width, image.height) == (2 * 34 + 2, 34 + 2))  // ImageGrid: 2 columns, one row
            #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        }
    }

    /// Typing the model's name follows a face through it: encoder, the μ half, decoder.
    @Test func summaryFollowsAFaceThroughTheThreeSteps() {
        let printed = transcript(makeSession(), ["let vae = VAE(latent: 4, width: 2)", "vae"]).components(separatedBy: "\n")
        #expect(printed.contains { $0.hasPrefix("VariationalAutoencoder: 3 parts, 3,167 parameters") })
        #expect(printed.contains { $0.contains("mean: GaussianMean(latent=4)") && $0.contains("[1, 4]") })
        #expect(printed.contains { $0.contains("decoder: Sequential(…)") && $0.contains("[1, 3, 32, 32]") })
        #expect(!printed.contains { $0.contains("no longer fits") })
    }

    /// Two models of one kind get numbered row names, so the picture still says which is which.
    @Test func twoModelsOfOneKindGetNumberedRows() throws {
        let printed = evaluateLine("compareSamples(VAE(latent: 2, width: 2), VAE(latent: 3, width: 2), count: 1)")
        #expect(printed.hasPrefix("rows: VAE 1: VariationalAutoencoder(latent=2, width=2); VAE 2: VariationalAutoencoder(latent=3, width=2)"))
    }
}
