import Imaging
import Testing

/// The line chart: curves where their numbers say, axes, a legend in the curves' colours.
struct LinePlotChartTests {
    static let red = LinePlot.colours[0].1, blue = LinePlot.colours[1].1

    static func pixel(_ image: Image, _ x: Int, _ y: Int) -> [UInt8] { (0..<3).map { image[x, y, $0] } }

    static let chart = LinePlot.Chart(title: "two curves", yTitle: "loss", series: [
        LinePlot.Series(name: "rising", x: [0, 10], y: [0, 1], colour: red),
        LinePlot.Series(name: "flat", x: [0, 10], y: [0.8, 0.8], colour: blue),
    ])

    @Test func curvesPassThroughTheirPoints() throws {
        let image = LinePlot.image(Self.chart)
        let layout = LinePlot.layout(Self.chart)
        #expect(image.width == 640 && image.height == layout.height)
        #expect(layout.yTicks.values == [0, 0.2, 0.4, 0.6, 0.8, 1] && layout.xTicks.values == [0, 2, 4, 6, 8, 10])
        // The rising line's middle, and the flat line a third of the way along.
        let middle = try #require(layout.pixel(x: 5, y: 0.5))
        #expect(Self.pixel(image, middle.x, middle.y) == Self.red)
        let flat = try #require(layout.pixel(x: 3, y: 0.8))
        #expect(Self.pixel(image, flat.x, flat.y) == Self.blue)
        // Nothing drawn well away from both lines.
        let empty = try #require(layout.pixel(x: 8, y: 0.1))
        #expect(Self.pixel(image, empty.x + 3, empty.y) == [255, 255, 255])
    }

    @Test func axesTicksAndLabelsAreDrawn() {
        let image = LinePlot.image(Self.chart)
        let layout = LinePlot.layout(Self.chart)
        let axis: [UInt8] = [90, 90, 90]
        #expect(Self.pixel(image, layout.left, layout.top) == axis)
        #expect(Self.pixel(image, layout.right, layout.bottom) == axis)
        // A tick mark left of the y axis at its top tick, and ink of its label further left.
        #expect(Self.pixel(image, layout.left - 2, layout.top) == axis)
        let labelArea = (0..<(layout.left - 6)).flatMap { x in (layout.top - 5...layout.top + 5).map { Self.pixel(image, x, $0) } }
        #expect(labelArea.contains([30, 30, 30]))
    }

    @Test func theLegendShowsEachSeriesColourInOrder() {
        let image = LinePlot.image(Self.chart)
        let swatches = LinePlot.layout(Self.chart).legendSwatches
        #expect(swatches.count == 2)
        #expect(zip(swatches, [Self.red, Self.blue]).allSatisfy { swatch, colour in Self.pixel(image, swatch.x + 2, swatch.y + 1) == colour })
        var silent = Self.chart
        silent.showsLegend = false
        #expect(LinePlot.layout(silent).legendSwatches.isEmpty && LinePlot.layout(silent).height < LinePlot.layout(Self.chart).height)
    }

    /// A loss falling over three decades goes on a log axis; 0.1 sits two thirds of the way up.
    @Test func aLossSpanningDecadesGetsALogAxis() throws {
        let chart = LinePlot.Chart(title: "", yTitle: "loss", series: [
            LinePlot.Series(name: "loss", x: [1, 2, 3, 4], y: [1, 0.1, 0.01, 0.001], colour: Self.red),
        ])
        #expect(chart.resolvedScale == .logarithmic)
        let layout = LinePlot.layout(chart)
        #expect(layout.yTicks.values == [0.001, 0.01, 0.1, 1])
        let point = try #require(layout.pixel(x: 2, y: 0.1))
        #expect(abs(Double(layout.bottom - point.y) - Double(layout.bottom - layout.top) * 2 / 3) <= 1)
        #expect(Self.pixel(LinePlot.image(chart), point.x, point.y) == Self.red)
    }

    @Test func aGapInTheDataIsAGapInTheLine() throws {
        let chart = LinePlot.Chart(title: "", yTitle: "loss", series: [
            LinePlot.Series(name: "loss", x: [0, 1, 2, 3, 4], y: [0.5, 0.5, .nan, 0.5, 0.5], colour: Self.red),
        ], scale: .linear)
        let image = LinePlot.image(chart)
        let layout = LinePlot.layout(chart)
        let drawn = try #require(layout.pixel(x: 0.5, y: 0.5)), gap = try #require(layout.pixel(x: 2, y: 0.5))
        #expect(Self.pixel(image, drawn.x, drawn.y) == Self.red)
        #expect(Self.pixel(image, gap.x, gap.y) != Self.red)
    }

    @Test func aLegendStripWrapsItsEntries() {
        let short = LinePlot.legendStrip([("a", Self.red)], title: "", width: 200)
        let long = LinePlot.legendStrip((0..<6).map { ("a long run name \($0)", LinePlot.colours[$0].1) }, title: "title", width: 200)
        #expect(short.width == 200 && long.height > short.height * 3)
    }
}
