import Models
import Engine
import Foundation
import Imaging

/// The deepfake itself at the prompt: one shared encoder and a decoder per person
/// (Sources/Lessons/Experiments/FaceSwapModel.swift). Train it on the pair set, then draw
/// person A's faces with person B's decoder.
extension BuiltinRegistry {
    mutating func registerFaceSwap() {
        register(Function("FaceSwap", [.labelled("latent", "Int", default: .number(128), "numbers in the shared code"),
                                       .labelled("width", "Int", default: .number(32), "channels of the first convolution")],
                          returns: "Layer", summary: "the face-swap autoencoder: a shared encoder, decoder_a and decoder_b") { arguments in
            let latent = try arguments.integer("latent", in: 1...4096), width = try arguments.integer("width", in: 1...256)
            try MemoryBudget.check(float32Elements: [4 * width * 16, latent], what: "FaceSwap(latent: \(latent), width: \(width))")
            return .layer(try FaceSwapModel(latent: latent, width: width))
        }, category: .models, example: "let swapper = FaceSwap(latent: 64)")

        register(Function("trainFaceSwap", [
            .positional("model", "Layer", "a FaceSwap model"),
            .labelled("data", "String", default: .string("pair-32"), "the pair set of persons A and B"),
        ] + Parameter.trainingKnobs(FaceSwapTrainer.defaultConfig, steps: "how many steps (each sees A and B)",
                           batch: "faces per person per step", seed: "picks the batches"), returns: "LossHistory", summary: "trains each decoder to redraw its own person, then scores the swap A → B") { arguments in
            try trainFaceSwap(arguments)
        }, category: .training, example: "trainFaceSwap(FaceSwap(latent: 8, width: 4), steps: 2, batch: 2)")

        register(Function("swap", [.positional("model", "Layer", "a trained FaceSwap model"),
                                   .positional("faces", "Tensor", "faces [N, 3, 32, 32] in [0, 1]"),
                                   .labelled("to", "String", default: .string("B"), "whose decoder draws them: \"A\" or \"B\"")],
                          returns: "Tensor", summary: "the deepfake: faces encoded, then drawn as the other person") { arguments in
            guard let model = try arguments.layer("model") as? FaceSwapModel else {
                throw arguments.invalid("model", "must be a FaceSwap model")
            }
            guard let person = FaceSwapModel.Person(rawValue: try arguments.string("to").uppercased()) else {
                throw arguments.invalid("to", "must be \"A\" or \"B\"")
            }
            return .tensor(try model.swap(try arguments.tensor("faces"), to: person))
        }, category: .generation, example: "swap(FaceSwap(latent: 8, width: 4), faces(\"pair-32\", count: 4, role: \"A\"))")
    }
}

private func trainFaceSwap(_ arguments: CallArguments) throws -> Value {
    guard let model = try arguments.layer("model") as? FaceSwapModel else {
        throw arguments.invalid("model", "must be a FaceSwap model — make one with FaceSwap()")
    }
    let config = try arguments.trainingConfig(defaultBetas: FaceSwapTrainer.defaultConfig.betas)
    let dataName = try arguments.string("data")
    let context = arguments.context
    let (trainer, prefix) = try context.trainers.trainer("faceswap", model: model, data: dataName,
        freshPrefix: { try context.freshPrefix("faceswap") },
        make: { prefix in
            let data = try FaceSwapData.load(try datasetFolder(dataName, arguments, nameParameter: "data").path)
            return try FaceSwapTrainer(model: model, data: data, config: config, name: prefix)
        }, update: { $0.config = config })
    var run = try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) }
    let score = try model.score(on: trainer.data)
    run.extraLines = [score.summary]
    run.scores = swapScores(score)
    return .object(run)
}
