import Detection
import Engine
import Imaging
import Models

/// A power spectrum held in a variable: `spectrum(faces)`. Shown as a heat map; `.curve` is its
/// azimuthal average, `.peaks` the transposed-convolution grid score.
public struct SpectrumValue: ShellObject {
    public let spectrum: PowerSpectrum
    /// How many pictures were averaged.
    public let pictures: Int

    public var typeName: String { "Spectrum" }
    public var shortDescription: String { "Spectrum[\(spectrum.height)×\(spectrum.width), mean of \(pictures)]" }
    public var cellDescription: String {
        shortDescription + String(format: "\ncentre bright = slow changes, edges = the finest detail; grid peaks %.1f dB (0 for natural pictures)",
                                  SpectralPeaks.gridProminence(spectrum))
    }
    public func cellPictures() -> [Picture] {
        let values = spectrum.decibels.sorted()
        let map = DetectionPictures.heatMap(spectrum, range: values[values.count * 2 / 100]...values[values.count * 995 / 1000])
        return [Picture(map)]
    }
    public var tensorView: Tensor? { Tensor(shape: [spectrum.height, spectrum.width], data: spectrum.decibels) }
    public var members: [Member] {
        [.property("curve", "the azimuthal average: mean power at each distance from the centre, [R]") { _ in
            .tensor(Tensor(spectrum.azimuthalAverage))
         },
         .property("peaks", "how much brighter the n/8 frequency grid is than its neighbours, in dB") { _ in
            .number(SpectralPeaks.gridProminence(spectrum))
         }]
    }
}

/// A trained detector: `spectralDetector(real: …, fake: …)` or `cnnDetector(real: …, fake: …)`.
public struct DetectorValue: ShellObject {
    public let detector: any FakeDetector
    public let trainedOn: (real: Int, fake: Int)

    public var typeName: String { "Detector" }
    public var shortDescription: String {
        let kind = (detector as? SpectralDetector).map { "SpectralDetector(\($0.featureCount) frequencies" } ?? "CNNDetector(FaceClassifier"
        return kind + ", trained on \(trainedOn.real) real + \(trainedOn.fake) fake)"
    }
    public var members: [Member] {
        [Members.method("probabilities", "p(fake) for each picture, [N]",
                        [.positional("images", "Tensor", "pictures [N, C, H, W] of the size it was trained on")],
                        returns: "Tensor") { arguments in
            let images = try DetectionBuiltins.images(arguments, "images")
            return .tensor(Tensor(try detector.probabilities(images)))
         }]
    }
}

/// Tensors and face sets become pictures, in the range their values suggest.
enum DetectionBuiltins {
    /// What `detector:` arguments accept: a `Detector` value, or a `FaceClassifier` trained with
    /// `trainClassifier(…, question: "real", gan: …)` (its p(real) turned into p(fake)).
    static let accepted = "a spectralDetector(…), a cnnDetector(…) or a FaceClassifier trained with trainClassifier(…, question: \"real\")"

    static func detector(_ arguments: CallArguments, _ name: String) throws -> any FakeDetector {
        switch arguments.value(name) {
        case .object(let object as DetectorValue):
            return object.detector
        case .layer(let classifier as FaceClassifier):
            guard arguments.context.realOrFakeClassifiers.contains(classifier) else {
                throw arguments.invalid(name, "is a FaceClassifier not trained to tell real from fake; train it with trainClassifier(…, question: \"real\", gan: …) first")
            }
            return CNNDetector(trained: classifier, outputIsReal: true)
        default:
            throw arguments.invalid(name, "must be " + accepted)
        }
    }

    /// An optional `detector:` argument.
    static func optionalDetector(_ arguments: CallArguments, _ name: String) throws -> (any FakeDetector)? {
        arguments.value(name).isNothing ? nil : try detector(arguments, name)
    }

    static func images(_ arguments: CallArguments, _ name: String) throws -> [Image] {
        let tensor = try arguments.tensor(name)
        guard tensor.rank == 4, [1, 3].contains(tensor.shape[1]), tensor.shape[0] > 0 else {
            throw arguments.invalid(name, "must be pictures [N, C, H, W] with 1 or 3 channels, not shape \(tensor.shape)")
        }
        return try Image.images(from: tensor, range: .guessed(from: tensor)).map { $0.rgb() }
    }
}

