import Foundation

/// Bringing a learner's own face photos into the lab: every PNG in a folder, centre-cropped to
/// a square and shrunk to network size. The folder is only read, never written.
public enum FacePhotoImport {
    /// Shown by the shell before the first import. Training on someone's face is exactly what a
    /// deepfake does, so the lab asks for consent in plain words.
    public static let consentNote = """
        Only import photos of yourself, or of people who have agreed to have their face used \
        in this lab. The photos stay on this computer; the lab reads them and never changes them.
        """

    /// A file that was not imported, and why.
    public struct Skipped: Equatable {
        public var file: String
        public var reason: String

        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    public struct Result {
        /// The imported faces as `size × size` RGB images, with their file names, sorted by name.
        public var faces: [(file: String, image: Image)]
        /// Every other file in the folder, with the reason it was skipped.
        public var skipped: [Skipped]
    }

    /// Imports every `.png` in `folder` (not its subfolders) as a `size × size` RGB face.
    /// Throws only when the folder itself cannot be listed; bad files are skipped and listed.
    public static func importFolder(_ folder: String, size: Int) throws -> Result {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw ImageFileError.unreadable(path: folder, reason: "the folder cannot be listed")
        }
        var result = Result(faces: [], skipped: [])
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue {
                result.skipped.append(Skipped(file: name, reason: "it is a folder (subfolders are not searched)"))
            } else if (name as NSString).pathExtension.lowercased() != "png" {
                result.skipped.append(Skipped(file: name, reason: "not a .png file (only PNG photos can be imported)"))
            } else {
                do {
                    let photo = try PNGFile.read(path).image
                    guard photo.width > 0, photo.height > 0 else {
                        result.skipped.append(Skipped(file: name, reason: "the picture has no pixels"))
                        continue
                    }
                    let face = photo.rgb().centreCroppedToSquare().areaResized(width: size, height: size)
                    result.faces.append((name, face))
                } catch let error as ImageFileError {
                    result.skipped.append(Skipped(file: name, reason: error.description))
                }
            }
        }
        return result
    }
}
