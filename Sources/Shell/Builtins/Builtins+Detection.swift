import Detection
import Engine
import Faces
import Foundation
import Imaging

/// Detection and provenance at the prompt: spectra, the spectral detector and its evaluation,
/// the watermark, and `inspect`/`strip` for files. The library parts live in `Sources/Detection`;
/// these are the thin bindings, each writing its pictures into the session's output folder.
extension BuiltinRegistry {
    mutating func registerDetection() {
        registerGeneralisation()
        registerEarlierModels()
        register(Function("spectrum", [.positional("images", "Tensor", "pictures [N, C, H, W] or a face set")],
                          returns: "Spectrum", summary: "the mean log power spectrum of the pictures' brightness, centred") { arguments in
            let images = try DetectionBuiltins.images(arguments, "images")
            return .object(SpectrumValue(spectrum: try PowerSpectrum.mean(of: images), pictures: images.count))
        }, category: .detection, example: "spectrum(faces(count: 64))")

        register(Function("compareSpectra", [.positional("real", "Tensor", "real pictures [N, C, H, W]"),
                                             .positional("fake", "Tensor", "generated pictures of the same size"),
                                             .labelled("name", "String", default: .string("spectra"), "the PNGs' file name start")],
                          returns: "Text", summary: "real against fake: spectra side by side and their azimuthal curves, as pictures") { arguments in
            try compareSpectra(arguments)
        }, category: .detection, example: "compareSpectra(faces(count: 64), sample(DCGAN(latent: 8, width: 4), count: 64))")

        register(Function("spectralDetector", [.labelled("real", "Tensor", "real pictures [N, C, H, W]"),
                                               .labelled("fake", "Tensor", "fakes of the same size"),
                                               .labelled("steps", "Int", default: .number(300), "gradient steps"),
                                               .labelled("seed", "Int", default: .number(0), "for the initial weights")],
                          returns: "Detector", summary: "logistic regression on azimuthal spectra (Durall et al., 2020)") { arguments in
            let real = try DetectionBuiltins.images(arguments, "real"), fake = try DetectionBuiltins.images(arguments, "fake")
            let detector = try SpectralDetector(real: real, fake: fake, steps: try arguments.integer("steps", in: 1...100_000),
                                                seed: UInt64(try arguments.integer("seed")))
            return .object(DetectorValue(detector: detector, trainedOn: (real.count, fake.count)))
        }, category: .detection, example: "let d = spectralDetector(real: faces(count: 50), fake: sample(DCGAN(latent: 8, width: 4), count: 50))")

        register(Function("cnnDetector", [.labelled("real", "Tensor", "real faces [N, 3, 32, 32]"),
                                          .labelled("fake", "Tensor", "fakes of the same size"),
                                          .labelled("steps", "Int", default: .number(150), "Adam steps of 32 pictures"),
                                          .labelled("seed", "Int", default: .number(0), "for the initial weights and the batches")],
                          returns: "Detector", summary: "the small FaceClassifier trained real (0) against fake (1): it learns its own features") { arguments in
            let real = try DetectionBuiltins.images(arguments, "real"), fake = try DetectionBuiltins.images(arguments, "fake")
            let detector = try CNNDetector(real: real, fake: fake, steps: try arguments.integer("steps", in: 1...100_000),
                                           seed: UInt64(try arguments.integer("seed", in: 0...Int(Int32.max))))
            return .object(DetectorValue(detector: detector, trainedOn: (real.count, fake.count)))
        }, category: .detection, example: "let d = cnnDetector(real: faces(count: 32), fake: sample(DCGAN(latent: 8, width: 4), count: 32), steps: 5)")

        register(Function("evaluate", [.positional("detector", "Detector", "a spectralDetector(…), cnnDetector(…) or a FaceClassifier trained on \"real\""),
                                       .labelled("real", "Tensor", "held-out real pictures"),
                                       .labelled("fake", "Tensor", "held-out fakes"),
                                       .labelled("threshold", "Double", default: .number(0.5), "p(fake) at or above which a picture is called fake"),
                                       .labelled("name", "String", default: .string("evaluation"), "the PNGs' file name start")],
                          returns: "Text", summary: "accuracy, ROC AUC, average precision and the confusion matrix, with pictures") { arguments in
            try evaluate(arguments)
        }, category: .detection, example: "let g = DCGAN(latent: 8, width: 4); evaluate(spectralDetector(real: faces(count: 50), fake: sample(g, count: 50)), real: faces(count: 100), fake: sample(g, count: 100))")

        register(Function("watermark", [.positional("images", "Tensor", "pictures [N, C, H, W] at least 8×8"),
                                        .labelled("key", "String", "the secret: any text"),
                                        .labelled("strength", "Double", default: .number(Double(Watermark.defaultStrength)), "how far each marked coefficient moves")],
                          returns: "Tensor", summary: "adds an invisible mark only the key can find (spread spectrum in 8×8 DCT blocks)") { arguments in
            let tensor = try arguments.tensor("images")
            let images = try DetectionBuiltins.images(arguments, "images")
            let key = try WatermarkKey(try arguments.string("key"))
            let marked = try images.map { try Watermark.embed($0, key: key, strength: Float(try arguments.number("strength"))) }
            return .tensor(try Image.batchTensor(marked, range: .guessed(from: tensor)))
        }, category: .detection, example: "let marked = watermark(faces(count: 4), key: \"my secret\")")

        register(Function("verify", [.positional("images", "Tensor", "pictures [N, C, H, W]"),
                                     .labelled("key", "String", "the key the mark was made with")],
                          returns: "Text", summary: "looks for a key's mark in each picture: a score and a verdict") { arguments in
            let key = try WatermarkKey(try arguments.string("key"))
            let verdicts = try DetectionBuiltins.images(arguments, "images").map { try Watermark.verify($0, key: key) }
            let marked = verdicts.filter(\.isMarked).count
            let lines = ["\(marked) of \(verdicts.count) marked with key \"\(key.name)\" (threshold \(String(format: "%.2f", Watermark.threshold)): at most 1 % false alarms)"]
                + verdicts.prefix(16).enumerated().map { "  \($0.offset): \($0.element)" }
                + (verdicts.count > 16 ? ["  … \(verdicts.count - 16) more"] : [])
            return .text(lines.joined(separator: "\n"))
        }, category: .detection, example: "verify(watermark(faces(count: 4), key: \"my secret\"), key: \"my secret\")")

        register(Function("inspect", [.positional("path", "String", "a PNG file"),
                                      .labelled("key", "String", default: .nothing, "a watermark key to look for"),
                                      .labelled("detector", "Detector", default: .nothing, "a detector whose opinion to add (the picture must be one face of its size)")],
                          returns: "Text", summary: "a PNG's metadata, provenance labels and watermark, and what each can prove") { arguments in
            let path = try arguments.string("path")
            let key: WatermarkKey? = arguments.value("key").isNothing ? nil : try WatermarkKey(try arguments.string("key"))
            let detector = try DetectionBuiltins.optionalDetector(arguments, "detector")
            let report = try Inspector.inspect(arguments.context.resolveReadPath(path).path, key: key, detector: detector)
            return .text(report.lines.joined(separator: "\n"))
        }, category: .detection, example: "show(faces(count: 1), name: \"one\"); inspect(\"one.png\", detector: spectralDetector(real: faces(count: 8), fake: faces(count: 8, heldOut: true) * 0.5))")

        register(Function("strip", [.positional("path", "String", "a PNG file")],
                          returns: "String", summary: "writes a copy without metadata (what most uploads do) into the output folder") { arguments in
            let path = try arguments.string("path")
            let source = arguments.context.resolveReadPath(path)
            let name = source.deletingPathExtension().lastPathComponent + "-stripped.png"
            let target = try arguments.context.prepareWrite(to: name)
            let removed = try Inspector.strip(source.path, to: target.path)
            return .text("wrote \(target.path) without \(removed.isEmpty ? "anything (it had no metadata)" : chunkCounts(removed))")
        }, category: .detection, example: "show(faces(count: 4), name: \"picture\"); strip(\"picture.png\")")

        register(Function("spotTheFake", [.labelled("real", "Tensor", "real pictures [N, C, H, W]"),
                                          .labelled("fake", "Tensor", "as many generated pictures of the same size"),
                                          .labelled("detector", "Detector", default: .nothing, "a detector to compare yourself with"),
                                          .labelled("seed", "Int", default: .number(0), "which side each fake goes on")],
                          returns: "SpotTheFake", summary: "a game: pick the generated face of each pair, then compare with a detector") { arguments in
            let real = try DetectionBuiltins.images(arguments, "real"), fake = try DetectionBuiltins.images(arguments, "fake")
            let detector = try DetectionBuiltins.optionalDetector(arguments, "detector")
            let game = try SpotTheFake(real: real, fake: fake, seed: UInt64(try arguments.integer("seed")))
            // The first pair straight away, on the terminal and as a file for terminals without pictures.
            try SpotTheFakeValue.writeRound(0, of: game, arguments)
            return .object(SpotTheFakeValue(game: game, detector: detector))
        }, category: .detection, example: "let g = spotTheFake(real: faces(count: 5), fake: sample(DCGAN(latent: 8, width: 4), count: 5))")

        register(Function("markPictures", [.labelled("key", "String", default: .nothing, "the key to mark with; leave out to stop marking")],
                          returns: "Text", summary: "from now on, watermark every picture `show` and friends write with this key") { arguments in
            if arguments.value("key").isNothing {
                arguments.context.watermarkKey = nil
                return .text("pictures are no longer watermarked")
            }
            arguments.context.watermarkKey = try WatermarkKey(try arguments.string("key"))
            return .text("every picture written from now on carries the mark of key \"\(try arguments.string("key"))\"; check with inspect(file, key: …)")
        }, category: .detection, example: "markPictures(key: \"my secret\")")
    }
}

