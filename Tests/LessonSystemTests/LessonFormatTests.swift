import Testing
@testable import Lessons

/// Lesson files in, lessons or exact error messages out.
@Suite struct LessonFormatTests {
    @Test func readsTheSampleLesson() throws {
        let lesson = try LessonParser.parse(sampleLesson, file: "sample.md")
        #expect(lesson.id == "sample")
        #expect(lesson.number == 7)
        #expect(lesson.seed == 3)
        #expect(lesson.outcomes == ["Make a tensor"])
        #expect(lesson.steps.map(\.id) == ["make-x", "count", "double"])
        let cell = try #require(lesson.steps[0].cell)
        #expect(cell.code == "let x = tensor([[1, 2, 3], [4, 5, 6]])")
        #expect(cell.checks.map(\.source) == ["shape x == [2, 3]"])
        #expect(cell.checks.map(\.hint) == ["Two rows of three numbers."])
        #expect(cell.checks.map(\.line) == [21])
        #expect(cell.hints == ["Use `tensor` with two inner lists."])
        #expect(lesson.steps[0].line == 16)
        #expect(lesson.steps[0].prose.count == 2)
        #expect(lesson.closing == [.paragraph([.text("The end.")], line: 49)])
    }

    static let header = "---\nformat: 1\nid: bad\nnumber: 1\ntitle: Bad\nminutes: 1\nseed: 1\noutcomes:\n  - x\n---\n"

    @Test(arguments: [
        ("no header\n", "f.md:1: error: a lesson starts with a front-matter header between two lines of ---"),
        ("---\nformat: 2\nid: a\nnumber: 1\ntitle: T\nminutes: 1\nseed: 1\noutcomes: [x]\n---\n```lab id=a\nx\n```\n",
         "f.md:2: error: format 2 is not one this lab reads (it reads format 1); update lab or the lesson"),
        ("---\nformat: 1\nnumber: 1\ntitle: T\nminutes: 1\nseed: 1\noutcomes: [x]\n---\n```lab id=a\nx\n```\n",
         "f.md:2: error: the front matter needs `id:`"),
        ("---\nformat: 1\nid: a\nnumber: one\ntitle: T\nminutes: 1\nseed: 1\noutcomes: [x]\n---\n```lab id=a\nx\n```\n",
         "f.md:4: error: `number:` must be a whole number"),
        (header + "```lab\nx\n```\n", "f.md:11: error: a lab cell needs a step id: write ```lab id=some-name"),
        (header + "```lab id=Make_X\nx\n```\n", "f.md:11: error: step id 'Make_X' must be lower-case letters, digits and dashes"),
        (header + "```lab id=a\nx\n```\n\n```lab id=a\ny\n```\n",
         "f.md:15: error: step id 'a' is used twice (first on line 11); progress is saved by id, so each must be unique"),
        (header + "```check\nexists x\n  hint: h\n```\n", "f.md:11: error: a ```check block belongs under a ```lab cell, but none comes before it"),
        (header + "```lab id=a\nx\n```\n```check\nexists x\n```\n", "f.md:15: error: the check `exists x` has no hint: add an indented `hint: …` line under it"),
        (header + "```lab id=a\nx\n```\n```check\nrun rm -rf /\n  hint: h\n```\n",
         "f.md:15: error: cannot read the check `run rm -rf /`: it starts with 'run'; a condition starts with exists, kind, shape or value"),
        (header + "```labb id=a\nx\n```\n",
         "f.md:11: error: unknown block ```labb: a lesson's blocks are lab, quiz, check and hint (use ```text for a plain listing)"),
        (header + "```quiz\nid: q\nquestion: Q?\nchoices:\n  - text: A\n    correct: true\n    why: w\n  - text: B\n```\n",
         "f.md:18: error: choice 2 of the quiz needs `why:`, a sentence on why it is right or wrong"),
        (header + "```quiz\nid: q\nquestion: Q?\nchoices:\n  - text: A\n    why: w\n  - text: B\n    why: w\n```\n",
         "f.md:15: error: a multiple-choice quiz needs exactly one choice with `correct: true` (it has 0)"),
        (header + "```quiz\nid: q\nquestion: Q?\n```\n",
         "f.md:11: error: the quiz needs `choices:` (multiple choice) or `answer:` (a number)"),
        (header + "Only prose.\n", "f.md:11: error: the lesson has no steps: add a ```lab cell or a ```quiz"),
    ])
    func reportsMistakesWithFileAndLine(_ text: String, _ expected: String) {
        #expect(throws: LessonFormatErrors.self) { try LessonParser.parse(text, file: "f.md") }
        do {
            _ = try LessonParser.parse(text, file: "f.md")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func reportsEveryMistakeAtOnce() {
        let text = Self.header + "```lab id=a\nx\n```\n```lab id=a\ny\n```\n```check\nexists y\n```\n"
        do {
            _ = try LessonParser.parse(text, file: "f.md")
            Issue.record("a lesson with two mistakes was accepted")
        } catch {
            #expect(error.errors.map(\.line) == [14, 18])
        }
    }

    @Test func rawHTMLStaysText() {
        let blocks = Markdown.parse("<script>alert(1)</script>\n\nHi <b>there</b>")
        #expect(blocks == [.html("<script>alert(1)</script>", line: 1),
                           .paragraph([.text("Hi "), .text("<b>"), .text("there"), .text("</b>")], line: 3)])
    }
}
