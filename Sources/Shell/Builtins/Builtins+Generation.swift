import Models
import Engine
import Faces
import Foundation

/// What trained models make, at the prompt: new faces from a GAN, faces redrawn by an
/// autoencoder, a walk between two faces, and the picture of a training run. Each shows its
/// result inline and writes it as a labelled PNG, like a notebook cell.
extension BuiltinRegistry {
    mutating func registerGeneration() {
        register(Function("sample", [.positional("model", "Layer", "a DCGAN, a VAE or an Autoencoder (trained)"),
                                     .labelled("count", "Int", default: .number(16), "how many faces, 1 to 256"),
                                     .labelled("seed", "Int", default: .number(0), "picks the noise z; the same seed gives the same faces"),
                                     .labelled("name", "String", default: .string("sample"), "the PNG's file name, without .png")],
                          returns: "Tensor", summary: "new faces decoded from random noise z ~ N(0, I): a GAN's in [-1, 1], an autoencoder's in [0, 1]") { arguments in
            let count = try arguments.integer("count", in: 1...256), seed = UInt64(try arguments.integer("seed"))
            let faces: Tensor
            switch try arguments.layer("model") {
            case let gan as DCGAN: faces = try gan.sample(count, seed: seed)
            // A VAE samples its prior; a plain autoencoder decodes codes it was never trained on.
            case let autoencoder as any Autoencoding: faces = try autoencoder.decodeRandomCodes(count, seed: seed)
            default: throw arguments.invalid("model", "must be a DCGAN, a VAE or an Autoencoder — make one with DCGAN() or VAE()")
            }
            _ = try showImages(faces, name: try arguments.string("name"), arguments, parameter: "model")
            return .tensor(faces)
        }, category: .generation, example: "sample(DCGAN(latent: 8, width: 4), count: 4)")

        register(Function("reconstruct", [.positional("model", "Layer", "an Autoencoder or a VAE"),
                                          .positional("faces", "Tensor", "faces [N, 3, 32, 32] in [0, 1], e.g. faces(count: 8)")],
                          returns: "Tensor", summary: "each face squeezed through the autoencoder's code and drawn again") { arguments in
            guard let model = try arguments.layer("model") as? any Autoencoding else {
                throw arguments.invalid("model", "must be an Autoencoder or a VAE — make one with Autoencoder() or VAE()")
            }
            let faces = try arguments.tensor("faces")
            let redrawn = try model.reconstruct(faces)
            // Originals above their reconstructions, so the loss is visible at a glance.
            let count = min(faces.shape.first ?? 0, 8)
            let pair = try Tensor.concatenate([faces.sliced(axis: 0, 0..<count), redrawn.sliced(axis: 0, 0..<count)])
            _ = try showImages(pair, name: "reconstruction", arguments, parameter: "faces")
            return .tensor(redrawn)
        }, category: .generation, example: "reconstruct(Autoencoder(latent: 8, width: 4), faces(count: 4))")

        register(Function("interpolate", [
            .positional("model", "Layer", "an Autoencoder, a VAE or a DCGAN"),
            .labelled("from", "Tensor", "autoencoder: a face [3, 32, 32] or a number (that face of faces-32); GAN: a noise vector or a seed"),
            .labelled("to", "Tensor", "the face, number, noise vector or seed to end at"),
            .labelled("steps", "Int", default: .number(8), "pictures along the way, 2 to 64"),
        ], returns: "Tensor", summary: "a walk between two codes, decoded: faces morphing from one to the other") { arguments in
            try interpolate(arguments)
        }, category: .generation, example: "interpolate(Autoencoder(latent: 8, width: 4), from: 0, to: 1, steps: 4)")

        register(Function("plot", [.positional("history", "LossHistory", "what train, trainGAN or trainFaceSwap returned"),
                                   .labelled("name", "String", default: .string(""), "the PNG's file name without .png (default: the run's, plus -plot)")],
                          returns: "Text", summary: "the loss curves as a PNG line plot and as sparklines in the terminal") { arguments in
            guard case .object(let run as TrainingRun) = arguments.value("history") else {
                throw arguments.invalid("history", "must be what a training built-in returned, e.g. let run = train(…)")
            }
            let name = try arguments.string("name")
            let url = try arguments.context.prepareWrite(to: (name.isEmpty ? run.filePrefix + "-plot" : name) + ".png")
            try LossPlot.write(run.history, to: url, title: "\(run.filePrefix): training history", model: nil, seed: nil)
            if let picture = Picture(url) { arguments.context.pictures.append(picture) }
            return .text((run.metricLines + ["plot in \(url.path)"]).joined(separator: "\n"))
        }, category: .training, example: "plot(train(Linear(2, 1), inputs: randn([8, 2]), targets: randn([8, 1]), steps: 5))")
    }
}

private func interpolate(_ arguments: CallArguments) throws -> Value {
    let steps = try arguments.integer("steps", in: 2...64)
    let path: Tensor
    switch try arguments.layer("model") {
    case let autoencoder as any Autoencoding:
        path = try autoencoder.interpolate(from: try face(arguments, "from"), to: try face(arguments, "to"), steps: steps)
    case let gan as DCGAN:
        path = try gan.interpolate(from: try noise(arguments, "from", gan), to: try noise(arguments, "to", gan), steps: steps)
    default:
        throw arguments.invalid("model", "must be an Autoencoder, a VAE or a DCGAN")
    }
    _ = try showImages(path, name: "interpolation", arguments, parameter: "model")
    return .tensor(path)
}

/// An autoencoder's end point: a face as given, or the face with that number in faces-32.
private func face(_ arguments: CallArguments, _ name: String) throws -> Tensor {
    guard case .number = arguments.value(name) else { return try arguments.tensor(name) }
    let faces = try FaceDatasetLoader.load(try datasetFolder("faces-32", arguments, nameParameter: name).path)
    return try faces.image(try arguments.integer(name, in: 0...(faces.count - 1)))
}

/// A GAN's end point: a noise vector as given, or a seed to draw one from.
private func noise(_ arguments: CallArguments, _ name: String, _ gan: DCGAN) throws -> Tensor {
    if case .number = arguments.value(name) {
        var random = RandomGenerator(seed: UInt64(try arguments.integer(name)))
        return try gan.noise(1, using: &random)
    }
    return try arguments.tensor(name)
}

extension CallArguments {
    /// The argument `name` as the lessons' DCGAN, or an error saying how to make one.
    func dcgan(_ name: String) throws -> DCGAN {
        guard let gan = try layer(name) as? DCGAN else { throw invalid(name, "must be a DCGAN — make one with DCGAN()") }
        return gan
    }
}
