import Engine

/// `trainGAN(…)`: a generator and a discriminator trained against each other on images.
extension BuiltinRegistry {
    mutating func registerGANTraining() {
        register(Function("trainGAN", [
            .positional("generator", "Layer", "turns noise into images (last layer Tanh, for data in [-1, 1]); or a DCGAN"),
            .positional("discriminator", "Layer", default: .nothing, "scores images: one logit per image (omit when passing a DCGAN)"),
            .labelled("data", "Tensor", "real images [N, C, H, W], e.g. faces(signed: true)"),
            .labelled("noise", "[Int]", default: .nothing, "one noise vector's shape; inferred from the generator's first layer"),
            .labelled("lr", "Double", default: .number(2e-4), "Adam's learning rate for both networks (DCGAN's value)"),
            .labelled("betas", "[Double]", default: .list([.number(0.5), .number(0.999)]), "Adam's decay rates; β1 = 0.5 steadies GANs"),
            .labelled("steps", "Int", default: .number(500), "how many rounds of the game"),
            .labelled("batch", "Int", default: .number(32), "images per round"),
            .labelled("seed", "Int", default: .number(0), "picks the batches and the noise"),
            .labelled("every", "Int", default: .number(50), "steps between sample grids and rollback points"),
        ], returns: "Text", summary: "trains a GAN, showing loss D, loss G, D(x) and D(G(z)) as it goes") { arguments in
            try trainGAN(arguments)
        }, category: .training, example: "trainGAN(Sequential(Linear(8, 48), Tanh(), Reshape([3, 4, 4])), Sequential(Flatten(), Linear(48, 1)), data: randn([16, 3, 4, 4]), steps: 5)")
    }
}

private func trainGAN(_ arguments: CallArguments) throws -> Value {
    var generator = try arguments.layer("generator")
    let discriminator: any Layer
    if let gan = generator as? DCGAN, case .nothing = arguments.value("discriminator") {
        (generator, discriminator) = (gan.generator, gan.discriminator)
    } else {
        discriminator = try arguments.layer("discriminator")
    }
    let noiseShape: [Int]
    if case .nothing = arguments.value("noise") {
        guard let inferred = inferNoiseShape(generator) else {
            throw arguments.invalid("noise", "could not be inferred from the generator's first layer — give it, e.g. noise: [100]")
        }
        noiseShape = inferred
    } else {
        noiseShape = try arguments.integers("noise", in: 1...1 << 20)
    }
    let betas = try arguments.value("betas").numbers(arguments, "betas")
    guard betas.count == 2, betas.allSatisfy({ $0 >= 0 && $0 < 1 }) else { throw arguments.invalid("betas", "must be two numbers in [0, 1), e.g. [0.5, 0.999]") }
    let learningRate = try arguments.number("lr")
    guard learningRate > 0, learningRate < 10 else { throw arguments.invalid("lr", "must be between 0 and 10") }
    let data = try arguments.tensor("data")
    guard data.rank == 4 else { throw arguments.invalid("data", "must be images [N, C, H, W], not shape \(data.shape)") }
    let settings = Trainer.Settings(steps: try arguments.integer("steps", in: 1...1_000_000), batchSize: try arguments.integer("batch", in: 1...65536),
                                    learningRate: Float(learningRate), betas: (Float(betas[0]), Float(betas[1])),
                                    seed: UInt64(try arguments.integer("seed", in: 0...Int(Int32.max))),
                                    sampleEvery: try arguments.integer("every", in: 1...1_000_000))
    let context = arguments.context
    var lastProgress: TrainingProgress?
    let report = try AdversarialTrainer.train(generator: generator, discriminator: discriminator, data: data, noiseShape: noiseShape,
                                      settings: settings,
                                      onStep: { progress in lastProgress = progress; context.onProgress?(progress, false) },
                                      onSample: { step, images in try writeSamples(images, step: step, context: context) })
    if let lastProgress { context.onProgress?(lastProgress, true) }
    context.hasUnsavedWork = true
    let csv = try context.prepareWrite(to: "gan-history.csv")
    try AdversarialTrainer.csv(report.steps).write(to: csv, atomically: true, encoding: .utf8)
    var lines = endingLines(report.ending, steps: report.steps.count, seconds: report.seconds)
    if let last = report.steps.last {
        lines.append("last step: loss D \(ProgressLine.formatMetric(last.lossD))  loss G \(ProgressLine.formatMetric(last.lossG))  "
                     + "D(x) \(ProgressLine.formatMetric(last.realVerdict))  D(G(z)) \(ProgressLine.formatMetric(last.fakeVerdict)); history in \(csv.path)")
    }
    return .text(lines.joined(separator: "\n"))
}

/// [100] for a generator starting with Linear(100, …); [100, 1, 1] for ConvTranspose2d(100, …).
private func inferNoiseShape(_ generator: any Layer) -> [Int]? {
    var first: any Layer = generator
    while let sequential = first as? Sequential, sequential.count > 0 { first = sequential[0] }
    switch first {
    case let linear as Linear: return [linear.inFeatures]
    case let transposed as ConvTranspose2d: return [transposed.inChannels, 1, 1]
    default: return nil
    }
}
