import Engine
import Imaging

/// What `train` and `trainGAN` report: how training ended, sample grids, list arguments.

/// How training ended, in the learner's terms.
func endingLines(_ ending: Trainer.Ending, steps: Int, seconds: Double) -> [String] {
    let speed = seconds > 0 ? formatDecimal(Double(steps) / seconds, digits: 1) : "?"
    var lines: [String] = []
    switch ending {
    case .finished:
        lines.append("trained \(steps) steps in \(formatDecimal(seconds, digits: 1))s (\(speed) steps/s)")
    case .interrupted(let step):
        lines.append("interrupted after step \(step); the model keeps the weights it had then")
    case .stopped(let verdict, let rolledBackTo):
        lines.append("stopped: " + (verdict.explanation ?? "training went wrong"))
        lines.append("the weights were rolled back to step \(rolledBackTo), the last good state")
    }
    return lines
}

/// A grid of the model's first outputs, when they are images, written as `samples-step-000050.png`.
func writeSamples(_ outputs: Tensor, step: Int, context: SessionContext) throws {
    guard outputs.rank == 4, [1, 3].contains(outputs.shape[1]) else { return }
    let first = try outputs.sliced(axis: 0, 0..<min(16, outputs.shape[0]))
    let range: ImageDataset.PixelRange = (first.data.min() ?? 0) < -0.01 ? .minusOneToOne : .zeroToOne
    let images = try Image.images(from: first, range: range).map { $0.rgb() }
    let grid = try ImageGrid.make(images, columns: min(8, images.count)).rgb()
    let url = try context.prepareWrite(to: "samples-step-" + String(step).leftPadded(to: 6, with: "0") + ".png")
    try PNGFile.write(grid, to: url.path)
    context.onPicture?(Picture(width: grid.width, height: grid.height, pixels: grid.pixels, savedPath: url.path))
}

extension Value {
    /// A list of numbers, for arguments such as `betas: [0.5, 0.999]`.
    func numbers(_ arguments: CallArguments, _ name: String) throws -> [Double] {
        guard case .list(let elements) = self else { throw arguments.invalid(name, "must be a list of numbers") }
        return try elements.map { element in
            guard case .number(let number) = element else { throw arguments.invalid(name, "must be a list of numbers") }
            return number
        }
    }
}