extension Value {
    var isNothing: Bool { if case .nothing = self { return true } else { return false } }
}

/// `compareSpectra(real, fake)`: two PNGs and a few numbers.
private func compareSpectra(_ arguments: CallArguments) throws -> Value {
    let real = try DetectionBuiltins.images(arguments, "real"), fake = try DetectionBuiltins.images(arguments, "fake")
    let realSpectrum = try PowerSpectrum.mean(of: real), fakeSpectrum = try PowerSpectrum.mean(of: fake)
    guard realSpectrum.width == fakeSpectrum.width, realSpectrum.height == fakeSpectrum.height else {
        throw DetectionError.mixedSizes(operation: "compareSpectra", first: [realSpectrum.width, realSpectrum.height],
                                        other: [fakeSpectrum.width, fakeSpectrum.height])
    }
    let name = try arguments.string("name")
    let maps = try DetectionPictures.spectraSideBySide([("REAL", realSpectrum), ("FAKE", fakeSpectrum)])
    let curves = DetectionPictures.curves([("real", realSpectrum.azimuthalAverage), ("fake", fakeSpectrum.azimuthalAverage)],
                                          title: "MEAN POWER (DB) BY DISTANCE FROM THE CENTRE, SLOW TO FINE")
    var written: [String] = []
    for (picture, suffix, content) in [(maps, "maps", "power spectra, real beside fake"), (curves, "curves", "azimuthal spectra, real and fake")] {
        let url = try arguments.context.prepareWrite(to: "\(name)-\(suffix).png")
        try arguments.context.writePicture(picture, to: url, text: PNGFile.labels(source: nil, extra: [("Content", content)]))
        written.append(url.path)
    }
    let realCurve = realSpectrum.azimuthalAverage, fakeCurve = fakeSpectrum.azimuthalAverage
    let edge = realCurve.count - 1
    return .text([String(format: "grid peaks: real %.1f dB, fake %.1f dB (a transposed-convolution generator scores well above 0)",
                         SpectralPeaks.gridProminence(realSpectrum), SpectralPeaks.gridProminence(fakeSpectrum)),
                  String(format: "finest detail (radius %d): real %.1f dB, fake %.1f dB", edge, realCurve[edge], fakeCurve[edge]),
                  "wrote " + written.joined(separator: " and ")].joined(separator: "\n"))
}

