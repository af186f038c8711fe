import Models
import Engine
import Imaging
import Foundation

/// The 2-D GAN of lesson 5 at the prompt: `ToyGAN()`, `trainToyGAN(gan, loss: …)` and
/// `modes(gan)`. Training the same toy again with the same loss continues its run.
extension BuiltinRegistry {
    mutating func registerToyGAN() {
        register(Function("ToyGAN", [.labelled("latent", "Int", default: .number(2), "length of the noise vector z"),
                                     .labelled("hidden", "Int", default: .number(64), "width of every hidden layer")],
                          returns: "Layer", summary: "a GAN on points of the plane: MLP generator and discriminator") { arguments in
            .layer(try ToyGAN(latent: try arguments.integer("latent", in: 1...64), hidden: try arguments.integer("hidden", in: 1...512)))
        }, category: .models, example: "let toy = ToyGAN()")

        let defaults = ToyGANTrainer.defaultConfig
        register(Function("trainToyGAN", [
            .positional("gan", "Layer", "a ToyGAN()"),
            .labelled("loss", "String", default: .string("non-saturating"),
                      "the generator's loss: \"non-saturating\" (−log D(G(z))) or \"saturating\" (log(1 − D(G(z))))"),
            .labelled("dSteps", "Int", default: .number(1), "discriminator updates per round (the paper's k)"),
            .labelled("gSteps", "Int", default: .number(1), "generator updates per round"),
        ] + Parameter.trainingKnobs(defaults, lr: "Adam's learning rate for both networks", betas: "Adam's decay rates; β1 = 0.5 steadies GANs",
                                    steps: "how many rounds of the game", batch: "real points per round",
                                    seed: "picks the real points and the noise", every: "steps between frames"),
           returns: "LossHistory", summary: "trains a ToyGAN on a ring of 8 Gaussians, a frame every few steps") { arguments in
            try trainToyGAN(arguments)
        }, category: .training, example: "trainToyGAN(ToyGAN(), steps: 20, every: 10)")

        register(Function("modes", [.positional("gan", "Layer", "a ToyGAN()")],
                          returns: "Modes", summary: "how many of the ring's 8 modes a ToyGAN's samples cover") { arguments in
            guard let gan = try arguments.layer("gan") as? ToyGAN else {
                throw arguments.invalid("gan", "must be a ToyGAN — make one with ToyGAN()")
            }
            return .object(try ModesValue(gan, context: arguments.context))
        }, category: .generation, example: "modes(ToyGAN())")
    }
}

private func trainToyGAN(_ arguments: CallArguments) throws -> Value {
    guard let gan = try arguments.layer("gan") as? ToyGAN else {
        throw arguments.invalid("gan", "must be a ToyGAN — make one with ToyGAN()")
    }
    let lossName = try arguments.string("loss")
    guard let loss = ToyGANTrainer.GeneratorLoss(rawValue: lossName) else {
        throw arguments.invalid("loss", "must be \"non-saturating\" or \"saturating\"")
    }
    let generatorSteps = try arguments.integer("gSteps", in: 1...20)
    let discriminatorSteps = try arguments.integer("dSteps", in: 1...20)
    let config = try arguments.trainingConfig(defaultBetas: ToyGANTrainer.defaultConfig.betas)
    let context = arguments.context
    let (trainer, prefix) = try context.trainers.trainer("toygan", model: gan, data: lossName,
        freshPrefix: { try context.freshPrefix("toygan") },
        make: { prefix in
            try ToyGANTrainer(model: gan, generatorLoss: loss, generatorSteps: generatorSteps, discriminatorSteps: discriminatorSteps,
                              config: config, name: prefix)
        }, update: { $0.config = config; $0.generatorSteps = generatorSteps; $0.discriminatorSteps = discriminatorSteps })
    var run = try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) }
    let coverage = trainer.ring.coverage(of: try trainer.fixedSamples())
    run.extraLines.append(coverage.summary)
    run.scores.append((name: "modes", value: Double(coverage.covered)))
    run.scores.append((name: "onModes", value: coverage.onModes))
    return .object(run)
}

/// `modes(gan)`: the toy's coverage of the ring, measured on 1,000 samples from fixed noise,
/// with the picture of where they land.
public struct ModesValue: ShellObject {
    public let coverage: ModeCoverage
    public let picture: Picture

    init(_ gan: ToyGAN, context: SessionContext) throws {
        let ring = RingOfGaussians()
        var generator = RandomGenerator(seed: 2026)
        let samples = try gan.inference { try gan.generate(gan.noise(1000, using: &generator)) }
        let real = ring.sample(1000, using: &generator)
        coverage = ring.coverage(of: samples)
        let image = try gan.picture(samples: samples, real: real, ring: ring, caption: [
            "1000 SAMPLES: \(coverage.covered) OF \(ring.modes) MODES COVERED",
            "BLUE: REAL  RED: G(Z)  RINGS: 3 SIGMA",
            "GREEN: D SAYS REAL  PURPLE: FAKE",
        ])
        let url = try context.prepareWrite(to: "toygan-modes.png")
        try context.writePicture(image, to: url, text: PNGFile.labels(model: gan.description.firstLine, extra: [
            ("Content", "1000 generated points (red) and 1000 real points (blue) over the discriminator's decision map"),
        ]))
        picture = Picture(image, savedPath: url.path)
    }

    public var typeName: String { "Modes" }
    public var shortDescription: String { "Modes[\(coverage.covered) of \(coverage.counts.count) covered]" }
    public var cellDescription: String {
        coverage.summary + "\nsamples on each mode: " + coverage.counts.map(String.init).joined(separator: " ")
            + "\npicture in \(picture.savedPath ?? "")"
    }
    public var members: [Member] {
        [.property("covered", "modes with at least 1 in 100 samples within 3σ of their centre") { _ in .number(Double(coverage.covered)) },
         .property("onModes", "the share of samples within 3σ of some mode") { _ in .number(coverage.onModes) },
         .property("counts", "samples on each mode, anticlockwise from (2, 0)") { _ in
             .tensor(Tensor(shape: [coverage.counts.count], data: coverage.counts.map(Float.init)))
         }]
    }
}
