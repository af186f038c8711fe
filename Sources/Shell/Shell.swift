/// The lab's shell: its language, built-ins and sessions, all testable without a terminal.
///
/// Reading order:
///   Language/   Lexer → Parser → Evaluator: how a typed line becomes a value. `LabError` lists
///               every mistake a learner can make; `LabError+Rendering` is the one place they
///               become text, with a caret under the mistake and a suggested fix.
///   Builtins/   `BuiltinRegistry`: one table of built-ins that evaluation, `help` and tab
///               completion all read. `CallArguments` matches arguments to parameters.
///   Session/    `Session`: lines in, printed cells out; output folders; Ctrl-C (`Interrupt`).
///   Completion/ `Completer`: what Tab offers, worked out from the line and the cursor.
///   Terminal/   Pure encoders for pictures in a terminal (half blocks, kitty, iTerm2).
///   Training/   What the shell adds to the Models module's training: `SupervisedTrainer`
///               (train's step for any model), `LossPlot` (PNG chart and sparkline), `TrainingRun`
///               (a run with its settings) and `RunComparison` (what `compare(run1, run2)` shows).
///
/// The `lab` executable (Sources/Lab) only wires these to readline and the terminal.
public enum Shell {}
