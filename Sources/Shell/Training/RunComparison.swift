import Foundation
import Imaging
import Models

/// Two or more training runs of one kind, side by side: what a hyperparameter experiment needs.
/// Each run is named by the settings in which it differs from the others ("lr 0.0002" against
/// "lr 0.002"), not by the settings they share, so the legend says what the experiment changed.
///
/// The picture puts each metric's curves from every run on one pair of axes (a panel per metric:
/// a GAN's loss D, loss G, D(x) and D(G(z)) have different meanings, so they are not mixed), a
/// legend giving each run its colour, and under them each run's last sample grid with its name.
/// The table gives the same comparison in numbers.
struct RunComparison {
    let runs: [TrainingRun]

    /// How many of the last steps are averaged for a run's "final" numbers: one step of a
    /// mini-batch loss is noisy, so comparing two single steps could reverse the verdict.
    static let finalSteps = 20

    /// The names of the settings whose values are not the same in every run, in parameter order.
    var differingSettings: [String] {
        guard let first = runs.first else { return [] }
        return first.settings.map(\.name).filter { name in
            Set(runs.map { run in run.settings.first { $0.name == name }?.value ?? "" }).count > 1
        }
    }

    /// Each run's name in the legend: its differing settings (`lr 0.0002, loss saturating`), or
    /// its file prefix when nothing differs; the prefix is added where two names would be the same.
    var runNames: [String] {
        let differing = differingSettings
        let names = runs.map { run in
            differing.isEmpty ? run.filePrefix : differing.map { name in
                "\(name) \(run.settings.first { $0.name == name }?.value ?? "")"
            }.joined(separator: ", ")
        }
        return names.enumerated().map { index, name in
            names.filter { $0 == name }.count > 1 && !differing.isEmpty ? "\(name) (\(runs[index].filePrefix))" : name
        }
    }

    func colour(_ index: Int) -> (name: String, rgb: [UInt8]) {
        let entry = LinePlot.colours[index % LinePlot.colours.count]
        return (entry.0, entry.1)
    }

    // MARK: The table

    /// Rows of the terminal table: the differing settings, steps, time, each metric's final
    /// value, each score the trainer reported, and how each run ended when any did not simply finish.
    var tableRows: [[String]] {
        var rows: [[String]] = [["run"] + runs.map(\.filePrefix)]
        for name in differingSettings {
            rows.append([name] + runs.map { run in run.settings.first { $0.name == name }?.value ?? "" })
        }
        rows.append(["steps"] + runs.map { String($0.history.steps.count) })
        rows.append(["time"] + runs.map { ProgressLine.formatDuration($0.elapsedSeconds) })
        for metric in runs[0].history.names {
            rows.append([metric] + runs.map { run in
                run.history.recentMean(metric, count: Self.finalSteps).map(ProgressLine.formatMetric) ?? "-"
            })
        }
        for score in runs[0].scores.map(\.name) {
            rows.append([score] + runs.map { run in
                run.scores.first { $0.name == score }.map { Self.formatScore($0.value) } ?? "-"
            })
        }
        if runs.contains(where: { $0.ending != .finished }) {
            rows.append(["ended"] + runs.map { run in
                switch run.ending {
                case .finished: "finished"
                case .interrupted: "interrupted"
                case .stoppedByGuard: "stopped by the guard"
                }
            })
        }
        return rows
    }

    /// A count (modes covered) as a whole number, anything else as the progress line writes metrics.
    static func formatScore(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : ProgressLine.formatMetric(value)
    }

    /// The table as aligned columns, with a line saying what "final" means.
    var table: String {
        let rows = tableRows
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1) }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return (lines + ["(metrics: the mean of each run's last \(Self.finalSteps) steps)"]).joined(separator: "\n")
    }

    // MARK: The picture

    /// The comparison as one RGB picture; sample grids are read from the runs' PNG files.
    func image() throws -> Image {
        let names = runNames
        let legend = LinePlot.legendStrip(names.enumerated().map { ($0.element, colour($0.offset).rgb) },
                                          title: "compare: " + runs.map(\.filePrefix).joined(separator: " / "), width: 960)
        let metrics = runs[0].history.names
        let panels = metrics.map { metric in
            let series = runs.enumerated().map { index, run in
                LinePlot.Series(name: names[index], x: run.history.steps.map(Double.init), y: run.history.values(metric) ?? [],
                                colour: colour(index).rgb)
            }
            let scale = LossPlot.scale(names: [metric], values: series.flatMap(\.y))
            return LinePlot.image(LinePlot.Chart(title: "", yTitle: metric, series: series, scale: scale, showsLegend: false,
                                                 width: metrics.count == 1 ? 960 : 480, plotHeight: metrics.count == 1 ? 320 : 200))
        }
        let chartRows = stride(from: 0, to: panels.count, by: 2).map { Array(panels[$0..<min($0 + 2, panels.count)]) }
        let charts = chartRows.map { Self.besideEachOther($0, gutter: 0) }
        let grids = try runs.enumerated().compactMap { index, run in try lastSamples(run, name: names[index], colour: colour(index).rgb) }
        return Self.underEachOther([legend] + charts + (grids.isEmpty ? [] : [Self.besideEachOther(grids, gutter: 16)]))
    }

    /// The run's last sample grid with its name above it in its colour, or nil when it wrote no
    /// grid (its samples were loss curves, which the panels already show).
    func lastSamples(_ run: TrainingRun, name: String, colour: [UInt8]) throws -> Image? {
        guard let url = run.sampleFiles.last(where: { !$0.lastPathComponent.hasSuffix("-loss.png") }) else { return nil }
        let grid = try PNGFile.read(url.path).image.rgb()
        let caption = LinePlot.legendStrip([(name, colour)], title: "", width: grid.width)
        return Self.underEachOther([caption, grid])
    }

    /// Pictures in a row, top-aligned, on white.
    static func besideEachOther(_ parts: [Image], gutter: Int) -> Image {
        let width = parts.map(\.width).reduce(0, +) + gutter * max(parts.count - 1, 0)
        var result = Image(width: max(width, 1), height: max(parts.map(\.height).max() ?? 1, 1), channels: 3, fill: [255])
        var x = 0
        for part in parts {
            result.paste(part.rgb(), atX: x, y: 0)
            x += part.width + gutter
        }
        return result
    }

    /// Pictures in a column, left-aligned, on white.
    static func underEachOther(_ parts: [Image]) -> Image {
        var result = Image(width: max(parts.map(\.width).max() ?? 1, 1), height: max(parts.map(\.height).reduce(0, +), 1),
                           channels: 3, fill: [255])
        var y = 0
        for part in parts {
            result.paste(part.rgb(), atX: 0, y: y)
            y += part.height
        }
        return result
    }

    /// The PNG's Content label: which run is which colour, and what the picture holds.
    var contentLabel: String {
        let entries = zip(runs, runNames).enumerated().map { index, pair in
            "\(pair.0.filePrefix) = \(pair.1) (\(colour(index).name))"
        }
        return "comparison of \(runs[0].kind) runs: " + entries.joined(separator: "; ")
            + ". Top: each metric of every run against the step; bottom: each run's last sample grid"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
