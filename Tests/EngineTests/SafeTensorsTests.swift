import Foundation
import Testing
import TestSupport
@testable import Engine

/// The safetensors format: exact bytes as the Python library writes them, round trips, and a
/// table of corrupt and hostile files, each with the exact error a learner would see.
@Suite(.temporaryFolders) struct SafeTensorsTests {
    /// A small file spelled out byte by byte. The Python library writes the identical bytes:
    ///
    ///     from safetensors.numpy import save
    ///     save({"bias": np.array([1.0, -2.0], dtype=np.float32),
    ///           "bn.num_batches_tracked": np.array(3, dtype=np.int64)},
    ///          metadata={"software": "Deepfake Lab"})
    @Test func exactByteLayout() throws {
        let header = #"{"__metadata__":{"software":"Deepfake Lab"},"#
            + #""bn.num_batches_tracked":{"dtype":"I64","shape":[],"data_offsets":[0,8]},"#
            + #""bias":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}"#
            + "  "  // two spaces pad the 174-byte header to 176, a multiple of 8
        var expected: [UInt8] = [0xB0, 0, 0, 0, 0, 0, 0, 0]  // 176, little-endian UInt64
        expected += Array(header.utf8)
        expected += [3, 0, 0, 0, 0, 0, 0, 0]                  // I64 3 (I64 is stored before F32)
        expected += [0x00, 0x00, 0x80, 0x3F]                  // F32 1.0  = 0x3F800000
        expected += [0x00, 0x00, 0x00, 0xC0]                  // F32 -2.0 = 0xC0000000
        let bytes = try SafeTensors.encode([
            SafeTensors.Entry(name: "bias", shape: [2], values: [1, -2]),
            SafeTensors.Entry(name: "bn.num_batches_tracked", dtype: .i64, shape: [], values: [3]),
        ], metadata: ["software": "Deepfake Lab"])
        #expect(bytes == expected)
        #expect(expected.count == 200)
    }

    @Test func roundTrip() throws {
        let entries = [
            SafeTensors.Entry(name: "encoder.0.weight", shape: [3, 2], values: [0.5, -1, .pi, 1e-30, -0, 7]),
            SafeTensors.Entry(name: "a \"quoted\" \\ name é", shape: [1], values: [42]),
            SafeTensors.Entry(name: "empty", shape: [0, 4], values: []),
            SafeTensors.Entry(name: "count", dtype: .i64, shape: [], values: [123_456]),
        ]
        let metadata = ["software": "Deepfake Lab", "note": "line\nbreak\t\u{1}"]
        let decoded = try SafeTensors.decode(try SafeTensors.encode(entries, metadata: metadata), path: "memory")
        #expect(decoded.metadata == metadata)
        #expect(Set(decoded.entries.map(\.name)) == Set(entries.map(\.name)))
        for entry in entries {
            let found = decoded.entries.first { $0.name == entry.name }
            #expect(found == entry, "\(entry.name)")
        }
    }

