import Detection
import Faces
import Imaging
import Testing

@Suite struct SpectralDetectorTests {
    /// Real: faces rendered at 32×32. Fake: the same kind of face rendered at 16×16 and blown up
    /// by pixel repetition, the crudest up-sampling there is; its spectrum has the periodic
    /// copies and the missing detail a generator's up-sampling leaves, exaggerated.
    static func pictures(_ range: Range<UInt64>) -> (real: [Image], fake: [Image]) {
        (range.map { FaceRenderer.render(FaceAttributes.random(seed: 9300 + $0), size: 32) },
         range.map { FaceRenderer.render(FaceAttributes.random(seed: 9600 + $0), size: 16).upscaled(by: 2) })
    }

    @Test func separatesUpsampledFacesFromRealOnes() throws {
        let training = Self.pictures(0..<20), heldOut = Self.pictures(100..<150)
        let detector = try SpectralDetector(real: training.real, fake: training.fake, seed: 1)
        #expect(detector.featureCount == 17)
        let scores = try detector.probabilities(heldOut.real + heldOut.fake)
        let evaluation = try Evaluation(scores: scores, labels: Array(repeating: 0, count: 50) + Array(repeating: 1, count: 50))
        #expect(evaluation.areaUnderROC > 0.99)
        #expect(evaluation.accuracy() > 0.95)
        // Same seed, same data: the same detector, bit for bit.
        let again = try SpectralDetector(real: training.real, fake: training.fake, seed: 1)
        #expect(try again.probabilities(heldOut.real) == scores.prefix(50).map { $0 })
    }

    @Test func refusesPicturesOfAnotherSizeAndOneClassTraining() throws {
        let training = Self.pictures(0..<4)
        let detector = try SpectralDetector(real: training.real, fake: training.fake, steps: 5)
        let large = FaceRenderer.render(FaceAttributes.random(seed: 1), size: 64)
        let error = #expect(throws: DetectionError.self) { try detector.probability(of: large) }
        #expect(error?.description == "the detector was trained on spectra of 17 values but got 33; use pictures of the size it was trained on")
        let oneClass = #expect(throws: DetectionError.self) { try SpectralDetector(real: training.real, fake: []) }
        #expect(oneClass?.description == "spectral detector: needs both fakes and reals among the labels (got 0 fake, 4 real)")
    }
}
