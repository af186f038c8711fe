import Foundation
import Imaging
import Models

/// A loss history drawn two ways: a PNG line plot for the output folder, and a sparkline
/// that fits on one terminal line. The curve's *shape* is what a learner reads:
/// falling then flat is learning; flat from the start is a learning rate too small; jagged and
/// rising is one too large.
enum LossPlot {
    /// Draws every column of `history` against the step and writes it to `url`, labelled as
    /// the lab's output. Returns the path written.
    @discardableResult
    static func write(_ history: LossHistory, to url: URL, model: String?, seed: UInt64?) throws -> URL {
        let legend = zip(history.names, LinePlot.colours).map { "\($0) (\($1.0))" }.joined(separator: ", ")
        let low = history.rows.flatMap { $0 }.filter(\.isFinite).min() ?? 0
        let high = history.rows.flatMap { $0 }.filter(\.isFinite).max() ?? 1
        try PNGFile.write(image(history), to: url.path, text: PNGFile.labels(model: model, seed: seed, extra: [
            ("Content", "training history over \(history.steps.count) steps: \(legend); "
                + "y from \(ProgressLine.formatMetric(low)) to \(ProgressLine.formatMetric(high))"),
        ]))
        return url
    }

    /// The plot as an RGB picture: one line per metric, against the step.
    static func image(_ history: LossHistory) -> Image {
        LinePlot.image(history.names.map { history.values($0) ?? [] })
    }

    static func sparkline(_ values: [Double], width: Int = 40) -> String {
        LinePlot.sparkline(values, width: width)
    }
}
