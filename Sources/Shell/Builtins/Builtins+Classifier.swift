import Models
import Engine
import Faces
import Foundation

/// Detectors at the prompt: a `FaceClassifier` trained on one yes/no question, either about
/// the faces themselves (from the attributes in faces-32's manifest) or "real or generated?"
/// against a GAN's fakes. Experiments' `ClassifierTrainer` does the training.
extension BuiltinRegistry {
    mutating func registerClassifier() {
        register(Function("FaceClassifier", [.labelled("width", "Int", default: .number(16), "channels of the first convolution")],
                          returns: "Layer", summary: "the lessons' small CNN answering one yes/no question about a 32×32 face") { arguments in
            .layer(try FaceClassifier(width: try arguments.integer("width", in: 1...256)))
        }, category: .models, example: "let detector = FaceClassifier()")

        let defaults = ClassifierTrainer.defaultConfig
        register(Function("trainClassifier", [
            .positional("model", "Layer", "a FaceClassifier()"),
            .labelled("question", "String", "\"real\" (needs gan:), or one of " + ClassifierQuestion.known.map { "\"\($0.name)\"" }.joined(separator: ", ")),
            .labelled("gan", "Layer", default: .nothing, "for \"real\": the DCGAN whose fakes the detector must catch"),
        ] + Parameter.trainingKnobs(defaults, batch: "pictures per mini-batch", seed: "picks the batches (and the fakes)",
                           every: "steps between captioned sample grids")
          + [.labelled("faces", "Int", default: .number(0), "learn from only the first this many training faces (0: all); few faces show overfitting")],
          returns: "LossHistory", summary: "trains a detector on faces-32, then scores it on held-out faces against always guessing") { arguments in
            try trainClassifier(arguments)
        }, category: .training, example: "trainClassifier(FaceClassifier(width: 4), question: \"glasses\", steps: 2, batch: 8)")
    }
}

/// A yes/no question answered by one column of the manifest.
struct ClassifierQuestion {
    let name: String
    let attribute: String
    let yes: @Sendable (String) -> Bool

    static let known = [
        ClassifierQuestion(name: "glasses", attribute: "glasses") { $0 != "none" },
        // At 32×32 a smile is a few pixels of mouth: a lesson in what resolution can show.
        ClassifierQuestion(name: "smiling", attribute: "smile") { (Double($0) ?? 0) > 0.3 },
        ClassifierQuestion(name: "beard", attribute: "facialHair") { $0 != "none" },
        ClassifierQuestion(name: "longHair", attribute: "hairStyle") { $0 == "long" },
    ]

    func labels(_ faces: ImageDataset) throws -> [Float] {
        try faces.labels(attribute) { yes($0) ? 1 : 0 }
    }
}

/// A detector's trainer with the held-out faces it is graded on, kept together between calls.
private final class DetectorExam {
    let trainer: ClassifierTrainer
    let testImages: Tensor
    let testLabels: [Float]
    /// Up to 1,000 of the training faces, to compare the score on what it learned from.
    let trainingImages: Tensor
    let trainingLabels: [Float]
    init(_ trainer: ClassifierTrainer, _ testImages: Tensor, _ testLabels: [Float], _ trainingImages: Tensor, _ trainingLabels: [Float]) {
        (self.trainer, self.testImages, self.testLabels) = (trainer, testImages, testLabels)
        (self.trainingImages, self.trainingLabels) = (trainingImages, trainingLabels)
    }
}

