import Foundation
import Imaging

/// A loss history drawn two ways: a PNG line plot for the output folder, and a sparkline
/// (▁▂▃▄▅▆▇█) that fits on one terminal line. The curve's *shape* is what a learner reads:
/// falling then flat is learning; flat from the start is a learning rate too small; jagged and
/// rising is one too large.
enum LossPlot {
    static let width = 480, height = 240, margin = 16
    /// One colour per metric, in `names` order (the PNG's metadata says which is which).
    static let colours: [(String, [UInt8])] = [("red", [214, 39, 40]), ("blue", [31, 119, 180]),
                                               ("green", [44, 160, 44]), ("orange", [255, 127, 14])]

    /// Draws every column of `history` against the step and writes it to `url`, labelled as
    /// the lab's output. Returns the path written.
    @discardableResult
    static func write(_ history: LossHistory, to url: URL, model: String?, seed: UInt64?) throws -> URL {
        let legend = zip(history.names, colours).map { "\($0) (\($1.0))" }.joined(separator: ", ")
        let low = history.rows.flatMap { $0 }.filter(\.isFinite).min() ?? 0
        let high = history.rows.flatMap { $0 }.filter(\.isFinite).max() ?? 1
        try PNGFile.write(image(history), to: url.path, text: PNGFile.labels(model: model, seed: seed, extra: [
            ("Content", "training history over \(history.steps.count) steps: \(legend); "
                + "y from \(ProgressLine.formatMetric(low)) to \(ProgressLine.formatMetric(high))"),
        ]))
        return url
    }

    /// The plot as an RGB picture: white ground, grey axes, one line per metric.
    static func image(_ history: LossHistory) -> Image {
        var picture = Image(width: width, height: height, channels: 3, fill: [255])
        func paint(_ x: Int, _ y: Int, _ colour: [UInt8]) {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            let offset = (y * width + x) * 3
            picture.pixels.replaceSubrange(offset..<(offset + 3), with: colour)
        }
        for x in margin..<(width - margin) { paint(x, height - margin, [128, 128, 128]) }
        for y in margin...(height - margin) { paint(margin, y, [128, 128, 128]) }

        let values = history.rows.flatMap { $0 }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), history.steps.count > 0 else { return picture }
        let span = max(high - low, 1e-12)
        let plotWidth = width - 2 * margin - 1, plotHeight = height - 2 * margin
        for (column, name) in history.names.enumerated() {
            let colour = colours[column % colours.count].1
            var previous: (x: Int, y: Int)?
            for (index, value) in (history.values(name) ?? []).enumerated() where value.isFinite {
                let x = margin + 1 + (history.steps.count == 1 ? 0 : index * plotWidth / (history.steps.count - 1))
                let y = height - margin - Int(((value - low) / span * Double(plotHeight)).rounded())
                // A straight segment from the previous point: in each column, fill from where the
                // line was in the column before to where it is now, so steep drops stay connected.
                let from = previous ?? (x, y)
                var lastY = from.y
                for fillX in from.x...x {
                    let t = x == from.x ? 1 : Double(fillX - from.x) / Double(x - from.x)
                    let lineY = from.y + Int((t * Double(y - from.y)).rounded())
                    for fillY in min(lastY, lineY)...max(lastY, lineY) { paint(fillX, fillY, colour) }
                    lastY = lineY
                }
                previous = (x, y)
            }
        }
        return picture
    }

    /// `values` squeezed into at most `width` characters of ▁▂▃▄▅▆▇█ (each the mean of its stretch).
    static func sparkline(_ values: [Double], width: Int = 40) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), width > 0 else { return "" }
        let bars = Array("▁▂▃▄▅▆▇█")
        let buckets = min(width, finite.count)
        return String((0..<buckets).map { bucket in
            let stretch = finite[(bucket * finite.count / buckets)..<((bucket + 1) * finite.count / buckets)]
            let mean = stretch.reduce(0, +) / Double(stretch.count)
            let level = high > low ? Int(((mean - low) / (high - low) * Double(bars.count - 1)).rounded()) : 0
            return bars[level]
        })
    }
}
