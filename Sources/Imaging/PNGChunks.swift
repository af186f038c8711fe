/// The chunk layer of the PNG format, which libpng's simplified API hides from us.
///
/// A PNG file is an 8-byte signature followed by chunks. Each chunk is:
///
///     length (4 bytes, big-endian) | type (4 ASCII letters) | data (length bytes) | CRC-32 (4 bytes)
///
/// The CRC covers the type and the data. IHDR (the header) comes first, IEND last. We walk
/// the chunks ourselves for two reasons: to splice in text chunks (the simplified API cannot
/// write them) and to tell a truncated file from a damaged one before libpng sees it.
/// Specification: https://www.w3.org/TR/png/#5Chunk-layout
public enum PNGChunks {
    /// The 8 bytes every PNG file starts with: \x89 P N G \r \n \x1a \n.
    /// (The \r\n and \x1a catch files mangled by text-mode transfers.)
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One chunk: its 4-letter type and where its data lies in the file.
    public struct Chunk: Equatable {
        public var type: String
        public var data: [UInt8]

        public init(type: String, data: [UInt8]) {
            self.type = type
            self.data = data
        }
    }

    /// Why a byte string is not a well-formed chunk list.
    public enum Problem: Error, Equatable {
        case empty, notPNG, truncated
        case badChecksum(chunk: String)
    }

    /// Splits a file into chunks, checking every CRC and that the file ends with IEND.
    public static func parse(_ bytes: [UInt8]) -> Result<[Chunk], Problem> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count < 8 || Array(bytes[0..<8]) != signature {
            // A short prefix of the signature is a truncated PNG, anything else is another format.
            return bytes.count < 8 && Array(signature[0..<bytes.count]) == bytes ? .failure(.truncated) : .failure(.notPNG)
        }
        var chunks: [Chunk] = []
        var offset = 8
        while true {
            guard offset + 8 <= bytes.count else { return .failure(.truncated) }
            let length = Int(readUInt32(bytes, at: offset))
            let typeBytes = Array(bytes[(offset + 4)..<(offset + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count - offset - 12 else { return .failure(.truncated) }
            let dataStart = offset + 8
            let data = Array(bytes[dataStart..<(dataStart + length)])
            let storedCRC = readUInt32(bytes, at: dataStart + length)
            guard crc32(typeBytes + data) == storedCRC else { return .failure(.badChecksum(chunk: type)) }
            chunks.append(Chunk(type: type, data: data))
            offset = dataStart + length + 4
            if type == "IEND" { return .success(chunks) }
        }
    }

    /// Serialises chunks back into a file (signature, then each chunk with a fresh CRC).
    public static func serialise(_ chunks: [Chunk]) -> [UInt8] {
        var out = signature
        for chunk in chunks {
            let typeBytes = Array(chunk.type.utf8)
            appendUInt32(&out, UInt32(chunk.data.count))
            out += typeBytes
            out += chunk.data
            appendUInt32(&out, crc32(typeBytes + chunk.data))
        }
        return out
    }

    /// Inserts chunks right after IHDR, where readers look for metadata first.
    public static func insertAfterHeader(_ newChunks: [Chunk], into chunks: [Chunk]) -> [Chunk] {
        guard let header = chunks.firstIndex(where: { $0.type == "IHDR" }) else { return chunks }
        var result = chunks
        result.insert(contentsOf: newChunks, at: header + 1)
        return result
    }

    // MARK: CRC-32

    /// CRC-32 as PNG (and zip, and Ethernet) define it: polynomial 0xEDB88320 (reflected), start
    /// with all ones, invert at the end. The table holds the CRC of every possible byte.
    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    // MARK: Big-endian integers (PNG stores every number most-significant byte first)

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (UInt32(bytes[offset]) << 24) | (UInt32(bytes[offset + 1]) << 16)
            | (UInt32(bytes[offset + 2]) << 8) | UInt32(bytes[offset + 3])
    }

    static func appendUInt32(_ bytes: inout [UInt8], _ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
