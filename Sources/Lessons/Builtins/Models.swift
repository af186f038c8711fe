import Engine

/// Two-part models with named halves, so a learner can write `ae.encoder` or
/// `gan.generator.summary()`, and checkpoints carry PyTorch-style keys like `encoder.0.weight`.

/// An encoder that squeezes an image into a few numbers, and a decoder that rebuilds the image
/// from them. The deepfake face swap trains one encoder with two decoders, one per person.
public final class Autoencoder: Layer {
    public let encoder: any Layer
    public let decoder: any Layer
    public var isTraining = true

    public init(encoder: any Layer, decoder: any Layer) {
        self.encoder = encoder
        self.decoder = decoder
    }

    public var children: [(name: String, layer: any Layer)] { [("encoder", encoder), ("decoder", decoder)] }

    /// x → encoder → code → decoder → reconstruction.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try decoder(try encoder(input))
    }

    public var description: String {
        "Autoencoder(\n  (encoder): " + indented(encoder) + "\n  (decoder): " + indented(decoder) + "\n)"
    }
}

/// A generator and the discriminator that judges it, kept together for `trainGAN(gan, …)`.
/// Calling a GAN runs its generator: noise in, images out.
public final class GAN: Layer {
    public let generator: any Layer
    public let discriminator: any Layer
    public var isTraining = true

    public init(generator: any Layer, discriminator: any Layer) {
        self.generator = generator
        self.discriminator = discriminator
    }

    public var children: [(name: String, layer: any Layer)] { [("generator", generator), ("discriminator", discriminator)] }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try generator(input)
    }

    public var description: String {
        "GAN(\n  (generator): " + indented(generator) + "\n  (discriminator): " + indented(discriminator) + "\n)"
    }
}

private func indented(_ layer: any Layer) -> String {
    layer.description.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
}

extension BuiltinRegistry {
    mutating func registerModels() {
        register(Function("Autoencoder", [.labelled("encoder", "Layer", "image → code"), .labelled("decoder", "Layer", "code → image")],
                          returns: "Layer", summary: "an encoder and a decoder, run one after the other") { arguments in
            .layer(Autoencoder(encoder: try arguments.layer("encoder"), decoder: try arguments.layer("decoder")))
        }, category: .layers, example: "let ae = Autoencoder(encoder: Sequential(Flatten(), Linear(48, 8)), decoder: Sequential(Linear(8, 48), Reshape([3, 4, 4])))")
        register(Function("GAN", [.labelled("generator", "Layer", "noise → image"), .labelled("discriminator", "Layer", "image → one logit")],
                          returns: "Layer", summary: "a generator and its discriminator, for trainGAN") { arguments in
            .layer(GAN(generator: try arguments.layer("generator"), discriminator: try arguments.layer("discriminator")))
        }, category: .layers, example: "let gan = GAN(generator: Sequential(Linear(8, 48), Tanh(), Reshape([3, 4, 4])), discriminator: Sequential(Flatten(), Linear(48, 1)))")
    }
}
