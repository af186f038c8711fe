import Foundation
import Imaging

/// Measures the watermark the way its targets are stated: quality after marking (PSNR),
/// detection of marked pictures, false alarms on unmarked ones and under a wrong key, and a
/// robustness curve of detection rate against everyday edits.
public enum WatermarkBenchmark {
    /// The figures for one set of pictures.
    public struct Report: Equatable, Sendable {
        public var pictures: Int
        public var meanPSNR: Double
        public var minimumPSNR: Double
        /// Marked pictures whose score passed the threshold.
        public var detectionRate: Double
        /// Unmarked pictures whose score passed it under the key.
        public var falseAlarmsUnmarked: Double
        /// Pictures marked with the key, checked with a different key.
        public var falseAlarmsWrongKey: Double
        public var meanScoreMarked: Double
        public var meanScoreUnmarked: Double
    }

    /// One point of a robustness curve: after `edit`, the fraction of marked pictures still
    /// detected, and of unmarked pictures falsely flagged (an edit must not create marks).
    public struct RobustnessPoint: Equatable, Sendable {
        public var edit: PictureEdit
        public var detectionRate: Double
        public var falseAlarmRate: Double
        public var meanScore: Double
    }

    public static func measure(_ pictures: [Image], key: WatermarkKey, wrongKey: WatermarkKey,
                               strength: Float = Watermark.defaultStrength) throws -> Report {
        guard !pictures.isEmpty else { throw DetectionError.noPictures(operation: "watermark benchmark") }
        var psnrs: [Double] = [], marked: [Double] = [], unmarked: [Double] = [], wrong: [Double] = []
        for picture in pictures {
            let markedPicture = try Watermark.embed(picture, key: key, strength: strength)
            psnrs.append(ImageQuality.psnr(picture, markedPicture))
            marked.append(try Watermark.verify(markedPicture, key: key).score)
            unmarked.append(try Watermark.verify(picture, key: key).score)
            wrong.append(try Watermark.verify(markedPicture, key: wrongKey).score)
        }
        let count = Double(pictures.count)
        func rate(_ scores: [Double]) -> Double { Double(scores.filter { $0 >= Watermark.threshold }.count) / count }
        return Report(pictures: pictures.count, meanPSNR: psnrs.reduce(0, +) / count, minimumPSNR: psnrs.min() ?? 0,
                      detectionRate: rate(marked), falseAlarmsUnmarked: rate(unmarked), falseAlarmsWrongKey: rate(wrong),
                      meanScoreMarked: marked.reduce(0, +) / count, meanScoreUnmarked: unmarked.reduce(0, +) / count)
    }

    /// The edits of the standard curve, mildest first in each family.
    public static let standardEdits: [PictureEdit] =
        [0, 2, 4, 8, 16].map { .gaussianNoise(sigma: Float($0), seed: 7) }
        + [-40, -10, 10, 40].map { .brightness(levels: $0) }
        + [95, 90, 75, 50, 25].map { .jpegQuantisation(quality: $0) }
        + [4, 8, 16].map { .cropBottomRight(pixels: $0) }
        + [1, 4, 8].map { .cropTopLeft(pixels: $0) }
        + [90, 75, 50].map { .resize(percent: $0) }

    /// Detection and false-alarm rates after each edit, on marked and unmarked copies of `pictures`.
    public static func robustness(_ pictures: [Image], key: WatermarkKey, edits: [PictureEdit] = standardEdits,
                                  strength: Float = Watermark.defaultStrength) throws -> [RobustnessPoint] {
        guard !pictures.isEmpty else { throw DetectionError.noPictures(operation: "watermark benchmark") }
        let markedPictures = try pictures.map { try Watermark.embed($0, key: key, strength: strength) }
        return try edits.map { edit in
            let scores = try markedPictures.map { try Watermark.verify(try edit.apply(to: $0), key: key).score }
            let falseAlarms = try pictures.filter { try Watermark.verify(try edit.apply(to: $0), key: key).isMarked }.count
            let count = Double(pictures.count)
            return RobustnessPoint(edit: edit, detectionRate: Double(scores.filter { $0 >= Watermark.threshold }.count) / count,
                                   falseAlarmRate: Double(falseAlarms) / count, meanScore: scores.reduce(0, +) / count)
        }
    }
}
