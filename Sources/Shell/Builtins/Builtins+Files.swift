import Models
import Faces
import Engine
import Foundation
import Imaging

/// Files: checkpoints with `save`/`load`, pictures with `show`. Everything written goes into the
/// session's output folder unless the learner, at the prompt, names another path.
extension BuiltinRegistry {
    mutating func registerFiles() {
        register(Function("save", [.positional("model", "Layer", "the model to save"),
                                   .positional("path", "String", "a file name, e.g. \"mlp.safetensors\"")],
                          returns: "String", summary: "writes a model's weights as a safetensors checkpoint (PyTorch can read it)") { arguments in
            let model = try arguments.layer("model")
            let url = try arguments.context.prepareWrite(to: try arguments.string("path"))
            try Checkpoint.save(model, to: url.path)
            arguments.context.hasUnsavedWork = false
            return .string(url.path)
        }, category: .session, example: "save(model, \"mlp.safetensors\")")
        register(Function("load", [.positional("model", "Layer", "a model of the same architecture"),
                                   .positional("path", "String", "the checkpoint to read")],
                          returns: "Layer", summary: "reads weights from a safetensors checkpoint into a model") { arguments in
            let model = try arguments.layer("model")
            let path = try arguments.string("path")
            let url = arguments.context.resolveReadPath(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw LabError(.fileProblem(path: path, reason: "no such file (looked here and in \(arguments.context.outputFolder.path))"),
                               at: arguments.range(of: "path"))
            }
            _ = try Checkpoint.load(into: model, from: url.path)
            return .layer(model)
        }, category: .session, example: "load(model, \"mlp.safetensors\")")
        register(Function("show", [.positional("images", "Tensor", "[H, W], [C, H, W] or a batch [N, C, H, W]"),
                                   .labelled("name", "String", default: .string("picture"), "the PNG's file name, without .png")],
                          returns: "String", summary: "draws images in the terminal and writes them as a PNG") { arguments in
            try show(arguments)
        }, category: .session, example: "show(randn([3, 32, 32]))")
    }
}

extension ImageDataset.PixelRange {
    /// Values below 0 mean the [-1, 1] range of a Tanh output; otherwise pictures are in [0, 1].
    static func guessed(from tensor: Tensor) -> Self {
        (tensor.data.min() ?? 0) < -0.01 ? .minusOneToOne : .zeroToOne
    }
}

/// `show(images, name:)`: draws the images and writes them as `name.png`.
private func show(_ arguments: CallArguments) throws -> Value {
    .string(try showImages(try arguments.tensor("images"), name: try arguments.string("name"), arguments, parameter: "images").path)
}

/// Turns a tensor into a picture, queues it for the terminal and writes it as a labelled PNG
/// through the session's no-overwrite rule. A batch becomes a grid. `sample`, `reconstruct` and
/// `interpolate` show their results this way too.
func showImages(_ tensor: Tensor, name: String, _ arguments: CallArguments, parameter: String) throws -> URL {
    let batch: Tensor
    switch tensor.rank {
    case 2: batch = try tensor.reshaped([1, 1] + tensor.shape)
    case 3: batch = try tensor.reshaped([1] + tensor.shape)
    case 4: batch = tensor
    default: throw arguments.invalid(parameter, "must have 2, 3 or 4 axes, not shape \(tensor.shape)")
    }
    guard [1, 3, 4].contains(batch.shape[1]) else {
        throw arguments.invalid(parameter, "needs 1, 3 or 4 channels (axis C), not \(batch.shape[1]) in shape \(tensor.shape)")
    }
    guard batch.shape[0] > 0 else { throw arguments.invalid(parameter, "holds no pictures (shape \(tensor.shape))") }
    guard batch.shape[2] <= 4096, batch.shape[3] <= 4096, batch.shape[0] <= 256 else {
        throw arguments.invalid(parameter, "is too large to show (at most 256 images of 4096×4096)")
    }
    let images = try Image.images(from: batch, range: .guessed(from: tensor))
    let columns = min(8, Int(Double(images.count).squareRoot().rounded(.up)))
    let picture = images.count == 1 ? images[0].rgb() : try ImageGrid.make(images.map { $0.rgb() }, columns: columns).rgb()
    let url = try arguments.context.prepareWrite(to: name + ".png")
    try arguments.context.writePicture(picture, to: url)
    return url
}
