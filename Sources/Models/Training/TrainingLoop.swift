import Engine
import Foundation

/// What a model's trainer hands to the shared loop: how to take one step, and what to draw.
/// The four trainers (autoencoder, face swap, GAN, classifier) differ only in these.
public protocol TrainingProcedure: AnyObject {
    /// Names of the numbers `step()` returns, in order (`["loss"]`, `["loss D", "loss G", …]`).
    var metricNames: [String] { get }
    /// Which of those are losses the guard watches (a GAN's D(x) may sit near 1 legitimately).
    var guardedMetrics: [String] { get }
    /// The networks whose weights are snapshotted for a roll-back.
    var networks: [any Layer] { get }
    /// File names start with this: `autoencoder-loss.csv`, `autoencoder-step-000200.png`.
    var filePrefix: String { get }
    /// One optimiser step on the next batch; the metrics, in `metricNames` order.
    func step() throws -> [Double]
    /// Writes the grid of samples for the fixed inputs after `step` steps.
    func writeSamples(to folder: URL, step: Int) throws -> URL
    /// Forgets the optimisers' running averages (after a roll-back they describe a ruined model).
    func resetOptimizers() throws
    /// What is wrong with the training data, if anything (`DataCheck`): asked once before the run.
    func dataProblem() -> String?
    /// Messages to show now, while training runs (the GAN doctor's findings as it makes them);
    /// asked after every step, and each message is returned once.
    func newNotes() -> [String]
}

extension TrainingProcedure {
    /// The lessons' trainers read the shipped datasets, whose pixels are always in [0, 1].
    public func dataProblem() -> String? { nil }
    /// Most trainers have nothing to say until the run ends.
    public func newNotes() -> [String] { [] }
}

/// How a training run ended.
public enum TrainingEnding: Equatable, Sendable {
    /// All the steps asked for were taken.
    case finished
    /// Ctrl-C: stopped after the step that was running, model kept as it was after it.
    case interrupted
    /// The loss guard found nan, infinity, divergence or a sustained rise; the weights were put
    /// back as they were after step `rolledBackTo`, the last state the guard judged healthy —
    /// or, when no state of this run was (nil), as they were when the run started.
    case stoppedByGuard(LossGuard.Verdict, rolledBackTo: Int?)
}

/// What `train` hands back: how it ended, and where its files are.
public struct TrainingOutcome: Sendable {
    public let ending: TrainingEnding
    /// Steps taken by this model so far, over all `train` calls (after any roll-back).
    public let totalSteps: Int
    public let history: LossHistory
    public let historyFile: URL
    public let sampleFiles: [URL]
    public let elapsedSeconds: Double

    /// One or two sentences for the learner.
    public var summary: String {
        switch ending {
        case .finished:
            return "trained to step \(totalSteps) in \(ProgressLine.formatDuration(elapsedSeconds))."
        case .interrupted:
            return "interrupted after step \(totalSteps); the model keeps what it learned so far."
        case let .stoppedByGuard(verdict, step?):
            return "training stopped: " + (verdict.explanation ?? "") + " The weights were rolled back to step \(step), the last healthy one."
        case let .stoppedByGuard(verdict, nil):
            return "training stopped: " + (verdict.explanation ?? "") + " No state of this run was healthy, so there is none "
                + "to roll back to; the weights were put back as they were when it started (step \(totalSteps))."
        }
    }
}

/// Something the loop reports while it runs.
public enum TrainingEvent: Sendable {
    /// After every step: the numbers for the progress line (`ProgressLine.format`).
    case progress(TrainingProgress)
    /// A grid of samples was written.
    case samplesWritten(URL, step: Int)
    /// Something to tell the learner now, above the progress line (`TrainingProcedure.newNotes`).
    case note(String)
}

/// A trainer's memory between `train` calls: training again continues where it stopped.
public struct TrainingState {
    public var stepsDone = 0
    public var history: LossHistory
    public var lossGuard: LossGuard
    public init(metricNames: [String], lossGuard: LossGuard = LossGuard()) {
        history = LossHistory(names: metricNames)
        self.lossGuard = lossGuard
    }

    /// A GAN's four numbers, judged as a game is: its losses swing by design (D's can fall to
    /// 0.02 while it wins and jump to 4 when G catches up, a 200-fold change that is not
    /// divergence), so the guard allows 1000-fold swings and no sustained-rise stop; nan and
    /// infinity still stop training at once. Shared by the face GAN and the 2-D toy.
    public static func adversarialGame() -> TrainingState {
        TrainingState(metricNames: ["loss D", "loss G", "D(x)", "D(G(z))"],
                      lossGuard: LossGuard(divergenceFactor: 1000, warmUpSteps: 50, riseFactor: nil))
    }
}

/// The weights and the BatchNorm running statistics of some networks. (`ParameterSnapshot`
/// keeps only trainable tensors, but a nan step poisons the running statistics too.)
public struct ModelSnapshot {
    public let parameters: ParameterSnapshot
    public let buffers: [(tensor: Tensor, data: [Float])]
    public var step: Int { parameters.step }