/// `evaluate(detector, real:, fake:)`: the figures, a ROC plot and a confusion matrix.
private func evaluate(_ arguments: CallArguments) throws -> Value {
    let detector = try DetectionBuiltins.detector(arguments, "detector")
    let real = try DetectionBuiltins.images(arguments, "real"), fake = try DetectionBuiltins.images(arguments, "fake")
    let scores = try detector.probabilities(real + fake)
    let evaluation = try Evaluation(scores: scores, labels: Array(repeating: 0, count: real.count) + Array(repeating: 1, count: fake.count))
    let threshold = Float(try arguments.number("threshold"))
    let matrix = evaluation.confusionMatrix(threshold: threshold)
    let name = try arguments.string("name")
    var written: [String] = []
    for (picture, suffix) in [(DetectionPictures.rocCurves([(detector.name, evaluation)]), "roc"),
                              (DetectionPictures.confusionMatrix(matrix, title: String(format: "THRESHOLD %.2f", threshold)), "confusion")] {
        let url = try arguments.context.prepareWrite(to: "\(name)-\(suffix).png")
        try arguments.context.writePicture(picture, to: url, text: PNGFile.labels(source: nil, extra: [("Content", "detector evaluation: \(suffix)")]))
        written.append(url.path)
    }
    return .text([
        String(format: "%@: accuracy %.1f %% at threshold %.2f; ROC AUC %.3f; average precision %.3f (on %d real + %d fake held-out pictures)",
               detector.name, evaluation.accuracy(threshold: threshold) * 100, threshold, evaluation.areaUnderROC, evaluation.averagePrecision, real.count, fake.count),
        "fakes caught \(matrix.truePositives), missed \(matrix.falseNegatives); reals accused \(matrix.falsePositives), cleared \(matrix.trueNegatives)",
        "a detector's score is a probability learned from the fakes it saw, not proof",
        "wrote " + written.joined(separator: " and "),
    ].joined(separator: "\n"))
}

/// PNG chunk types counted in the order they first appear: "1 tEXt chunk and 3 iTXt chunks".
func chunkCounts(_ types: [String]) -> String {
    var order: [String] = [], counts: [String: Int] = [:]
    for type in types {
        if counts[type] == nil { order.append(type) }
        counts[type, default: 0] += 1
    }
    let parts = order.map { type -> String in
        let count = counts[type, default: 0]
        return "\(count) \(type) chunk\(count == 1 ? "" : "s")"
    }
    guard parts.count > 1, let last = parts.last else { return parts.joined() }
    return parts.dropLast().joined(separator: ", ") + " and " + last
}
