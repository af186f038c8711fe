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

    /// `lab lessons` keeps its columns in line with the longest title ("Final project: …").
    @Test func courseListColumnsAlign() throws {
        let result = try runLab(["lessons"])
        #expect(result.status == 0)
        let rows = result.out.split(separator: "\n").filter { $0.contains(" min ") }
        #expect(rows.count >= 11)
        let columns = Set(rows.map { $0.range(of: " min ")!.lowerBound.utf16Offset(in: $0) })
        #expect(columns.count == 1, "the minutes column starts at \(columns.sorted())")
        #expect(rows.contains { $0.contains("Final project: make, mark, catch, report  45 min") })
    }
}
