import Foundation
import Testing
import TestSupport
@testable import Engine
import SafeFiles

/// Files that lie: devices without an end, FIFOs that block, /proc files that report 0 bytes,
/// planted links, leftovers of a killed write. Each is refused with its exact reason, and the
/// one reader and one writer every loader uses (`BoundedFile`, `AtomicFile`) are tested here.
@Suite(.temporaryFolders) struct HostileFileTests {
    static let refusedPaths: [(String, FileAccessError)] = [
        ("/dev/zero", .notRegular(kind: "a device")),
        ("/dev/urandom", .notRegular(kind: "a device")),
        ("/proc/self/environ", .systemFile),
        ("/proc/version", .systemFile),
        ("/nonexistent/file", .missing),
        ("/", .folder),
    ]

    @Test(arguments: refusedPaths)
    func boundedReadRefuses(path: String, expected: FileAccessError) {
        #expect(throws: expected) { try BoundedFile.read(path, limit: 1 << 20) }
    }

    /// A FIFO has no writer: reading it would block forever, beyond Ctrl-C. It is refused at once,
    /// directly and through a symbolic link.
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let folder = try temporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.safetensors", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/pipe.safetensors")
        for path in [folder + "/pipe.safetensors", folder + "/link"] {
            #expect(throws: FileAccessError.notRegular(kind: "a FIFO (named pipe)")) { try BoundedFile.read(path, limit: 100) }
            #expect(throws: EngineError.checkpoint(path: path, reason: "it is a FIFO (named pipe), not a regular file")) {
                try SafeTensors.read(from: path)
            }
        }
    }

    @Test func checkpointFromDevicesAndProc() {
        #expect(throws: EngineError.checkpoint(path: "/dev/zero", reason: "it is a device, not a regular file")) {
            try SafeTensors.read(from: "/dev/zero")
        }
        #expect(throws: EngineError.checkpoint(path: "/proc/self/environ", reason: "it is a system file in /proc or /sys, not a data file")) {
            try SafeTensors.read(from: "/proc/self/environ")
        }
    }

    @Test func readStopsAtTheLimit() throws {
        let folder = try temporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(count: 1000).write(to: URL(fileURLWithPath: folder + "/big"))
        #expect(try BoundedFile.read(folder + "/big", limit: 1000).count == 1000)
        #expect(throws: FileAccessError.tooLarge(limit: 999)) { try BoundedFile.read(folder + "/big", limit: 999) }
        #expect(FileAccessError.tooLarge(limit: 256 << 20).reason == "it is larger than the limit of 256.0 MiB")
    }

    /// The temporary file's name cannot be guessed, so a link planted at the old predictable name
    /// is never followed; a link *as* the target is replaced, not written through.
    @Test func atomicWriteNeverFollowsLinks() throws {
        let folder = try temporaryFolder("hostile").path, outside = try temporaryFolder("hostile").path
        defer { for path in [folder, outside] { try? FileManager.default.removeItem(atPath: path) } }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/victim"))
        let planted = folder + "/.out.png.\(getpid()).tmp"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: outside + "/victim")
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.png", withDestinationPath: outside + "/victim")
        try AtomicFile.write(Array("new".utf8), to: folder + "/out.png")
        #expect(try String(contentsOfFile: outside + "/victim", encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: folder + "/out.png", encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: planted) == outside + "/victim")
    }

    /// Temporary files of a process that no longer exists (a run killed mid-write) are removed by
    /// the next write into the folder, whatever its name; a live process's are left alone.
    @Test func abandonedTemporariesAreRemoved() throws {
        let folder = try temporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deadProcess: Int32 = 2_000_000_000  // above Linux's pid_max: certainly not running
        for name in [".m.safetensors.\(deadProcess)-1a2b.tmp", ".m.safetensors.1-ffff.tmp", ".other.png.\(deadProcess)-1.tmp",
                     ".notes.\(deadProcess)-xyz.tmp"] {
            try Data().write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try AtomicFile.write([1, 2, 3], to: folder + "/m-2.safetensors")
        // Gone: the dead process's temporaries, of any name. Kept: pid 1's (alive) and a file
        // that only looks similar (its random part is not hexadecimal).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == [".m.safetensors.1-ffff.tmp", ".notes.\(deadProcess)-xyz.tmp", "m-2.safetensors"])
    }

    @Test func atomicWriteErrors() throws {
        let folder = try temporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: FileAccessError.system("no such file or directory")) { try AtomicFile.write([1], to: folder + "/missing/x") }
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        #expect(throws: FileAccessError.system("is a directory")) { try AtomicFile.write([1], to: folder + "/sub") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["sub"])
    }

    static let printable: [(String, String)] = [
        ("conv.weight", "conv.weight"),
        ("\u{1B}[2J\u{1B}[Herror: fake", "\\u{1B}[2J\\u{1B}[Herror: fake"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("del\u{7F} c1\u{9B} bidi\u{202E}", "del\\u{7F} c1\\u{9B} bidi\\u{202E}"),
        ("visage café 顔", "visage café 顔"),
        (String(repeating: "x", count: 300), String(repeating: "x", count: 200) + "…"),
    ]

    @Test(arguments: printable)
    func fileBorneTextIsEscaped(text: String, shown: String) {
        #expect(PrintableText.escaped(text) == shown)
    }
}