/// A spot-the-fake game in a variable: `let g = spotTheFake(real: …, fake: …)`, then
/// `g.pick("left")` round after round, and `g.score()`. Each cell shows the next pair; pictures
/// also go to the output folder, so the game works without an image-capable terminal.
public struct SpotTheFakeValue: ShellObject {
    public let game: SpotTheFake
    public let detector: (any FakeDetector)?

    public var typeName: String { "SpotTheFake" }
    public var shortDescription: String { "SpotTheFake(\(game.answers.count) of \(game.rounds.count) rounds answered)" }
    public var cellDescription: String {
        guard let round = game.currentRound else { return "all \(game.rounds.count) rounds answered: see .score()" }
        return "round \(round + 1) of \(game.rounds.count): which one is generated? answer with .pick(\"left\") or .pick(\"right\")"
    }
    public var linesWhenBound: [String] { [cellDescription] }

    /// Writes round `round`'s pair as `spot-the-fake-round-N.png` and queues it for the terminal.
    static func writeRound(_ round: Int, of game: SpotTheFake, _ arguments: CallArguments) throws {
        let url = try arguments.context.prepareWrite(to: "spot-the-fake-round-\(round + 1).png")
        try arguments.context.writePicture(try game.picture(of: round), to: url,
                                           text: PNGFile.labels(source: .trainedAlgorithmicMedia,
                                                                extra: [("Content", "spot the fake: one of the two is generated")]))
    }

    private func result() throws -> SpotTheFake.Result {
        try game.result(probabilities: detector.map { detector in { try detector.probabilities($0) } })
    }
    public func cellPictures() -> [Picture] {
        guard let round = game.currentRound, let pair = try? game.picture(of: round) else { return [] }
        return [Picture(pair)]
    }
    public var members: [Member] {
        [.property("rounds", "how many pairs the game has") { _ in .number(Double(game.rounds.count)) },
         .property("answered", "how many you have answered") { _ in .number(Double(game.answers.count)) },
         .property("yourAccuracy", "the share of answered rounds you got right (0 before any)") { _ in
            let result = try result()
            return .number(result.answered == 0 ? 0 : Double(result.learnerCorrect) / Double(result.answered))
         },
         .property("detectorAccuracy", "the detector's share right on the same rounds (0 without a detector)") { _ in
            let result = try result()
            return .number(result.answered == 0 ? 0 : Double(result.detectorCorrect ?? 0) / Double(result.answered))
         },
         Members.method("pick", "answers the current round: which side is the fake", [.positional("side", "String", "\"left\" or \"right\"")],
                        returns: "Text") { arguments in
            let side = try arguments.string("side")
            guard side == "left" || side == "right" else { throw arguments.invalid("side", "must be \"left\" or \"right\"") }
            let correct = try game.answer(fakeIsLeft: side == "left")
            // "right" is also a side, so the verdict says "correct" to avoid reading as one.
            let other = side == "left" ? "right" : "left"
            var lines = [correct ? "correct: the \(side) one was generated" : "wrong: the \(side) one was real; the fake was on the \(other)"]
            if let round = game.currentRound {
                lines.append("round \(round + 1) of \(game.rounds.count): which one is generated?")
                try Self.writeRound(round, of: game, arguments)
            } else {
                lines.append("that was the last round: see .score()")
            }
            return .text(lines.joined(separator: "\n"))
         },
         Members.method("score", "your accuracy beside the detector's on the same pairs, and the pairs you missed", [], returns: "Text") { arguments in
            let result = try result()
            guard result.answered > 0 else { return .text("no rounds answered yet") }
            var lines = [String(format: "you: %d of %d right (%.0f %%)", result.learnerCorrect, result.answered,
                                100 * Double(result.learnerCorrect) / Double(result.answered))]
            if let detectorCorrect = result.detectorCorrect {
                lines.append(String(format: "%@: %d of %d right (%.0f %%) on the same pairs", detector?.name ?? "detector", detectorCorrect,
                                    result.answered, 100 * Double(detectorCorrect) / Double(result.answered)))
            }
            if let mistakes = try game.mistakesPicture() {
                let url = try arguments.context.prepareWrite(to: "spot-the-fake-mistakes.png")
                try arguments.context.writePicture(mistakes, to: url, text: PNGFile.labels(extra: [("Content", "the pairs you got wrong, fake marked")]))
                lines.append("the pairs you missed are in \(url.path)")
            }
            return .text(lines.joined(separator: "\n"))
         }]
    }
}