private func trainClassifier(_ arguments: CallArguments) throws -> Value {
    guard let model = try arguments.layer("model") as? FaceClassifier else {
        throw arguments.invalid("model", "must be a FaceClassifier — make one with FaceClassifier()")
    }
    let config = try arguments.trainingConfig(defaultBetas: ClassifierTrainer.defaultConfig.betas)
    let question = try arguments.string("question")
    var gan: DCGAN?
    if question == "real" {
        guard case .layer = arguments.value("gan") else { throw arguments.invalid("gan", "is needed for \"real\": the DCGAN whose fakes to catch") }
        gan = try arguments.dcgan("gan")
    } else if !ClassifierQuestion.known.contains(where: { $0.name == question }) {
        throw arguments.invalid("question", "must be \"real\" or one of " + ClassifierQuestion.known.map { "\"\($0.name)\"" }.joined(separator: ", "))
    }
    let context = arguments.context
    let faceCount = try arguments.integer("faces", in: 0...1_000_000)
    let dataKey = question + (gan.map { " \(ObjectIdentifier($0))" } ?? "") + " \(faceCount)"
    let (exam, prefix) = try context.trainers.trainer("classifier", model: model, data: dataKey,
        freshPrefix: { try context.freshPrefix("classifier") },
        make: { prefix in try makeExam(model, question: question, gan: gan, faces: faceCount, config: config, prefix: prefix, arguments) },
        update: { $0.trainer.config = config })
    var run = try runTraining(arguments, prefix: prefix) { try exam.trainer.train(output: $0, observer: $1) }
    let accuracy = try exam.trainer.accuracy(on: exam.testImages, labels: exam.testLabels)
    // Always answering the more common answer scores this much: the number to beat.
    let yes = Double(exam.testLabels.filter { $0 == 1 }.count) / Double(max(exam.testLabels.count, 1))
    let trainingAccuracy = try exam.trainer.accuracy(on: exam.trainingImages, labels: exam.trainingLabels)
    run.extraLines = ["held-out accuracy \(formatDecimal(accuracy * 100, digits: 1))% on \(exam.testLabels.count) faces; "
                      + "always guessing \"\(yes >= 0.5 ? "yes" : "no")\" scores \(formatDecimal(max(yes, 1 - yes) * 100, digits: 1))%",
                      "accuracy on \(exam.trainingLabels.count) of its own training faces \(formatDecimal(trainingAccuracy * 100, digits: 1))%"]
    // Readable as run.heldOutAccuracy and so on, so a lesson's check can judge the detector.
    run.scores = [("heldOutAccuracy", accuracy), ("guessingAccuracy", max(yes, 1 - yes)), ("trainingAccuracy", trainingAccuracy)]
    return .object(run)
}

/// faces-32's training faces with their answers, and the held-out ones to grade on.
private func makeExam(_ model: FaceClassifier, question: String, gan: DCGAN?, faces: Int, config: TrainingConfig, prefix: String,
                      _ arguments: CallArguments) throws -> DetectorExam {
    var (train, heldOut) = try FaceDatasetLoader.load(try datasetFolder("faces-32", arguments, nameParameter: "question").path).split()
    if faces > 0 && faces < train.count { train = try train.subset(Array(0..<faces)) }
    let images: ImageDataset, labels: [Float], testImages: ImageDataset, testLabels: [Float]
    if let gan {
        // Different seeds, so the held-out fakes are faces the detector never saw.
        (images, labels) = try DetectionData.realVersusGenerated(real: train, generated: gan.sample(512, seed: config.seed &+ 10))
        (testImages, testLabels) = try DetectionData.realVersusGenerated(real: heldOut, generated: gan.sample(128, seed: config.seed &+ 11))
    } else {
        guard let known = ClassifierQuestion.known.first(where: { $0.name == question }) else {
            throw arguments.invalid("question", "is not a question this lab knows")
        }
        (images, labels, testImages, testLabels) = (train, try known.labels(train), heldOut, try known.labels(heldOut))
    }
    let trainer = try ClassifierTrainer(model: model, images: images, labels: labels, heldOut: testImages,
                                        heldOutLabels: testLabels, config: config, name: prefix)
    let trainingCount = min(images.count, 1000)
    return DetectorExam(trainer, try testImages.firstImages(testImages.count), testLabels,
                        try images.firstImages(trainingCount), Array(labels.prefix(trainingCount)))
}
