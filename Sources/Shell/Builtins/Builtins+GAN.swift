import Models
import Engine
import Faces
import Foundation

/// `trainGAN(gan, …)`: the lessons' DCGAN, generator against discriminator on the face set, with
/// Experiments' `GANTrainer` (its step and tuned defaults) and the shared training loop.
/// Training the same GAN again continues the run (`TrainerMemory`).
///
/// `doctor(gan)` prints what the trainer's `GANDoctor` found in that GAN's run, and
/// `rollBack(gan)` returns it to the doctor's last healthy checkup. The doctor's report is also
/// printed after every `trainGAN`, so a learner in a hurry (or auto mode) sees it without asking;
/// the roll-back is offered as a command to type, never as a question that would wait for an answer.
extension BuiltinRegistry {
    mutating func registerGANTraining() {
        let defaults = GANTrainer.defaultConfig
        register(Function("trainGAN", [
            .positional("gan", "Layer", "a DCGAN(): its generator and discriminator"),
            .labelled("data", "String", default: .string("faces-32"), "the face set of real images (faces-64 for DCGAN(imageSize: 64))"),
        ] + Parameter.trainingKnobs(defaults, lr: "Adam's learning rate for both networks", betas: "Adam's decay rates; β1 = 0.5 steadies GANs",
                           steps: "how many rounds of the game", batch: "real images per round", seed: "picks the batches and the noise"),
           returns: "LossHistory", summary: "trains a GAN, showing loss D, loss G, D(x) and D(G(z)) as it goes, then the GAN doctor's report") { arguments in
            try trainGAN(arguments)
        }, category: .training, example: "trainGAN(DCGAN(latent: 8, width: 4), steps: 2, batch: 4)")
        register(Function("doctor", [.positional("gan", "Layer", "a DCGAN trained with trainGAN (the last one trained)")],
                          returns: "Text", summary: "the GAN doctor's report: D winning outright, exploding or vanishing gradients, collapsed samples, and the diversity figure") { arguments in
            let (trainer, name) = try keptGANTrainer(arguments)
            return .text(trainer.doctor.report(rollBackCommand: "rollBack(\(name))").joined(separator: "\n"))
        }, category: .training, example: "let g = DCGAN(latent: 8, width: 4); trainGAN(g, steps: 2, batch: 4); doctor(g)")
        register(Function("rollBack", [.positional("gan", "Layer", "a DCGAN trained with trainGAN (the last one trained)")],
                          returns: "Text", summary: "returns a GAN to the doctor's last healthy checkup (every 25 steps), forgetting the steps after it") { arguments in
            let (trainer, name) = try keptGANTrainer(arguments)
            let before = trainer.stepsDone
            guard let step = try trainer.rollBackToLastHealthy() else {
                throw arguments.invalid("gan", "has no healthy checkup to go back to (the doctor checks every "
                    + "\(trainer.doctor.limits.checkupEvery) steps) — make a new DCGAN and change one setting")
            }
            arguments.context.hasUnsavedWork = true
            return .text("\(name) is back at step \(step), the doctor's last healthy checkup (it was at step \(before)); "
                + "its optimisers start afresh. Change a setting before you train it again.")
        }, category: .training, example: "let g = DCGAN(latent: 8, width: 4); trainGAN(g, steps: 25, batch: 4); rollBack(g)")
    }
}

private func trainGAN(_ arguments: CallArguments) throws -> Value {
    guard let gan = try arguments.layer("gan") as? DCGAN else {
        throw arguments.invalid("gan", "must be a DCGAN — make one with DCGAN()")
    }
    let config = try arguments.trainingConfig(defaultBetas: GANTrainer.defaultConfig.betas)
    // A 64-pixel GAN trains on the 64-pixel faces unless the learner named a data set.
    let data = arguments.range(of: "data") == nil ? "faces-\(gan.imageSize)" : try arguments.string("data")
    let context = arguments.context
    let (trainer, prefix) = try context.trainers.trainer("gan", model: gan, data: data, freshPrefix: { try context.freshPrefix("gan") },
        make: { prefix in
            // The training split only: faces(heldOut: true) are faces the GAN never saw.
            let faces = try FaceDatasetLoader.load(try datasetFolder(data, arguments, nameParameter: "data").path, split: "train")
            return try GANTrainer(model: gan, faces: faces, config: config, name: prefix)
        }, update: { $0.config = config })
    var run = try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) }
    let name = arguments.writtenName(of: "gan") ?? "gan"
    trainer.doctor.lossGuardStopped = if case .stoppedByGuard = run.ending { true } else { false }
    run.extraLines += trainer.doctor.report(rollBackCommand: "rollBack(\(name))")
    if let diversity = trainer.doctor.diversity { run.scores.append(("diversity", diversity)) }
    return .object(run)
}

/// The trainer that trained the `gan` argument (the last GAN trained), and the name to call it by.
private func keptGANTrainer(_ arguments: CallArguments) throws -> (GANTrainer, String) {
    guard let gan = try arguments.layer("gan") as? DCGAN else {
        throw arguments.invalid("gan", "must be a DCGAN — make one with DCGAN()")
    }
    guard let trainer = arguments.context.trainers.kept("gan", model: gan) as? GANTrainer else {
        throw arguments.invalid("gan", "has no training run the doctor watched — the doctor remembers only the last "
            + "GAN trained with trainGAN, so train this one (again) first")
    }
    return (trainer, arguments.writtenName(of: "gan") ?? "gan")
}
