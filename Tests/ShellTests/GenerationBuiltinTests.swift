import Engine
import Foundation
import Imaging
import Testing
import TestSupport
import Models
@testable import Shell

/// `sample`, `reconstruct`, `interpolate` and `plot` at the prompt: what they print, what they
/// refuse, and the labelled PNGs they leave in the session's folder.
@Suite(.temporaryFolders) struct GenerationBuiltinTests {
    static let cases: [(lines: [String], printed: String)] = [
        (["sample(DCGAN(latent: 8, width: 4), count: 3).shape"], "[3, 3, 32, 32]"),
        (["reconstruct(Autoencoder(latent: 8, width: 4), faces(count: 2)).shape"], "[2, 3, 32, 32]"),
        (["interpolate(Autoencoder(latent: 8, width: 4), from: 0, to: 1, steps: 5).shape"], "[5, 3, 32, 32]"),
        (["interpolate(Autoencoder(latent: 8, width: 4), from: faces(count: 1), to: zeros([3, 32, 32])).shape"], "[8, 3, 32, 32]"),
        (["interpolate(Autoencoder(latent: 8, width: 4), from: 0, to: 99999)"], "error: interpolate: 'to' must be between 0 and 10999, not 99999"),
        (["interpolate(DCGAN(latent: 8, width: 4), from: 1, to: 2, steps: 3).shape"], "[3, 3, 32, 32]"),
        (["interpolate(DCGAN(latent: 8, width: 4), from: randn([8]), to: randn([8])).shape"], "[8, 3, 32, 32]"),
        (["sample(Linear(2, 2))"], "error: sample: 'model' must be a DCGAN, a VAE or an Autoencoder — make one with DCGAN() or VAE()"),
        (["sample(DCGAN(latent: 8, width: 4), count: 0)"], "error: sample: 'count' must be between 1 and 256, not 0"),
        (["reconstruct(DCGAN(latent: 8, width: 4), zeros([1, 3, 32, 32]))"],
         "error: reconstruct: 'model' must be an Autoencoder or a VAE — make one with Autoencoder() or VAE()"),
        (["interpolate(Linear(2, 2), from: 1, to: 2)"], "error: interpolate: 'model' must be an Autoencoder, a VAE or a DCGAN"),
        (["interpolate(DCGAN(latent: 8, width: 4), from: 1, to: 2, steps: 1)"],
         "error: interpolate: 'steps' must be between 2 and 64, not 1"),
        (["reconstruct(Autoencoder(latent: 8, width: 4), zeros([0, 3, 32, 32]))"],
         "error: reconstruct: 'faces' holds no pictures (shape [0, 3, 32, 32])"),
        (["train(Linear(1, 1), inputs: zeros([0, 1]), targets: zeros([0, 1]))"], "error: train: the inputs hold no examples (shape [0, 1])"),
        (["let ae = Autoencoder(latent: 8, width: 4)", "trainAutoencoder(ae, steps: 2, batch: 4)", "trainAutoencoder(ae, steps: 1, batch: 4).steps"], "3"),
        (["trainAutoencoder(DCGAN(latent: 8, width: 4))"], "error: trainAutoencoder: 'model' must be an Autoencoder — make one with Autoencoder()"),
        (["plot(3)"], "error: plot: 'history' must be what a training built-in returned, e.g. let run = train(…)"),
        (["let run = train(Linear(2, 1), inputs: zeros([8, 2]), targets: ones([8, 1]), steps: 3)"],
         "run = LossHistory[3 steps: loss]"),
        (["let run = train(Linear(2, 1), inputs: zeros([8, 2]), targets: ones([8, 1]), steps: 3)", "run.steps"], "3"),
    ]

    @Test(arguments: cases)
    func prints(lines: [String], printed: String) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        #expect(shownLine(lines) == printed)
    }

    /// The plot is a labelled PNG of the run, and the terminal gets a sparkline of the same curve.
    @Test func plotWritesALabelledPictureAndASparkline() throws {
        let session = makeSession()
        let printed = transcript(session, [
            "seed(1)",
            "let run = train(Linear(2, 1), inputs: randn([16, 2]), targets: ones([16, 1]), steps: 30, lr: 0.05)",
            "plot(run)",
        ])
        let lines = printed.components(separatedBy: "\n")
        let curve = try #require(lines.first { $0.hasPrefix("loss  ") })
        #expect(curve.contains(" → ") && curve.contains("█") && curve.contains("▁"))
        let url = session.context.outputFolder.appendingPathComponent("train-plot.png")
        #expect(lines.last == "plot in \(url.path)")
        let (image, text) = try PNGFile.read(url.path)
        #expect(image.width == LinePlot.chartWidth && image.height > 300)
        #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        #expect(text.contains { $0.key == "Content" && $0.value.hasPrefix("line chart of 30 training steps: loss (red); y (loss) ") })
        #expect(text.contains { $0.key == "Content" && $0.value.hasSuffix(", x (step) from 0 to 30") })
    }

    static let sparklines: [(values: [Double], width: Int, line: String)] = [
        ([0, 1, 2, 3, 4, 5, 6, 7], 8, "▁▂▃▄▅▆▇█"),
        ([7, 6, 5, 4, 3, 2, 1, 0], 4, "█▆▄▂"),
        ([2, 2, 2], 10, "▁▁▁"),
        ([1, .nan, 3], 10, "▁█"),
        ([], 10, ""),
    ]

    @Test(arguments: sparklines)
    func sparkline(values: [Double], width: Int, line: String) {
        #expect(LossPlot.sparkline(values, width: width) == line)
    }
}
