import Detection
import Engine
import Faces
import Foundation
import Imaging
import Models
import Testing

@Suite struct FakeSourceTests {
    /// A pattern repeating every 8 pixels both ways puts power only on the n/8 grid; the grid
    /// score sees it, while plain noise scores about 0.
    @Test func gridScoreSeesPeriodicPatterns() throws {
        var generator = RandomGenerator(seed: 4)
        let noise = (0..<1024).map { _ in 128 + 20 * generator.nextNormal() }
        let tile = (0..<64).map { _ in 15 * generator.nextNormal() }
        let periodic = noise.enumerated().map { $0.element + tile[(($0.offset / 32) % 8) * 8 + $0.offset % 8] }
        let plain = SpectralPeaks.gridProminence(try PowerSpectrum(plane: noise, height: 32, width: 32))
        let gridded = SpectralPeaks.gridProminence(try PowerSpectrum(plane: periodic, height: 32, width: 32))
        #expect(abs(plain) < 2)
        #expect(gridded > 10)
    }

    /// An untrained DCGAN's samples already carry its transposed convolutions' grid; the same
    /// network with nearest up-sampling does not.
    @Test func transposedConvolutionLeavesTheGridAndNearestDoesNot() throws {
        let transposed = try Random.withSeed(1) { try DCGAN(latent: 16, width: 4) }
        let nearest = try Random.withSeed(1) { try DCGAN(latent: 16, width: 4, upsampling: .nearestThenConvolution) }
        func score(_ gan: DCGAN) throws -> Double {
            SpectralPeaks.gridProminence(try PowerSpectrum.mean(of: try Image.images(from: gan.sample(32, seed: 3), range: .minusOneToOne)))
        }
        #expect(try score(transposed) > 3)
        #expect(try score(nearest) < 1)
    }

    @Test func blendingMaskAndXray() {
        let mask = Blending.faceMask(size: 32)
        #expect(mask[16 * 32 + 16] == 1 && mask[0] == 0)
        let xray = Blending.xray(mask: mask)
        #expect(xray.max() ?? 0 > 0.9)                       // the seam
        #expect(xray[16 * 32 + 16] == 0 && xray[0] == 0)     // inside and outside
    }

    @Test func picturesHaveTheirSizes() throws {
        let spectrum = try PowerSpectrum(FaceRenderer.render(FaceAttributes.random(seed: 1), size: 32))
        let maps = try DetectionPictures.spectraSideBySide([("A", spectrum), ("B", spectrum)])
        #expect(maps.width == 2 * 128 + 3 * 4)
        let evaluation = try Evaluation(scores: [0.9, 0.1], labels: [1, 0])
        #expect(DetectionPictures.rocCurves([("d", evaluation)]).width == LinePlot.width)
        #expect(DetectionPictures.confusionMatrix(evaluation.confusionMatrix(), title: "T").width == 2 * (40 + 128 + 8))
    }
}

@Suite struct SpotTheFakeTests {
    static let real = (0..<4).map { FaceRenderer.render(FaceAttributes.random(seed: 9500 + UInt64($0)), size: 32) }
    static let fake = (0..<4).map { FaceRenderer.render(FaceAttributes.random(seed: 9600 + UInt64($0)), size: 16).upscaled(by: 2) }

    @Test func scoresTheLearnerAndADetectorOnTheSamePairs() throws {
        let game = try SpotTheFake(real: Self.real, fake: Self.fake, seed: 3)
        // Right on rounds 0 and 2, wrong on 1 and 3.
        for round in 0..<4 { #expect(try game.answer(fakeIsLeft: round % 2 == 0 ? game.rounds[round].fakeIsLeft : !game.rounds[round].fakeIsLeft) == (round % 2 == 0)) }
        #expect(game.currentRound == nil)
        // A "detector" that knows the answer: p(fake) 1 for fakes.
        let fakes = Set(Self.fake.map(\.pixels))
        let result = try game.result { $0.map { fakes.contains($0.pixels) ? 1 : 0 } }
        #expect(result.answered == 4 && result.learnerCorrect == 2 && result.detectorCorrect == 4 && result.missedRounds == [1, 3])
        #expect(try game.mistakesPicture()?.height == 2 * (96 + 7 + 4) + 4)
        let error = #expect(throws: DetectionError.self) { try game.answer(fakeIsLeft: true) }
        #expect(error?.description == "spotTheFake: all 4 rounds are answered; look at the score or start a new game")
    }
}
