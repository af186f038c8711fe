import Models
import Engine
import Foundation

/// Supervised training of any model, the loop behind `train(model, inputs:, targets:)` at the
/// prompt: each step draws a random mini-batch, runs the model, measures the loss, and lets
/// Adam move every parameter against its gradient.
///
/// Only the step lives here. Progress, Ctrl-C between steps, the loss guard's roll-back and the
/// history CSV come from the loop the lessons' trainers share (`TrainingLoop`), so a learner's
/// own model is trained exactly as carefully as the ready-made ones.
final class SupervisedTrainer: TrainingProcedure {
    typealias Loss = (_ output: Tensor, _ target: Tensor) throws -> Tensor

    let model: any Layer
    let inputs: Tensor
    let targets: Tensor
    let loss: Loss
    let config: TrainingConfig
    let filePrefix: String
    var optimizer: Adam
    var random: RandomGenerator
    var state = TrainingState(metricNames: ["loss"])
    /// The losses again, for the loss-curve picture: the loop holds `state` while it asks for
    /// samples, so reading `state.history` then would be an overlapping access.
    var losses: [Double] = []
    /// The same first examples in every sample grid, so successive grids differ only because the model changed.
    let fixedInputs: Tensor
    let fixedTargets: Tensor

    /// `train(…)`'s defaults: Adam at 1e-3 for 200 steps of 32 examples, a grid every 50 steps.
    static let defaultConfig = TrainingConfig(learningRate: 1e-3, batchSize: 32, steps: 200,
                                              betas: (0.9, 0.999), seed: 0, sampleEvery: 50)

    init(model: any Layer, inputs: Tensor, targets: Tensor, loss: @escaping Loss, config: TrainingConfig, name: String) throws {
        let count = inputs.shape.first ?? 0
        guard count > 0 else { throw LabError(.failure("train: the inputs hold no examples (shape \(inputs.shape))")) }
        guard targets.shape.first == count else {
            throw LabError(.failure("train: inputs and targets need the same number of examples (axis 0), got \(inputs.shape) and \(targets.shape)"))
        }
        // A batch is copied out of the data each step; refuse one too large before it is made.
        try MemoryBudget.check(float32Elements: [min(config.batchSize, count), inputs.count / count], what: "one batch of inputs")
        self.model = model
        self.inputs = inputs
        self.targets = targets
        self.loss = loss
        self.config = config
        filePrefix = name
        optimizer = try Adam.forTraining(model, config)
        random = RandomGenerator(seed: config.seed)
        let fixed = Array(0..<min(8, count))
        fixedInputs = try Self.rows(fixed, of: inputs)
        fixedTargets = try Self.rows(fixed, of: targets)
    }

    /// Runs `config.steps` steps, writing into `folder` (see `TrainingLoop`).
    func train(output folder: URL, observer: (TrainingEvent) -> Void) throws -> TrainingOutcome {
        let wasTraining = model.isTraining
        model.train()
        defer { if !wasTraining { model.eval() } }
        return try TrainingLoop.run(self, config: config, state: &state, output: folder,
                                    observer: observer, interruptRequested: Interrupt.consume)
    }

    // MARK: TrainingProcedure

    var metricNames: [String] { ["loss"] }
    var guardedMetrics: [String] { ["loss"] }
    func dataProblem() -> String? {
        DataCheck.problem(in: inputs.data, what: "the inputs") ?? DataCheck.problem(in: targets.data, what: "the targets")
    }
    var networks: [any Layer] { [model] }

    func step() throws -> [Double] {
        let count = inputs.shape[0]
        // Sampling with replacement: every step is an independent draw, however small the data.
        let indices = (0..<min(config.batchSize, count)).map { _ in Int(random.next() % UInt64(count)) }
        let value = try loss(try model(try Self.rows(indices, of: inputs)), try Self.rows(indices, of: targets))
        optimizer.zeroGrad()
        try value.backward()
        optimizer.step()
        losses.append(Double(shortest: value.item))
        return [losses[losses.count - 1]]
    }

    /// Image outputs: the fixed targets (top row) above the model's outputs for them (bottom row).
    /// Anything else cannot be drawn as a picture, so the grid is the loss curve so far instead.
    func writeSamples(to folder: URL, step: Int) throws -> URL {
        let outputs = try model.inference { try model(fixedInputs) }
        guard outputs.rank == 4, [1, 3].contains(outputs.shape[1]), outputs.shape == fixedTargets.shape else {
            // After a roll-back the loop asks for the last good step: drop the losses after it.
            losses = Array(losses.prefix(step))
            var history = LossHistory(names: ["loss"])
            for (index, loss) in losses.enumerated() { history.append(step: index + 1, values: [loss]) }
            return try LossPlot.write(history, to: folder.appendingPathComponent("\(filePrefix)-loss.png"),
                                      title: "\(filePrefix): loss at step \(step)", model: Value.layerTypeName(model), seed: config.seed)
        }
        return try SampleGrid.write(rows: [fixedTargets, outputs], range: .guessed(from: fixedTargets), folder: folder, prefix: filePrefix,
                                    step: step, model: Value.layerTypeName(model), seed: config.seed,
                                    content: "targets (top) and the model's outputs for the same inputs (bottom)")
    }

    func resetOptimizers() throws {
        optimizer = try Adam.forTraining(model, config)
    }

    /// The examples at `indices` (rows of axis 0), copied into a new batch tensor.
    static func rows(_ indices: [Int], of tensor: Tensor) throws -> Tensor {
        let size = tensor.count / max(tensor.shape[0], 1)
        var values = [Float]()
        values.reserveCapacity(indices.count * size)
        for index in indices { values += tensor.data[(index * size)..<((index + 1) * size)] }
        return try Tensor(validating: values, shape: [indices.count] + tensor.shape.dropFirst())
    }
}
