import Foundation
import Imaging
import Testing
import TestSupport

/// A whole lesson's worth of work through the real `lab` binary: an autoencoder trained on
/// faces-32, its reconstructions, a tiny GAN and its samples, and the loss plot. The pictures
/// must decode at the right sizes and say they are synthetic, and a second run into the same
/// folder must add files without replacing one.
@Suite(.temporaryFolders) struct TrainingEndToEndTests {
    static let script = """
        seed(1)
        let ae = Autoencoder(latent: 8, width: 4)
        let data = faces("faces-32", count: 32)
        let run = train(ae, inputs: data, targets: data, steps: 3, batch: 8, every: 2)
        reconstruct(ae, data).shape
        let gan = DCGAN(latent: 8, width: 4)
        let ganRun = trainGAN(gan, steps: 2, batch: 4)
        sample(gan, count: 4).shape
        plot(run)
        """

    /// Each picture the script writes and its size: a grid cell is 32 pixels plus a 2-pixel
    /// gutter, with one more gutter at the right and bottom edges.
    static let pictures: [String: (width: Int, height: Int)] = [
        "train-step-000002.png": (274, 70),      // 8 faces above their 8 reconstructions
        "train-step-000003.png": (274, 70),      // and again after the last step
        "reconstruction.png": (138, 138),        // 8 originals and 8 reconstructions, 4 across
        "gan-step-000002.png": (1118, 550),      // 32 faces from fixed noise, 8 across, 4× with row names and a title
        "sample.png": (70, 70),                  // 4 faces, 2 across
        "train-plot.png": (640, 401),            // a line chart: title, axes with ticks, a one-line legend
    ]

    @Test func trainsReconstructsSamplesAndPlotsWithoutOverwriting() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        let folder = try ShellEndToEndTests.temporaryFolder().appendingPathComponent("session")
        let first = try runLab(["--out", folder.path, "--no-images"], input: Self.script)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("run = LossHistory[3 steps: loss]\n[32, 3, 32, 32]\n"))
        // Bound with let, the GAN's run still shows the doctor's report (no finding, no diversity yet in 2 steps).
        #expect(first.out.contains("ganRun = LossHistory[2 steps: loss D, loss G, D(x), D(G(z))]\nGAN doctor: nothing wrong found in 2 steps (D(x) "))
        #expect(first.out.contains("gradients within range).\n[4, 3, 32, 32]\n"))
        #expect(first.out.contains("\nloss  ") && first.out.hasSuffix("plot in \(folder.path)/train-plot.png\n"))

        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == (Array(Self.pictures.keys) + ["gan-loss.csv", "train-loss.csv"]).sorted())
        for (name, size) in Self.pictures {
            let (image, text) = try PNGFile.read(folder.appendingPathComponent(name).path)
            #expect((image.width, image.height) == size, "\(name)")
            #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel }, "\(name)")
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("gan-loss.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("step,loss D,loss G,D(x),D(G(z))\n1,"))

        // The same script again, into the same folder: every earlier file untouched, new ones beside them.
        let before = try contents(of: folder)
        let second = try runLab(["--out", folder.path, "--no-images"], input: Self.script)
        #expect(second.status == 0, "\(second.err)")
        let after = try contents(of: folder)
        for (name, data) in before { #expect(after[name] == data, "\(name) was replaced") }
        #expect(after.count == 2 * before.count)
        for name in ["train-2-loss.csv", "train-2-step-000003.png", "gan-2-step-000002.png", "reconstruction-2.png",
                     "sample-2.png", "train-2-plot.png"] {
            #expect(after[name] != nil, "\(name) missing")
        }
    }

    private func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
