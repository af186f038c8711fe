/// Text metadata in PNG files: the key/value labels every synthetic image carries.
///
/// PNG has two uncompressed text chunks:
/// - `tEXt`: `keyword \0 text`, both Latin-1. Old and universally read.
/// - `iTXt`: `keyword \0 compression-flag compression-method language \0 translated-keyword \0 text`,
///   with the text in UTF-8. Needed as soon as the text has a character outside Latin-1
///   (our "Synthetic" label contains an em dash).
/// We write `tEXt` when we can and `iTXt` when we must, and read both.
public enum PNGText {
    /// Builds the chunk for one key/value pair (keywords are 1-79 Latin-1 characters).
    public static func chunk(key: String, value: String) -> PNGChunks.Chunk {
        let keyword = Array(key.unicodeScalars.prefix(79).map { UInt8(truncatingIfNeeded: $0.value) })
        // XMP must be iTXt (XMP specification, part 3), even when it happens to be Latin-1.
        if key != XMPPacket.keyword, let latin1 = latin1Bytes(value) {
            return PNGChunks.Chunk(type: "tEXt", data: keyword + [0] + latin1)
        }
        // Not compressed (0, 0), no language tag, no translated keyword: three empty fields.
        return PNGChunks.Chunk(type: "iTXt", data: keyword + [0, 0, 0, 0, 0] + Array(value.utf8))
    }

    /// Reads every tEXt and uncompressed iTXt chunk as key/value pairs, in file order.
    public static func entries(in chunks: [PNGChunks.Chunk]) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for chunk in chunks {
            guard let separator = chunk.data.firstIndex(of: 0) else { continue }
            let key = String(decoding: chunk.data[..<separator], as: Unicode.ASCII.self)
            let rest = Array(chunk.data[(separator + 1)...])
            if chunk.type == "tEXt" {
                result.append((key, String(rest.map { Character(Unicode.Scalar($0)) })))
            } else if chunk.type == "iTXt", rest.count >= 2, rest[0] == 0 {
                // Skip compression flag and method, then the language tag and translated keyword.
                var fields = rest[2...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count == 3 else { continue }
                result.append((key, String(decoding: fields.removeLast(), as: UTF8.self)))
            }
        }
        return result
    }

    /// The value as Latin-1 bytes, or nil when some character is outside Latin-1.
    private static func latin1Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
