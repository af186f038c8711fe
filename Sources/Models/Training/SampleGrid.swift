import Faces
import Engine
import Foundation
import Imaging

/// The picture a trainer writes every `sampleEvery` steps: rows of faces from a FIXED input
/// (the same held-out faces, the same noise vectors z every time), so that the grids of
/// successive steps differ only because the model changed. Put side by side they show training
/// as a film.
public enum SampleGrid {
    /// Lays out `rows` (each `[N, 3, H, W]`, values in `range`) one above the other and writes them
    /// as `folder/<prefix>-step-000200.png`, labelled as synthetic with the model, seed and step.
    /// With `rowNames`, the grid is drawn for reading (see `LabelledGrid`): faces `scale`× larger
    /// (4 suits 32-pixel faces, 2 suits 64-pixel ones), each row named at its left, and "<prefix>
    /// step N" (or `title`) across the top; names and title go into the metadata too.
    @discardableResult
    public static func write(rows: [Tensor], range: ImageDataset.PixelRange = .zeroToOne, captions: [String]? = nil,
                      rowNames: [String]? = nil, title: String? = nil, scale: Int = 4, folder: URL, prefix: String, step: Int,
                      model: String, seed: UInt64, content: String) throws -> URL {
        let grid: Image
        var extra: [(key: String, value: String)] = [("Step", String(step)), ("Content", content)]
        if let rowNames {
            let caption = title ?? "\(prefix) step \(step)"
            grid = try LabelledGrid.make(rows: try rows.map { try Image.images(from: $0, range: range) }, rowNames: rowNames,
                                         title: caption, scale: scale)
            extra.append(("Rows", rowNames.joined(separator: "; ")))
            extra.append(("Title", caption))
        } else {
            let images = try rows.flatMap { try Image.images(from: $0, range: range) }
            grid = try ImageGrid.make(images, columns: max(1, rows.first?.shape.first ?? 1), captions: captions)
        }
        let url = folder.appendingPathComponent(fileName(prefix: prefix, step: step))
        try PNGFile.write(grid, to: url.path, text: PNGFile.labels(model: model, seed: seed, extra: extra))
        return url
    }

    /// Zero-padded, so the files list in training order.
    public static func fileName(prefix: String, step: Int) -> String {
        let digits = String(step)
        return "\(prefix)-step-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".png"
    }
}
