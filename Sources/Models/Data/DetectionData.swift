import Faces
import Engine

/// The detection lessons' data: real faces and a generator's fakes in one labelled set, for a
/// `FaceClassifier` to learn "real (1) or generated (0)?".
///
/// The two halves are the same size, so a detector cannot score well by always giving the more
/// common answer: 50% is chance, and anything above it is evidence the fakes leave a trace
/// (too smooth, a checkerboard from the transposed convolutions, colours slightly off).
public enum DetectionData {
    /// `real` pictures (the first as many as there are fakes) labelled 1, followed by the
    /// `generated` images labelled 0.
    ///
    /// - Parameters:
    ///   - generated: `[N, 3, 32, 32]`, for instance `gan.sample(500, seed: 1)`.
    ///   - range: the range `generated` is in: `.minusOneToOne` for a GAN's Tanh output,
    ///     `.zeroToOne` for an autoencoder's. The classifier sees both halves in [0, 1].
    public static func realVersusGenerated(real: ImageDataset, generated: Tensor,
                                           range: ImageDataset.PixelRange = .minusOneToOne) throws
        -> (images: ImageDataset, labels: [Float]) {
        try requireFaces32(real, "real")
        guard generated.rank == 4, Array(generated.shape.dropFirst()) == [3, 32, 32], generated.shape[0] > 0 else {
            throw EngineError.shapeMismatch(op: "realVersusGenerated", expected: "generated images [N, 3, 32, 32]",
                                            got: generated.shape)
        }
        let count = generated.shape[0]
        guard real.count >= count else {
            throw ExperimentError.unsuitableData("\(count) generated pictures but only \(real.count) real ones; "
                + "generate at most \(real.count)")
        }
        let fakes = generated.data.map { value in
            let unit = range == .zeroToOne ? value : (value + 1) / 2
            return Swift.min(1, Swift.max(0, unit))
        }
        let reals = try real.subset(Array(0..<count))
        let images = try ImageDataset(channels: 3, height: 32, width: 32, pixels: reals.pixels + fakes,
                                      attributeNames: ["source"],
                                      attributeRows: Array(repeating: ["real"], count: count) + Array(repeating: ["generated"], count: count))
        return (images, [Float](repeating: 1, count: count) + [Float](repeating: 0, count: count))
    }
}