    public init(of networks: [any Layer], step: Int) {
        parameters = ParameterSnapshot(of: networks, step: step)
        // Arrays are copied on write: this costs nothing until the next step changes them.
        buffers = networks.flatMap { network in
            let trainable = Set(network.namedParameters().map { ObjectIdentifier($0.tensor) })
            return network.stateDict().filter { !trainable.contains(ObjectIdentifier($0.tensor)) }
                .map { (tensor: $0.tensor, data: $0.tensor.data) }
        }
    }

    public func restore() {
        parameters.restore()
        for (tensor, data) in buffers { tensor.data = data }
    }
}

/// The loop every trainer shares: step, report, watch the losses, save samples and history,
/// and stop cleanly on Ctrl-C.
///
/// Rolling back: before each step the weights are snapshotted; once that step's loss proves
/// finite and sane, the snapshot becomes "the last good state". If a later loss is nan or
/// diverging, the weights that produced it cannot be trusted (the update before may have
/// ruined them), so the loop restores the last good state and resets the optimisers.
///
/// Trap to avoid: trainers pass their own stored `state` here as `inout`, so Swift holds exclusive
/// access to it for the whole run. A procedure's `step()` or `writeSamples` must never read that
/// same stored property (for example the history) — the runtime would stop the program with
/// "simultaneous access". Keep what a callback needs in a separate property.
public enum TrainingLoop {
    public static func run(_ procedure: some TrainingProcedure, config: TrainingConfig, state: inout TrainingState,
                    output folder: URL, observer: (TrainingEvent) -> Void,
                    interruptRequested: () -> Bool) throws -> TrainingOutcome {
        try config.validate()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExperimentError.unwritable(path: folder.path, reason: error.localizedDescription)
        }
        let historyFile = folder.appendingPathComponent("\(procedure.filePrefix)-loss.csv")
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let duration = clock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }

        var sampleFiles: [URL] = []
        var lastSampledStep = -1
        var ending = TrainingEnding.finished
        // Data with nan or absurd values breaks the loss whatever the learning rate: say so
        // before training, rather than let the guard blame the learning rate afterwards.
        if let problem = procedure.dataProblem() { throw ExperimentError.unsuitableData(problem) }
        let startingWeights = ModelSnapshot(of: procedure.networks, step: state.stepsDone)
        // The last state the guard judged healthy; nil until one is.
        var lastGood: ModelSnapshot? = nil
        let firstStep = state.stepsDone + 1
        do {
            for step in firstStep..<(firstStep + config.steps) {
                let before = ModelSnapshot(of: procedure.networks, step: step - 1)
                let values = try procedure.step()
                let watched = zip(procedure.metricNames, values).filter { procedure.guardedMetrics.contains($0.0) }
                let verdict = state.lossGuard.check(watched.map { (name: $0.0, value: $0.1) }, step: step)
                guard verdict == .healthy else {
                    let target = lastGood ?? startingWeights
                    target.restore()
                    try procedure.resetOptimizers()
                    state.stepsDone = target.step
                    state.history.truncate(after: target.step)
                    ending = .stoppedByGuard(verdict, rolledBackTo: lastGood?.step)
                    break
                }
                // The weights before this step gave a loss judged healthy: they are good to return to.
                if state.lossGuard.lastWasHealthy { lastGood = before }
                state.stepsDone = step
                state.history.append(step: step, values: values)
                observer(.progress(TrainingProgress(
                    step: step - firstStep + 1, totalSteps: config.steps,
                    metrics: zip(procedure.metricNames, values).map { TrainingProgress.Metric($0.0, $0.1) },
                    elapsedSeconds: elapsed())))
                for note in procedure.newNotes() { observer(.note(note)) }
                if config.sampleEvery > 0 && step % config.sampleEvery == 0 {
                    let url = try procedure.writeSamples(to: folder, step: step)
                    sampleFiles.append(url)
                    lastSampledStep = step
                    observer(.samplesWritten(url, step: step))
                    try state.history.write(to: historyFile)
                }
                // Between steps, never inside one: the model is never left half-updated.
                if interruptRequested() {
                    ending = .interrupted
                    break
                }
            }
        } catch {
            // Keep the history of the steps that did run, then let the shell report the error.
            try? state.history.write(to: historyFile)
            throw error
        }
        if lastSampledStep != state.stepsDone {
            let url = try procedure.writeSamples(to: folder, step: state.stepsDone)
            sampleFiles.append(url)
            observer(.samplesWritten(url, step: state.stepsDone))
        }
        try Timelapse.write(sampleFiles, folder: folder, prefix: procedure.filePrefix)
        try state.history.write(to: historyFile)
        return TrainingOutcome(ending: ending, totalSteps: state.stepsDone, history: state.history,
                               historyFile: historyFile, sampleFiles: sampleFiles, elapsedSeconds: elapsed())
    }
}
