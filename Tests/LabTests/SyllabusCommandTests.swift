import Testing

/// `lab lessons --syllabus`, through the real binary, on the shipped course. The exact layout
/// is SyllabusTests' job; this checks the command reaches it and prints only Markdown.
@Suite struct SyllabusCommandTests {
    @Test func printsTheShippedCourseAsMarkdown() throws {
        let result = try runLab(["lessons", "--syllabus"])
        #expect(result.status == 0)
        #expect(result.err == "")
        #expect(result.out.hasPrefix("# Deepfake Lab: course plan\n\n"))
        #expect(result.out.contains("\n| 0 | Welcome to Deepfake Lab | 15 |\n"))
        #expect(result.out.contains("\n## 0. Welcome to Deepfake Lab\n\n15 minutes. Open it with `lab lesson 0`.\n"))
        #expect(!result.out.contains("\u{1B}"))
    }
}
