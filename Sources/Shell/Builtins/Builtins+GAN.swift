import Models
import Engine
import Faces
import Foundation

/// `trainGAN(gan, …)`: the lessons' DCGAN, generator against discriminator on the face set, with
/// Experiments' `GANTrainer` (its step and tuned defaults) and the shared training loop.
/// Training the same GAN again continues the run (`TrainerMemory`).
extension BuiltinRegistry {
    mutating func registerGANTraining() {
        let defaults = GANTrainer.defaultConfig
        register(Function("trainGAN", [
            .positional("gan", "Layer", "a DCGAN(): its generator and discriminator"),
            .labelled("data", "String", default: .string("faces-32"), "the 32×32 face set of real images"),
        ] + Parameter.trainingKnobs(defaults, lr: "Adam's learning rate for both networks", betas: "Adam's decay rates; β1 = 0.5 steadies GANs",
                           steps: "how many rounds of the game", batch: "real images per round", seed: "picks the batches and the noise"),
           returns: "LossHistory", summary: "trains a GAN, showing loss D, loss G, D(x) and D(G(z)) as it goes") { arguments in
            try trainGAN(arguments)
        }, category: .training, example: "trainGAN(DCGAN(latent: 8, width: 4), steps: 2, batch: 4)")
    }
}

private func trainGAN(_ arguments: CallArguments) throws -> Value {
    guard let gan = try arguments.layer("gan") as? DCGAN else {
        throw arguments.invalid("gan", "must be a DCGAN — make one with DCGAN()")
    }
    let config = try arguments.trainingConfig(defaultBetas: GANTrainer.defaultConfig.betas)
    let data = try arguments.string("data")
    let context = arguments.context
    let (trainer, prefix) = try context.trainers.trainer("gan", model: gan, data: data, freshPrefix: { try context.freshPrefix("gan") },
        make: { prefix in
            // The training split only: faces(heldOut: true) are faces the GAN never saw.
            let faces = try FaceDatasetLoader.load(try datasetFolder(data, arguments, nameParameter: "data").path, split: "train")
            return try GANTrainer(model: gan, faces: faces, config: config, name: prefix)
        }, update: { $0.config = config })
    return .object(try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) })
}
