import Engine
import Foundation
import Imaging

/// Reads a shipped dataset folder (sprite sheets + manifest.csv) into an `ImageDataset`.
public enum FaceDatasetLoader {
    /// Loads `folder` (for example "datasets-small/faces-32"); `roles` keeps only some rows
    /// of the pair sets (["A"] for person A alone). Every manifest column becomes an attribute.
    public static func load(_ folder: String, roles: Set<String>? = nil) throws -> ImageDataset {
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.csv")
        let (columns, rows) = FaceManifest.parse(String(decoding: try PNGFile.readBytes(manifestPath), as: UTF8.self))
        guard let sheetColumn = columns.firstIndex(of: "sheet"), let xColumn = columns.firstIndex(of: "x"),
              let yColumn = columns.firstIndex(of: "y"), let roleColumn = columns.firstIndex(of: "role") else {
            throw ImageFileError.undecodable(path: manifestPath, reason: "the manifest lacks the sheet, x, y and role columns")
        }
        if let short = rows.firstIndex(where: { $0.count != columns.count }) {
            throw ImageFileError.undecodable(path: manifestPath, reason: "row \(short + 1) has \(rows[short].count) fields, not \(columns.count)")
        }
        let kept = rows.filter { roles?.contains($0[roleColumn]) ?? true }
        var sheets: [String: Image] = [:]
        var pixels: [Float] = []
        var tileSize = 0
        for row in kept {
            let sheetName = row[sheetColumn]
            if sheets[sheetName] == nil {
                sheets[sheetName] = try PNGFile.read((folder as NSString).appendingPathComponent(sheetName)).image.rgb()
            }
            guard let sheet = sheets[sheetName], let x = Int(row[xColumn]), let y = Int(row[yColumn]) else {
                throw ImageFileError.undecodable(path: manifestPath, reason: "a row has a bad sheet position")
            }
            if tileSize == 0 { tileSize = sheet.width / SpriteSheet.columns }
            guard tileSize > 0, x >= 0, y >= 0, x + tileSize <= sheet.width, y + tileSize <= sheet.height else {
                throw ImageFileError.undecodable(path: manifestPath, reason: "tile (\(x), \(y)) lies outside \(sheetName)")
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
                throw ImageFileError.undecodable(path: folder, reason: "answer \(index) names no valid source picture")
            }
            answerIndices.append(index)
            inputIndices.append(source)
        }
        return (try everything.subset(inputIndices), try everything.subset(answerIndices))
    }
}
