import Foundation
import Imaging

/// `compare(run1, run2)`: a hyperparameter experiment read at a glance. Both runs' curves on the
/// same axes, their last sample grids side by side, and a table of how they differ and how they
/// ended, each run named by the settings that differ (`RunComparison`).
extension BuiltinRegistry {
    mutating func registerCompare() {
        register(Function("compare", [
            .positional("runs", "LossHistory", variadic: true, "2 to 4 runs of the same training built-in, e.g. compare(run1, run2)"),
            .labelled("name", "String", default: .string(""), "the PNG's file name without .png (default: compare- and the runs' names, such as compare-gan-vs-gan-2)"),
        ], returns: "Text", summary: "runs side by side: curves on shared axes, last samples, and a table of what differs") { arguments in
            try compare(arguments)
        }, category: .training, example: "compare(trainToyGAN(ToyGAN(), steps: 8, every: 4), trainToyGAN(ToyGAN(), steps: 8, every: 4, lr: 0.01))")
    }
}

private func compare(_ arguments: CallArguments) throws -> Value {
    let given = arguments.variadic
    guard (2...4).contains(given.count) else {
        throw LabError(.failure("compare: needs 2 to 4 runs, got \(given.count) — e.g. let run1 = trainToyGAN(ToyGAN()), "
                                + "let run2 = trainToyGAN(ToyGAN(), lr: 0.01), then compare(run1, run2)"),
                       at: given.first?.range)
    }
    let runs = try given.enumerated().map { index, argument -> TrainingRun in
        guard case .object(let run as TrainingRun) = argument.value else {
            throw LabError(.failure("compare: run \(index + 1) is \(argument.value.typeDescription), not a training run — "
                                    + "give what a training built-in returned, e.g. let run1 = trainToyGAN(ToyGAN())"),
                           at: argument.range)
        }
        return run
    }
    if let (index, odd) = runs.enumerated().first(where: { $0.element.kind != runs[0].kind }) {
        throw LabError(.failure("compare: run 1 came from \(runs[0].kind) but run \(index + 1) from \(odd.kind) — "
                                + "only runs of the same training built-in can share axes"),
                       at: given[index].range)
    }
    let comparison = RunComparison(runs: runs)
    let name = try arguments.string("name")
    // Named after every run it shows, so comparing run 1 with another run later writes a new picture.
    let defaultName = "compare-" + runs.map(\.filePrefix).joined(separator: "-vs-")
    let url = try arguments.context.prepareWrite(to: (name.isEmpty ? defaultName : name) + ".png")
    try arguments.context.writePicture(try comparison.image(), to: url,
                                       text: PNGFile.labels(extra: [("Content", comparison.contentLabel)]))
    return .text(comparison.table + "\npicture in \(url.path)")
}
