import Foundation
import Imaging
import SafeFiles
import Testing
import TestSupport
import Faces

/// Dataset folders that lie: manifests with absurd positions, a million rows, Windows line ends,
/// sheet names that leave the folder. Each loads correctly or is refused with the manifest's own
/// error (never libpng's), before any picture is loaded.
@Suite(.temporaryFolders) struct HostileDatasetTests {
    static let source = (CommittedDatasetTests.datasetsFolder as NSString).appendingPathComponent("faces-64")

    /// A folder with faces-64's sheet and a manifest made of its header and `rows`, joined by `lineEnd`.
    static func folder(rows: [String], lineEnd: String = "\n") throws -> String {
        let folder = try temporaryFolder("manifest").path
        try FileManager.default.copyItem(atPath: source + "/sheet-00.png", toPath: folder + "/sheet-00.png")
        let text = ([header] + rows).joined(separator: lineEnd) + lineEnd
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/manifest.csv"))
        return folder
    }

    static let lines: [String] = {
        (try? String(contentsOfFile: source + "/manifest.csv", encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
    }()
    static var header: String { lines[0] }
    /// Row `index` of faces-64 with its `x` field replaced.
    static func row(_ index: Int, x: String? = nil) -> String {
        var fields = lines[index + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if let x { fields[2] = x }
        return fields.joined(separator: ",")
    }

    @Test func windowsLineEndsReadLikeUnix() throws {
        let unix = try Self.folder(rows: (0..<4).map { Self.row($0) })
        let windows = try Self.folder(rows: (0..<4).map { Self.row($0) }, lineEnd: "\r\n")
        defer { for path in [unix, windows] { try? FileManager.default.removeItem(atPath: path) } }
        let expected = try FaceDatasetLoader.load(unix)
        let loaded = try FaceDatasetLoader.load(windows)
        #expect(loaded.count == 4)
        #expect(loaded.pixels == expected.pixels && loaded.attributeRows == expected.attributeRows)
    }

    static let refusals: [(String, [String], String)] = [
        ("x near Int.max", [row(0, x: "9223372036854775807")], "tile (9223372036854775807, 0) lies outside sheet-00.png"),
        ("negative x", [row(0, x: "-64")], "tile (-64, 0) lies outside sheet-00.png"),
        ("x not a number", [row(0, x: "1e3")], "a row has a bad sheet position"),
        ("short row", [row(0), "0,sheet-00.png"], "line 3 has 2 fields, not \(header.split(separator: ",").count)"),
        ("sheet outside the folder", [row(0).replacingOccurrences(of: "sheet-00.png", with: "../../etc/passwd")],
         "sheet '../../etc/passwd' is not a file name in the dataset's folder"),
        ("escape in a sheet name", [row(0).replacingOccurrences(of: "sheet-00.png", with: "\u{1B}[2J")],
         "sheet '\\u{1B}[2J' is not a file name in the dataset's folder"),
    ]

    @Test(arguments: refusals)
    func malformedManifestIsRefused(name: String, rows: [String], reason: String) throws {
        let folder = try Self.folder(rows: rows)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: DatasetError.manifest(path: folder + "/manifest.csv", reason: reason), "\(name)") {
            try FaceDatasetLoader.load(folder)
        }
    }

    /// Fifty thousand rows: asking for four reads four; asking for all is refused by the memory
    /// budget before a single tile is copied (they would take 2.3 GiB).
    @Test func limitAndBudgetApplyBeforeLoading() throws {
        let folder = try Self.folder(rows: Array(repeating: Self.row(0), count: 50_000))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try FaceDatasetLoader.load(folder, limit: 4).count == 4)
        let error = #expect(throws: (any Error).self) { try FaceDatasetLoader.load(folder) }
        #expect("\(error.map { "\($0)" } ?? "")" == "50000 images would need 2.3 GiB, "
                + "more than the 2.0 GiB a single value may use — use smaller sizes")
    }

    @Test func manifestThatIsNotAFileIsRefused() throws {
        let folder = try temporaryFolder("fifo").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/manifest.csv", 0o600) == 0)
        #expect(throws: DatasetError.manifest(path: folder + "/manifest.csv", reason: "it is a FIFO (named pipe), not a regular file")) {
            try FaceDatasetLoader.load(folder)
        }
        #expect(DatasetError.manifest(path: "m.csv", reason: "no such file").description == "dataset manifest 'm.csv': no such file")
    }

    @Test func emptyPictureIsRefusedByName() throws {
        let folder = try temporaryFolder("empty").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = #expect(throws: ImageFileError.self) {
            try PNGFile.write(Image(width: 0, height: 0, channels: 3, pixels: []), to: folder + "/e.png")
        }
        #expect(error?.description == "Cannot write '\(folder)/e.png': the picture is 0×0 pixels and a PNG needs at least 1×1; check the tensor's shape.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}
