import Faces
import Engine
import Foundation
import Imaging
import Testing
import TestSupport
@testable import Models

/// What the shell's `sample`, `reconstruct`, `interpolate` and `swap` call, and the models'
/// printed shapes and PyTorch names.
@Suite(.temporaryFolders) struct ExperimentsOperationsTests {
    typealias Fixtures = ExperimentsFixtures

    @Test func swapScoreIsTheMeanOfImageQualityPictureByPicture() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(8) { try FaceSwapModel(latent: 8, width: 4) }
        let score = try model.score(on: pairs, limit: 6)
        #expect(score.count == 6)

        // The same numbers computed directly from the pictures.
        let swaps = try Image.images(from: model.swap(pairs.heldOutA.firstImages(6), to: .b))
        let truth = try Image.images(from: pairs.answersB.firstImages(6))
        let meanB = Image(width: 32, height: 32, channels: 3,
                          unitFloats: Self.interleaved(pairs.trainB.meanImage()))
        #expect(abs(score.psnr - zip(swaps, truth).map { ImageQuality.psnr($0, $1) }.total / 6) < 1e-9)
        #expect(abs(score.ssim - zip(swaps, truth).map { ImageQuality.ssim($0, $1) }.total / 6) < 1e-9)
        #expect(abs(score.baselinePSNR - truth.map { ImageQuality.psnr(meanB, $0) }.total / 6) < 1e-9)
        #expect(abs(score.baselineSSIM - truth.map { ImageQuality.ssim(meanB, $0) }.total / 6) < 1e-9)
        #expect(score.summary.hasPrefix("swap A→B on 6 held-out faces: PSNR "))
    }

    /// Planes (C × H × W) to interleaved pixels (H × W × C), as PNG stores them.
    static func interleaved(_ planes: [Float]) -> [Float] {
        (0..<1024).flatMap { pixel in (0..<3).map { planes[$0 * 1024 + pixel] } }
    }

    @Test func aPerfectSwapScoresTheCeiling() throws {
        let truth = try Random.withSeed(9) { try Tensor.uniform([2, 3, 32, 32]) }
        let score = try SwapScore(swapped: truth, truth: truth, baseline: Tensor.zeros([2, 3, 32, 32]))
        #expect(score.psnr == 100)  // +∞ dB capped
        #expect(abs(score.ssim - 1) < 1e-9)
        #expect(score.baselinePSNR < score.psnr && score.baselineSSIM < score.ssim)
    }

    @Test func autoencoderInterpolationStartsAndEndsAtTheReconstructions() throws {
        let pairs = try #require(Fixtures.pairs)
        let model = try Random.withSeed(10) { try Autoencoder(latent: 8, width: 4) }
        let faces = try pairs.heldOutA.firstImages(2)
        let reconstructions = try model.reconstruct(faces)
        #expect(reconstructions.shape == [2, 3, 32, 32])
        let path = try model.interpolate(from: pairs.heldOutA.image(0), to: pairs.heldOutA.image(1), steps: 5)
        #expect(path.shape == [5, 3, 32, 32])
        let ends = try Tensor.concatenate([path.sliced(axis: 0, 0..<1), path.sliced(axis: 0, 4..<5)])
        #expect(zip(ends.data, reconstructions.data).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(throws: EngineError.invalidArgument(op: "interpolate", message: "steps must be between 2 and 64, not 1")) {
            try model.interpolate(from: pairs.heldOutA.image(0), to: pairs.heldOutA.image(1), steps: 1)
        }
    }

    @Test func ganSamplesAreRepeatableFacesInTanhRange() throws {
        let model = try Random.withSeed(11) { try DCGAN(latent: 8, width: 4) }
        let first = try model.sample(3, seed: 42), again = try model.sample(3, seed: 42)
        #expect(first.shape == [3, 3, 32, 32])
        #expect(first.data == again.data)
        #expect(first.data.allSatisfy { (-1...1).contains($0) })
        #expect(model.generator.isTraining)  // sampling switches to eval and back
        #expect(throws: EngineError.invalidArgument(op: "sample", message: "count must be between 1 and 1024, not 0")) {
            try model.sample(0, seed: 1)
        }
    }

    @Test func ganInterpolationFollowsTheArcBetweenTwoNoiseVectors() throws {
        let model = try Random.withSeed(12) { try DCGAN(latent: 8, width: 4) }
        var random = RandomGenerator(seed: 5)
        let z = try model.noise(2, using: &random)
        let z1 = try z.sliced(axis: 0, 0..<1), z2 = try z.sliced(axis: 0, 1..<2)
        let path = try model.interpolate(from: z1, to: z2, steps: 4)
        let ends = try model.sample(noise: z)
        #expect(path.shape == [4, 3, 32, 32])
        #expect(zip(try path.sliced(axis: 0, 0..<1).data, try ends.sliced(axis: 0, 0..<1).data).allSatisfy { abs($0 - $1) < 1e-4 })
        #expect(zip(try path.sliced(axis: 0, 3..<4).data, try ends.sliced(axis: 0, 1..<2).data).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func modelsUsePyTorchNamesAndPrintTheirSettings() throws {
        let autoencoder = try Autoencoder(latent: 32, width: 32)
        #expect(autoencoder.stateDict().map(\.name).prefix(2) == ["encoder.0.weight", "encoder.0.bias"])
        #expect(autoencoder.description.hasPrefix("Autoencoder(latent=32, width=32)(\n  (encoder): Sequential(\n    (0): Conv2d(3, 32"))
        let swap = try FaceSwapModel(latent: 16, width: 8)
        #expect(Set(swap.stateDict().map { String($0.name.split(separator: ".")[0]) }) == ["encoder", "decoder_a", "decoder_b"])
        // The two decoders start different: each must learn its own person.
        #expect(swap.decoderA.namedParameters()[0].tensor.data != swap.decoderB.namedParameters()[0].tensor.data)
        #expect(try swap(Tensor.zeros([2, 3, 32, 32]), as: .b).shape == [2, 3, 32, 32])
        let classifier = try FaceClassifier()
        #expect(try classifier(Tensor.zeros([2, 3, 32, 32])).shape == [2, 1])
    }

    @Test func detectionDataPairsRealFacesWithAsManyFakes() throws {
        let pairs = try #require(Fixtures.pairs)
        // Two "generated" pictures in a GAN's range: all −1 (black) and all +1 (white).
        let generated = Tensor(shape: [2, 3, 32, 32], data: [Float](repeating: -1, count: 3072) + [Float](repeating: 1, count: 3072))
        let (images, labels) = try DetectionData.realVersusGenerated(real: pairs.trainA, generated: generated)
        #expect(images.count == 4 && labels == [1, 1, 0, 0])
        #expect(try images.image(0).data == pairs.trainA.image(0).data)
        #expect(try images.image(2).data.allSatisfy { $0 == 0 } && images.image(3).data.allSatisfy { $0 == 1 })
        #expect(images.attribute("source", of: 2) == "generated")
        #expect(throws: ExperimentError.unsuitableData("2 generated pictures but only 1 real ones; generate at most 1")) {
            try DetectionData.realVersusGenerated(real: pairs.trainA.subset([0]), generated: generated)
        }
    }

    @Test func dcganWeightsStartAsTheRecipeSays() throws {
        let gan = try Random.withSeed(13) { try DCGAN() }
        #expect(gan.latent == 64 && gan.width == 32)
        let weight = try #require(gan.generator[3] as? ConvTranspose2d).weight.data
        let mean = weight.total / Float(weight.count)
        let std = (weight.map { ($0 - mean) * ($0 - mean) }.total / Float(weight.count)).squareRoot()
        #expect(abs(mean) < 0.001 && abs(std - 0.02) < 0.001, "N(0, 0.02) init: mean \(mean), std \(std)")
        let scale = try #require(gan.discriminator[3] as? BatchNorm2d).weight.data
        #expect(scale.allSatisfy { abs($0 - 1) < 0.1 })
        #expect(try gan.discriminate(Tensor.zeros([2, 3, 32, 32])).shape == [2, 1])
        expectError("DCGAN: latent must be in 1...1024 and width in 1...256, got latent 0, width 32") { try DCGAN(latent: 0) }
    }
}

