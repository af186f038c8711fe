import Engine

/// A deep convolutional GAN for 32×32 (or 64×64) RGB faces (Radford, Metz and Chintala, "Unsupervised
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
/// `imageSize: 64` adds one more ×2 step to each network (the generator starts from 8w channels
/// at 4×4, the discriminator ends at 8w): PyTorch's DCGAN example at its native size.
///
/// `batchNorm: false` removes every BatchNorm2d, the one change that most often breaks the recipe:
/// without it the generator's layers are not rescaled each batch, and a high learning rate throws
/// them far out of range (the GAN doctor's lesson uses exactly that). The convolutions then get
/// a bias, since nothing cancels it any more.
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
    /// The picture sizes the networks are built for.
    public static let imageSizes = [32, 64]
    /// Length of the noise vector z.
    public let latent: Int
    /// Channels of the discriminator's first layer and the generator's last hidden one.
    public let width: Int
    public let upsampling: Upsampling
    /// Whether both networks normalise their hidden layers (the paper's recipe: yes).
    public let batchNorm: Bool
    /// Side of the square RGB faces made and judged: 32 or 64.
    public let imageSize: Int
    public let generator: Sequential
    public let discriminator: Sequential
    public var isTraining = true
    /// Two networks behind one call: sizes are known only when it runs.
    public var shapeContract: ShapeContract { .unknown }

    /// - Parameters:
    ///   - latent: length of z (64, as benchmark W3).
    ///   - width: w above (32).
    ///   - upsampling: the generator's ×2 steps (transposed convolutions, as the paper).
    ///   - batchNorm: BatchNorm2d in both networks, as the paper (true).
    ///   - imageSize: 32 or 64.
    ///   - bias: give every convolution a bias. Off for the lessons (BatchNorm cancels it, see
    ///     above); on for benchmark W3, whose layers are written as PyTorch's defaults, and
    ///     always on without BatchNorm.
    public init(latent: Int = 64, width: Int = 32, upsampling: Upsampling = .transposedConvolution,
                batchNorm: Bool = true, imageSize: Int = 32, bias: Bool = false) throws {
        guard (1...1024).contains(latent), (1...256).contains(width) else {
            throw EngineError.invalidArgument(op: "DCGAN", message:
                "latent must be in 1...1024 and width in 1...256, got latent \(latent), width \(width)")
        }
        guard Self.imageSizes.contains(imageSize) else {
            throw EngineError.invalidArgument(op: "DCGAN", message: "imageSize must be 32 or 64, not \(imageSize)")
        }
        self.latent = latent
        self.width = width
        self.upsampling = upsampling
        self.batchNorm = batchNorm
        self.imageSize = imageSize
        let bias = bias || !batchNorm
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
        /// BatchNorm2d over `channels`, or nothing when the recipe is broken on purpose.
        func normalised(_ channels: Int) throws -> [any Layer] {
            batchNorm ? [try BatchNorm2d(channels)] : []
        }
        // The widest layer sits at 4×4: 4w channels for 32×32 faces, 8w for 64×64 (one more halving).
        let deepest = imageSize / 8
        var generatorLayers: [any Layer] = [try ConvTranspose2d(latent, deepest * w, kernelSize: 4, stride: 1, padding: 0, bias: bias)]
            + (try normalised(deepest * w)) + [ReLU()]
        var multiple = deepest
        while multiple > 1 {
            generatorLayers += (try doubling(multiple * w, multiple / 2 * w)) + (try normalised(multiple / 2 * w)) + [ReLU()]
            multiple /= 2
        }
        generatorLayers += (try doubling(w, 3)) + [Tanh()]
        generator = Sequential(generatorLayers)
        // The discriminator mirrors it: no BatchNorm on its input layer (the paper's rule).
        var discriminatorLayers: [any Layer] = [try Conv2d(3, w, kernelSize: 4, stride: 2, padding: 1, bias: bias),
                                                LeakyReLU(negativeSlope: 0.2)]
        multiple = 1
        while multiple < deepest {
            discriminatorLayers += [try Conv2d(multiple * w, 2 * multiple * w, kernelSize: 4, stride: 2, padding: 1, bias: bias)]
                + (try normalised(2 * multiple * w)) + [LeakyReLU(negativeSlope: 0.2)]
            multiple *= 2
        }
        discriminatorLayers += [try Conv2d(deepest * w, 1, kernelSize: 4, stride: 1, padding: 0, bias: bias), Flatten()]
        discriminator = Sequential(discriminatorLayers)
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

    /// Images from noise: `[N, latent, 1, 1]` (or `[N, latent]`) → `[N, 3, S, S]` in [−1, 1], S = `imageSize`.
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
        let variant = (upsampling == .transposedConvolution ? "" : ", upsampling=nearest+conv")
            + (batchNorm ? "" : ", batchNorm=false") + (imageSize == 32 ? "" : ", imageSize=\(imageSize)")
        return modelDescription("DCGAN(latent=\(latent), width=\(width)\(variant))", children)
    }
}
