import Shell
import Foundation

/// The shipped lessons, in order: every `*.md` in the `lessons/` folder except its README.
public struct Course: Sendable {
    public var lessons: [Lesson]

    public init(lessons: [Lesson]) {
        self.lessons = lessons.sorted { $0.number < $1.number }
    }

    /// Reads every lesson in `folder`, collecting every file's errors before throwing.
    public static func load(from folder: URL) throws(LessonFormatErrors) -> Course {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var lessons: [Lesson] = [], errors: [LessonFormatError] = []
        for name in names {
            do {
                lessons.append(try LessonParser.load(folder.appendingPathComponent(name), displayName: "lessons/" + name))
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw LessonFormatErrors(errors: errors) }
        return Course(lessons: lessons)
    }

    /// `lessons/` in the current folder, else beside the `lab` executable or a few folders up
    /// from it (where `swift build` puts it), as the datasets are found.
    public static func defaultFolder() -> URL? {
        let manager = FileManager.default
        var candidates = [URL(fileURLWithPath: manager.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.map { $0.appendingPathComponent("lessons") }
            .first { manager.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }

    /// `lesson 2` or `lesson tensors`.
    public func lesson(named name: String) -> Int? {
        if let number = Int(name) { return lessons.firstIndex { $0.number == number } }
        return lessons.firstIndex { $0.id == name }
    }
}
