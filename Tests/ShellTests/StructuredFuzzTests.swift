import Engine
import Foundation
import Testing
@testable import Shell

/// Structured fuzzing: statements built from the language's grammar rather than random
/// fragments, aimed at the classes of failure an adversarial run found — deep nesting,
/// self-doubling values, layer outputs past the memory budget, and hostile files (a FIFO,
/// /dev/zero, /proc, crafted checkpoints and manifests, links out of the session folder).
/// After every statement the session must still hold its variables, and nothing may have been
/// written outside its folder. Four seeds × 800 statements (about 7,000 lines), plus 24 crafted files and folders.
struct StructuredFuzzTests {
    /// The hostile files, built once per test in a folder of their own; `outside` must stay empty.
    final class Fixtures {
        let root: URL
        var session: URL { root.appendingPathComponent("session") }
        var outside: URL { root.appendingPathComponent("outside") }
        var files: URL { root.appendingPathComponent("files") }
        private(set) var checkpoints: [String] = []
        private(set) var datasets: [String] = []

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("lab-fuzz-\(UUID().uuidString)")
            for folder in [session, outside, files] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try makeCheckpoints()
            try makeDatasets()
            // Links inside the session folder that lead out of it, one of them dangling.
            try FileManager.default.createSymbolicLink(at: session.appendingPathComponent("out"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(at: session.appendingPathComponent("gone"),
                                                       withDestinationURL: outside.appendingPathComponent("a/b"))
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        private func add(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: files.appendingPathComponent(name))
            checkpoints.append(files.appendingPathComponent(name).path)
        }

        private func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: files.appendingPathComponent(name).path, withDestinationPath: target)
            checkpoints.append(files.appendingPathComponent(name).path)
        }

        static func safetensors(header: String, data: [UInt8] = []) -> [UInt8] {
            let json = Array(header.utf8)
            return (0..<8).map { UInt8((json.count >> (8 * $0)) & 0xFF) } + json + data
        }

