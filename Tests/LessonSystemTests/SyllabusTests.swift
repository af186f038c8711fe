import Testing
@testable import Lessons

/// `lab lessons --syllabus`: the course plan as Markdown, from the front matter alone.
@Suite struct SyllabusTests {
    static func lesson(id: String, number: Int, title: String, minutes: Int, extra: String = "") throws -> Lesson {
        try LessonParser.parse("""
            ---
            format: 1
            id: \(id)
            number: \(number)
            title: "\(title)"
            minutes: \(minutes)
            seed: 1
            outcomes:
              - Do one thing
              - Explain another
            \(extra)
            ---

            ```lab id=a
            1 + 1
            ```
            """, file: "\(id).md")
    }

    @Test func printsEveryLessonWithItsOutcomesAndSources() throws {
        let course = Course(lessons: [
            try Self.lesson(id: "final", number: 10, title: "Final project: make | catch", minutes: 45),
            try Self.lesson(id: "welcome", number: 0, title: "Welcome", minutes: 30,
                            extra: "sources:\n  - Deepfakes report, Deeptrace, 2019"),
        ])
        #expect(course.syllabus() == """
            # Deepfake Lab: course plan

            2 lessons, about 75 minutes in all (1 h 15 min). Every face in the course is synthetic, drawn by the lab's own renderer; no real person is depicted.

            Open a lesson with `lab lesson N`. `lab lesson N --auto --export DIR` runs it straight through and writes the handout of what the class saw (Markdown, HTML and a Jupyter notebook).

            | lesson | title | minutes |
            | --- | --- | --- |
            | 0 | Welcome | 30 |
            | final | Final project: make \\| catch | 45 |

            ## 0. Welcome

            30 minutes. Open it with `lab lesson 0`.

            Learners will be able to:

            - Do one thing
            - Explain another

            Sources:

            - Deepfakes report, Deeptrace, 2019

            ## 10. Final project: make | catch

            45 minutes. Open it with `lab lesson final`.

            Learners will be able to:

            - Do one thing
            - Explain another

            Sources:

            - named in the lesson's text

            """)
    }

    @Test func sourcesMustBeAList() {
        #expect(throws: LessonFormatErrors.self) {
            _ = try Self.lesson(id: "bad", number: 1, title: "Bad", minutes: 1, extra: "sources:\n  key: value")
        }
    }
}
