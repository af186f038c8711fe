import Shell
import Foundation

/// `lab lessons check`: what an author runs before shipping a lesson. The parser already refuses
/// a wrong format version, duplicate step ids, checks without hints and quizzes without answers
/// or justifications; the linter adds what needs the whole course (unique lesson ids and
/// numbers) and runs each lesson in auto mode, in a throw-away folder, to prove that the
/// lesson's own cells pass its own checks.
public enum LessonLinter {
    public struct Report {
        public var problems: [String] = []
        public var lessonsChecked = 0
        public var summary: String {
            problems.isEmpty ? "\(lessonsChecked) lesson\(lessonsChecked == 1 ? "" : "s") checked: no problems"
                : "\(lessonsChecked) lesson\(lessonsChecked == 1 ? "" : "s") checked: \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        }
    }

    public static func check(_ files: [URL], runLessons: Bool, progress: (String) -> Void = { _ in }) -> Report {
        var report = Report()
        var lessons: [Lesson] = []
        for url in files {
            report.lessonsChecked += 1
            do {
                lessons.append(try LessonParser.load(url))
            } catch {
                report.problems += error.errors.map(\.description)
            }
        }
        for (field, key) in [("id", { (lesson: Lesson) in lesson.id }), ("number", { String($0.number) })] {
            for (value, group) in Dictionary(grouping: lessons, by: key) where group.count > 1 {
                report.problems.append("\(group[1].file):2: error: lesson \(field) \(value) is also used by \(group[0].file)")
            }
        }
        guard runLessons else { return report }
        for lesson in lessons {
            progress("running \(lesson.file) in auto mode…")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lab-lint-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let session = Session(outputFolder: folder, registry: .withLessonTools())
            let runner = LessonRunner(course: Course(lessons: [lesson]), session: session, store: nil)
            let result = AutoRun(runner: runner).run(lesson.id) { _ in }
            report.problems += result.failures.map { "error: " + $0 }
        }
        return report
    }
}
