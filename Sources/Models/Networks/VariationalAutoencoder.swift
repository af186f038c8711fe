import Engine

/// A variational autoencoder (VAE) for 32×32 RGB faces: an autoencoder whose encoder describes each
/// face as a small cloud of codes rather than one point, trained so that all those clouds sit
/// inside the standard normal N(0, I). Afterwards any code drawn from N(0, I) decodes to a face:
/// the model can *sample* new faces, which a plain autoencoder cannot.
///
///     encoder   the Autoencoder's encoder, ending in Linear(4w·4·4 → 2·latent)   [N, 3, 32, 32] → [N, 2·latent]
///               split in two: mean μ [N, latent] and log-variance log σ² [N, latent]
///     sample    z = μ + σ·ε,  σ = exp(½ log σ²),  ε ~ N(0, I)                    → [N, latent]
///     decoder   the Autoencoder's decoder                                        → [N, 3, 32, 32] in [0, 1]
///
/// Why z = μ + σ·ε (the *reparameterisation trick*): "draw z from N(μ, σ²)" has no gradient with
/// respect to μ and σ, but written this way the randomness is all in ε, an input like any other,
/// and z is an ordinary differentiable function of μ and σ: ∂z/∂μ = 1, ∂z/∂σ = ε.
/// Why log σ² and not σ: the Linear layer may output any number, and e^(log σ²) is always positive.
///
/// The network is the same size as `Autoencoder(latent:width:)` apart from the last Linear layer,
/// which has twice the outputs; the loss (`VAETrainer`) is what makes it variational.
/// Reference: Kingma and Welling, "Auto-Encoding Variational Bayes" (2013).
public final class VariationalAutoencoder: Layer, Autoencoding {
    public let latent: Int
    /// Channels of the first convolution; the deeper ones have 2× and 4× as many.
    public let width: Int
    /// Outputs μ and log σ² side by side, `[N, 2·latent]`.
    public let encoder: Sequential
    public let decoder: Sequential
    public var isTraining = true
    public var shapeContract: ShapeContract { .chain(children.map(\.layer.shapeContract)) }

    /// - Parameters:
    ///   - latent: numbers in the code (16 by default).
    ///   - width: channels of the first convolution (32 by default, as the plain autoencoder).
    public init(latent: Int = 16, width: Int = 32) throws {
        try Autoencoder.requirePositive(latent: latent, width: width)
        self.latent = latent
        self.width = width
        encoder = try Autoencoder.makeEncoder(latent: 2 * latent, width: width)
        decoder = try Autoencoder.makeDecoder(latent: latent, width: width)
    }

    /// The distribution the encoder gives each face: its mean μ and log-variance log σ², each `[N, latent]`.
    public func encodeDistribution(_ faces: Tensor) throws -> (mean: Tensor, logVariance: Tensor) {
        let both = try encoder(faces)
        return (try both.sliced(axis: 1, 0..<latent), try both.sliced(axis: 1, latent..<(2 * latent)))
    }

    /// z = μ + σ·ε with σ = exp(½ log σ²): a code drawn from N(μ, σ²), differentiable in μ and log σ².
    /// `noise` is ε, `[N, latent]` from N(0, I), drawn by the caller from a seeded generator.
    public static func reparameterise(mean: Tensor, logVariance: Tensor, noise: Tensor) throws -> Tensor {
        try mean + (logVariance * 0.5).exp() * noise
    }

    /// One training pass: encode, draw z with the trick, decode. Returns the reconstruction and
    /// the distribution (the loss needs μ and log σ² for its KL term).
    public func forward(_ faces: Tensor, noise: inout RandomGenerator) throws
        -> (reconstruction: Tensor, mean: Tensor, logVariance: Tensor) {
        let (mean, logVariance) = try encodeDistribution(faces)
        let epsilon = try Tensor.randn(mean.shape, using: &noise)
        let codes = try Self.reparameterise(mean: mean, logVariance: logVariance, noise: epsilon)
        return (try decode(codes), mean, logVariance)
    }

    /// The centre μ of each face's cloud: `[N, 3, 32, 32]` → `[N, latent]`. Redrawing and
    /// interpolating use it, so the same face always gets the same code.
    public func encode(_ faces: Tensor) throws -> Tensor { try encodeDistribution(faces).mean }

    public func decode(_ codes: Tensor) throws -> Tensor { try decoder(codes) }

    /// The reconstruction through the mean, decode(μ(x)): deterministic, as in evaluation.
    /// Training draws z at random instead (`forward(_:noise:)`).
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try decode(encode(input)) }

    /// The three steps in order, so a printout or a summary follows a face through the model:
    /// `mean` has no weights (the state-dict keys stay `encoder.*` and `decoder.*`).
    public var children: [(name: String, layer: any Layer)] {
        [("encoder", encoder), ("mean", GaussianMean(latent: latent)), ("decoder", decoder)]
    }

    public var description: String {
        modelDescription("VariationalAutoencoder(latent=\(latent), width=\(width))", children)
    }
}

/// The μ half of an encoder's `[N, 2·latent]` output, `[N, latent]`: the step between a VAE's
/// encoder and decoder when it redraws a face (training draws z = μ + σ·ε instead).
public final class GaussianMean: Layer {
    public let latent: Int
    public var isTraining = true
    public var shapeContract: ShapeContract { .init(expects: .features(2 * latent), produces: .set(.features(latent))) }

    public init(latent: Int) { self.latent = latent }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard input.rank == 2, input.shape[1] == 2 * latent else {
            throw EngineError.shapeMismatch(op: "GaussianMean", expected: "[N, \(2 * latent)] (μ and log σ² side by side)", got: input.shape)
        }
        return try input.sliced(axis: 1, 0..<latent)
    }

    public var description: String { "GaussianMean(latent=\(latent))" }
}
