import Engine
import Foundation

/// A trainer the learner can call again and again: it keeps its settings and the loop's state
/// between calls, so a second `train` continues where the first stopped (step numbers, optimiser
/// moments, files). The four lesson trainers differ only in their `TrainingProcedure` and in how
/// they apply changed settings; `train` itself is written once, here.
public protocol Trainer: TrainingProcedure {
    /// The knobs for the next call; a learner may change them between calls.
    var config: TrainingConfig { get set }
    /// What the loop carries from call to call: steps done, the history, the last good weights.
    var state: TrainingState { get set }
    /// Brings batch sizes and optimisers in line with `config` (the learner may have changed
    /// it since the last call) and puts the networks in training mode.
    func applySettings() throws
    /// Runs `loop` inside whatever the trainer's randomness needs (by default, nothing).
    func withTrainingRandomness<Result>(_ loop: () throws -> Result) throws -> Result
}

extension Trainer {
    public func withTrainingRandomness<Result>(_ loop: () throws -> Result) throws -> Result { try loop() }

    /// Trains for `config.steps` more steps, writing the history and sample grids into `folder`.
    /// `interruptRequested` is polled between steps (Ctrl-C by default).
    public func train(output folder: URL, observer: (TrainingEvent) -> Void = { _ in },
                      interruptRequested: () -> Bool = Interrupt.consume) throws -> TrainingOutcome {
        try config.validate()
        try applySettings()
        return try withTrainingRandomness {
            try TrainingLoop.run(self, config: config, state: &state, output: folder,
                                 observer: observer, interruptRequested: interruptRequested)
        }
    }

    /// Steps taken so far, over all `train` calls.
    public var stepsDone: Int { state.stepsDone }
    /// Every step's numbers so far.
    public var history: LossHistory { state.history }
}
