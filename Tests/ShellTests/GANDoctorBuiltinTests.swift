import Foundation
import Testing
import TestSupport
@testable import Shell

/// `doctor`, `rollBack` and the DCGAN's new knobs at the prompt: what they print and what they refuse.
@Suite(.temporaryFolders) struct GANDoctorBuiltinTests {
    static let cases: [(lines: [String], printed: String)] = [
        (["DCGAN(imageSize: 48)"], "error: DCGAN: 'imageSize' must be 32 or 64"),
        (["doctor(Linear(2, 2))"], "error: doctor: 'gan' must be a DCGAN — make one with DCGAN()"),
        (["doctor(DCGAN(latent: 8, width: 4))"],
         "error: doctor: 'gan' has no training run the doctor watched — the doctor remembers only the last GAN trained with trainGAN, so train this one (again) first"),
        (["let g = DCGAN(latent: 8, width: 4)", "trainGAN(g, steps: 2, batch: 4)", "rollBack(g)"],
         "error: rollBack: 'gan' has no healthy checkup to go back to (the doctor checks every 25 steps) — make a new DCGAN and change one setting"),
        (["let g = DCGAN(latent: 8, width: 4)", "let h = DCGAN(latent: 8, width: 4)", "trainGAN(g, steps: 1, batch: 4)",
          "trainGAN(h, steps: 1, batch: 4)", "doctor(g)"],
         "error: doctor: 'gan' has no training run the doctor watched — the doctor remembers only the last GAN trained with trainGAN, so train this one (again) first"),
    ]

    @Test(arguments: cases)
    func prints(lines: [String], printed: String) {
        #expect(shownLine(lines) == printed)
    }

    @Test func trainGANEndsWithTheDoctorsReportAndRollBackUsesTheLearnersName() throws {
        let session = makeSession()
        let printed = transcript(session, ["seed(2)", "let patient = DCGAN(latent: 8, width: 4)",
                                           "let run = trainGAN(patient, steps: 25, batch: 4, every: 25)",
                                           "run.diversity", "doctor(patient)", "rollBack(patient)"])
        let lines = printed.components(separatedBy: "\n")
        // Bound with let, the run still shows the doctor's report, then the diversity figure.
        let report = try #require(lines.firstIndex { $0.hasPrefix("GAN doctor: ") })
        #expect(lines[report].hasPrefix("GAN doctor: nothing wrong found in 25 steps (D(x) "))
        #expect(lines[report + 1].hasPrefix("Diversity of the fixed-noise faces: "))
        let diversity = try #require(lines.firstIndex { $0.hasPrefix("GAN doctor: ") }.map { lines[$0 + 2] })
        #expect(Double(diversity) != nil, "run.diversity printed \(diversity)")
        // doctor(patient) prints the same report again.
        #expect(lines.filter { $0.hasPrefix("GAN doctor: nothing wrong found in 25 steps") }.count == 2)
        #expect(lines.last == "patient is back at step 25, the doctor's last healthy checkup (it was at step 25); its optimisers "
            + "start afresh. Change a setting before you train it again.")
        // The grid is the labelled, enlarged one, captioned in the picture and in the metadata.
        let grid = session.context.outputFolder.appendingPathComponent("gan-step-000025.png")
        let png = try ExperimentsFixtures.readPNG(grid)
        #expect(png.text["Title"] == "gan step 25: G(z) for the same 32 noise vectors z")
        #expect(png.text["Rows"] == "z 1-8; z 9-16; z 17-24; z 25-32")
        #expect(png.width > 8 * 128 && png.height > 4 * 128)
    }

    @Test func theDoctorSpeaksUpDuringTheRunAndReportsAfterIt() throws {
        let session = makeSession()
        var notes: [String] = []
        session.context.onNote = { notes.append($0) }
        let printed = transcript(session, ["seed(1)", "let sick = DCGAN(latent: 8, width: 4, batchNorm: false)",
                                           "trainGAN(sick, steps: 75, batch: 32, lr: 0.05, every: 75)"])
        #expect(notes.first == "GAN doctor at step 50: the samples collapsed. More when the run ends.", "\(notes)")
        // The report after the run names every problem the notes announced.
        let lines = printed.components(separatedBy: "\n")
        let report = try #require(lines.first { $0.hasPrefix("GAN doctor: ") })
        #expect(report == "GAN doctor: \(notes.count == 1 ? "one problem" : "\(notes.count) problems") in 75 steps.", "\(printed)")
    }
}
