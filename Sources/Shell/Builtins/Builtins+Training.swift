import Models
import Engine
import Faces
import Foundation
import Imaging

/// `faces(…)` to load the shipped face images, and `train(…)` to fit a model to them.
extension BuiltinRegistry {
    mutating func registerTraining() {
        register(Function("faces", [.positional("name", "String", default: .string("faces-32"), "a folder of datasets-small"),
                                    .labelled("count", "Int", default: .number(256), "how many images to load"),
                                    .labelled("signed", "Bool", default: .bool(false), "values in [-1, 1] (for Tanh outputs) instead of [0, 1]"),
                                    .labelled("role", "String", default: .string(""), "in the pair sets, \"A\" or \"B\" for one person only")],
                          returns: "Faces", summary: "synthetic faces from datasets-small with their attributes; use it as a [N, 3, H, W] tensor") { arguments in
            let name = try arguments.string("name")
            let role = try arguments.string("role")
            guard ["", "A", "B"].contains(role) else { throw arguments.invalid("role", "must be \"A\" or \"B\" (the two people of a pair set)") }
            let folder = try datasetFolder(name, arguments).path
            // The count is applied while the manifest is read: asking for 4 faces loads 4.
            let requested = try arguments.integer("count", in: 1...100_000)
            let dataset: ImageDataset
            do {
                dataset = try FaceDatasetLoader.load(folder, roles: role.isEmpty ? nil : [role], limit: requested)
            } catch where !role.isEmpty {
                throw arguments.invalid("role", "matches no images in \(name) — only the pair sets (pair-32, pair-64) have roles")
            }
            let count = min(requested, dataset.count)
            let range: ImageDataset.PixelRange = try arguments.bool("signed") ? .minusOneToOne : .zeroToOne
            let faces = try dataset.subset(Array(0..<count))
            return .object(FaceSet(name: name.split(separator: "/").last.map(String.init) ?? name, faces: faces,
                                    images: try faces.firstImages(count, range: range), range: range))
        }, category: .training, example: "let data = faces(\"faces-32\", count: 64)")

        register(Function("train", [
            .positional("model", "Layer", "the model to train"),
            .labelled("inputs", "Tensor", "the examples, [N, …]"),
            .labelled("targets", "Tensor", "what the model should output for each, [N, …] (the inputs, for an autoencoder)"),
            .labelled("loss", "String", default: .string("mse"), "\"mse\", \"l1\" or \"bce\" (binary cross-entropy on logits)"),
        ] + Parameter.trainingKnobs(SupervisedTrainer.defaultConfig, betas: "Adam's moment decay rates",
                           batch: "examples per mini-batch (at most 4096)", seed: "picks the batches, so a run can be repeated"),
           returns: "LossHistory", summary: "fits a model with Adam, showing progress; Ctrl-C stops it keeping the weights") { arguments in
            try train(arguments)
        }, category: .training, example: "train(Sequential(Linear(4, 8), ReLU(), Linear(8, 4)), inputs: randn([64, 4]), targets: randn([64, 4]), steps: 20)")
    }
}

/// Finds a dataset: a path as given, else `datasets-small/NAME` in the working directory or in
/// a folder above the `lab` executable (so it works from anywhere inside a checkout).
func datasetFolder(_ name: String, _ arguments: CallArguments, nameParameter: String = "name") throws -> URL {
    let manager = FileManager.default
    if name.contains("/") { return arguments.context.resolveReadPath(name) }
    var candidates = [URL(fileURLWithPath: manager.currentDirectoryPath)]
    var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
        candidates.append(folder)
        folder = folder.deletingLastPathComponent()
    }
    for base in candidates {
        let candidate = base.appendingPathComponent("datasets-small").appendingPathComponent(name)
        if manager.fileExists(atPath: candidate.appendingPathComponent("manifest.csv").path) { return candidate }
    }
    throw LabError(.fileProblem(path: "datasets-small/" + name, reason: "not found here or beside lab — the shipped sets are faces-32, faces-64, pair-32 and pair-64"),
                   at: arguments.range(of: nameParameter))
}

private func train(_ arguments: CallArguments) throws -> Value {
    let model = try arguments.layer("model")
    let loss: SupervisedTrainer.Loss
    switch try arguments.string("loss") {
    case "mse": loss = { try mseLoss($0, $1) }
    case "l1": loss = { try l1Loss($0, $1) }
    case "bce": loss = { try binaryCrossEntropyWithLogits($0, $1) }
    default: throw arguments.invalid("loss", "must be \"mse\", \"l1\" or \"bce\"")
    }
    let config = try arguments.trainingConfig(defaultBetas: (0.9, 0.999))
    let context = arguments.context
    let prefix = try context.freshPrefix("train")
    let trainer = try SupervisedTrainer(model: model, inputs: try arguments.tensor("inputs"), targets: try arguments.tensor("targets"),
                                        loss: loss, config: config, name: prefix)
    return .object(try runTraining(arguments, prefix: prefix) { try trainer.train(output: $0, observer: $1) })
}
