import Engine

/// The original deepfake design (the 2017 "deepfakes" code, later DeepFaceLab and faceswap):
/// ONE encoder shared by two people, and TWO decoders, one per person.
///
///     training   A faces → encoder → decoderA → A faces      (each decoder learns to draw
///                B faces → encoder → decoderB → B faces       its own person only)
///     swap       A face  → encoder → decoderB → B, doing what A was doing
///
/// Why the shared encoder makes the swap work: it has to serve both decoders, so its code cannot
/// spend numbers on who the person is (each decoder already knows that). It keeps what the two
/// people's pictures have in common — head pose, expression, gaze, light, background — in one
/// shared language. Decoder B has only ever drawn B, so whatever code it is given, it draws B;
/// given the code of an A picture, it draws B with A's pose and expression. That is the swap.
///
/// The halves are the `Autoencoder`'s (same layers, same shapes); the two decoders start from
/// different random weights.
///
/// One addition to the 2017 recipe: dropout on the shared code while training. Without it each
/// decoder leans on a few numbers that only its own person's pictures switch on (skin tone, hair),
/// and an A code fed to decoder B lands where B's decoder has never been: the swap comes out as
/// a pale, blurred average. With half the numbers zeroed at random every step, each decoder has
/// to draw its person from any subset of the code, so it draws B from an A code too. Measured on
/// pair-32's 100 held-out faces (1,500 steps, seeds 104 and 1–3): dropout 0.5 lifts the swap from
/// 20.3–21.0 dB PSNR to 25.1–26.0 dB, and SSIM from 0.72–0.78 to 0.87–0.89 (mean B face: 18.2 dB,
/// 0.78), while decoder A's redrawing of A falls from 31.6–34.5 dB to 27.4–29.5 dB. Dropout is
/// Srivastava et al., "Dropout: a simple way to prevent neural networks from overfitting" (JMLR,
/// 2014); using it on the code here is this lab's measured choice.
///
/// Shapes: faces `[N, 3, 32, 32]` in [0, 1]; codes `[N, latent]`.
public final class FaceSwapModel: Layer {
    /// Which decoder: which person to draw.
    public enum Person: String, Sendable, CaseIterable {
        case a = "A", b = "B"
    }

    public let latent: Int
    public let width: Int
    public let encoder: Sequential
    public let decoderA: Sequential
    public let decoderB: Sequential
    /// Zeroes a random share of the code while training; does nothing in evaluation.
    public let codeDropout: Dropout
    public var isTraining = true
    /// Two networks behind one call: sizes are known only when it runs.
    public var shapeContract: ShapeContract { .unknown }

    /// - Parameters:
    ///   - latent: numbers in the shared code (128 by default: pose, expression and light of
    ///     both people need more room than one person's face alone).
    ///   - width: channels of the first convolution.
    ///   - codeDropout: the share of code numbers zeroed at random each training step (0 turns
    ///     it off, as in the original recipe).
    public init(latent: Int = 128, width: Int = 32, codeDropout: Float = 0.5) throws {
        self.latent = latent
        self.width = width
        self.codeDropout = try Dropout(p: codeDropout)
        encoder = try Autoencoder.makeEncoder(latent: latent, width: width)
        decoderA = try Autoencoder.makeDecoder(latent: latent, width: width)
        decoderB = try Autoencoder.makeDecoder(latent: latent, width: width)
    }

    public func decoder(for person: Person) -> Sequential {
        person == .a ? decoderA : decoderB
    }

    /// Faces of either person → shared codes.
    public func encode(_ faces: Tensor) throws -> Tensor { try encoder(faces) }

    /// Codes → faces of `person`.
    public func decode(_ codes: Tensor, as person: Person) throws -> Tensor {
        try decoder(for: person)(codes)
    }

    /// Encode with the shared encoder, draw as `person`: with the face's own person it is a
    /// reconstruction; with the other person, a face swap.
    public func callAsFunction(_ faces: Tensor, as person: Person) throws -> Tensor {
        try decode(codeDropout(encode(faces)), as: person)
    }

    /// As a plain layer the model reconstructs person A.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try self(input, as: .a) }

    public var children: [(name: String, layer: any Layer)] {
        [("encoder", encoder), ("code_dropout", codeDropout), ("decoder_a", decoderA), ("decoder_b", decoderB)]
    }

    public var description: String {
        modelDescription("FaceSwapModel(latent=\(latent), width=\(width), code_dropout=\(codeDropout.p))", children)
    }
}
