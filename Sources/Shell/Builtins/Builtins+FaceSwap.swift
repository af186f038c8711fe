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
                                       .labelled("width", "Int", default: .number(32), "channels of the first convolution"),
                                       .labelled("codeDropout", "Double", default: .number(0.5),
                                                 "share of the code zeroed at random while training (0 = off)")],
                          returns: "Layer", summary: "the face-swap autoencoder: a shared encoder (its code dropped out at random in training), decoder_a and decoder_b") { arguments in
            let latent = try arguments.integer("latent", in: 1...4096), width = try arguments.integer("width", in: 1...256)
            let codeDropout = try arguments.number("codeDropout")
            // At 1 every number is zeroed and the decoders learn nothing from the code.
            guard codeDropout >= 0, codeDropout <= 0.9 else { throw arguments.invalid("codeDropout", "must be between 0 and 0.9") }
            try MemoryBudget.check(float32Elements: [4 * width * 16, latent], what: "FaceSwap(latent: \(latent), width: \(width))")
            return .layer(try FaceSwapModel(latent: latent, width: width, codeDropout: Float(codeDropout)))
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

        register(Function("swapExam", [.labelled("group", "String", default: .string("all"),
                                                  "\"all\", \"frontal\", \"turned\" (head turned 12° or more) or \"side-lit\""),
                                       .labelled("data", "String", default: .string("pair-32"), "the pair set")],
                          returns: "Faces", summary: "held-out pictures of A that have a true answer, the B in the same pose and light") { arguments in
            let name = try arguments.string("group")
            guard let group = FaceSwapData.Group(rawValue: name) else {
                throw arguments.invalid("group", "must be one of " + FaceSwapData.Group.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            }
            let dataName = try arguments.string("data")
            let exam = try FaceSwapData.load(try datasetFolder(dataName, arguments, nameParameter: "data").path).heldOut(group).faces
            return .object(FaceSet(name: dataName, faces: exam, images: try exam.firstImages(exam.count), range: .zeroToOne))
        }, category: .training, example: "let turned = swapExam(group: \"turned\")")

        register(Function("trueB", [.positional("exam", "Faces", "held-out A pictures from swapExam()")],
                          returns: "Faces", summary: "the right answer for each: person B drawn in exactly that pose, expression and light") { arguments in
            let exam = try faceSet(arguments, "exam")
            let data = try FaceSwapData.load(try datasetFolder(exam.name, arguments, nameParameter: "exam").path)
            // The exam's rows are held-out A pictures; each answer sits on the same row of answersB.
            let rowOfIndex = Dictionary(data.heldOutA.attributeRows.indices.compactMap { row in
                data.heldOutA.attribute("index", of: row).map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
            let rows = try (0..<exam.faces.count).map { row -> Int in
                guard let index = exam.faces.attribute("index", of: row), let answer = rowOfIndex[index] else {
                    throw arguments.invalid("exam", "must be held-out A pictures with answers: make them with swapExam()")
                }
                return answer
            }
            let answers = try data.answersB.subset(rows)
            return .object(FaceSet(name: exam.name, faces: answers, images: try answers.firstImages(answers.count), range: .zeroToOne))
        }, category: .training, example: "trueB(swapExam(group: \"frontal\"))")

        register(Function("quality", [.positional("images", "Tensor", "pictures [N, 3, H, W] in [0, 1]"),
                                      .positional("truth", "Tensor", "what they should be, the same shape")],
                          returns: "Quality", summary: "mean PSNR (dB) and SSIM of pictures against the truth, picture by picture") { arguments in
            let images = try arguments.tensor("images"), truth = try arguments.tensor("truth")
            guard images.rank == 4, [1, 3].contains(images.shape[1]), images.shape[0] > 0 else {
                throw arguments.invalid("images", "must be pictures [N, C, H, W], not shape \(images.shape)")
            }
            guard truth.shape == images.shape else {
                throw arguments.invalid("truth", "must have the images' shape \(images.shape), not \(truth.shape)")
            }
            let (psnr, ssim) = try SwapScore.meanQuality(images, truth)
            return .object(QualityValue(psnr: psnr, ssim: ssim, count: images.shape[0]))
        }, category: .generation, example: "let exam = swapExam(group: \"turned\"); quality(exam, trueB(exam))")

        register(Function("showRows", [.positional("rows", "[Tensor]", "a list of picture batches, one row each, the same size"),
                                       .labelled("labels", "[String]", "one name per row, written at its left"),
                                       .labelled("name", "String", default: .string("rows"), "the PNG's file name, without .png")],
                          returns: "String", summary: "one labelled picture: batches one above the other, faces drawn 4× larger") { arguments in
            try showRows(arguments)
        }, category: .session,
           example: "let exam = swapExam(group: \"turned\"); showRows([exam, trueB(exam)], labels: [\"held-out A\", \"true B\"])")
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

/// Lays out several batches as rows of one picture with their names (see `LabelledGrid`): the
/// "before and after" pictures of the compositing steps.
private func showRows(_ arguments: CallArguments) throws -> Value {
    guard case .list(let values) = arguments.value("rows"), !values.isEmpty, values.count <= 12 else {
        throw arguments.invalid("rows", "must be a list of 1 to 12 picture batches, such as [a, b]")
    }
    let batches = try values.map { value -> Tensor in
        guard case .tensor(let tensor) = value.asTensorIfDataset, tensor.rank == 4, [1, 3].contains(tensor.shape[1]),
              tensor.shape[0] > 0 else {
            throw arguments.invalid("rows", "must hold picture batches [N, C, H, W] with 1 or 3 channels")
        }
        // At most 8 pictures a row: the picture stays readable.
        return try tensor.sliced(axis: 0, 0..<min(8, tensor.shape[0]))
    }
    // Gray rows (masks, X-rays) may sit between colour ones; the sizes must agree.
    guard batches.allSatisfy({ Array($0.shape[2...]) == Array(batches[0].shape[2...]) }) else {
        throw arguments.invalid("rows", "must hold pictures of one size: \(batches.map { "\($0.shape[3])×\($0.shape[2])" }.joined(separator: ", "))")
    }
    guard case .list(let labelValues) = arguments.value("labels"), labelValues.count == batches.count else {
        throw arguments.invalid("labels", "must be a list of \(batches.count) names, one per row")
    }
    let labels = try labelValues.map { value -> String in
        guard case .string(let text) = value else { throw arguments.invalid("labels", "must be a list of strings") }
        return text
    }
    let name = try arguments.string("name")
    let rows = try batches.map { try Image.images(from: $0, range: .guessed(from: $0)).map { $0.rgb() } }
    let grid = try LabelledGrid.make(rows: rows, rowNames: labels, title: name)
    let url = try arguments.context.prepareWrite(to: name + ".png")
    try arguments.context.writePicture(grid, to: url, text: PNGFile.labels(extra: [("Rows", labels.joined(separator: "; "))]))
    return .string(url.path)
}

/// Mean picture quality against the truth: `quality(fakes, truth)`.
public struct QualityValue: ShellObject {
    public let psnr: Double
    public let ssim: Double
    public let count: Int

    public var typeName: String { "Quality" }
    public var shortDescription: String {
        "PSNR \(formatDecimal(psnr, digits: 2)) dB, SSIM \(formatDecimal(ssim, digits: 3)) (mean of \(count) picture\(count == 1 ? "" : "s"))"
    }
    public var members: [Member] {
        [.property("psnr", "peak signal-to-noise ratio in dB: higher is closer") { _ in .number(psnr) },
         .property("ssim", "structural similarity: 1 is identical") { _ in .number(ssim) }]
    }
}
