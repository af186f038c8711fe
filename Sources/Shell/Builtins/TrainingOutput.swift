import Models
import Engine
import Foundation
import Imaging
import SafeFiles

/// What every training built-in shares at the prompt: a fresh file-name prefix in the session's
/// folder, live progress, and each sample grid drawn as soon as it is written.

/// Runs `body` (a trainer's `train(output:observer:)`) with the session's folder and an observer
/// that reports progress and draws sample grids; returns the run as a value the learner can keep,
/// remembering the call's settings so that `compare` can say how two runs differ.
func runTraining(_ arguments: CallArguments, prefix: String,
                 _ body: (_ folder: URL, _ observer: (TrainingEvent) -> Void) throws -> TrainingOutcome) throws -> TrainingRun {
    let context = arguments.context
    var lastProgress: TrainingProgress?
    // Even when training throws after some steps: the model has changed (work to save), and the
    // progress row must end so the error prints on a line of its own.
    defer {
        if let lastProgress {
            context.hasUnsavedWork = true
            context.onProgress?(lastProgress, true)
        }
    }
    let outcome = try body(context.outputFolder) { event in
        switch event {
        case .progress(let progress):
            lastProgress = progress
            context.onProgress?(progress, false)
        case .samplesWritten(let url, _):
            if let picture = Picture(url) { context.onPicture?(picture) }
        case .note(let text):
            context.onNote?(text)
        }
    }
    return TrainingRun(outcome, prefix: prefix, kind: arguments.function.name, settings: arguments.settings)
}

extension CallArguments {
    /// Every argument of this call as short text, in the function's parameter order: numbers as
    /// typed, strings without quotes, a model by its first printed line (`ToyGAN(latent=2, hidden=64)`).
    var settings: [(name: String, value: String)] {
        function.parameters.filter { !$0.isVariadic }.map { parameter in
            let given = value(parameter.name)
            switch given {
            case .string(let text):
                return (parameter.name, PrintableText.escaped(text, limit: 40))
            case .layer(let layer):
                let line = layer.description.firstLine
                return (parameter.name, line.hasSuffix(")") && line.count <= 60 ? line : given.shortDescription)
            default:
                return (parameter.name, given.shortDescription)
            }
        }
    }
}

extension Picture {
    /// A PNG the lab just wrote, for the terminal to draw; nil if it cannot be read back.
    init?(_ url: URL) {
        guard let (image, _) = try? PNGFile.read(url.path) else { return nil }
        self.init(image, savedPath: url.path)
    }
}

extension CallArguments {
    /// The knobs every training built-in takes (`lr`, `batch`, `steps`, `seed`, `every`), checked
    /// and gathered; `betas` come from the `betas` argument when the built-in has one.
    func trainingConfig(defaultBetas: (Float, Float)) throws -> TrainingConfig {
        var betas = defaultBetas
        if function.parameters.contains(where: { $0.name == "betas" }) {
            let numbers = try value("betas").numbers(self, "betas")
            guard numbers.count == 2, numbers.allSatisfy({ $0 >= 0 && $0 < 1 }) else {
                throw invalid("betas", "must be two numbers in [0, 1), e.g. [0.5, 0.999]")
            }
            betas = (Float(numbers[0]), Float(numbers[1]))
        }
        let learningRate = try number("lr")
        guard learningRate > 0, learningRate < 10 else { throw invalid("lr", "must be between 0 and 10") }
        return TrainingConfig(learningRate: Float(learningRate), batchSize: try integer("batch", in: 1...4096),
                              steps: try integer("steps", in: 1...1_000_000), betas: betas,
                              seed: UInt64(try integer("seed", in: 0...Int(Int32.max))),
                              sampleEvery: try integer("every", in: 1...1_000_000))
    }
}

extension Value {
    /// A list of numbers, for arguments such as `betas: [0.5, 0.999]`.
    func numbers(_ arguments: CallArguments, _ name: String) throws -> [Double] {
        guard case .list(let elements) = self else { throw arguments.invalid(name, "must be a list of numbers") }
        return try elements.map { element in
            guard case .number(let number) = element else { throw arguments.invalid(name, "must be a list of numbers") }
            return number
        }
    }
}

extension Parameter {
    /// The knobs every training built-in takes, with the defaults of the trainer behind it, so that
    /// `help trainGAN` shows GANTrainer's own numbers and no built-in restates them. Read back
    /// with `CallArguments.trainingConfig`. `betas` is offered only where a summary is given.
    static func trainingKnobs(_ defaults: TrainingConfig, lr: String = "Adam's learning rate", betas: String? = nil,
                              steps: String = "how many mini-batches to learn from", batch: String, seed: String,
                              every: String = "steps between sample grids") -> [Parameter] {
        var knobs: [Parameter] = [.labelled("lr", "Double", default: .float(defaults.learningRate), lr)]
        if let betas {
            knobs.append(.labelled("betas", "[Double]", default: .list([.float(defaults.betas.0), .float(defaults.betas.1)]), betas))
        }
        return knobs + [
            .labelled("steps", "Int", default: .number(Double(defaults.steps)), steps),
            .labelled("batch", "Int", default: .number(Double(defaults.batchSize)), batch),
            .labelled("seed", "Int", default: .number(Double(defaults.seed)), seed),
            .labelled("every", "Int", default: .number(Double(defaults.sampleEvery)), every),
        ]
    }
}

extension Value {
    /// A Float from the engine as the number a person would write (`0.003`, not 0.0030000000261).
    static func float(_ value: Float) -> Value { .number(Double(shortest: value)) }
}
