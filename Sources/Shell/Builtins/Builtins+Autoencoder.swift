import Models
import Engine
import Faces
import Foundation

/// `trainAutoencoder(ae, …)`: the lessons' autoencoder on the face set with Experiments'
/// `AutoencoderTrainer` (its tuned defaults, mirrored faces, and grids of held-out faces above
/// their reconstructions). `train(ae, inputs:, targets:)` also works, on whatever tensors it is
/// given; this is the lesson's recipe. Training the same model again continues the run.
extension BuiltinRegistry {
    mutating func registerAutoencoderTraining() {
        let defaults = AutoencoderTrainer.defaultConfig
        register(Function("trainAutoencoder", [
            .positional("model", "Layer", "an Autoencoder()"),
            .labelled("data", "String", default: .string("faces-32"), "the 32×32 face set; its held-out faces fill the sample grids"),
        ] + Parameter.trainingKnobs(defaults, batch: "faces per mini-batch", seed: "picks the batches"), returns: "LossHistory", summary: "teaches an autoencoder to redraw faces through its small code") { arguments in
            guard let model = try arguments.layer("model") as? Autoencoder else {
                throw arguments.invalid("model", "must be an Autoencoder — make one with Autoencoder()")
            }
            let config = try arguments.trainingConfig(defaultBetas: defaults.betas)
            let data = try arguments.string("data")
            let context = arguments.context
            let (trainer, prefix) = try context.trainers.trainer("autoencoder", model: model, data: data,
                freshPrefix: { try context.freshPrefix("autoencoder") },
                make: { prefix in
                    let (train, heldOut) = try FaceDatasetLoader.load(try datasetFolder(data, arguments, nameParameter: "data").path).split()
                    return try AutoencoderTrainer(model: model, faces: train, fixedFaces: heldOut, config: config, name: prefix)
                }, update: { $0.config = config })
            var run = try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) }
            try scoreAutoencoder(model, data: data, arguments, run: &run)
            return .object(run)
        }, category: .training, example: "trainAutoencoder(Autoencoder(latent: 8, width: 4), steps: 2, batch: 4)")
    }
}