/// The face swapper's dropout on the shared code: on while training, off when swapping.
struct FaceSwapCodeDropoutTests {
    @Test func dropoutChangesTrainingPassesButNotTheSwap() throws {
        let model = try Random.withSeed(11) { try FaceSwapModel(latent: 16, width: 4, codeDropout: 0.5) }
        let faces = try Random.withSeed(12) { try Tensor.uniform([2, 3, 32, 32]) }
        let first = try Random.withSeed(13) { try model(faces, as: .b) }
        let second = try Random.withSeed(14) { try model(faces, as: .b) }
        #expect(first.data != second.data, "two training passes drop different numbers")
        let swapped = try model.swap(faces, to: .b), again = try model.swap(faces, to: .b)
        #expect(swapped.data == again.data)
        #expect(model.isTraining, "swapping returns the model to training mode")
        // In evaluation the swap is exactly the decoder reading the whole code.
        let direct = try model.inference { try model.decode(model.encode(faces), as: .b) }
        #expect(swapped.data == direct.data)
    }

    @Test func withoutDropoutATrainingPassIsTheSameEveryTime() throws {
        let model = try Random.withSeed(11) { try FaceSwapModel(latent: 16, width: 4, codeDropout: 0) }
        let faces = try Random.withSeed(12) { try Tensor.uniform([2, 3, 32, 32]) }
        #expect(try Random.withSeed(13) { try model(faces, as: .a) }.data == Random.withSeed(14) { try model(faces, as: .a) }.data)
    }

    @Test func dropoutAddsNoWeightsSoCheckpointNamesStayTheSame() throws {
        let with = try FaceSwapModel(latent: 8, width: 4, codeDropout: 0.5)
        let without = try FaceSwapModel(latent: 8, width: 4, codeDropout: 0)
        #expect(with.stateDict().map(\.name) == without.stateDict().map(\.name))
        #expect(!with.stateDict().contains { $0.name.contains("dropout") })
    }
}
