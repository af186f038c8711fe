import Foundation

/// How far a learner has got in each lesson, keyed by lesson id and step id so that progress
/// survives edits to a lesson (new steps, reordered prose). Plain JSON: copy the file to
/// another machine and the course continues there.
public struct CourseProgress: Codable, Equatable, Sendable {
    public struct LessonProgress: Codable, Equatable, Sendable {
        /// Steps whose checks passed (or whose quiz was answered right).
        public var completedSteps: [String] = []
        /// Where the learner was when they last left the lesson.
        public var currentStep: String?
        public var finished = false

        public init() {}
    }

    public var version = 1
    public var lessons: [String: LessonProgress] = [:]

    public init() {}
}

/// A typed error for the learner: the progress file could not be read or written.
public struct ProgressError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "progress: \(path): \(reason)" }
}

/// Reads and writes `$XDG_DATA_HOME/deepfake-lab/progress.json` (`~/.local/share/…` by default).
///
/// Writes are atomic (a temporary file renamed over the old one), so a crash or a full disk
/// mid-write leaves the previous progress intact. A file that cannot be understood is never
/// overwritten: it is moved aside, the learner is told where, and the course starts afresh.
public struct ProgressStore: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The store the XDG Base Directory specification puts in the learner's data folder.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore {
        let base: URL
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = URL(fileURLWithPath: data)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return ProgressStore(url: base.appendingPathComponent("deepfake-lab/progress.json"))
    }

    /// What was saved, or empty progress when there is no file yet. `notice` is set when a
    /// damaged file was moved aside (its new path is in the message).
    public func load() -> (progress: CourseProgress, notice: String?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return (CourseProgress(), nil) }
        if let progress = try? JSONDecoder().decode(CourseProgress.self, from: data) { return (progress, nil) }
        let aside = url.deletingLastPathComponent()
            .appendingPathComponent("progress.damaged-\(Int(Date().timeIntervalSince1970)).json")
        do {
            try FileManager.default.moveItem(at: url, to: aside)
            return (CourseProgress(), "Your progress file \(url.path) could not be read, so it was kept as \(aside.path) and the course starts afresh.")
        } catch {
            return (CourseProgress(), "Your progress file \(url.path) could not be read (and could not be moved aside: \(error.localizedDescription)); progress will not be saved until it is fixed or removed.")
        }
    }

    /// Saves atomically. Refuses to replace a file it cannot read, so nothing is lost.
    public func save(_ progress: CourseProgress) throws(ProgressError) {
        if let existing = FileManager.default.contents(atPath: url.path),
           (try? JSONDecoder().decode(CourseProgress.self, from: existing)) == nil {
            throw ProgressError(path: url.path, reason: "holds something that is not lab progress; not replacing it")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(progress).write(to: url, options: .atomic)
        } catch {
            throw ProgressError(path: url.path, reason: "cannot write it (\(error.localizedDescription))")
        }
    }
}
