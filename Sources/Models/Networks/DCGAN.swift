import Engine

/// A deep convolutional GAN for 32×32 RGB faces (Radford, Metz and Chintala, "Unsupervised
/// representation learning with deep convolutional generative adversarial networks", 2016;
/// the lab's benchmark W3 at width 32).
///
///     generator      z [N, latent, 1, 1]
///                    ConvTranspose2d(latent→4w, k4 s1 p0) · BatchNorm2d · ReLU    → [N, 4w, 4, 4]
///                    ConvTranspose2d(4w→2w, k4 s2 p1) · BatchNorm2d · ReLU        → [N, 2w, 8, 8]
///                    ConvTranspose2d(2w→w, k4 s2 p1) · BatchNorm2d · ReLU         → [N, w, 16, 16]
///                    ConvTranspose2d(w→3, k4 s2 p1) · Tanh                        → [N, 3, 32, 32]
///     discriminator  Conv2d(3→w, k4 s2 p1) · LeakyReLU(0.2)                       → [N, w, 16, 16]
///                    Conv2d(w→2w, k4 s2 p1) · BatchNorm2d · LeakyReLU(0.2)        → [N, 2w, 8, 8]
///                    Conv2d(2w→4w, k4 s2 p1) · BatchNorm2d · LeakyReLU(0.2)       → [N, 4w, 4, 4]
///                    Conv2d(4w→1, k4 s1 p0) · Flatten                             → [N, 1], a logit
///
/// The paper's recipe, each line of which matters: no pooling (strided convolutions learn their
/// own up- and downsampling); BatchNorm in both networks except the generator's output and the
/// discriminator's input; ReLU in the generator, LeakyReLU(0.2) in the discriminator; Tanh output,
/// so real images are scaled to [−1, 1] to match; every weight drawn from N(0, 0.02).
/// Convolutions followed by BatchNorm have no bias: BatchNorm subtracts the mean, which would
/// cancel it (as in PyTorch's DCGAN example).
///
/// The discriminator ends in a logit, not a probability: the loss takes logits (see
/// `binaryCrossEntropyWithLogits` for why).
///
/// `upsampling: .nearestThenConvolution` swaps each stride-2 transposed convolution for
/// `Upsample(×2, nearest) · Conv2d(k3 p1)` (Odena, Dumoulin & Olah, "Deconvolution and
/// checkerboard artifacts", Distill 2016). A stride-2 transposed convolution with a 4×4 kernel
/// paints every output pixel from an uneven mix of kernel taps, a pattern that repeats every
/// 2 pixels and shows as bright spots at the edge of the spectrum; resize-then-convolve does not
/// (the Detection module's spectra show the difference).
public final class DCGAN: Layer {
    /// How the generator doubles its resolution.
    public enum Upsampling: String, Sendable, CaseIterable {
        case transposedConvolution
        case nearestThenConvolution
    }
    /// Length of the noise vector z.
    public let latent: Int
    /// Channels of the discriminator's first layer and the generator's last hidden one.
    public let width: Int
    public let upsampling: Upsampling
    public let generator: Sequential
    public let discriminator: Sequential
    public var isTraining = true
    /// Two networks behind one call: sizes are known only when it runs.
    public var shapeContract: ShapeContract { .unknown }

