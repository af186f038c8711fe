/// The lesson system: lesson files (Markdown with lab cells, quizzes and checks), the runner that
/// walks a learner through them at the shell's prompt, and the progress they save.
public enum Lessons {}