        private func makeCheckpoints() throws {
            let fifo = files.appendingPathComponent("fifo.safetensors").path
            #expect(mkfifo(fifo, 0o600) == 0)
            checkpoints.append(fifo)
            try link("zero.safetensors", to: "/dev/zero")
            try link("environ.safetensors", to: "/proc/self/environ")
            checkpoints += ["/dev/urandom", "/proc/version", files.path, files.appendingPathComponent("missing").path]
            var random = RandomGenerator(seed: 3)
            try add("noise.safetensors", (0..<4096).map { _ in UInt8(random.next() & 0xFF) })
            try add("huge-length.safetensors", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            try add("huge-shape.safetensors", Self.safetensors(header: #"{"0.weight":{"dtype":"F32","shape":[1000000,1000000],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]))
            try add("escape.safetensors", Self.safetensors(header: #"{"\u001b[2J\u001b[Herror: fake":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}"#))
            try add("many.safetensors", Self.safetensors(header: "{" + (0..<12_000).map { #""k\#($0)":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}"# }.joined(separator: ",") + "}"))
            try add("unexpected.safetensors", Self.safetensors(header: "{" + (0..<5_000).map { #""k\#($0)":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}"# }.joined(separator: ",") + "}"))
            try add("deep.safetensors", Self.safetensors(header: String(repeating: "[", count: 50_000)))
        }

        private func makeDatasets() throws {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("datasets-small/faces-64")
            let lines = try String(contentsOf: source.appendingPathComponent("manifest.csv"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            func dataset(_ name: String, manifest: String?, fifo: Bool = false, listed: Bool = true) throws {
                let folder = files.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent("sheet-00.png"), to: folder.appendingPathComponent("sheet-00.png"))
                if let manifest { try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.csv")) }
                if fifo { #expect(mkfifo(folder.appendingPathComponent("manifest.csv").path, 0o600) == 0) }
                if listed { datasets.append(folder.path) }
            }
            func row(_ index: Int, x: String) -> String {
                var fields = lines[index + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[2] = x
                return fields.joined(separator: ",")
            }
            try dataset("crlf", manifest: lines.prefix(9).joined(separator: "\r\n") + "\r\n")
            try dataset("intmax", manifest: lines[0] + "\n" + row(0, x: "9223372036854775807") + "\n")
            // Fifty thousand rows take a second to walk: used by the fixed statements, not drawn at random.
            try dataset("rows", manifest: lines[0] + "\n" + Array(repeating: lines[1], count: 50_000).joined(separator: "\n"), listed: false)
            try dataset("fifo", manifest: nil, fifo: true)
            try dataset("empty", manifest: "")
            try dataset("escape", manifest: lines[0] + "\n" + lines[1].replacingOccurrences(of: "sheet-00.png", with: "\u{1B}[2J") + "\n")
            datasets += ["/proc", "/dev"]
        }
    }

    /// Generates statements from the grammar, with sizes either tiny or absurd (nothing in between,
    /// so the fuzzer never legitimately allocates gigabytes).
    struct Generator {
        var random: RandomGenerator
        let fixtures: Fixtures

        mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        mutating func size() -> String { pick(["0", "1", "2", "3", "5", "64", "-1", "1099511627776", "2.5"]) }
        mutating func shape() -> String { "[" + (0..<Int(random.next() % 3 + 1)).map { _ in size() }.joined(separator: ", ") + "]" }
        mutating func number() -> String { pick(["0", "1", "-8", "1/3", "2e-4", "1e308", "-1e308", "1e30", "0.5", "64", "9.9"]) }

        mutating func tensor(depth: Int = 0) -> String {
            switch random.next() % 9 {
            case 0: return "zeros(\(shape()))"
            case 1: return "randn(\(shape()), std: \(number()))"
            case 2: return "ones([1, 1, \(pick(["2", "64", "700"])), \(pick(["2", "64", "700"]))])"
            case 3 where depth < 3: return "\(layer())(\(tensor(depth: depth + 1)))"
            case 4 where depth < 3: return "\(tensor(depth: depth + 1)).\(pick(["mean()", "sum()", "max()", "exp()", "log()", "flatten()", "transpose()", "reshape(\(shape()))"]))"
            case 5 where depth < 3: return "\(tensor(depth: depth + 1)) \(pick(["+", "-", "*", "/"])) \(pick([number(), tensor(depth: depth + 1)]))"
            case 6: return "t"
            default: return "tensor([[\(number()), \(number())], [\(number()), \(number())]])"
            }
        }

        mutating func layer() -> String {
            switch random.next() % 7 {
            case 0: return "Linear(\(pick(["2", "64", "100000", "40000"])), \(pick(["1", "2", "40000", "1099511627776"])))"
            case 1: return "Upsample(scale: \(pick(["2", "64", "1e30", "-1", "0.001", "1e-30"])))"
            case 2: return "Conv2d(\(size()), \(size()), kernel: \(pick(["1", "3", "9", "100000"])), padding: \(pick(["0", "1", "4", "100000"])))"
            case 3: return "ConvTranspose2d(1, \(size()), kernel: \(pick(["2", "4"])), stride: \(pick(["1", "2", "64"])))"
            case 4: return "Sequential(Flatten(), Linear(\(size()), \(size())))"
            case 5: return "MaxPool2d(\(size()))"
            default: return "m"
            }
        }

        mutating func quoted(_ path: String) -> String { "\"" + path + "\"" }

        mutating func statement() -> [String] {
            switch random.next() % 12 {
            case 0: return ["v = [v, v]"]                                  // self-doubling list
            case 1: return ["s = s + s"]                                   // self-doubling string
            case 2: return ["d = [d]"]                                     // nesting one line at a time
            case 3: return ["load(m, \(quoted(pick(fixtures.checkpoints))))"]
            case 4: return ["faces(\(quoted(pick(fixtures.datasets))), count: \(pick(["1", "4", "100000"])))"]
            case 5: return ["save(m, \(quoted(pick(["", "out/x.safetensors", "gone/x.safetensors", "sub/", ".", "..", "../x.safetensors", "ok.safetensors", "/tmp/x.safetensors"]))))"]
            case 6: return ["show(\(tensor()), name: \(quoted(pick(["out/p", "gone/p", "p", "", "../p"]))))"]
            case 7:                                                        // a long continuation
                return ["let c = ["] + Array(repeating: "1,", count: Int(random.next() % 3000)) + ["1]"]
            case 8: return [String(repeating: "[", count: Int(random.next() % 200)) + "1" + String(repeating: "]", count: Int(random.next() % 200))]
            case 9: return ["t = \(tensor())"]
            case 10: return ["v", "s", "d"].map { $0 }.shuffled(using: &random).prefix(1).map { $0 }
            default: return [tensor()]
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func grammarStatementsNeverCrashLeakOrEscape(seed: UInt64) throws {
        let fixtures = try Fixtures()
        let session = Session(outputFolder: fixtures.session)
        session.context.writePolicy = .insideOutputFolder
        transcript(session, ["let keep = 42", "var v = [1]", "var s = \"ab\"", "var d = [1]", "var t = zeros([2, 2])", "let m = Linear(2, 2)"])
        let rows = fixtures.files.appendingPathComponent("rows").path
        #expect(transcript(session, ["faces(\"\(rows)\", count: 100000)"]).hasPrefix("error: 50000 images would need 2.3 GiB, more than the 2.0 GiB"))
        #expect(transcript(session, ["faces(\"\(rows)\", count: 2).count"]).hasPrefix("error: ") == false)
        var generator = Generator(random: RandomGenerator(seed: seed), fixtures: fixtures)
        for _ in 0..<800 {
            for line in generator.statement() { _ = session.enter(line) }
            session.discardPendingInput()
        }
        #expect(transcript(session, ["keep", "m.weight.shape"]) == "42\n[2, 2]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixtures.outside.path) == [])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x.safetensors"))
    }
}
