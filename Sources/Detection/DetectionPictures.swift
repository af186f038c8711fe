import Foundation
import Imaging

/// The pictures of the detection lessons, drawn with Imaging's grid, font and line plot: spectra
/// as heat maps side by side with a colour bar, spectra as curves, the ROC curve, a confusion
/// matrix, the watermark amplified and its robustness.
public enum DetectionPictures {
    /// Black → purple → orange → pale yellow, in even steps of brightness (like matplotlib's
    /// "inferno"), so a brighter colour always means more power, also in gray print.
    static let colourStops: [(Float, Float, Float)] = [(0, 0, 4), (87, 16, 110), (188, 55, 84), (249, 142, 9), (252, 255, 164)]

    /// The colour for `t` in [0, 1].
    static func colour(_ t: Float) -> [UInt8] {
        let position = min(max(t, 0), 1) * Float(colourStops.count - 1)
        let index = min(Int(position), colourStops.count - 2), fraction = position - Float(index)
        let (a, b) = (colourStops[index], colourStops[index + 1])
        return [a.0 + (b.0 - a.0) * fraction, a.1 + (b.1 - a.1) * fraction, a.2 + (b.2 - a.2) * fraction].map { UInt8($0.rounded()) }
    }

    /// One spectrum as a heat map, `scale` screen pixels per frequency, on the dB range `range`.
    public static func heatMap(_ spectrum: PowerSpectrum, range: ClosedRange<Float>, scale: Int = 4) -> Image {
        let span = max(range.upperBound - range.lowerBound, 1e-6)
        var pixels: [UInt8] = []
        for value in spectrum.decibels { pixels += colour((value - range.lowerBound) / span) }
        return Image(width: spectrum.width, height: spectrum.height, channels: 3, pixels: pixels).upscaled(by: scale)
    }

    /// Spectra side by side on one shared colour scale (so equal colours are equal power),
    /// captioned, with a colour bar labelled in dB underneath. The scale runs from the 2nd to
    /// the 99.5th percentile of all values, so the huge zero-frequency peak does not wash the
    /// rest out.
    public static func spectraSideBySide(_ named: [(name: String, spectrum: PowerSpectrum)], scale: Int = 4) throws -> Image {
        let values = named.flatMap(\.spectrum.decibels).sorted()
        guard !values.isEmpty else { throw DetectionError.noPictures(operation: "spectra picture") }
        let low = values[values.count * 2 / 100], high = values[min(values.count - 1, values.count * 995 / 1000)]
        let maps = named.map { heatMap($0.spectrum, range: low...high, scale: scale) }
        let grid = try ImageGrid.make(maps, columns: maps.count, gutter: 4, captions: named.map(\.name))
        return stacked(grid, colourBar(width: grid.width, low: low, high: high))
    }

    /// A horizontal bar of the colour scale with its two ends written in dB.
    static func colourBar(width: Int, low: Float, high: Float) -> Image {
        var bar = Image(width: width, height: 20, channels: 3, fill: [32, 32, 32])
        let barWidth = max(1, width - 8)
        for x in 0..<barWidth {
            let rgb = colour(Float(x) / Float(max(barWidth - 1, 1)))
            for y in 2..<8 { for c in 0..<3 { bar[x + 4, y, c] = rgb[c] } }
        }
        let lowText = String(format: "%.0f DB", low), highText = String(format: "%.0f DB", high)
        BitmapFont.draw(lowText, into: &bar, x: 4, y: 11, color: [230, 230, 230])
        BitmapFont.draw(highText, into: &bar, x: width - 4 - BitmapFont.width(of: highText), y: 11, color: [230, 230, 230])
        BitmapFont.draw("POWER", into: &bar, x: (width - BitmapFont.width(of: "POWER")) / 2, y: 11, color: [230, 230, 230])
        return bar
    }

    /// Curves (azimuthal spectra, say) on one plot, with a legend naming each colour, and a title.
    public static func curves(_ named: [(name: String, values: [Float])], title: String) -> Image {
        let plot = LinePlot.image(named.map { $0.values.map { Double($0) } })
        return stacked(caption(title, width: plot.width), plot, legend(named.map(\.name), width: plot.width))
    }

    /// ROC curves: the true-positive rate against the false-positive rate, sampled at 101
    /// false-positive rates (the best rate reachable at or below each), with the chance diagonal
    /// in the last colour. Legend entries carry the AUC.
    public static func rocCurves(_ named: [(name: String, evaluation: Evaluation)]) -> Image {
        let grid = (0...100).map { Double($0) / 100 }
        var series = named.map { entry in
            grid.map { rate in entry.evaluation.rocCurve.filter { $0.falsePositiveRate <= rate + 1e-12 }.map(\.truePositiveRate).max() ?? 0 }
        }
        series.append(grid)   // chance: the diagonal
        let names = named.map { "\($0.name) AUC \(String(format: "%.2f", $0.evaluation.areaUnderROC))" } + ["chance"]
        let plot = LinePlot.image(series)
        return stacked(caption("ROC: FAKES CAUGHT (UP) VS REALS ACCUSED (RIGHT), 0 TO 1", width: plot.width), plot,
                       legend(names, width: plot.width))
    }