    /// - Parameters:
    ///   - latent: length of z (64, as benchmark W3).
    ///   - width: w above (32).
    ///   - upsampling: the generator's ×2 steps (transposed convolutions, as the paper).
    ///   - bias: give every convolution a bias. Off for the lessons (BatchNorm cancels it, see
    ///     above); on for benchmark W3, whose layers are written as PyTorch's defaults.
    public init(latent: Int = 64, width: Int = 32, upsampling: Upsampling = .transposedConvolution,
                bias: Bool = false) throws {
        guard (1...1024).contains(latent), (1...256).contains(width) else {
            throw EngineError.invalidArgument(op: "DCGAN", message:
                "latent must be in 1...1024 and width in 1...256, got latent \(latent), width \(width)")
        }
        self.latent = latent
        self.width = width
        self.upsampling = upsampling
        let w = width
        /// One ×2 step from `inputs` to `outputs` channels.
        func doubling(_ inputs: Int, _ outputs: Int) throws -> [any Layer] {
            switch upsampling {
            case .transposedConvolution:
                return [try ConvTranspose2d(inputs, outputs, kernelSize: 4, stride: 2, padding: 1, bias: bias)]
            case .nearestThenConvolution:
                return [Upsample(scaleFactor: 2, mode: .nearest), try Conv2d(inputs, outputs, kernelSize: 3, padding: 1, bias: bias)]
            }
        }
        generator = Sequential(
            [try ConvTranspose2d(latent, 4 * w, kernelSize: 4, stride: 1, padding: 0, bias: bias), try BatchNorm2d(4 * w), ReLU()]
            + (try doubling(4 * w, 2 * w)) + [try BatchNorm2d(2 * w), ReLU()]
            + (try doubling(2 * w, w)) + [try BatchNorm2d(w), ReLU()]
            + (try doubling(w, 3)) + [Tanh()])
        discriminator = Sequential(
            try Conv2d(3, w, kernelSize: 4, stride: 2, padding: 1, bias: bias), LeakyReLU(negativeSlope: 0.2),
            try Conv2d(w, 2 * w, kernelSize: 4, stride: 2, padding: 1, bias: bias),
            try BatchNorm2d(2 * w), LeakyReLU(negativeSlope: 0.2),
            try Conv2d(2 * w, 4 * w, kernelSize: 4, stride: 2, padding: 1, bias: bias),
            try BatchNorm2d(4 * w), LeakyReLU(negativeSlope: 0.2),
            try Conv2d(4 * w, 1, kernelSize: 4, stride: 1, padding: 0, bias: bias), Flatten())
        Self.initialiseWeights(generator)
        Self.initialiseWeights(discriminator)
    }

    /// The paper's initialisation (PyTorch's DCGAN example, `weights_init`): convolution weights
    /// from N(0, 0.02); BatchNorm scales from N(1, 0.02) and shifts 0. Small weights keep the
    /// first steps gentle, so neither network overwhelms the other at the start.
    public static func initialiseWeights(_ network: Sequential) {
        for index in 0..<network.count {
            switch network[index] {
            case let convolution as Conv2d: Init.normal(convolution.weight, mean: 0, std: 0.02)
            case let convolution as ConvTranspose2d: Init.normal(convolution.weight, mean: 0, std: 0.02)
            case let norm as BatchNorm:
                Init.normal(norm.weight, mean: 1, std: 0.02)
                Init.constant(norm.bias, 0)
            default: break
            }
        }
    }

    /// `count` noise vectors z ~ N(0, 1), shaped `[count, latent, 1, 1]` for the generator.
    public func noise(_ count: Int, using generator: inout RandomGenerator) throws -> Tensor {
        try Tensor.randn([count, latent, 1, 1], using: &generator)
    }

    /// Images from noise: `[N, latent, 1, 1]` (or `[N, latent]`) → `[N, 3, 32, 32]` in [−1, 1].
    public func generate(_ z: Tensor) throws -> Tensor {
        try generator(z.rank == 2 ? z.reshaped([z.shape[0], z.shape[1], 1, 1]) : z)
    }

    /// The discriminator's logit for each image: positive means "looks real".
    public func discriminate(_ images: Tensor) throws -> Tensor { try discriminator(images) }

    /// As a plain layer the model is its generator.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try generate(input) }

    public var children: [(name: String, layer: any Layer)] {
        [("generator", generator), ("discriminator", discriminator)]
    }

    public var description: String {
        let variant = upsampling == .transposedConvolution ? "" : ", upsampling=nearest+conv"
        return modelDescription("DCGAN(latent=\(latent), width=\(width)\(variant))", children)
    }
}