    /// Builds a file from a header text and data bytes, with the correct length prefix.
    static func file(_ header: String, data: [UInt8] = []) -> [UInt8] {
        let headerBytes = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian, Array.init) + headerBytes + data
    }

    static let f32Pair = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#

    static let corruptFiles: [(String, [UInt8], String)] = [
        ("empty", [], "the file has 0 bytes, fewer than the 8 that give the header length (truncated?)"),
        ("five bytes", [1, 2, 3, 4, 5], "the file has 5 bytes, fewer than the 8 that give the header length (truncated?)"),
        ("terabyte header", [0, 0, 0, 0, 0, 1, 0, 0] + Array("{}".utf8),
         "the header claims 1099511627776 bytes, more than the 100000000-byte limit (corrupt, or not a safetensors file)"),
        ("header past end", [200, 0, 0, 0, 0, 0, 0, 0] + Array("{}".utf8),
         "the header claims 200 bytes but only 2 follow the length (truncated, or not a safetensors file)"),
        ("non-UTF-8", file("{}") .prefix(8) + [0xFF, 0xFE], "the header is not valid UTF-8 text"),
        ("bad JSON", file("{\"a\": nope}"), "the header is not valid JSON"),
        ("not an object", file("[1, 2]"), "the header is not a JSON object"),
        ("deeply nested", file(String(repeating: "[", count: 100_000)), "the header is not valid JSON"),
        ("metadata", file(#"{"__metadata__":{"epoch":3}}"#), "__metadata__ must map strings to strings"),
        ("missing field", file(#"{"a":{"dtype":"F32","shape":[2]}}"#),
         "tensor 'a' needs \"dtype\" (a string), \"shape\" (a list of integers) and \"data_offsets\" (two integers)"),
        ("fractional shape", file(#"{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#),
         "tensor 'a' needs \"dtype\" (a string), \"shape\" (a list of integers) and \"data_offsets\" (two integers)"),
        ("unknown dtype", file(#"{"a":{"dtype":"Q7","shape":[2],"data_offsets":[0,8]}}"#, data: [UInt8](repeating: 0, count: 8)),
         "tensor 'a' has unknown dtype 'Q7'"),
        ("unsupported dtype", file(#"{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
         "tensor 'a' has dtype F16, which the lab does not read (save it as F32)"),
        ("negative size", file(#"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#),
         "tensor 'a' has a negative size in shape [-2] or reversed offsets [0, 8]"),
        ("terabyte tensor", file(#"{"a":{"dtype":"F32","shape":[1000000,1000000],"data_offsets":[0,8]}}"#),
         "tensor 'a' has shape [1000000, 1000000], too large to load"),
        ("wrong byte count", file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
         "tensor 'a' of shape [2] and dtype F32 needs 8 bytes but its data_offsets [0, 4] span 4"),
        ("outside the data", file(f32Pair, data: [0, 0, 0, 0]),
         "tensor 'a' lies at bytes 0..<8, outside the 4-byte data section (truncated?)"),
        ("overlap", file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
                         data: [UInt8](repeating: 0, count: 12)),
         "tensor 'b' at bytes 4..<12 overlaps the tensor before it"),
        ("gap", file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
                     data: [UInt8](repeating: 0, count: 12)),
         "the data section has unused bytes 4..<8 before tensor 'b'"),
        ("trailing bytes", file(f32Pair, data: [UInt8](repeating: 0, count: 12)),
         "the data section has 12 bytes but the tensors use 8"),
        ("escape sequence in a name", file(#"{"\u001b[2Jx":{"dtype":"Q7","shape":[],"data_offsets":[0,0]}}"#),
         "tensor '\\u{1B}[2Jx' has unknown dtype 'Q7'"),
        ("megabyte name", file("{\"" + String(repeating: "n", count: 1_000_000) + #"":{"dtype":"Q7","shape":[],"data_offsets":[0,0]}}"#),
         "tensor '" + String(repeating: "n", count: 60) + "…' has unknown dtype 'Q7'"),
        ("twenty thousand entries", file("{" + (0..<20_000).map { #""t\#($0)":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}"# }
            .joined(separator: ",") + "}"),
         "the header lists 20000 entries, more than the limit of 10000 tensors (corrupt, or not a model checkpoint)"),
    ]

    /// Each case twice: decoding bytes in memory, and reading a file (which reads the length, the
    /// header and the data separately, each after validating its size).
    @Test(arguments: corruptFiles)
    func corruptFileGivesClearError(name: String, bytes: [UInt8], reason: String) throws {
        let error = #expect(throws: EngineError.self, "\(name)") { try SafeTensors.decode(bytes, path: "bad.safetensors") }
        #expect(error == .checkpoint(path: "bad.safetensors", reason: reason), "\(name)")

        let folder = try temporaryFolder("safetensors").path
        let path = folder + "/bad.safetensors"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fileError = #expect(throws: EngineError.self, "\(name)") { try SafeTensors.read(from: path) }
        #expect(fileError == .checkpoint(path: path, reason: reason), "\(name) (file)")
    }

    /// Every prefix of a valid file (a download cut short) is refused with an error, never a crash,
    /// and the error says which of the three parts (length, header, data) was cut.
    @Test func everyTruncationIsRefused() throws {
        let bytes = try SafeTensors.encode([SafeTensors.Entry(name: "w", shape: [2, 2], values: [1, 2, 3, 4])])
        #expect(bytes.count == 8 + 64 + 16, "the length, a 64-byte header, four floats")
        for length in 0..<bytes.count {
            let reason = switch length {
            case 0..<8: "the file has \(length) bytes, fewer than the 8 that give the header length (truncated?)"
            case 8..<72: "the header claims 64 bytes but only \(length - 8) follow the length (truncated, or not a safetensors file)"
            default: "tensor 'w' lies at bytes 0..<16, outside the \(length - 72)-byte data section (truncated?)"
            }
            expectError("checkpoint 'cut': \(reason)") { try SafeTensors.decode(Array(bytes.prefix(length)), path: "cut") }
        }
        #expect(try SafeTensors.decode(bytes, path: "whole").entries.count == 1)
    }

    @Test func fileErrors() throws {
        let folder = try temporaryFolder("safetensors").path
        #expect(throws: EngineError.checkpoint(path: folder + "/none.safetensors", reason: "no such file")) {
            try SafeTensors.read(from: folder + "/none.safetensors")
        }
        #expect(throws: EngineError.checkpoint(path: folder, reason: "is a folder, not a checkpoint file")) {
            try SafeTensors.read(from: folder)
        }
        expectError("checkpoint '\(folder)/missing/x.safetensors': cannot write: no such file or directory") {
            try SafeTensors.write([], to: folder + "/missing/x.safetensors")
        }
    }
}
