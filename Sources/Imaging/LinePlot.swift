/// Line plots drawn three ways: a chart a learner can read (axes with ticks and their titles, a
/// legend, a title: `LinePlot.image(_ chart:)` in LinePlot+Chart.swift), a bare picture of the
/// curves alone, and a sparkline (▁▂▃▄▅▆▇█) that fits on one terminal line.
public enum LinePlot {
    public static let width = 480, height = 240, margin = 16
    /// One colour per series, in order (a plot's legend and metadata say which is which):
    /// the "tab10" palette of matplotlib and TensorBoard, so the colours match what learners
    /// will meet later.
    public static let colours: [(String, [UInt8])] = [("red", [214, 39, 40]), ("blue", [31, 119, 180]),
                                                      ("green", [44, 160, 44]), ("orange", [255, 127, 14]),
                                                      ("purple", [148, 103, 189]), ("brown", [140, 86, 75]),
                                                      ("pink", [227, 119, 194]), ("grey", [127, 127, 127]),
                                                      ("olive", [188, 189, 34]), ("cyan", [23, 190, 207])]

    /// Series drawn against their index with no labels at all: white ground, grey axes, one line
    /// per series, all on one shared y range (non-finite values are skipped).
    public static func image(_ series: [[Double]]) -> Image {
        var picture = Image(width: width, height: height, channels: 3, fill: [255])
        func paint(_ x: Int, _ y: Int, _ colour: [UInt8]) {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            let offset = (y * width + x) * 3
            picture.pixels.replaceSubrange(offset..<(offset + 3), with: colour)
        }
        for x in margin..<(width - margin) { paint(x, height - margin, [128, 128, 128]) }
        for y in margin...(height - margin) { paint(margin, y, [128, 128, 128]) }

        let values = series.flatMap { $0 }.filter(\.isFinite)
        let count = series.map(\.count).max() ?? 0
        guard let low = values.min(), let high = values.max(), count > 0 else { return picture }
        let span = max(high - low, 1e-12)
        let plotWidth = width - 2 * margin - 1, plotHeight = height - 2 * margin
        for (column, points) in series.enumerated() {
            let colour = colours[column % colours.count].1
            var previous: (x: Int, y: Int)?
            for (index, value) in points.enumerated() where value.isFinite {
                let x = margin + 1 + (count == 1 ? 0 : index * plotWidth / (count - 1))
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
    public static func sparkline(_ values: [Double], width: Int = 40) -> String {
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
