import Foundation
import Imaging
import Testing
import TestSupport

@Suite(.temporaryFolders) struct FacePhotoImportTests {
    /// A folder with two good photos (one portrait-shaped, one gray), a damaged PNG, a text file
    /// and a subfolder: the good ones come back 32×32 RGB, the rest are listed with reasons,
    /// and nothing in the folder changes.
    @Test func importsGoodPhotosAndListsTheRest() throws {
        let folder = try temporaryFolder("import").path
        let portrait = Image(width: 40, height: 80, channels: 3, fill: [200, 150, 120])
        try PNGFile.write(portrait, to: (folder as NSString).appendingPathComponent("me.png"))
        try PNGFile.write(Image(width: 64, height: 64, channels: 1, fill: [90]), to: (folder as NSString).appendingPathComponent("gray.PNG"))
        let goodBytes = try PNGCodec.encode(portrait)
        try Data(goodBytes.prefix(60)).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("broken.png")))
        try Data("not a photo".utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("notes.txt")))
        try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("old"), withIntermediateDirectories: false)
        let before = try snapshot(folder)

        let result = try FacePhotoImport.importFolder(folder, size: 32)
        #expect(result.faces.map(\.file) == ["gray.PNG", "me.png"])
        #expect(result.faces.allSatisfy { $0.image.width == 32 && $0.image.height == 32 && $0.image.channels == 3 })
        #expect(result.faces[1].image.pixels.prefix(3) == [200, 150, 120])   // a flat colour survives averaging
        #expect(result.faces[0].image.pixels.allSatisfy { $0 == 90 })
        let brokenPath = (folder as NSString).appendingPathComponent("broken.png")
        #expect(result.skipped == [
            .init(file: "broken.png", reason: ImageFileError.truncated(path: brokenPath).description),
            .init(file: "notes.txt", reason: "not a .png file (only PNG photos can be imported)"),
            .init(file: "old", reason: "it is a folder (subfolders are not searched)"),
        ])
        #expect(try snapshot(folder) == before)
    }

    @Test func missingFolderThrows() {
        #expect(throws: ImageFileError.unreadable(path: "/no/such/folder", reason: "the folder cannot be listed")) {
            try FacePhotoImport.importFolder("/no/such/folder", size: 32)
        }
    }

    /// Every file's name and bytes, to prove the import only reads.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) ?? Data()
        }
        return result
    }
}
