import Foundation
import Imaging
import Models

/// A loss history drawn two ways: a PNG line chart for the output folder (axes with numbered
/// ticks, "step" along the bottom, a legend naming each curve), and a sparkline that fits on one
/// terminal line. The curve's *shape* is what a learner reads: falling then flat is learning;
/// flat from the start is a learning rate too small; jagged and rising is one too large.
enum LossPlot {
    /// Draws every column of `history` against the step and writes it to `url`, labelled as
    /// the lab's output. Returns the path written.
    @discardableResult
    static func write(_ history: LossHistory, to url: URL, title: String, model: String?, seed: UInt64?) throws -> URL {
        let chart = chart(history, title: title)
        try PNGFile.write(LinePlot.image(chart), to: url.path, text: PNGFile.labels(model: model, seed: seed, extra: [
            ("Content", "line chart of \(history.steps.count) training steps: " + contentLegend(chart)),
        ]))
        return url
    }

    /// One curve per metric, against the step, in the palette's order.
    static func chart(_ history: LossHistory, title: String) -> LinePlot.Chart {
        let steps = history.steps.map(Double.init)
        let series = history.names.enumerated().map { index, name in
            LinePlot.Series(name: name, x: steps, y: history.values(name) ?? [],
                            colour: LinePlot.colours[index % LinePlot.colours.count].1)
        }
        return LinePlot.Chart(title: title, yTitle: yTitle(history.names), series: series,
                              scale: scale(names: history.names, values: series.flatMap(\.y)))
    }

    /// "loss" when every curve is a loss; "value" when losses share the axis with probabilities
    /// or accuracies (a GAN's D(x), a classifier's accuracy).
    static func yTitle(_ names: [String]) -> String {
        names.allSatisfy { $0.hasPrefix("loss") } ? "loss" : "value"
    }

    /// Losses get a log axis when they span two decades or more (`AxisScale.automatic`);
    /// anything mixed with a probability or an accuracy stays linear, where 0 to 1 reads naturally.
    static func scale(names: [String], values: [Double]) -> AxisScale {
        names.allSatisfy { $0.hasPrefix("loss") } ? .automatic(for: values) : .linear
    }

    /// The legend and axes in words, for the PNG's metadata: `loss D (red), loss G (blue); y
    /// linear from 0 to 2, x (step) from 0 to 200`.
    static func contentLegend(_ chart: LinePlot.Chart) -> String {
        let layout = LinePlot.layout(chart)
        let names = chart.series.map { series in
            "\(series.name) (\(LinePlot.colours.first { $0.1 == series.colour }?.0 ?? "colour"))"
        }
        let scale = chart.resolvedScale == .logarithmic ? "logarithmic" : "linear"
        return names.joined(separator: ", ") + "; y (\(chart.yTitle)) \(scale) from \(layout.yTicks.labels.first ?? "") to "
            + "\(layout.yTicks.labels.last ?? ""), x (\(chart.xTitle)) from \(layout.xTicks.labels.first ?? "") to \(layout.xTicks.labels.last ?? "")"
    }

    static func sparkline(_ values: [Double], width: Int = 40) -> String {
        LinePlot.sparkline(values, width: width)
    }
}
