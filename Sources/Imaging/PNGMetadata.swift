import CPNG

/// Every text chunk of a PNG, compressed or not, for showing a learner what a file says about
/// itself (`inspect`). `PNGText` reads the uncompressed ones the lab writes; this also reads
/// the two compressed kinds other tools write:
/// - `zTXt`: `keyword \0 method(0) zlib-data`, Latin-1 text once inflated;
/// - `iTXt` with its compression flag set to 1: the UTF-8 text is zlib data.
///
/// A hostile file can hide a "zip bomb" there (a few kilobytes inflating to gigabytes), so
/// inflation stops at `maximumInflatedSize` and the file is refused with a sentence.
public enum PNGMetadata {
    /// One text chunk as read.
    public struct TextEntry: Equatable, Sendable {
        public var chunkType: String
        public var keyword: String
        public var compressed: Bool
        public var text: String
    }

    /// The most text one compressed chunk may inflate to (1 MiB; the lab writes a few hundred bytes).
    public static let maximumInflatedSize = 1 << 20

    /// The text chunks of `chunks`, in file order. Damaged text chunks are errors naming `path`.
    public static func textEntries(in chunks: [PNGChunks.Chunk], path: String) throws -> [TextEntry] {
        var entries: [TextEntry] = []
        for chunk in chunks where ["tEXt", "zTXt", "iTXt"].contains(chunk.type) {
            func damaged(_ reason: String) -> ImageFileError {
                .badMetadata(path: path, chunk: chunk.type, reason: reason)
            }
            guard let separator = chunk.data.firstIndex(of: 0), separator > 0 else {
                throw damaged("it has no keyword")
            }
            let keyword = latin1(chunk.data[..<separator])
            let rest = Array(chunk.data[(separator + 1)...])
            switch chunk.type {
            case "tEXt":
                entries.append(TextEntry(chunkType: "tEXt", keyword: keyword, compressed: false, text: latin1(rest[...])))
            case "zTXt":
                guard rest.first == 0 else { throw damaged("it uses an unknown compression method") }
                guard let inflated = inflate(Array(rest.dropFirst())) else { throw damaged(inflateProblem) }
                entries.append(TextEntry(chunkType: "zTXt", keyword: keyword, compressed: true, text: latin1(inflated[...])))
            default:
                // flag, method, language \0, translated keyword \0, text
                guard rest.count >= 2, rest[0] <= 1, rest[1] == 0 else { throw damaged("it has an unknown compression flag or method") }
                let fields = rest[2...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count == 3 else { throw damaged("it lacks its language or translated-keyword field") }
                let body = Array(fields[2])
                let compressed = rest[0] == 1
                guard let text = compressed ? inflate(body) : body else { throw damaged(inflateProblem) }
                entries.append(TextEntry(chunkType: "iTXt", keyword: keyword, compressed: compressed,
                                         text: String(decoding: text, as: UTF8.self)))
            }
        }
        return entries
    }

    private static let inflateProblem = "its compressed text is corrupt or inflates past 1 MiB"

    private static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// zlib-inflates `data`, or nil when it is corrupt, incomplete, or larger than the limit.
    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var input = data
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status = buffer.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return CPNG.inflate(&stream, Z_NO_FLUSH)
                }
                output += buffer[0..<(buffer.count - Int(stream.avail_out))]
                if output.count > maximumInflatedSize { return nil }
                if status == Z_STREAM_END { return output }
                // Z_BUF_ERROR with input left over cannot happen (we always give fresh output
                // space); with no input left it means the data ended early.
                guard status == Z_OK else { return nil }
                if stream.avail_in == 0 && stream.avail_out != 0 { return nil }
            }
        }
    }
}
