import Foundation

/// The safetensors file format (Hugging Face), read and written byte for byte as the Python
/// `safetensors` library does, so checkpoints move between the lab and PyTorch.
///
/// Layout:
///
///     ┌──────────────┬────────────────────────────────┬───────────────────────────────┐
///     │ 8 bytes      │ header: n bytes of JSON (UTF-8) │ data: every tensor's bytes,   │
///     │ n, UInt64 LE │ padded with spaces to 8 bytes   │ little-endian, back to back   │
///     └──────────────┴────────────────────────────────┴───────────────────────────────┘
///
///     {"__metadata__":{"software":"Deepfake Lab","version":"0.1.0"},
///      "0.bias":{"dtype":"F32","shape":[8],"data_offsets":[0,32]},
///      "0.weight":{"dtype":"F32","shape":[8,2],"data_offsets":[32,96]}}
///
/// `data_offsets` are [begin, end) byte offsets into the data section. Tensors are stored by
/// descending dtype (I64 before F32), then by name, as the Python library orders them.
///
/// Why this format and not a pickle: it holds only numbers and a JSON header, so loading a file
/// cannot run code — and because a file may come from anywhere, `decode` treats it as hostile:
/// every length, offset and shape is checked against the bytes actually present *before*
/// anything is allocated, and every problem is an `EngineError.checkpoint`, never a crash.
public enum SafeTensors {
    /// The largest header accepted (the Python library's limit too): a header claiming more is
    /// corrupt, and refusing it up front avoids a huge allocation.
    public static let maximumHeaderLength = 100_000_000
    /// The most tensors a file may list. The largest models in the lab have a few hundred; a
    /// header listing a million is hostile, and checking it against a model would take seconds.
    public static let maximumEntryCount = 10_000

    /// Element types the lab reads and writes. Values live in the engine as Float; I64 holds
    /// counters such as BatchNorm's `num_batches_tracked`.
    public enum DType: String, Sendable {
        case f32 = "F32", i64 = "I64"

        var byteCount: Int { self == .f32 ? 4 : 8 }
        /// The Python library stores larger alignments first; this is its order for our two types.
        var storageRank: Int { self == .i64 ? 0 : 1 }
    }

    /// The other dtype names the format defines, so an unsupported one gets a precise message.
    static let otherDTypes: Set<String> = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16",
                                           "BF16", "I32", "U32", "F64", "U64", "C64"]

    /// One named tensor of a file.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var dtype: DType
        public var shape: [Int]
        public var values: [Float]

        public init(name: String, dtype: DType = .f32, shape: [Int], values: [Float]) {
            self.name = name
            self.dtype = dtype
            self.shape = shape
            self.values = values
        }
    }

    // MARK: - Writing

    /// The bytes of a safetensors file holding `entries` and, if not empty, `metadata`.
    public static func encode(_ entries: [Entry], metadata: [String: String] = [:]) throws -> [UInt8] {
        var seen = Set<String>()
        for entry in entries {
            guard seen.insert(entry.name).inserted, entry.name != "__metadata__" else {
                throw EngineError.invalidArgument(op: "safetensors", message: "tensor name '\(entry.name)' is used twice or reserved")
            }
            guard entry.values.count == entry.shape.reduce(1, *) else {
                throw EngineError.invalidArgument(op: "safetensors", message:
                    "tensor '\(entry.name)' has \(entry.values.count) values for shape \(entry.shape)")
            }
        }
        // Names compare byte by byte (UTF-8), as Rust's string order does.
        let ordered = entries.sorted { a, b in
            a.dtype != b.dtype ? a.dtype.storageRank < b.dtype.storageRank
                : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(jsonString($0.value))" }
            fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for entry in ordered {
            let end = offset + entry.values.count * entry.dtype.byteCount
            let shape = entry.shape.map(String.init).joined(separator: ",")
            fields.append("\(jsonString(entry.name)):{\"dtype\":\"\(entry.dtype.rawValue)\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(fields.joined(separator: ","))}".utf8)
        // Pad with spaces so the data section starts 8-byte aligned, as the Python writer does.
        header += [UInt8](repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)

        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + header.count + offset)
        appendLittleEndian(UInt64(header.count), to: &bytes)
        bytes += header
        for entry in ordered {
            for value in entry.values {
                switch entry.dtype {
                case .f32: appendLittleEndian(value.bitPattern, to: &bytes)
                case .i64:
                    guard value.isFinite, Swift.abs(value) < 9.2e18 else {  // beyond Int64 would trap
                        throw EngineError.invalidArgument(op: "safetensors", message:
                            "tensor '\(entry.name)' is stored as I64 but holds \(value)")
                    }
                    appendLittleEndian(UInt64(bitPattern: Int64(value.rounded())), to: &bytes)
                }
            }
        }
        return bytes
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// A JSON string literal, escaped as serde_json (the Python library's writer) escapes it.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
