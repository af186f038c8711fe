import Models
import Engine
import Faces
import Foundation
import Imaging

/// `VAE(latent:)` and `trainVAE(vae, …)`: lesson 3's variational autoencoder at the prompt, trained
/// with `VAETrainer` (reconstruction + β·KL, grids of held-out faces, their reconstructions and
/// faces sampled from N(0, I)). `sample(vae)` then draws new faces. Training the same model again
/// continues the run.
extension BuiltinRegistry {
    mutating func registerVAE() {
        register(Function("VAE", [.labelled("latent", "Int", default: .number(16), "numbers in the code; random codes from N(0, I) decode to faces"),
                                  .labelled("width", "Int", default: .number(32), "channels of the first convolution")],
                          returns: "Layer", summary: "the lessons' variational autoencoder for 32×32 faces: it can sample new faces") { arguments in
            let latent = try arguments.integer("latent", in: 1...1024), width = try arguments.integer("width", in: 1...256)
            // The largest tensors are the Linear layers between code and feature maps: 4w·4·4 × 2·latent.
            try MemoryBudget.check(float32Elements: [4 * width * 16, 2 * latent], what: "VAE(latent: \(latent), width: \(width))")
            return .layer(try VariationalAutoencoder(latent: latent, width: width))
        }, category: .models, example: "let vae = VAE(latent: 16)")

        let defaults = VAETrainer.defaultConfig
        register(Function("trainVAE", [
            .positional("model", "Layer", "a VAE()"),
            .labelled("data", "String", default: .string("faces-32"), "the 32×32 face set; its held-out faces fill the sample grids"),
            .labelled("beta", "Double", default: .float(VAETrainer.defaultBeta),
                      "weight of the KL term: larger keeps codes nearer N(0, I) (better samples), smaller redraws sharper"),
            .labelled("warmup", "Int", default: .number(Double(VAETrainer.defaultWarmUpSteps)),
                      "steps over which the KL weight rises from 0 to beta"),
        ] + Parameter.trainingKnobs(defaults, batch: "faces per mini-batch", seed: "picks the batches and the noise ε"),
           returns: "LossHistory", summary: "teaches a VAE to redraw faces through codes kept near N(0, I), so it can sample new ones") { arguments in
            guard let model = try arguments.layer("model") as? VariationalAutoencoder else {
                throw arguments.invalid("model", "must be a VAE — make one with VAE()")
            }
            let config = try arguments.trainingConfig(defaultBetas: defaults.betas)
            let beta = try arguments.number("beta")
            guard beta >= 0, beta <= 100 else { throw arguments.invalid("beta", "must be between 0 and 100") }
            let warmUp = try arguments.integer("warmup", in: 0...1_000_000)
            let data = try arguments.string("data")
            let context = arguments.context
            let (trainer, prefix) = try context.trainers.trainer("vae", model: model, data: data,
                freshPrefix: { try context.freshPrefix("vae") },
                make: { prefix in
                    let (train, heldOut) = try FaceDatasetLoader.load(try datasetFolder(data, arguments, nameParameter: "data").path).split()
                    return try VAETrainer(model: model, faces: train, fixedFaces: heldOut, config: config,
                                          beta: Float(beta), warmUpSteps: warmUp, name: prefix)
                }, update: { trainer in
                    trainer.config = config
                    trainer.beta = Float(beta)
                    trainer.warmUpSteps = warmUp
                })
            var run = try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) }
            try scoreAutoencoder(model, data: data, arguments, run: &run)
            return .object(run)
        }, category: .training, example: "trainVAE(VAE(latent: 8, width: 4), steps: 2, batch: 4)")

        register(Function("compareSamples", [
            .positional("first", "Layer", "an Autoencoder or a VAE"),
            .positional("second", "Layer", "another one, e.g. a VAE to set against a plain Autoencoder"),
            .labelled("count", "Int", default: .number(8), "faces per model, 1 to 16"),
            .labelled("seed", "Int", default: .number(0), "picks the random codes z ~ N(0, I)"),
        ], returns: "Text", summary: "both models decode random codes from N(0, I): one labelled row each, in one picture") { arguments in
            try compareSamples(arguments)
        }, category: .generation, example: "compareSamples(Autoencoder(latent: 8, width: 4), VAE(latent: 8, width: 4), count: 4)")
    }
}

/// Two models' faces from random codes, one row each, in a picture that names its rows: what the
/// lesson puts side by side (a plain autoencoder cannot sample; a VAE can).
private func compareSamples(_ arguments: CallArguments) throws -> Value {
    let count = try arguments.integer("count", in: 1...16), seed = UInt64(try arguments.integer("seed"))
    let models = try ["first", "second"].map { name in
        guard let model = try arguments.layer(name) as? any Autoencoding else {
            throw arguments.invalid(name, "must be an Autoencoder or a VAE — make one with Autoencoder() or VAE()")
        }
        return model
    }
    var names = models.map { $0 is VariationalAutoencoder ? "VAE" : "autoencoder" }
    if names[0] == names[1] { names = names.enumerated().map { "\($1) \($0 + 1)" } }
    let rows = try models.map { try Image.images(from: $0.decodeRandomCodes(count, seed: seed)) }
    let grid = try LabelledGrid.make(rows: rows, rowNames: names, title: "random codes from N(0, I), seed \(seed)")
    let url = try arguments.context.prepareWrite(to: "sample-comparison.png")
    let content = zip(names, models).map { "\($0): \($1.description.firstLine)" }.joined(separator: "; ")
    try arguments.context.writePicture(grid, to: url, text: PNGFile.labels(extra: [
        ("Content", "faces decoded from random codes z ~ N(0, I) with seed \(seed), one row per model"),
        ("Rows", content)]))
    return .text("rows: " + content + "\npicture in \(url.path)")
}
