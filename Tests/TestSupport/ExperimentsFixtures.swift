import Engine
import Foundation
import Imaging
import Models
import Testing

/// Shared fixtures of the experiments tests: the pair-32 dataset, read once, and tiny models
/// that train in milliseconds so the tests check behaviour, not quality.
public enum ExperimentsFixtures {
    public static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets-small")

    /// pair-32 (A, B, held-out A with their answers); nil only if the folder is missing.
    public static let pairs: FaceSwapData? = try? FaceSwapData.load(datasets.appendingPathComponent("pair-32").path)

    /// A fresh folder path for one training run's files, made by the run and removed when the
    /// test ends (the suite needs the `.temporaryFolders` trait).
    public static func folder(sourceLocation: SourceLocation = #_sourceLocation) -> URL {
        temporaryPath("experiments", sourceLocation: sourceLocation)
    }

    /// A short run's settings: small batches, a few steps, seeded.
    public static func config(steps: Int, batchSize: Int = 8, learningRate: Float = 2e-3, sampleEvery: Int = 0,
                       betas: (Float, Float) = (0.9, 0.999)) -> TrainingConfig {
        TrainingConfig(learningRate: learningRate, batchSize: batchSize, steps: steps, betas: betas, seed: 7,
                       sampleEvery: sampleEvery)
    }

    /// Every value of every parameter and buffer, to compare models.
    public static func state(_ model: any Layer) -> [[Float]] { model.stateDict().map(\.tensor.data) }

    public static func allFinite(_ model: any Layer) -> Bool {
        model.stateDict().allSatisfy { $0.tensor.data.allSatisfy(\.isFinite) }
    }

    /// The PNG's size and its text metadata as a dictionary.
    public static func readPNG(_ url: URL) throws -> (width: Int, height: Int, text: [String: String]) {
        let (image, text) = try PNGFile.read(url.path)
        return (image.width, image.height, Dictionary(text.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Grid size for `rows` rows of 8 faces of 32×32 with 2-pixel gutters (ImageGrid's formula).
    public static func gridSize(rows: Int, captioned: Bool = false) -> (width: Int, height: Int) {
        (8 * 34 + 2, rows * (32 + (captioned ? BitmapFont.glyphHeight + 2 : 0) + 2) + 2)
    }
}

public extension Sequence where Element == Double {
    /// The sum, spelled out so `#expect` expressions type-check quickly.
    public var total: Double { reduce(0.0) { $0 + $1 } }
}

public extension Sequence where Element == Float {
    public var total: Float { reduce(Float(0)) { $0 + $1 } }
}