    /// A confusion matrix as four cells, darker where the count is larger, each with its count.
    public static func confusionMatrix(_ matrix: ConfusionMatrix, title: String) -> Image {
        let cell = 64, margin = 40
        var picture = Image(width: margin + 2 * cell + 8, height: margin + 2 * cell + 8, channels: 3, fill: [255])
        let counts = [[matrix.truePositives, matrix.falseNegatives], [matrix.falsePositives, matrix.trueNegatives]]
        let largest = max(1, counts.flatMap { $0 }.max() ?? 1)
        for row in 0..<2 {
            for column in 0..<2 {
                let shade = UInt8(255 - 200 * counts[row][column] / largest)
                let correct = row == column
                let fill: [UInt8] = correct ? [shade, shade, 255] : [255, shade, shade]
                let tile = Image(width: cell - 2, height: cell - 2, channels: 3, fill: fill)
                picture.paste(tile, atX: margin + column * cell, y: margin + row * cell)
                let text = "\(counts[row][column])"
                BitmapFont.draw(text, into: &picture, x: margin + column * cell + (cell - BitmapFont.width(of: text)) / 2,
                                y: margin + row * cell + cell / 2 - 3, color: [0, 0, 0])
            }
        }
        let ink: [UInt8] = [40, 40, 40]
        BitmapFont.draw(title, into: &picture, x: 2, y: 2, color: ink)
        BitmapFont.draw("CALLED FAKE", into: &picture, x: margin, y: margin - 10, color: ink)
        BitmapFont.draw("REAL", into: &picture, x: margin + cell + 4, y: margin - 10, color: ink)
        BitmapFont.draw("FAKE", into: &picture, x: 2, y: margin + cell / 2 - 3, color: ink)
        BitmapFont.draw("REAL", into: &picture, x: 2, y: margin + cell + cell / 2 - 3, color: ink)
        return picture.upscaled(by: 2)
    }

    /// The mark itself: `marked − original` times `gain`, around mid-gray, beside both pictures.
    public static func watermarkAmplified(original: Image, marked: Image, gain: Float = 20, scale: Int = 4) throws -> Image {
        let difference = zip(marked.rgb().pixels, original.rgb().pixels).map { pair -> UInt8 in
            UInt8(min(255, max(0, (128 + gain * (Float(pair.0) - Float(pair.1))).rounded())))
        }
        let mark = Image(width: original.width, height: original.height, channels: 3, pixels: difference)
        return try ImageGrid.make([original.rgb(), marked.rgb(), mark].map { $0.upscaled(by: scale) }, columns: 3, gutter: 4,
                                  captions: ["ORIGINAL", "MARKED", "MARK X\(Int(gain))"])
    }

    /// Detection rate after each edit, as horizontal bars (green at or above 99 %, red below).
    public static func robustnessBars(_ points: [WatermarkBenchmark.RobustnessPoint], title: String) -> Image {
        let rowHeight = 9, labelWidth = 120, barWidth = 200
        var picture = Image(width: labelWidth + barWidth + 40, height: 12 + points.count * rowHeight, channels: 3, fill: [255])
        BitmapFont.draw(title, into: &picture, x: 2, y: 2, color: [0, 0, 0])
        for (row, point) in points.enumerated() {
            let y = 12 + row * rowHeight
            BitmapFont.draw(point.edit.description, into: &picture, x: 2, y: y + 1, color: [40, 40, 40])
            let length = Int((point.detectionRate * Double(barWidth)).rounded())
            let colour: [UInt8] = point.detectionRate >= 0.99 ? [44, 160, 44] : [214, 39, 40]
            if length > 0 { picture.paste(Image(width: length, height: rowHeight - 2, channels: 3, fill: colour), atX: labelWidth, y: y) }
            BitmapFont.draw(String(format: "%.0f%%", point.detectionRate * 100), into: &picture,
                            x: labelWidth + barWidth + 4, y: y + 1, color: [40, 40, 40])
        }
        return picture.upscaled(by: 2)
    }

    // MARK: Layout helpers

    /// One line of text on a white strip.
    static func caption(_ text: String, width: Int) -> Image {
        var strip = Image(width: width, height: 11, channels: 3, fill: [255])
        BitmapFont.draw(text, into: &strip, x: 4, y: 3, color: [0, 0, 0])
        return strip
    }

    /// A legend: a coloured square and a name per series, in `LinePlot.colours` order.
    static func legend(_ names: [String], width: Int) -> Image {
        var strip = Image(width: width, height: 4 + 9 * names.count, channels: 3, fill: [255])
        for (index, name) in names.enumerated() {
            let colour = LinePlot.colours[index % LinePlot.colours.count].1
            strip.paste(Image(width: 6, height: 5, channels: 3, fill: colour), atX: 4, y: 2 + index * 9)
            BitmapFont.draw(name, into: &strip, x: 14, y: 2 + index * 9, color: [0, 0, 0])
        }
        return strip
    }

    /// Pictures one under another, left-aligned, on the first one's background.
    static func stacked(_ parts: Image...) -> Image {
        let width = parts.map(\.width).max() ?? 0
        var result = Image(width: width, height: parts.map(\.height).reduce(0, +), channels: 3, fill: [255])
        var y = 0
        for part in parts {
            result.paste(part.rgb(), atX: 0, y: y)
            y += part.height
        }
        return result
    }
}
