import Engine
import Foundation
import Imaging
import SafeFiles

/// Reads a shipped dataset folder (sprite sheets + manifest.csv) into an `ImageDataset`.
///
/// A folder may come from anywhere, so its manifest is treated as hostile: it is read with a
/// bound, walked one line at a time, every position is checked without overflowing, and the
/// number of images asked for and the memory budget are applied *before* pictures are loaded.
public enum FaceDatasetLoader {
    /// The largest manifest read (the shipped ones are a few MiB).
    public static let maximumManifestLength = 64 << 20

    /// Loads `folder` (for example "datasets-small/faces-32"); `roles` keeps only some rows
    /// of the pair sets (["A"] for person A alone); `split` keeps only rows whose `split` column
    /// says so ("test" for the held-out faces); `limit` keeps the first rows only. Every
    /// manifest column becomes an attribute.
    public static func load(_ folder: String, roles: Set<String>? = nil, split: String? = nil, limit: Int = .max) throws -> ImageDataset {
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.csv")
        func fail(_ reason: String) -> DatasetError { .manifest(path: manifestPath, reason: reason) }
        let text: String
        do {
            text = String(decoding: try BoundedFile.read(manifestPath, limit: maximumManifestLength), as: UTF8.self)
        } catch let error as FileAccessError {
            throw fail(error.reason)
        }

        var columns: [String] = []
        var kept: [[String]] = []
        var line = 0
        try FaceManifest.forEachLine(text) { fields in
            line += 1
            if line == 1 { columns = fields; return true }
            guard fields.count == columns.count else {
                throw fail("line \(line) has \(fields.count) fields, not \(columns.count)")
            }
            if let roleColumn = columns.firstIndex(of: "role"), let roles, !roles.contains(fields[roleColumn]) { return true }
            if let split {
                guard let splitColumn = columns.firstIndex(of: "split") else { throw fail("it has no split column, so it has no held-out faces") }
                if fields[splitColumn] != split { return true }
            }
            kept.append(fields)
            return kept.count < limit
        }
        guard let sheetColumn = columns.firstIndex(of: "sheet"), let xColumn = columns.firstIndex(of: "x"),
              let yColumn = columns.firstIndex(of: "y"), columns.contains("role") else {
            throw fail("it lacks the sheet, x, y and role columns")
        }

        var sheets: [String: Image] = [:]
        var pixels: [Float] = []
        var tileSize = 0
        for row in kept {
            let sheetName = row[sheetColumn]
            guard !sheetName.isEmpty, !sheetName.contains("/"), !sheetName.hasPrefix("."),
                  PrintableText.escaped(sheetName) == sheetName else {
                throw fail("sheet '\(PrintableText.escaped(sheetName, limit: 60))' is not a file name in the dataset's folder")
            }
            if sheets[sheetName] == nil {
                sheets[sheetName] = try PNGFile.read((folder as NSString).appendingPathComponent(sheetName)).image.rgb()
            }
            guard let sheet = sheets[sheetName], let x = Int(row[xColumn]), let y = Int(row[yColumn]) else {
                throw fail("a row has a bad sheet position")
            }
            if tileSize == 0 {
                tileSize = sheet.width / SpriteSheet.columns
                // Every image is one tile: the whole set's size is known before any is copied.
                try MemoryBudget.check(float32Elements: [kept.count, 3, tileSize, tileSize], what: "\(kept.count) images")
                pixels.reserveCapacity(kept.count * 3 * tileSize * tileSize)
            }
            // Compared without adding, so a position near Int.max cannot overflow.
            guard tileSize > 0, x >= 0, y >= 0, x <= sheet.width - tileSize, y <= sheet.height - tileSize else {
                throw fail("tile (\(x), \(y)) lies outside \(PrintableText.escaped(sheetName, limit: 60))")
            }
            pixels += sheet.cropped(x: x, y: y, width: tileSize, height: tileSize).planarFloats()
        }
        return try ImageDataset(channels: 3, height: tileSize, width: tileSize, pixels: pixels,
                                attributeNames: columns, attributeRows: kept)
    }
}

extension FaceDatasetLoader {
    /// The face-swap exam of a pair set: the held-out pictures of `from` (the swap's inputs)
    /// and, image for image, the true answers (`to` in exactly the same moment). Swap each
    /// input, then score the results against the answers with `ImageQuality.psnr` and `ssim`.
    public static func swapExam(_ folder: String, from: String = "A", to: String = "B") throws -> (inputs: ImageDataset, answers: ImageDataset) {
        let everything = try load(folder)
        let answerRole = "\(to)-as-\(from)"
        var inputIndices: [Int] = [], answerIndices: [Int] = []
        for index in 0..<everything.count where everything.attribute("role", of: index) == answerRole {
            guard let source = everything.attribute("source", of: index).flatMap(Int.init), source >= 0, source < everything.count else {
                throw DatasetError.manifest(path: folder, reason: "answer \(index) names no valid source picture")
            }
            answerIndices.append(index)
            inputIndices.append(source)
        }
        return (try everything.subset(inputIndices), try everything.subset(answerIndices))
    }
}
