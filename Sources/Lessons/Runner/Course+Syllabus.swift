/// The course plan a teacher hands out: `lab lessons --syllabus`.
///
/// It is built from the lessons' front matter alone (number, title, minutes, outcomes and the
/// optional `sources:` list), so it can never disagree with what the lab teaches. Markdown,
/// because a teacher can paste it into anything or render it with any Markdown tool.
extension Course {
    public func syllabus() -> String {
        let total = lessons.reduce(0) { $0 + $1.minutes }
        var lines = [
            "# Deepfake Lab: course plan",
            "",
            "\(lessons.count) lessons, about \(total) minutes in all (\(Self.hoursAndMinutes(total))). "
                + "Every face in the course is synthetic, drawn by the lab's own renderer; no real person is depicted.",
            "",
            "Open a lesson with `lab lesson N`. `lab lesson N --auto --export DIR` runs it straight through "
                + "and writes the handout of what the class saw (Markdown, HTML and a Jupyter notebook).",
            "",
            "| lesson | title | minutes |",
            "| --- | --- | --- |",
        ]
        lines += lessons.map { "| \(Self.handle($0)) | \(Self.escaped($0.title)) | \($0.minutes) |" }
        for lesson in lessons {
            lines += ["", "## \(lesson.number). \(lesson.title)", "",
                      "\(lesson.minutes) minutes. Open it with `lab lesson \(Self.handle(lesson))`.", "",
                      "Learners will be able to:", ""]
            lines += lesson.outcomes.map { "- \($0)" }
            lines += ["", "Sources:", ""]
            lines += lesson.sources.isEmpty ? ["- named in the lesson's text"] : lesson.sources.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a learner types after `lesson`: the number, or the id for a lesson that is
    /// better known by name (the final project's id is `final`).
    static func handle(_ lesson: Lesson) -> String {
        lesson.id == "final" ? "final" : String(lesson.number)
    }

    static func hoursAndMinutes(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// A table cell cannot hold a bare `|`.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
