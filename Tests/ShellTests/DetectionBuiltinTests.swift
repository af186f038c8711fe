import Foundation
import Shell
import Testing

@Suite struct DetectionBuiltinTests {
    /// A session in a fresh folder that is removed afterwards.
    func withSession(_ body: (Session, URL) throws -> Void) rethrows {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lab-detection-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(Session(outputFolder: folder), folder)
    }

    @Test func watermarkThenVerify() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, _ in
            let output = transcript(session, ["let m = watermark(faces(count: 4), key: \"k\")", "verify(m, key: \"k\")",
                                              "verify(faces(count: 4), key: \"k\")", "verify(m, key: \"other\")"])
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.contains("4 of 4 marked with key \"k\" (threshold 3.03: at most 1 % false alarms)"))
            #expect(lines.contains("0 of 4 marked with key \"k\" (threshold 3.03: at most 1 % false alarms)"))
            #expect(lines.contains("0 of 4 marked with key \"other\" (threshold 3.03: at most 1 % false alarms)"))
        }
    }

    @Test func spectrumAndItsCurve() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, _ in
            let output = transcript(session, ["spectrum(faces(count: 8)).curve.shape", "let s = spectrum(faces(count: 8))", "s"])
            #expect(output.hasPrefix("[17]\ns = Spectrum[32×32, mean of 8]"))
        }
    }

    /// With markPictures on, `show` writes a marked PNG with the XMP label; `inspect` finds
    /// both; `strip` removes the label and keeps the mark.
    @Test func markedPicturesInspectAndStrip() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, folder in
            let output = transcript(session, ["markPictures(key: \"k\")", "show(faces(count: 1), name: \"one\")",
                                              "inspect(\"one.png\", key: \"k\")", "strip(\"one.png\")",
                                              "inspect(\"one-stripped.png\", key: \"k\")"])
            #expect(output.contains("  XMP digital source type: trainedAlgorithmicMedia"))
            #expect(output.contains("  watermark, key \"k\": marked with this key"))
            #expect(output.contains("wrote \(folder.path)/one-stripped.png without 1 tEXt chunk and 3 iTXt chunks"))
            let afterStrip = output.components(separatedBy: "one-stripped.png: ").last ?? ""
            #expect(afterStrip.contains("  text chunks: none") && afterStrip.contains("marked with this key"))
        }
    }

    @Test(arguments: [
        ("verify(faces(count: 1), key: \"\")", "error: watermark: key must be a non-empty text, got \"\""),
        ("inspect(\"missing.png\")", "error: Cannot read 'missing.png': no such file; check the path and its permissions."),
        ("DCGAN(upsampling: \"bilinear\")", "error: DCGAN: 'upsampling' must be \"transposed\" or \"nearest\""),
    ])
    func mistakesGetOneSentence(line: String, expected: String) throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, folder in
            // Files are looked for in the output folder too; the message names where.
            #expect(transcript(session, [line]).replacingOccurrences(of: folder.path + "/", with: "").hasPrefix(expected))
        }
    }

    /// Untrained DCGAN samples carry the transposed convolutions' grid; the spectral detector
    /// separates them from faces, and evaluate reports the figures and writes two pictures.
    @Test func spectralDetectorAndEvaluation() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, folder in
            let output = transcript(session, [
                "let gan = DCGAN(width: 4)",
                "let d = spectralDetector(real: faces(count: 40), fake: sample(gan, count: 40, seed: 1))",
                "evaluate(d, real: faces(\"pair-32\", count: 40, role: \"A\"), fake: sample(gan, count: 40, seed: 2))",
            ])
            #expect(output.contains("d = SpectralDetector(17 frequencies, trained on 40 real + 40 fake)"))
            #expect(output.contains("accuracy 100.0 % at threshold 0.50; ROC AUC 1.000; average precision 1.000"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("evaluation-roc.png").path))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("evaluation-confusion.png").path))
        }
    }
}

extension DetectionBuiltinTests {
    /// A whole game at the prompt: three rounds, then the score beside the detector's.
    @Test func spotTheFakeGame() throws {
        try #require(FileManager.default.fileExists(atPath: "datasets-small/faces-32/manifest.csv"))
        withSession { session, _ in
            let output = transcript(session, [
                "let gan = DCGAN(width: 4)",
                "let d = spectralDetector(real: faces(count: 20), fake: sample(gan, count: 20, seed: 1))",
                "let g = spotTheFake(real: faces(\"pair-32\", count: 3, role: \"A\"), fake: sample(gan, count: 3, seed: 2), detector: d)",
                "g.pick(\"left\")", "g.pick(\"left\")", "g.pick(\"left\")", "g.pick(\"left\")", "g.score()",
            ])
            #expect(output.contains("g = SpotTheFake(0 of 3 rounds answered)"))
            #expect(output.contains("that was the last round: see .score()"))
            #expect(output.contains("error: spotTheFake: all 3 rounds are answered; look at the score or start a new game"))
            #expect(output.contains("spectral detector: 3 of 3 right (100 %) on the same pairs"))
            #expect(output.contains("you: "))
        }
    }
}
