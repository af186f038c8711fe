/// The lesson system: lesson files (Markdown with lab cells, quizzes and checks), the runner that
/// walks a learner through them at the shell's prompt, and the progress they save.
///
/// Reading order:
///   Format/     `LessonParser`: front matter (Yams) and Markdown (cmark-gfm) into a `Lesson` of
///               steps; `CheckCondition`, the small read-only language of ```check blocks;
///               `Quiz`; `LessonFormatError`, every mistake an author can make, with its line.
///   Runner/     `LessonRunner`: the commands at the prompt (next, hint, solution, …);
///               `CheckEvaluator`, which judges a step by reading variables only; `AutoRun`,
///               a lesson straight through; `LessonLinter`; `Course`; lesson 1's gradient tools.
///   Progress/   `ProgressStore`: where each learner is, saved atomically in the XDG data folder.
///   Rendering/  `TerminalRenderer`: Markdown wrapped and styled for a terminal, plain without colour.
///   Export/     A session as a notebook: Markdown, one self-contained HTML file, Jupyter .ipynb.
public enum Lessons {}
