import Models
import Engine

/// The lessons' ready-made models (Sources/Lessons/Experiments) at the prompt. Their halves are
/// named children, so `ae.encoder` and `gan.generator.summary()` work like any member.
extension BuiltinRegistry {
    mutating func registerModels() {
        register(Function("Autoencoder", [.labelled("latent", "Int", default: .number(32), "numbers in the code between the halves"),
                                          .labelled("width", "Int", default: .number(32), "channels of the first convolution")],
                          returns: "Layer", summary: "the lessons' convolutional autoencoder for 32×32 faces (encoder, decoder)") { arguments in
            let latent = try arguments.integer("latent", in: 1...4096), width = try arguments.integer("width", in: 1...256)
            // The largest tensors are the Linear layers between code and feature maps: 4w·4·4 × latent.
            try MemoryBudget.check(float32Elements: [4 * width * 16, latent], what: "Autoencoder(latent: \(latent), width: \(width))")
            return .layer(try Autoencoder(latent: latent, width: width))
        }, category: .models, example: "let ae = Autoencoder(latent: 32)")
        register(Function("DCGAN", [.labelled("latent", "Int", default: .number(64), "length of the noise vector z"),
                                    .labelled("width", "Int", default: .number(32), "channels of the widest-resolution layer"),
                                    .labelled("upsampling", "String", default: .string("transposed"),
                                              "\"transposed\" (the paper's transposed convolutions) or \"nearest\" (resize, then convolve)"),
                                    .labelled("batchNorm", "Bool", default: .bool(true), "BatchNorm2d in both networks, as the paper (false breaks the recipe on purpose)"),
                                    .labelled("imageSize", "Int", default: .number(32), "32 or 64: the side of the faces it makes and judges")],
                          returns: "Layer", summary: "the lessons' DCGAN for 32×32 or 64×64 faces (generator, discriminator)") { arguments in
            let upsampling: DCGAN.Upsampling
            switch try arguments.string("upsampling") {
            case "transposed": upsampling = .transposedConvolution
            case "nearest": upsampling = .nearestThenConvolution
            default: throw arguments.invalid("upsampling", "must be \"transposed\" or \"nearest\"")
            }
            let imageSize = try arguments.integer("imageSize")
            guard DCGAN.imageSizes.contains(imageSize) else { throw arguments.invalid("imageSize", "must be 32 or 64") }
            return .layer(try DCGAN(latent: try arguments.integer("latent", in: 1...1024), width: try arguments.integer("width", in: 1...256),
                                    upsampling: upsampling, batchNorm: try arguments.bool("batchNorm"), imageSize: imageSize))
        }, category: .models, example: "let gan = DCGAN(latent: 64)")
    }
}
