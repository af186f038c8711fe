import Engine
import Imaging
import Foundation

/// The smallest GAN worth watching: a generator that turns 2 random numbers into a point of the
/// plane, and a discriminator that scores a point as real or fake. Both are small MLPs, so a
/// run of a few thousand steps takes seconds and every step can be drawn (`ToyGAN.picture`).
///
///     generator      z [N, latent]  Linear(latent→h) · ReLU · Linear(h→h) · ReLU · Linear(h→2)   → [N, 2]
///     discriminator  x [N, 2]       Linear(2→h) · LeakyReLU(0.2) · Linear(h→h) · LeakyReLU(0.2)
///                                   · Linear(h→1)                                               → [N, 1], a logit
///
/// The generator's output has no squashing function: the data are points anywhere in the plane.
/// The discriminator ends in a logit, as the DCGAN's does (Goodfellow et al., "Generative
/// adversarial nets", 2014, for the game; the layer sizes are this lab's).
public final class ToyGAN: Layer {
    /// Length of the noise vector z.
    public let latent: Int
    /// Width h of every hidden layer.
    public let hidden: Int
    public let generator: Sequential
    public let discriminator: Sequential
    public var isTraining = true
    public var shapeContract: ShapeContract { .unknown }

    /// Weights are PyTorch's `Linear` defaults, drawn from `Random.source` (seed it to repeat).
    public init(latent: Int = 2, hidden: Int = 64) throws {
        guard (1...64).contains(latent), (1...512).contains(hidden) else {
            throw EngineError.invalidArgument(op: "ToyGAN", message:
                "latent must be in 1...64 and hidden in 1...512, got latent \(latent), hidden \(hidden)")
        }
        self.latent = latent
        self.hidden = hidden
        generator = Sequential(try Linear(latent, hidden), ReLU(), try Linear(hidden, hidden), ReLU(), try Linear(hidden, 2))
        discriminator = Sequential(try Linear(2, hidden), LeakyReLU(negativeSlope: 0.2),
                                   try Linear(hidden, hidden), LeakyReLU(negativeSlope: 0.2), try Linear(hidden, 1))
    }

    /// `count` noise vectors z ~ N(0, 1), `[count, latent]`.
    public func noise(_ count: Int, using generator: inout RandomGenerator) throws -> Tensor {
        try Tensor.randn([count, latent], using: &generator)
    }

    /// Points from noise: `[N, latent]` → `[N, 2]`.
    public func generate(_ z: Tensor) throws -> Tensor { try generator(z) }

    /// The discriminator's logit for each point `[N, 2]` → `[N, 1]`: positive means "looks real".
    public func discriminate(_ points: Tensor) throws -> Tensor { try discriminator(points) }

    public func callAsFunction(_ input: Tensor) throws -> Tensor { try generate(input) }

    public var children: [(name: String, layer: any Layer)] {
        [("generator", generator), ("discriminator", discriminator)]
    }

    public var description: String {
        modelDescription("ToyGAN(latent=\(latent), hidden=\(hidden))", children)
    }

    /// D's probability of "real" on a `size × size` grid over `[−extent, extent]²`, row 0 at the top.
    public func decisionMap(size: Int, extent: Float) throws -> [Double] {
        var grid: [Float] = []
        grid.reserveCapacity(size * size * 2)
        for row in 0..<size {
            let y = extent - (Float(row) + 0.5) / Float(size) * 2 * extent
            for column in 0..<size {
                grid.append(-extent + (Float(column) + 0.5) / Float(size) * 2 * extent)
                grid.append(y)
            }
        }
        let logits = try inference { try discriminate(Tensor(shape: [size * size, 2], data: grid)) }
        return logits.data.map { 1 / (1 + Foundation.exp(-Double($0))) }
    }

    /// The picture of the game at one moment: D's decision map behind, the real data in blue,
    /// G's samples in red, each mode's 3σ zone outlined, and `caption` above.
    public func picture(samples: Tensor, real: Tensor, ring: RingOfGaussians, caption: [String]) throws -> Image {
        let extent: Float = ring.radius * 1.5
        func points(_ tensor: Tensor) -> [(x: Double, y: Double)] {
            (0..<(tensor.shape.first ?? 0)).map { (Double(tensor.data[2 * $0]), Double(tensor.data[2 * $0 + 1])) }
        }
        let size = 96
        return ScatterPlot.image(
            heat: try decisionMap(size: size, extent: extent), size: size, extent: Double(extent),
            circles: ring.centres.map { .init(x: Double($0.x), y: Double($0.y), radius: Double(3 * ring.standardDeviation)) },
            series: [.init(points: points(real), colour: ScatterPlot.realColour, radius: 1),
                     .init(points: points(samples), colour: ScatterPlot.fakeColour, radius: 1)],
            caption: caption)
    }
}
