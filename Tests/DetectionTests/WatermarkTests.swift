import Detection
import Engine
import Faces
import Foundation
import Imaging
import Testing

@Suite struct WatermarkTests {
    /// The fixed set these tests use: faces the renderer draws from seeds 9000…, which no
    /// shipped dataset uses (those start at 0), so nothing here was tuned on them.
    static func faces(_ count: Int, size: Int) -> [Image] {
        (0..<count).map { FaceRenderer.render(FaceAttributes.random(seed: 9000 + UInt64($0)), size: size) }
    }

    /// The fast 8×8 DCT against the definition, and back again.
    @Test func blockTransformMatchesTheDefinitionAndInverts() {
        var generator = RandomGenerator(seed: 3)
        let block = (0..<64).map { _ in generator.nextUniform() * 255 - 128 }
        let coefficients = BlockDCT.forward(block)
        let naive = (0..<64).map { BlockDCT.naiveCoefficient(block, u: $0 / 8, v: $0 % 8) }
        expectClose(coefficients, naive, tolerance: 1e-3)
        expectClose(BlockDCT.inverse(coefficients), block, tolerance: 1e-3)
    }

    /// 34 coefficients per block, none of them the DC term.
    @Test func bandIsTheMiddleToHighFrequencies() {
        #expect(Watermark.band.count == 34)
        #expect(Watermark.band.allSatisfy { (5...9).contains($0 / 8 + $0 % 8) })
        #expect(abs(Watermark.threshold - 3.0349) < 1e-4)
    }

    /// The targets on a fixed set of 100 rendered faces, at both sizes: PSNR ≥ 38 dB, every
    /// marked face detected, at most 1 % false alarms unmarked and under a wrong key.
    @Test(arguments: [32, 64])
    func meetsItsTargetsOnRenderedFaces(size: Int) throws {
        let report = try WatermarkBenchmark.measure(Self.faces(100, size: size), key: try WatermarkKey("lab"),
                                                    wrongKey: try WatermarkKey("not-lab"))
        #expect(report.minimumPSNR >= 38)
        #expect(report.detectionRate >= 0.99)
        #expect(report.falseAlarmsUnmarked <= 0.01)
        #expect(report.falseAlarmsWrongKey <= 0.01)
        // √N scaling: 64×64 has four times the coefficients, more than twice the score.
        #expect(report.meanScoreMarked > (size == 64 ? 15 : 6))
        #expect(abs(report.meanScoreUnmarked) < 1)
    }

    /// Brightness moves only block means (the DC terms) and survives; shifting the grid by one
    /// pixel destroys the mark; cutting the bottom-right keeps the other blocks' marks.
    @Test func survivesWhatItShouldAndBreaksWhereItsCommentsSay() throws {
        let points = try WatermarkBenchmark.robustness(Self.faces(30, size: 64), key: try WatermarkKey("lab"),
                                                       edits: [.brightness(levels: 10), .cropBottomRight(pixels: 8),
                                                               .cropTopLeft(pixels: 1), .jpegQuantisation(quality: 25)])
        #expect(points.map(\.detectionRate).prefix(3) == [1, 1, 0])
        #expect(points[3].detectionRate < 0.1)
        #expect(points.allSatisfy { $0.falseAlarmRate <= 0.05 })
    }

    @Test func refusesPicturesSmallerThanOneBlockAndEmptyKeys() throws {
        let tiny = Image(width: 7, height: 12, channels: 3, fill: [100])
        let error = #expect(throws: DetectionError.self) { try Watermark.embed(tiny, key: try WatermarkKey("k")) }
        #expect(error?.description == "watermark: the picture is 7×12; it must be at least 8×8")
        let keyError = #expect(throws: DetectionError.self) { try WatermarkKey("") }
        #expect(keyError?.description == "watermark: key must be a non-empty text, got \"\"")
    }

    /// A flat picture has no middle frequencies: the score is 0, not a division by zero.
    @Test func flatPictureScoresZero() throws {
        let flat = Image(width: 16, height: 16, channels: 3, fill: [90])
        #expect(try Watermark.verify(flat, key: try WatermarkKey("k")).score == 0)
    }
}
