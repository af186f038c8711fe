import Foundation

/// Each session writes into a folder of its own, so nothing from an earlier session is ever
/// overwritten: `runs/2026-11-22_14-38-05/` by default, or the folder given with `--out`.
public enum OutputFolder {
    /// `runs/<date-time>/` under `parent`, with `-2`, `-3`, … added if two sessions start in
    /// the same second. The folder is not created here: a session that writes nothing leaves
    /// nothing behind.
    public static func forNewSession(under parent: URL, at date: Date = Date()) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd_HH-mm-ss"
        let stamp = formatter.string(from: date)
        var candidate = parent.appendingPathComponent(stamp)
        var attempt = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = parent.appendingPathComponent("\(stamp)-\(attempt)")
            attempt += 1
        }
        return candidate
    }

    /// A path for a new file that does not replace one written before this session:
    /// `model.safetensors` becomes `model-2.safetensors` if an older one is there.
    /// Files this session wrote itself may be replaced; that is the learner updating their work.
    public static func freshPath(for url: URL, writtenThisSession: Set<String>) -> URL {
        guard FileManager.default.fileExists(atPath: url.path), !writtenThisSession.contains(url.path) else { return url }
        let base = url.deletingPathExtension().lastPathComponent
        let pathExtension = url.pathExtension
        let folder = url.deletingLastPathComponent()
        var attempt = 2
        while true {
            let name = "\(base)-\(attempt)" + (pathExtension.isEmpty ? "" : ".\(pathExtension)")
            let candidate = folder.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            attempt += 1
        }
    }
}
