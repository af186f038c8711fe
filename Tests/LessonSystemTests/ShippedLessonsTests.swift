import Engine
import Foundation
import Shell
import Testing
@testable import Lessons

/// Every lesson in lessons/: well formed, and passing its own checks when run straight through
/// at its real defaults (the training cells included, so this suite takes about a minute).
@Suite struct ShippedLessonsTests {
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: shippedLessonsFolder.path)) ?? [])
        .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()

    @Test func theCourseIsWellFormed() throws {
        #expect(Self.files.count >= 3)
        let report = LessonLinter.check(Self.files.map { shippedLessonsFolder.appendingPathComponent($0) }, runLessons: false)
        #expect(report.problems == [])
        let course = try Course.load(from: shippedLessonsFolder)
        #expect(course.lessons.map(\.number) == Array(0..<course.lessons.count))
    }

    @Test(arguments: files)
    func passesInAutoMode(_ file: String) throws {
        let lesson = try LessonParser.load(shippedLessonsFolder.appendingPathComponent(file))
        try withTemporaryFolder("auto-\(lesson.id)") { folder in
            let session = Session(outputFolder: folder, registry: .withLessonTools())
            let runner = LessonRunner(course: Course(lessons: [lesson]), session: session, store: nil)
            // The session has its own random stream, which the lesson seeds: parallel tests cannot disturb it.
            let result = AutoRun(runner: runner).run(lesson.id) { _ in }
            #expect(result.failures == [])
            #expect(runner.progress.lessons[lesson.id]?.finished == true)
            // Every picture the lesson drew went into its notebook, labelled as synthetic.
            let html = HTMLExport.render(try #require(runner.notebook))
            #expect(!html.contains("src=\"http"))
        }
    }
}
