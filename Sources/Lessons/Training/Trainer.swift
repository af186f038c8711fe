import Engine
import Foundation

/// Supervised training by mini-batches with Adam: the loop behind `train(…)` at the prompt.
///
/// Each step draws a random batch, runs the model, measures the loss, and lets Adam move every
/// parameter against its gradient. Between steps the trainer checks for Ctrl-C (`Interrupt`)
/// and for a loss gone wrong (`LossGuard`), in which case it puts back the last good weights.
public struct Trainer {
    public struct Settings {
        public var steps: Int
        public var batchSize: Int
        public var learningRate: Float
        public var betas: (Float, Float)
        public var seed: UInt64
        /// Every this many steps: a snapshot to roll back to, and a sample grid if outputs are images.
        public var sampleEvery: Int

        public init(steps: Int, batchSize: Int, learningRate: Float, betas: (Float, Float) = (0.9, 0.999),
                    seed: UInt64 = 0, sampleEvery: Int = 50) {
            self.steps = steps
            self.batchSize = batchSize
            self.learningRate = learningRate
            self.betas = betas
            self.seed = seed
            self.sampleEvery = sampleEvery
        }
    }

    /// How training ended.
    public enum Ending: Equatable {
        case finished
        case interrupted(afterStep: Int)
        case stopped(LossGuard.Verdict, rolledBackTo: Int)
    }

    public struct Report {
        public var ending: Ending
        /// The loss after every completed step, in order.
        public var losses: [Double]
        public var seconds: Double
    }

    public typealias Loss = (_ output: Tensor, _ target: Tensor) throws -> Tensor

    /// Trains `model` to map `inputs` to `targets` (both `[N, …]`, same N).
    /// `onStep` sees progress after every step; `onSample` gets the model's outputs for the
    /// first examples of the batch every `sampleEvery` steps.
    public static func train(_ model: any Layer, inputs: Tensor, targets: Tensor, loss: Loss, settings: Settings,
                             onStep: (TrainingProgress) -> Void = { _ in },
                             onSample: (Int, Tensor) throws -> Void = { _, _ in }) throws -> Report {
        let count = inputs.shape.first ?? 0
        guard count > 0, targets.shape.first == count else {
            throw LabError(.failure("train: inputs and targets need the same number of examples (axis 0), got \(inputs.shape) and \(targets.shape)"))
        }
        // A batch is copied out of the data each step; refuse one too large before it is made.
        try MemoryBudget.check(float32Elements: [min(settings.batchSize, count), inputs.count / count], what: "one batch of inputs")
        let optimizer = try Adam(model.namedParameters().map(\.tensor), learningRate: settings.learningRate, betas: settings.betas)
        var generator = RandomGenerator(seed: settings.seed)
        var guardian = LossGuard()
        var snapshot = ParameterSnapshot(of: [model], step: 0)
        var losses: [Double] = []
        let wasTraining = model.isTraining
        model.train()
        defer { if !wasTraining { model.eval() } }
        let start = Date()
        Interrupt.reset()
        for step in 1...max(1, settings.steps) {
            if Interrupt.consume() {
                return Report(ending: .interrupted(afterStep: step - 1), losses: losses, seconds: Date().timeIntervalSince(start))
            }
            let indices = (0..<min(settings.batchSize, count)).map { _ in Int(generator.next() % UInt64(count)) }
            let output = try model(try rows(indices, of: inputs))
            let value = try loss(output, try rows(indices, of: targets))
            optimizer.zeroGrad()
            try value.backward()
            let lossValue = Double(value.item)
            let verdict = guardian.check([("loss", lossValue)], step: step)
            guard verdict == .healthy else {
                snapshot.restore()
                return Report(ending: .stopped(verdict, rolledBackTo: snapshot.step), losses: losses,
                              seconds: Date().timeIntervalSince(start))
            }
            optimizer.step()
            losses.append(lossValue)
            onStep(TrainingProgress(step: step, totalSteps: settings.steps, metrics: [.init("loss", lossValue)],
                                    elapsedSeconds: Date().timeIntervalSince(start)))
            if step % max(1, settings.sampleEvery) == 0 || step == settings.steps {
                snapshot = ParameterSnapshot(of: [model], step: step)
                try onSample(step, output.detached())
            }
        }
        return Report(ending: .finished, losses: losses, seconds: Date().timeIntervalSince(start))
    }

    /// The examples at `indices` (rows of axis 0), copied into a new batch tensor.
    static func rows(_ indices: [Int], of tensor: Tensor) throws -> Tensor {
        let size = tensor.count / max(tensor.shape[0], 1)
        var values = [Float]()
        values.reserveCapacity(indices.count * size)
        for index in indices { values += tensor.data[(index * size)..<((index + 1) * size)] }
        return try Tensor(validating: values, shape: [indices.count] + tensor.shape.dropFirst())
    }

    /// The loss history as CSV, one row per step, for a spreadsheet or a plot.
    public static func csv(_ losses: [Double]) -> String {
        "step,loss\n" + losses.enumerated().map { "\($0.offset + 1),\($0.element)" }.joined(separator: "\n") + "\n"
    }
}
