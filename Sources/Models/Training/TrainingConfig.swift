import Engine

/// The knobs of a training run, with the names PyTorch scripts use. Every trainer has its own
/// tuned defaults (`AutoencoderTrainer.defaultConfig`, …): change one number and train again.
public struct TrainingConfig: Sendable {
    /// Adam's step size η.
    public var learningRate: Float
    /// Pictures per step. Larger batches give smoother gradients but fewer steps per second.
    public var batchSize: Int
    /// Optimiser steps to run in one `train` call.
    public var steps: Int
    /// Adam's (β₁, β₂). GANs use β₁ = 0.5: a shorter memory of past gradients copes better
    /// with a target (the other network) that keeps moving.
    public var betas: (Float, Float)
    /// Seeds the initial batch order, flips, dropout and noise, so a run can be repeated.
    public var seed: UInt64
    /// Write a grid of samples every this many steps (and after the last); 0 means only at the end.
    public var sampleEvery: Int

    public init(learningRate: Float, batchSize: Int, steps: Int, betas: (Float, Float) = (0.9, 0.999),
                seed: UInt64 = 0, sampleEvery: Int = 100) {
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.steps = steps
        self.betas = betas
        self.seed = seed
        self.sampleEvery = sampleEvery
    }

    /// Throws, naming the knob, when a value cannot work; a learner types these in.
    public func validate() throws {
        func require(_ valid: Bool, _ message: String) throws {
            guard valid else { throw ExperimentError.invalidConfig(message) }
        }
        try require(learningRate.isFinite && learningRate > 0, "learningRate must be a positive number, not \(learningRate)")
        try require((1...4096).contains(batchSize), "batchSize must be between 1 and 4096, not \(batchSize)")
        try require((0...10_000_000).contains(steps), "steps must be between 0 and 10000000, not \(steps)")
        try require((0..<1).contains(betas.0) && (0..<1).contains(betas.1),
                    "betas must both be in [0, 1), not (\(betas.0), \(betas.1))")
        try require(sampleEvery >= 0, "sampleEvery must be 0 or more, not \(sampleEvery)")
    }
}

extension Adam {
    /// The Adam every trainer uses: over all of `network`'s parameters, with the config's
    /// learning rate and betas.
    public static func forTraining(_ network: any Layer, _ config: TrainingConfig) throws -> Adam {
        try Adam(network.namedParameters(), learningRate: config.learningRate, betas: config.betas)
    }

    /// Whether this optimiser was built with other betas than `config`'s. Adam's betas are fixed
    /// at creation, so a trainer whose learner changed them builds a new Adam (its running
    /// averages start again from zero).
    public func differs(from config: TrainingConfig) -> Bool {
        betas != config.betas
    }

    /// The optimiser for the next `train` call after the learner changed settings: a fresh one
    /// over `network` when the betas changed, otherwise this one (keeping its running averages)
    /// with the new learning rate.
    public func following(_ config: TrainingConfig, for network: any Layer) throws -> Adam {
        let optimizer = differs(from: config) ? try Adam.forTraining(network, config) : self
        optimizer.learningRate = config.learningRate
        return optimizer
    }
}

extension TrainingConfig: Equatable {
    public static func == (lhs: TrainingConfig, rhs: TrainingConfig) -> Bool {
        lhs.learningRate == rhs.learningRate && lhs.batchSize == rhs.batchSize && lhs.steps == rhs.steps
            && lhs.betas == rhs.betas && lhs.seed == rhs.seed && lhs.sampleEvery == rhs.sampleEvery
    }
}

/// Everything the experiments can refuse, with the facts; `description` is the one place they
/// become text.
public enum ExperimentError: Error, Equatable, CustomStringConvertible {
    case invalidConfig(String)
    /// A dataset lacks what the experiment needs (too few pictures, a wrong size, no answers).
    case unsuitableData(String)
    /// A file could not be written into the session's folder.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidConfig(message): return "training settings: \(message)"
        case let .unsuitableData(message): return "dataset: \(message)"
        case let .unwritable(path, reason): return "could not write '\(path)': \(reason)"
        }
    }
}
