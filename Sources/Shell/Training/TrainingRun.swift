import Engine
import Models
import Foundation

/// What a training built-in hands back: how the run ended and every step's numbers. A learner
/// keeps it (`let run = train(…)`) to `plot(run)` later; printed, it shows each metric's
/// first and last value and a sparkline of the curve between them.
public struct TrainingRun: Sendable, ShellObject {
    /// The loop's own sentence: finished, interrupted, or why the guard stopped it.
    public let summary: String
    public let ending: TrainingEnding
    public let history: LossHistory
    /// Where the loop wrote the history as CSV.
    public let historyFile: URL
    /// The file-name prefix of this run's files (`gan-2`), which `plot` reuses for its PNG.
    public let filePrefix: String
    /// Anything a particular model adds, such as the face swap's PSNR/SSIM score.
    public var extraLines: [String] = []
    /// Named numbers a model adds (a detector's held-out accuracy), readable as members of the run.
    public var scores: [(name: String, value: Double)] = []
    /// The built-in that made the run (`trainGAN`): only runs of one kind can be compared.
    public let kind: String
    /// Every argument of that call as written in a table (`lr` → `0.0002`, `gan` →
    /// `DCGAN(latent=8, width=4)`), in the built-in's parameter order: `compare` names runs by
    /// the settings in which they differ.
    public let settings: [(name: String, value: String)]
    /// The sample grids this call wrote, oldest first.
    public let sampleFiles: [URL]
    public let elapsedSeconds: Double
    /// Steps this model has taken over all its training calls.
    public let totalSteps: Int

    init(_ outcome: TrainingOutcome, prefix: String, kind: String, settings: [(name: String, value: String)]) {
        summary = outcome.summary
        ending = outcome.ending
        history = outcome.history
        historyFile = outcome.historyFile
        filePrefix = prefix
        self.kind = kind
        self.settings = settings
        sampleFiles = outcome.sampleFiles
        elapsedSeconds = outcome.elapsedSeconds
        totalSteps = outcome.totalSteps
    }

    /// `loss  0.2513 → 0.0031  █▆▄▃▂▂▁▁▁▁`, one line per metric.
    public var metricLines: [String] {
        let width = history.names.map(\.count).max() ?? 0
        return history.names.compactMap { name in
            guard let values = history.values(name), let first = values.first, let last = values.last else { return nil }
            return name.padding(toLength: width) + "  " + ProgressLine.formatMetric(first) + " → "
                + ProgressLine.formatMetric(last) + "  " + LossPlot.sparkline(values)
        }
    }

    public var typeName: String { "LossHistory" }
    public var typeDescription: String { "a loss history of \(history.steps.count) steps" }

    public var members: [Member] {
        [.property("steps", "how many steps were recorded") { _ in .number(Double(history.steps.count)) },
         .property("file", "the CSV the history was written to") { _ in .string(historyFile.path) },
         .property("losses", "the first column (the loss) of every step, as a tensor") { _ in
             .tensor(Tensor(shape: [history.rows.count], data: history.rows.map { Float($0.first ?? .nan) }))
         }] + scores.map { score in .property(score.name, "a score the training reported") { _ in .number(score.value) } }
    }

    /// The cell output: the summary, the curves, any extra lines, and where the history is.
    public var cellDescription: String {
        ([summary] + metricLines + extraLines + ["history in \(historyFile.path)"]).joined(separator: "\n")
    }

    /// What `let run = train(…)` prints under its one line: why training stopped, if it did not
    /// simply finish, and any extra lines (a swap's score) — nothing a learner must not miss is
    /// hidden by binding the result to a name.
    public var linesWhenBound: [String] {
        (ending == .finished ? [] : [summary]) + extraLines
    }

    /// One line, for `let run = train(…)`: `LossHistory[200 steps: loss D, loss G, D(x), D(G(z))]`.
    public var shortDescription: String {
        "LossHistory[\(history.steps.count) steps: \(history.names.joined(separator: ", "))]"
    }
}
