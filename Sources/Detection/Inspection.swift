import Foundation
import Imaging

/// What a PNG file says about where it came from, and how much each signal is worth.
///
/// Three kinds of evidence, each with its own failure:
/// 1. **Metadata** (text chunks, the XMP digital source type, a C2PA manifest): a declaration by
///    whoever wrote the file. Anyone can write it or delete it, and most platforms strip it on
///    upload. A C2PA manifest is signed, but this lab does not check signatures.
/// 2. **A watermark** in the pixels: survives some edits (brightness, noise, mild resizing) and
///    not others (cropping from the top-left, strong JPEG). Only whoever holds the key can look.
/// 3. **A detector's opinion**: a probability learned from the fakes it was trained on, not a
///    proof; it fails quietly on generators it has not seen.
/// Absence of any of them proves nothing: a real photo carries none, and neither does a fake
/// that went through a re-upload.
public struct InspectionReport: Sendable {
    public var path: String
    public var width: Int
    public var height: Int
    public var textEntries: [PNGMetadata.TextEntry]
    /// The IPTC digital source type URI from the XMP packet, if there is one.
    public var digitalSourceType: String?
    /// Whether a `caBX` chunk (where C2PA embeds its manifest store in PNG) is present.
    public var hasC2PAManifest: Bool
    /// The watermark check, when a key was given.
    public var watermark: (key: WatermarkKey, verdict: WatermarkVerdict)?
    /// A detector's probability that the picture is fake, and its name, when one was given.
    public var detectorProbability: Float?
    public var detectorName = "detector"

    /// The report as lines for the terminal: each finding, then what it can and cannot prove.
    public var lines: [String] {
        var result = ["\(path): \(width)×\(height) PNG"]
        let plain = textEntries.filter { $0.keyword != XMPPacket.keyword }
        if plain.isEmpty {
            result.append("  text chunks: none")
        } else {
            result.append("  text chunks: \(plain.count)")
            for entry in plain {
                let kind = entry.chunkType + (entry.compressed && entry.chunkType == "iTXt" ? " (compressed)" : "")
                let value = entry.text.count > 70 ? String(entry.text.prefix(67)) + "..." : entry.text
                result.append("    \(kind) \(entry.keyword): \(value.replacingOccurrences(of: "\n", with: " "))")
            }
        }
        let hasXMP = textEntries.contains { $0.keyword == XMPPacket.keyword }
        let source = digitalSourceType.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        result.append("  XMP digital source type: " + (source ?? (hasXMP ? "XMP present, no source type" : "none")))
        result.append("  C2PA manifest (caBX chunk): " + (hasC2PAManifest ? "present (signature not checked here)" : "none"))
        result.append("    metadata is a claim by whoever wrote the file: anyone can add or delete it, and most platforms strip it on upload.")
        if let (key, verdict) = watermark {
            result.append("  watermark, key \"\(key.name)\": \(verdict)")
            result.append("    a mark survives brightness, mild noise and resizing, not top-left crops or strong JPEG; no mark proves nothing.")
        }
        if let probability = detectorProbability {
            result.append("  \(detectorName): \(String(format: "%.0f", probability * 100)) % likely generated")
            result.append("    a detector's score is a probability learned from the fakes it saw, not proof; it fails on unseen generators.")
        }
        return result
    }
}

/// Reading a file's provenance signals and stripping them.
public enum Inspector {
    /// Inspects the PNG at `path`. Damaged, truncated, hostile or non-PNG files throw an
    /// `ImageFileError` whose description is one sentence.
    public static func inspect(_ path: String, key: WatermarkKey? = nil, detector: (any FakeDetector)? = nil) throws -> InspectionReport {
        let bytes = try PNGFile.readBytes(path)
        let (image, _) = try PNGCodec.decode(bytes, path: path)   // checks chunks, CRCs and pixels
        guard case .success(let chunks) = PNGChunks.parse(bytes) else {
            throw ImageFileError.undecodable(path: path, reason: "its chunks could not be read")
        }
        let entries = try PNGMetadata.textEntries(in: chunks, path: path)
        let xmp = entries.first { $0.keyword == XMPPacket.keyword }
        var report = InspectionReport(path: path, width: image.width, height: image.height, textEntries: entries,
                                      digitalSourceType: xmp.flatMap { XMPPacket.digitalSourceType(in: $0.text) },
                                      hasC2PAManifest: chunks.contains { $0.type == "caBX" })
        if let key, image.width >= BlockDCT.size, image.height >= BlockDCT.size {
            report.watermark = (key, try Watermark.verify(image, key: key))
        }
        if let detector {
            report.detectorProbability = try detector.probability(of: image)
            report.detectorName = detector.name
        }
        return report
    }

    /// Chunks kept by `strip`: the critical ones (the picture itself) and those that change how
    /// it looks (transparency, gamma, colour space). Everything else is metadata and goes.
    public static let keptChunks: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT"]

    /// Writes a copy of `path` to `outputPath` without its metadata (text, XMP, C2PA, EXIF,
    /// time stamps, private chunks), atomically, and returns the chunk types removed. The pixels
    /// are untouched, so a watermark survives; what a platform's re-encoding would also do to the
    /// pixels is `PictureEdit`'s business.
    @discardableResult
    public static func strip(_ path: String, to outputPath: String) throws -> [String] {
        let bytes = try PNGFile.readBytes(path)
        _ = try PNGCodec.decode(bytes, path: path)
        guard case .success(let chunks) = PNGChunks.parse(bytes) else {
            throw ImageFileError.undecodable(path: path, reason: "its chunks could not be read")
        }
        let kept = chunks.filter { keptChunks.contains($0.type) }
        try PNGFile.writeAtomically(PNGChunks.serialise(kept), to: outputPath)
        return chunks.filter { !keptChunks.contains($0.type) }.map(\.type)
    }
}
