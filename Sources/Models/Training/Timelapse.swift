import Foundation
import Imaging

/// A training run as a film: the sample grids of one run, which all show the same fixed inputs,
/// played in order as an animated GIF (`<prefix>-timelapse.gif`) and stacked top to bottom as
/// one PNG for printing (`<prefix>-timelapse.png`). Each grid carries its step in its title line,
/// so both read without the file names.
public enum Timelapse {
    /// Fewer grids than this make a slide show, not a film; no timelapse is written.
    public static let minimumFrames = 3

    /// Writes both files when `sampleFiles` holds at least `minimumFrames` grids of one size, and
    /// returns their URLs (none otherwise). Both are labelled as synthetic, like every grid.
    @discardableResult
    public static func write(_ sampleFiles: [URL], folder: URL, prefix: String) throws -> [URL] {
        guard sampleFiles.count >= minimumFrames else { return [] }
        let frames = try sampleFiles.map { try PNGFile.read($0.path).image.rgb() }
        guard let first = frames.first, frames.allSatisfy({ $0.width == first.width && $0.height == first.height }) else { return [] }
        let steps = sampleFiles.map { $0.deletingPathExtension().lastPathComponent.split(separator: "-").last.map(String.init) ?? "?" }
        let content = "timelapse of \(prefix): the sample grids of steps " + steps.map { String(Int($0) ?? 0) }.joined(separator: ", ")
        let gif = folder.appendingPathComponent("\(prefix)-timelapse.gif")
        try GIFFile.write(frames, to: gif.path, comment: "Synthetic: \(PNGFile.syntheticLabel). \(content).")
        var strip = Image(width: first.width, height: first.height * frames.count, channels: 3)
        for (index, frame) in frames.enumerated() { strip.paste(frame, atX: 0, y: index * first.height) }
        let png = folder.appendingPathComponent("\(prefix)-timelapse.png")
        try PNGFile.write(strip, to: png.path, text: PNGFile.labels(extra: [("Content", content + ", top to bottom")]))
        return [gif, png]
    }
}
