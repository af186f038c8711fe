import Detection
import Foundation
import Imaging
import Models
import SafeFiles

/// What built-ins may touch: where files go, whether the current line may write elsewhere,
/// and whether there is work worth warning about before quitting.
public final class SessionContext {
    /// Lines typed at the prompt may write where the learner names; lines from a script or
    /// lesson file may read anywhere but write only inside the session's output folder, so
    /// running someone else's script cannot overwrite your files.
    public enum WritePolicy: Sendable {
        case anywhere
        case insideOutputFolder
    }

    public let outputFolder: URL
    public var writePolicy: WritePolicy = .anywhere
    /// Set when a model or tensor is created or changed, cleared by `save`; Ctrl-D asks first.
    public var hasUnsavedWork = false
    /// Columns of the terminal (the lab sets it before each line); tables fit themselves to it.
    public var displayWidth = 100
    /// Pictures produced by the current cell, for the terminal to draw after the text.
    public var pictures: [Picture] = []
    /// Live reporting while a long computation runs; the terminal sets these, a pipe leaves
    /// them nil. `finished` is true for the last report, so a progress line can end its row.
    public var onProgress: ((_ progress: TrainingProgress, _ finished: Bool) -> Void)?
    public var onPicture: ((Picture) -> Void)?
    /// A message from the trainer while it runs (the GAN doctor's findings as it makes them).
    public var onNote: ((String) -> Void)?
    /// Set by `markPictures(key:)`: every picture written through `writePicture` is watermarked.
    public var watermarkKey: WatermarkKey?
    /// The lessons' trainers, so training the same model again continues its run.
    let trainers = TrainerMemory()
    /// Classifiers trained with `trainClassifier(question: "real")`, so `evaluate`, `inspect` and
    /// `spotTheFake` can use them as detectors (weakly held: a model the learner drops is freed).
    var realOrFakeClassifiers = WeakSet<FaceClassifier>()

    public init(outputFolder: URL) {
        self.outputFolder = outputFolder
    }

    /// Paths written so far, which later writes may replace (see `OutputFolder.freshPath`).
    public private(set) var writtenFiles: Set<String> = []
    /// The path each requested name was actually written to.
    private var redirectedPaths: [String: URL] = [:]

    /// Where a file named by the learner goes: plain names land in the output folder; other
    /// paths are honoured only when the write policy allows it. Creates the folder it needs and
    /// never returns the path of a file from an earlier session.
    public func prepareWrite(to path: String) throws -> URL {
        let url = try resolveWritePath(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw LabError(.fileProblem(path: url.path, reason: "cannot create its folder (\(error.localizedDescription))"))
        }
        // Writing the same name again updates the file this session made, not a third copy.
        if let earlier = redirectedPaths[url.path] { return earlier }
        let fresh = OutputFolder.freshPath(for: url, writtenThisSession: writtenFiles)
        writtenFiles.insert(fresh.path)
        redirectedPaths[url.path] = fresh
        return fresh
    }

    /// A file-name prefix for a training run, `gan`, else `gan-2`, `gan-3`, …: the first whose
    /// history (`<prefix>-loss.csv`) and grids (`<prefix>-step-000100.png`) would replace no file
    /// in the output folder, written in this session or before. The trainers name their own files
    /// from the prefix, so it is the whole run that gets a fresh name.
    public func freshPrefix(_ base: String) throws -> String {
        do {
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw LabError(.fileProblem(path: outputFolder.path, reason: "cannot create it (\(error.localizedDescription))"))
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? []
        func taken(_ prefix: String) -> Bool {
            existing.contains { $0.hasPrefix(prefix + "-loss.") || $0.hasPrefix(prefix + "-step-") }
        }
        var candidate = base, attempt = 2
        while taken(candidate) {
            candidate = "\(base)-\(attempt)"
            attempt += 1
        }
        return candidate
    }

    func resolveWritePath(_ path: String) throws -> URL {
        // A name must name a file: "" or "notes/" would name the output folder itself (or a
        // sibling of it, once the no-overwrite rule adds "-2"), and "." or ".." a folder.
        let lastComponent = (path as NSString).lastPathComponent
        guard !path.isEmpty, !path.hasSuffix("/"), ![".", "..", "~"].contains(lastComponent) else {
            throw LabError(.fileProblem(path: path.isEmpty ? "\"\"" : path,
                                        reason: "is not a file name — give one such as \"model.safetensors\""))
        }
        let url = path.hasPrefix("/") || path.hasPrefix("~")
            ? URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            : outputFolder.appendingPathComponent(path)
        // Symbolic links are followed before comparing: a link inside the folder may lead out.
        if writePolicy == .insideOutputFolder && !PhysicalPath.isStrictlyInside(url.path, folder: outputFolder.path) {
            throw LabError(.writeOutsideOutputFolder(path: path, folder: outputFolder.path))
        }
        return url
    }

    /// Writes a picture as a labelled PNG at `url` (from `prepareWrite`), watermarked first when
    /// `markPictures` set a key (pictures under 8×8 stay unmarked), and queues it for the terminal.
    public func writePicture(_ picture: Image, to url: URL, text: [(key: String, value: String)] = PNGFile.labels()) throws {
        var picture = picture.rgb()
        var text = text
        if let watermarkKey, picture.width >= BlockDCT.size, picture.height >= BlockDCT.size {
            picture = try Watermark.embed(picture, key: watermarkKey)
            text.append(("Watermark", "invisible mark added by Deepfake Lab; check with inspect(file, key: …)"))
        }
        try PNGFile.write(picture, to: url.path, text: text)
        pictures.append(Picture(picture, savedPath: url.path))
    }

    /// Where a file to read is looked for: as given, else inside the output folder.
    public func resolveReadPath(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if FileManager.default.fileExists(atPath: expanded) { return URL(fileURLWithPath: expanded) }
        return outputFolder.appendingPathComponent(path)
    }
}

/// Objects remembered without keeping them alive.
struct WeakSet<Element: AnyObject> {
    private struct Box { weak var object: Element? }
    private var boxes: [Box] = []
    mutating func insert(_ object: Element) {
        boxes.removeAll { $0.object == nil }
        if !contains(object) { boxes.append(Box(object: object)) }
    }
    func contains(_ object: Element) -> Bool { boxes.contains { $0.object === object } }
}
