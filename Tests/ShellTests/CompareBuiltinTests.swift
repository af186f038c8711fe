import Foundation
import Imaging
import Testing
import TestSupport
@testable import Shell

/// `compare(run1, run2)`: what it refuses, the table it prints, and the picture it writes.
@Suite(.temporaryFolders) struct CompareBuiltinTests {
    static let toy = "trainToyGAN(ToyGAN(hidden: 8), steps: 4, every: 2, batch: 8"

    static let errors: [(lines: [String], printed: String)] = [
        (["let a = \(toy))", "compare(a)"],
         "error: compare: needs 2 to 4 runs, got 1 — e.g. let run1 = trainToyGAN(ToyGAN()), let run2 = trainToyGAN(ToyGAN(), lr: 0.01), then compare(run1, run2)"),
        (["compare()"],
         "error: compare: needs 2 to 4 runs, got 0 — e.g. let run1 = trainToyGAN(ToyGAN()), let run2 = trainToyGAN(ToyGAN(), lr: 0.01), then compare(run1, run2)"),
        (["let a = \(toy))", "compare(a, 3)"],
         "error: compare: run 2 is a number, not a training run — give what a training built-in returned, e.g. let run1 = trainToyGAN(ToyGAN())"),
        (["compare(ToyGAN(), ToyGAN())"],
         "error: compare: run 1 is a ToyGAN layer, not a training run — give what a training built-in returned, e.g. let run1 = trainToyGAN(ToyGAN())"),
        (["let a = \(toy))", "let b = train(Linear(2, 1), inputs: randn([8, 2]), targets: randn([8, 1]), steps: 2)", "compare(a, b)"],
         "error: compare: run 1 came from trainToyGAN but run 2 from train — only runs of the same training built-in can share axes"),
    ]

    @Test(arguments: errors)
    func refuses(lines: [String], printed: String) {
        let output = transcript(makeSession(), lines).components(separatedBy: "\n")
        #expect(output.first { $0.hasPrefix("error:") } == printed)
    }

