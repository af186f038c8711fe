import Engine

/// A convolutional autoencoder for 32×32 RGB faces: it squeezes each face through `latent`
/// numbers and draws it back from them.
///
///     encoder  Conv2d(3→w, k4 s2 p1) · LeakyReLU(0.2)       [N, 3, 32, 32] → [N, w, 16, 16]
///              Conv2d(w→2w, k4 s2 p1) · LeakyReLU(0.2)                     → [N, 2w, 8, 8]
///              Conv2d(2w→4w, k4 s2 p1) · LeakyReLU(0.2)                    → [N, 4w, 4, 4]
///              Flatten · Linear(4w·4·4 → latent)                           → [N, latent]
///     decoder  Linear(latent → 4w·4·4) · ReLU · Reshape(4w, 4, 4)
///              ConvTranspose2d(4w→2w) · ReLU · ConvTranspose2d(2w→w) · ReLU
///              ConvTranspose2d(w→3) · Sigmoid                               → [N, 3, 32, 32] in [0, 1]
///
/// Why a bottleneck: 32 numbers cannot hold 3,072 pixel values, so the network must learn what
/// faces have in common (where eyes go, how light falls) and keep only what differs: pose,
/// expression, skin, hair, background. That code is what the face swap and interpolation use.
/// Why Sigmoid: pixels live in [0, 1], and the sigmoid cannot leave that range.
///
/// Each stride-2 convolution halves the picture; each transposed one doubles it back
/// (k4 s2 p1 is the classic pair: (H − 1)·2 − 2 + 4 = 2H). Reference: Hinton and Salakhutdinov,
/// "Reducing the dimensionality of data with neural networks" (2006).
public final class Autoencoder: Layer {
    /// Numbers in the code between encoder and decoder.
    public let latent: Int
    /// Channels of the first convolution; the deeper ones have 2× and 4× as many.
    public let width: Int
    public let encoder: Sequential
    public let decoder: Sequential
    public var isTraining = true
    public var shapeContract: ShapeContract { .chain(children.map(\.layer.shapeContract)) }

    /// Side of the square pictures this model takes.
    public static let imageSize = 32

    /// - Parameters:
    ///   - latent: numbers in the code (32 by default: enough for recognisable faces).
    ///   - width: channels of the first convolution (32 by default).
    public init(latent: Int = 32, width: Int = 32) throws {
        self.latent = latent
        self.width = width
        encoder = try Self.makeEncoder(latent: latent, width: width)
        decoder = try Self.makeDecoder(latent: latent, width: width)
    }

    /// The encoder half: a face `[N, 3, 32, 32]` to its code `[N, latent]`.
    public static func makeEncoder(latent: Int, width w: Int) throws -> Sequential {
        try requirePositive(latent: latent, width: w)
        return Sequential(
            try Conv2d(3, w, kernelSize: 4, stride: 2, padding: 1), LeakyReLU(negativeSlope: 0.2),
            try Conv2d(w, 2 * w, kernelSize: 4, stride: 2, padding: 1), LeakyReLU(negativeSlope: 0.2),
            try Conv2d(2 * w, 4 * w, kernelSize: 4, stride: 2, padding: 1), LeakyReLU(negativeSlope: 0.2),
            Flatten(), try Linear(4 * w * 4 * 4, latent))
    }

    /// The decoder half: a code `[N, latent]` back to a face `[N, 3, 32, 32]` in [0, 1].
    public static func makeDecoder(latent: Int, width w: Int) throws -> Sequential {
        try requirePositive(latent: latent, width: w)
        return Sequential(
            try Linear(latent, 4 * w * 4 * 4), ReLU(), try Reshape([4 * w, 4, 4]),
            try ConvTranspose2d(4 * w, 2 * w, kernelSize: 4, stride: 2, padding: 1), ReLU(),
            try ConvTranspose2d(2 * w, w, kernelSize: 4, stride: 2, padding: 1), ReLU(),
            try ConvTranspose2d(w, 3, kernelSize: 4, stride: 2, padding: 1), Sigmoid())
    }

    public static func requirePositive(latent: Int, width: Int) throws {
        // Caps keep a typo (width: 3200) from asking for gigabytes.
        guard (1...1024).contains(latent), (1...256).contains(width) else {
            throw EngineError.invalidArgument(op: "Autoencoder", message:
                "latent must be in 1...1024 and width in 1...256, got latent \(latent), width \(width)")
        }
    }

    /// The code of each face: `[N, 3, 32, 32]` → `[N, latent]`.
    public func encode(_ faces: Tensor) throws -> Tensor { try encoder(faces) }

    /// The faces drawn from codes: `[N, latent]` → `[N, 3, 32, 32]`.
    public func decode(_ codes: Tensor) throws -> Tensor { try decoder(codes) }

    /// The reconstruction, decode(encode(x)).
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try decode(encode(input)) }

    public var children: [(name: String, layer: any Layer)] { [("encoder", encoder), ("decoder", decoder)] }

    public var description: String {
        modelDescription("Autoencoder(latent=\(latent), width=\(width))", children)
    }
}

/// PyTorch's printout of a model with named children:
///
///     Autoencoder(latent=32, width=32)(
///       (encoder): Sequential(
///         (0): Conv2d(...)
///     ...
public func modelDescription(_ title: String, _ children: [(name: String, layer: any Layer)]) -> String {
    let lines = children.map { child in
        "  (\(child.name)): " + child.layer.description.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n  ")
    }
    return title + "(\n" + lines.joined(separator: "\n") + "\n)"
}
