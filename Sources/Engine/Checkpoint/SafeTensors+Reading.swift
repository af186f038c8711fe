import Foundation
import SafeFiles

/// Reading safetensors: every field of a possibly hostile file is validated, in the order that
/// keeps memory bounded — the header length against the cap and the file size before the header
/// is read; every shape, dtype and offset against the data actually present before any tensor
/// is allocated. Offsets must tile the data section exactly (no overlap, no gap, no trailing
/// bytes), as the Python library requires.
extension SafeTensors {
    /// The tensors and metadata of a file, in the file's order.
    public struct Contents: Sendable {
        public var entries: [Entry]
        public var metadata: [String: String]
    }

    /// Decodes the bytes of a whole file; `path` is only used to name the file in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Contents {
        let layout = try readLayout(bytes, fileSize: bytes.count, path: path)
        return contents(of: layout, data: bytes[(8 + layout.headerLength)...])
    }

    /// What the header says, proven consistent with a file of `fileSize` bytes: where each
    /// tensor lies in the data section, and the metadata.
    struct Layout {
        var headerLength: Int
        var metadata: [String: String]
        var tensors: [(name: String, dtype: DType, shape: [Int], begin: Int, end: Int)]
    }

    /// Validates the header of a file of `fileSize` bytes. `prefix` holds the file's first bytes:
    /// at least the 8-byte length and, once that length is proven sane, the header itself. Nothing
    /// here allocates more than the (capped, size-checked) header.
    static func readLayout(_ prefix: [UInt8], fileSize: Int, path: String) throws -> Layout {
        func fail(_ reason: String) -> EngineError { .checkpoint(path: path, reason: reason) }
        // Names come from the file: escaped and shortened before they reach a message.
        func shown(_ name: String) -> String { PrintableText.escaped(name, limit: 60) }

        guard fileSize >= 8, prefix.count >= 8 else {
            throw fail("the file has \(fileSize) bytes, fewer than the 8 that give the header length (truncated?)")
        }
        let claimed = headerLength(prefix)
        guard claimed <= UInt64(maximumHeaderLength) else {
            throw fail("the header claims \(claimed) bytes, more than the \(maximumHeaderLength)-byte limit "
                + "(corrupt, or not a safetensors file)")
        }
        let headerLength = Int(claimed)
        guard headerLength <= fileSize - 8, headerLength <= prefix.count - 8 else {
            throw fail("the header claims \(headerLength) bytes but only \(fileSize - 8) follow the length "
                + "(truncated, or not a safetensors file)")
        }
        guard let headerText = String(validating: prefix[8..<(8 + headerLength)], as: UTF8.self) else {
            throw fail("the header is not valid UTF-8 text")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(headerText.utf8))
        } catch {
            throw fail("the header is not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw fail("the header is not a JSON object") }
        guard header.count <= maximumEntryCount + 1 else {  // + 1: __metadata__
            throw fail("the header lists \(header.count) entries, more than the limit of \(maximumEntryCount) tensors "
                + "(corrupt, or not a model checkpoint)")
        }

        // Parse every entry's description first; no tensor data is touched yet.
        var metadata: [String: String] = [:]
        var described: [(name: String, dtype: DType, shape: [Int], begin: Int, end: Int)] = []
        for (name, value) in header.sorted(by: { $0.key < $1.key }) {  // sorted: the same error every time
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw fail("__metadata__ must map strings to strings")
                }
                metadata = strings
                continue
            }
            guard let fields = value as? [String: Any], let dtypeName = fields["dtype"] as? String,
                  let shape = integers(fields["shape"]), let offsets = integers(fields["data_offsets"]),
                  offsets.count == 2 else {
                throw fail("tensor '\(shown(name))' needs \"dtype\" (a string), \"shape\" (a list of integers) "
                    + "and \"data_offsets\" (two integers)")
            }
            guard let dtype = DType(rawValue: dtypeName) else {
                throw fail(otherDTypes.contains(dtypeName)
                    ? "tensor '\(shown(name))' has dtype \(dtypeName), which the lab does not read (save it as F32)"
                    : "tensor '\(shown(name))' has unknown dtype '\(shown(dtypeName))'")
            }
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("tensor '\(shown(name))' has a negative size in shape \(shape) or reversed offsets \(offsets)")
            }
            let count: Int
            do { count = try Shape.elementCount(shape) } catch {
                throw fail("tensor '\(shown(name))' has shape \(shape), too large to load")
            }
            let expectedBytes = count * dtype.byteCount
            guard offsets[1] - offsets[0] == expectedBytes else {
                throw fail("tensor '\(shown(name))' of shape \(shape) and dtype \(dtype.rawValue) needs \(expectedBytes) bytes "
                    + "but its data_offsets \(offsets) span \(offsets[1] - offsets[0])")
            }
            described.append((name, dtype, shape, offsets[0], offsets[1]))
        }

        // The offsets must tile the data section: sorted by start, each begins where the last ended.
        let dataLength = fileSize - 8 - headerLength
        described.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var position = 0
        for tensor in described {
            guard tensor.end <= dataLength else {
                throw fail("tensor '\(shown(tensor.name))' lies at bytes \(tensor.begin)..<\(tensor.end), outside the "
                    + "\(dataLength)-byte data section (truncated?)")
            }
            guard tensor.begin == position else {
                throw fail(tensor.begin < position
                    ? "tensor '\(shown(tensor.name))' at bytes \(tensor.begin)..<\(tensor.end) overlaps the tensor before it"
                    : "the data section has unused bytes \(position)..<\(tensor.begin) before tensor '\(shown(tensor.name))'")
            }
            position = tensor.end
        }
        guard position == dataLength else {
            throw fail("the data section has \(dataLength) bytes but the tensors use \(position)")
        }
        return Layout(headerLength: headerLength, metadata: metadata, tensors: described)
    }

    /// The header length stored little-endian in a file's first 8 bytes.
    static func headerLength(_ prefix: [UInt8]) -> UInt64 {
        prefix[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The tensors, read from a data section whose size `layout` has proven.
    static func contents(of layout: Layout, data: ArraySlice<UInt8>) -> Contents {
        let entries = layout.tensors.map { tensor in
            Entry(name: tensor.name, dtype: tensor.dtype, shape: tensor.shape,
                  values: values(data, from: tensor.begin, to: tensor.end, dtype: tensor.dtype))
        }
        return Contents(entries: entries, metadata: layout.metadata)
    }

    /// A JSON list of integers, rejecting fractions and numbers too large to be a real size
    /// (anything past 2⁵³ cannot match the bytes of a real file anyway).
    private static func integers(_ value: Any?) -> [Int]? {
        guard let list = value as? [Any] else { return nil }
        var result: [Int] = []
        for item in list {
            guard let number = (item as? NSNumber)?.doubleValue, number.rounded() == number,
                  Swift.abs(number) <= 9_007_199_254_740_992 else { return nil }
            result.append(Int(number))
        }
        return result
    }

    /// Little-endian values converted to Float (I64 counters are small, so exact).
    private static func values(_ data: ArraySlice<UInt8>, from begin: Int, to end: Int, dtype: DType) -> [Float] {
        data.withUnsafeBytes { raw in
            let region = UnsafeRawBufferPointer(rebasing: raw[begin..<end])
            switch dtype {
            case .f32:
                return (0..<(region.count / 4)).map {
                    Float(bitPattern: UInt32(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
                }
            case .i64:
                return (0..<(region.count / 8)).map {
                    Float(Int64(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)))
                }
            }
        }
    }
}