    /// Two toy GANs differing in their loss: the table names the setting that differs (and no
    /// other), the picture holds both runs' curves and last frames, and its labels say which is which.
    @Test func comparesTwoRunsByTheSettingThatDiffers() throws {
        let session = makeSession()
        let printed = transcript(session, ["seed(3)", "let a = \(Self.toy))", "let b = \(Self.toy), loss: \"saturating\")", "compare(a, b)"])
        let lines = printed.components(separatedBy: "\n")
        let url = session.context.outputFolder.appendingPathComponent("compare-toygan-vs-toygan-2.png")
        let start = try #require(lines.firstIndex { $0.hasPrefix("run ") })
        let table = Array(lines[start...])
        #expect(table.first == "run      toygan          toygan-2")
        #expect(table.dropFirst().first == "loss     non-saturating  saturating")
        #expect(table.dropFirst(2).first == "steps    4               4")
        #expect(table.contains { $0.hasPrefix("time     ") })
        for row in ["loss D ", "loss G ", "D(x) ", "D(G(z)) ", "modes ", "onModes "] { #expect(table.contains { $0.hasPrefix(row) }) }
        #expect(table.contains("(metrics: the mean of each run's last 20 steps)"))
        #expect(table.last == "picture in \(url.path)")

        let (image, text) = try PNGFile.read(url.path)
        #expect(text.contains { $0.key == "Synthetic" && $0.value == PNGFile.syntheticLabel })
        #expect(text.contains { $0.key == "Content" && $0.value.hasPrefix(
            "comparison of trainToyGAN runs: toygan = loss non-saturating (red); toygan-2 = loss saturating (blue).") })
        // Two columns of 480-pixel charts, above the two toy frames side by side (each 384 wide).
        #expect(image.width == 2 * 480)
        #expect(image.height > 2 * 200 + 384)
    }

    @Test func runsThatDifferInNothingAreNamedByTheirFiles() throws {
        let session = makeSession()
        let printed = transcript(session, ["let a = \(Self.toy))", "let b = \(Self.toy))", "compare(a, b, name: \"same\")"])
        let url = session.context.outputFolder.appendingPathComponent("same.png")
        #expect(printed.hasSuffix("picture in \(url.path)"))
        #expect(printed.contains("\nrun      toygan  toygan-2\nsteps    4       4\n"))
        let (_, text) = try PNGFile.read(url.path)
        #expect(text.contains { $0.key == "Content" && $0.value.hasPrefix("comparison of trainToyGAN runs: toygan = toygan (red); toygan-2 = toygan-2 (blue).") })
        let runs = try ["a", "b"].map { name -> TrainingRun in
            guard case .object(let run as TrainingRun)? = session.evaluator.variables[name]?.value else { throw CompareTestError.notARun }
            return run
        }
        let comparison = RunComparison(runs: runs)
        #expect(comparison.differingSettings.isEmpty)
        #expect(comparison.runNames == ["toygan", "toygan-2"])
        #expect(RunComparison(runs: [runs[0], runs[1], runs[0]]).runNames == ["toygan", "toygan-2", "toygan"])
    }

    /// A model setting is cut to the arguments that differ, so the legend says `model latent=8`.
    static let modelSettings: [(values: [String], shown: [String])] = [
        (["Autoencoder(latent=8, width=4)", "Autoencoder(latent=16, width=4)"], ["latent=8", "latent=16"]),
        (["DCGAN(latent=8, width=4)", "DCGAN(latent=8, width=8, upsampling=nearest+conv)"],
         ["DCGAN(latent=8, width=4)", "DCGAN(latent=8, width=8, upsampling=nearest+conv)"]),
        (["ToyGAN(latent=2, hidden=64)", "Sequential (9 parameters)"], ["ToyGAN(latent=2, hidden=64)", "Sequential (9 parameters)"]),
        (["0.001", "0.01"], ["0.001", "0.01"]),
    ]

    @Test(arguments: modelSettings)
    func settingsAreShownByWhatDiffers(values: [String], shown: [String]) throws {
        let session = makeSession()
        transcript(session, ["let a = \(Self.toy))", "let b = \(Self.toy))"])
        let runs = try ["a", "b"].map { name -> TrainingRun in
            guard case .object(let run as TrainingRun)? = session.evaluator.variables[name]?.value else { throw CompareTestError.notARun }
            return run
        }
        let comparison = RunComparison(runs: zip(runs, values).map { run, value in
            var changed = run
            changed.settings = [(name: "model", value: value)]
            return changed
        })
        #expect(comparison.shortValues("model") == shown)
        #expect(comparison.runNames == shown.map { "model " + $0 })
    }

    /// A run keeps its call's every argument as short text: the model by its first printed line,
    /// strings without quotes, numbers as typed, defaults included.
    @Test func aRunRemembersItsSettings() throws {
        let session = makeSession()
        transcript(session, ["let a = \(Self.toy), loss: \"saturating\")"])
        guard case .object(let run as TrainingRun)? = session.evaluator.variables["a"]?.value else { throw CompareTestError.notARun }
        #expect(run.kind == "trainToyGAN")
        #expect(run.settings.map { "\($0.name) \($0.value)" } == [
            "gan ToyGAN(latent=2, hidden=8)", "loss saturating", "dSteps 1", "gSteps 1",
            "lr 0.001", "betas [0.5, 0.999]", "steps 4", "batch 8", "seed 0", "every 2",
        ])
        #expect(run.sampleFiles.map(\.lastPathComponent) == ["toygan-step-000002.png", "toygan-step-000004.png"])
    }

    @Test(arguments: [(8.0, "8"), (0.25, "0.2500"), (27.41, "27.4100")])
    func scoresPrintAsCountsOrMetrics(value: Double, text: String) {
        #expect(RunComparison.formatScore(value) == text)
    }

    enum CompareTestError: Error { case notARun }
}
