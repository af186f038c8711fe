/// A line chart a learner can read without being told what it shows: a title, the y axis's name
/// above it ("loss"), numbered ticks on both axes (1-2-5 steps, `AxisTicks`), the x axis's name
/// under it ("step"), and a legend pairing each colour with its curve's name.
///
///     TITLE
///     LOSS
///      1.0 ┤╲
///      0.5 ┤ ╲___
///      0.0 ┼─────┬─────┬
///          0    100   200
///                STEP
///     ━ loss D   ━ loss G
extension LinePlot {
    /// One curve: `y[i]` at `x[i]`. Non-finite values (and values ≤ 0 on a log axis) leave a gap.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var colour: [UInt8]
        public init(name: String, x: [Double], y: [Double], colour: [UInt8]) {
            self.name = name
            self.x = x
            self.y = y
            self.colour = colour
        }
        /// `values` against the steps `1…count`, in the palette's colour number `index`.
        public init(name: String, values: [Double], colourIndex index: Int) {
            self.init(name: name, x: values.indices.map { Double($0 + 1) }, y: values,
                      colour: LinePlot.colours[index % LinePlot.colours.count].1)
        }
    }

    /// What to draw, and how to label it.
    public struct Chart: Sendable {
        public var title: String
        public var xTitle: String
        public var yTitle: String
        public var series: [Series]
        /// nil: chosen from the values (`AxisScale.automatic`); the y axis's title then says "log scale".
        public var scale: AxisScale?
        /// Off for small multiples that share one legend drawn elsewhere.
        public var showsLegend: Bool
        public var width: Int
        /// The height of the plotting area alone; titles, ticks and legend add to the picture's height.
        public var plotHeight: Int

        public init(title: String, xTitle: String = "step", yTitle: String, series: [Series], scale: AxisScale? = nil,
                    showsLegend: Bool = true, width: Int = LinePlot.chartWidth, plotHeight: Int = 280) {
            self.title = title
            self.xTitle = xTitle
            self.yTitle = yTitle
            self.series = series
            self.scale = scale
            self.showsLegend = showsLegend
            self.width = width
            self.plotHeight = plotHeight
        }

        /// The y scale in use.
        public var resolvedScale: AxisScale { scale ?? .automatic(for: series.flatMap(\.y)) }
    }

    /// A chart's width unless told otherwise: wide enough for 600 steps at one pixel each.
    public static let chartWidth = 640

    /// Text is drawn in the 3×5 bitmap font at this many pixels per font pixel (6×10 letters).
    public static let textScale = 2
    static var textHeight: Int { BitmapFont.glyphHeight * textScale }
    static func textWidth(_ text: String) -> Int { BitmapFont.width(of: LabelledGrid.fontSafe(text)) * textScale }

    /// Where everything goes; computed once and shared by `image` and the tests.
    public struct Layout: Sendable {
        public let width: Int, height: Int
        /// The plotting area, in pixels: x from `left` to `right`, y from `top` (the axis's high
        /// end) to `bottom` (its low end, where the x axis is drawn).
        public let left: Int, right: Int, top: Int, bottom: Int
        public let xTicks: AxisTicks, yTicks: AxisTicks
        /// The top-left corner of each legend entry's colour swatch (14 × 4 pixels), in series order.
        public let legendSwatches: [(x: Int, y: Int)]
        let titleY: Int, yTitleY: Int, xTitleY: Int

        /// The pixel column of `x` and row of `y`, or nil where the axis cannot place them.
        public func pixel(x: Double, y: Double) -> (x: Int, y: Int)? {
            guard let fx = xTicks.fraction(of: x), let fy = yTicks.fraction(of: y) else { return nil }
            return (left + Int((fx * Double(right - left)).rounded()), bottom - Int((fy * Double(bottom - top)).rounded()))
        }
    }

    static let padding = 10, tickLength = 4, swatchWidth = 14

    public static func layout(_ chart: Chart) -> Layout {
        let scale = chart.resolvedScale
        let yTicks = AxisTicks.covering(chart.series.flatMap(\.y), scale: scale)
        let xTicks = AxisTicks.covering(chart.series.flatMap(\.x), scale: .linear)
        let line = textHeight + 6
        var y = padding
        let titleY = y
        if !chart.title.isEmpty { y += line + 4 }
        let yTitleY = y
        // Half a label above the top tick, so its label is not cut.
        let top = y + line + textHeight / 2
        let left = padding + (yTicks.labels.map(textWidth).max() ?? 0) + 4 + tickLength
        let right = chart.width - padding - max((xTicks.labels.last.map(textWidth) ?? 0) / 2, 4)
        let bottom = top + chart.plotHeight
        let xTitleY = bottom + tickLength + 4 + line
        y = xTitleY + line + 4
        // Legend entries flow left to right and wrap, one swatch and name each.
        var swatches: [(x: Int, y: Int)] = []
        if chart.showsLegend && !chart.series.isEmpty {
            var x = padding
            for series in chart.series {
                let entryWidth = swatchWidth + 6 + textWidth(series.name)
                if x > padding && x + entryWidth > chart.width - padding {
                    x = padding
                    y += line
                }
                swatches.append((x, y + (textHeight - 4) / 2))
                x += entryWidth + 18
            }
            y += line
        }
        return Layout(width: chart.width, height: y + padding, left: left, right: right, top: top, bottom: bottom,
                      xTicks: xTicks, yTicks: yTicks, legendSwatches: swatches, titleY: titleY, yTitleY: yTitleY, xTitleY: xTitleY)
    }

    static let ink: [UInt8] = [30, 30, 30], axisColour: [UInt8] = [90, 90, 90], gridColour: [UInt8] = [232, 232, 232]

    /// The chart as an RGB picture `chart.width` wide.
    public static func image(_ chart: Chart) -> Image {
        let layout = layout(chart)
        var picture = Image(width: layout.width, height: layout.height, channels: 3, fill: [255])
        func fill(_ x: Int, _ y: Int, _ width: Int, _ height: Int, _ colour: [UInt8]) {
            picture.paste(Image(width: width, height: height, channels: 3, fill: colour), atX: x, y: y)
        }
        func text(_ string: String, x: Int, y: Int) {
            LabelledGrid.drawText(LabelledGrid.fontSafe(string), into: &picture, x: x, y: y, scale: textScale,
                                  background: [255, 255, 255], color: ink)
        }
        let (left, right, top, bottom) = (layout.left, layout.right, layout.top, layout.bottom)

        // Grid lines and ticks first, so the curves lie on top of them.
        for (value, label) in zip(layout.yTicks.values, layout.yTicks.labels) {
            guard let y = layout.pixel(x: layout.xTicks.low, y: value)?.y else { continue }
            fill(left, y, right - left + 1, 1, gridColour)
            fill(left - tickLength, y, tickLength, 1, axisColour)
            text(label, x: left - tickLength - 4 - textWidth(label), y: y - textHeight / 2)
        }
        for (value, label) in zip(layout.xTicks.values, layout.xTicks.labels) {
            guard let x = layout.pixel(x: value, y: layout.yTicks.low)?.x else { continue }
            fill(x, top, 1, bottom - top + 1, gridColour)
            fill(x, bottom + 1, 1, tickLength, axisColour)
            text(label, x: x - textWidth(label) / 2, y: bottom + tickLength + 4)
        }
        fill(left, top, 1, bottom - top + 1, axisColour)
        fill(left, bottom, right - left + 1, 1, axisColour)

        for series in chart.series { draw(series, layout: layout, into: &picture) }

        if !chart.title.isEmpty { text(chart.title, x: padding, y: layout.titleY) }
        let yTitle = chart.yTitle + (chart.resolvedScale == .logarithmic ? " (log scale)" : "")
        text(yTitle, x: padding, y: layout.yTitleY)
        text(chart.xTitle, x: (left + right - textWidth(chart.xTitle)) / 2, y: layout.xTitleY)
        for (series, swatch) in zip(chart.series, layout.legendSwatches) {
            fill(swatch.x, swatch.y, swatchWidth, 4, series.colour)
            text(series.name, x: swatch.x + swatchWidth + 6, y: swatch.y - (textHeight - 4) / 2)
        }
        return picture
    }

    /// One curve, two pixels thick, straight segments between consecutive drawable points; a
    /// point the axis cannot place (NaN, or ≤ 0 on a log axis) breaks the line.
    static func draw(_ series: Series, layout: Layout, into picture: inout Image) {
        func paint(_ x: Int, _ y: Int) {
            for dy in 0...1 {
                for dx in 0...1 {
                    let px = x + dx, py = y + dy
                    guard px >= layout.left, px <= layout.right + 1, py >= layout.top - 1, py <= layout.bottom else { continue }
                    for c in 0..<3 { picture[px, py, c] = series.colour[min(c, series.colour.count - 1)] }
                }
            }
        }
        var previous: (x: Int, y: Int)?
        for (x, y) in zip(series.x, series.y) {
            guard let point = layout.pixel(x: x, y: y) else {
                previous = nil
                continue
            }
            let from = previous ?? point
            let steps = max(abs(point.x - from.x), abs(point.y - from.y), 1)
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                paint(from.x + Int((t * Double(point.x - from.x)).rounded()), from.y + Int((t * Double(point.y - from.y)).rounded()))
            }
            previous = point
        }
    }

    /// A legend on its own, for charts that share one (small multiples): an optional title line,
    /// then a colour swatch and a name per entry, flowing left to right and wrapping at `width`.
    public static func legendStrip(_ entries: [(name: String, colour: [UInt8])], title: String, width: Int) -> Image {
        let line = textHeight + 6
        var positions: [(x: Int, y: Int)] = []
        var x = padding, y = padding + (title.isEmpty ? 0 : line + 4)
        for entry in entries {
            let entryWidth = swatchWidth + 6 + textWidth(entry.name)
            if x > padding && x + entryWidth > width - padding {
                x = padding
                y += line
            }
            positions.append((x, y))
            x += entryWidth + 18
        }
        var strip = Image(width: width, height: y + line + padding / 2, channels: 3, fill: [255])
        let draw = { (text: String, x: Int, y: Int, strip: inout Image) in
            LabelledGrid.drawText(LabelledGrid.fontSafe(text), into: &strip, x: x, y: y, scale: textScale,
                                  background: [255, 255, 255], color: ink)
        }
        if !title.isEmpty { draw(title, padding, padding, &strip) }
        for (entry, position) in zip(entries, positions) {
            strip.paste(Image(width: swatchWidth, height: 4, channels: 3, fill: entry.colour), atX: position.x, y: position.y + (textHeight - 4) / 2)
            draw(entry.name, position.x + swatchWidth + 6, position.y, &strip)
        }
        return strip
    }
}
