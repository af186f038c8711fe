import Engine
import Foundation

/// A notebook without the notebook: lines go in, printed cells come out.
///
/// The session gathers lines until every bracket is closed, runs them as one cell, and turns
/// what happened into text. It knows nothing about terminals, so the same code serves the
/// interactive prompt, a pipe and `lab run`, and tests drive it directly.
public final class Session {
    public enum Output: Equatable {
        case text(String)
        case picture(Picture)
    }

    /// What one line of input led to.
    public struct Reply {
        /// A bracket is still open: the prompt should ask for a continuation line.
        public var needsMoreInput = false
        /// Printed in order, before any error.
        public var outputs: [Output] = []
        /// The rendered error, if the cell failed. Statements before it in the cell have run.
        public var error: String?
        /// A line to put at the next prompt for the learner to edit, such as a corrected name.
        public var suggestedLine: String?
        public var wantsToQuit = false
    }

    public let context: SessionContext
    public let evaluator: Evaluator
    /// The session's own random stream: `seed(n)`, a lesson's seed and every layer's first
    /// weights draw from it, so two sessions in one process (tests, say) never share numbers.
    public let random = RandomSource(seed: 0)
    /// Set when running a script, so errors read `file:line:column: error: …`.
    public var fileName: String?
    private var pendingLines: [String] = []
    private var pendingStartLine = 1
    private var pendingState = Lexer.Continuation()

    public init(outputFolder: URL, registry: BuiltinRegistry = .standard()) {
        context = SessionContext(outputFolder: outputFolder)
        evaluator = Evaluator(registry: registry, context: context)
    }

    /// A line a lesson wants at the next prompt, typed out and editable ("pre-filled cell").
    private var queuedSuggestion: String?

    /// Places `line` at the next prompt for the learner to edit and run with Return.
    public func suggest(_ line: String) {
        queuedSuggestion = line
    }

    /// The line for the next prompt: a lesson's suggestion, else a correction from the last error.
    public func takeSuggestion(after reply: Reply?) -> String? {
        defer { queuedSuggestion = nil }
        return queuedSuggestion ?? reply?.suggestedLine
    }

    /// True while a multi-line statement is being typed.
    public var isContinuing: Bool { !pendingLines.isEmpty }

    /// Feeds one line. `lineNumber` is the line's number in a script (used in messages).
    public func enter(_ line: String, lineNumber: Int? = nil) -> Reply {
        if pendingLines.isEmpty { pendingStartLine = lineNumber ?? 1 }
        pendingLines.append(line)
        // Only the new line is lexed: the state after the earlier ones is kept.
        pendingState = Lexer.continuation(after: line, from: pendingState)
        if pendingState.needsMoreInput { return Reply(needsMoreInput: true) }
        let lines = pendingLines
        discardPendingInput()
        return Random.using(random) { run(cell: lines.joined(separator: "\n"), lines: lines) }
    }

    /// Restarts the session's random stream, as `seed(n)` does at the prompt.
    public func seedRandom(_ seed: UInt64) {
        random.generator = RandomGenerator(seed: seed)
    }

    /// The input ended. Reports a statement left open by a bracket or a trailing operator.
    public func finish() -> Reply? {
        guard !pendingLines.isEmpty else { return nil }
        let lines = pendingLines
        discardPendingInput()
        let error = LabError(.unclosedBracket, at: SourceRange(line: lines.count, column: (lines.last?.count ?? 0) + 1))
        return Reply(error: render(error, lines: lines))
    }

    /// Drops a half-typed multi-line statement (Ctrl-C at a continuation prompt).
    public func discardPendingInput() {
        pendingLines = []
        pendingState = Lexer.Continuation()
    }

    private func run(cell: String, lines: [String]) -> Reply {
        var reply = Reply()
        do {
            for statement in try Parser.parse(cell) {
                context.pictures = []
                let outcome = try evaluator.execute(statement)
                reply.outputs += describe(outcome)
                reply.outputs += context.pictures.map(Output.picture)
                if case .quit = outcome { reply.wantsToQuit = true; break }
            }
        } catch let error as LabError {
            reply.error = render(error, lines: lines)
            reply.suggestedLine = correctedLine(for: error, lines: lines)
        } catch {
            reply.error = "error: " + String(describing: error)
        }
        return reply
    }

    private func describe(_ outcome: Evaluator.Outcome) -> [Output] {
        switch outcome {
        case .value(.nothing), .quit: return []
        case .value(.object(let object)):
            // Like a notebook: a face set shows what it holds as well as how much.
            return [.text(object.cellDescription)] + object.cellPictures().map(Output.picture)
        case .value(.layer(let layer)): return [.text(ModelSummary.table(for: layer, width: context.displayWidth))]
        case .value(let value): return [.text(value.cellDescription)]
        case .bound(let name, .object(let object)):
            return [.text(([name + " = " + object.shortDescription] + object.linesWhenBound).joined(separator: "\n"))]
        case .bound(let name, let value): return [.text(name + " = " + value.shortDescription)]
        case .text(let text): return [.text(text)]
        }
    }

    private func render(_ error: LabError, lines: [String]) -> String {
        guard let fileName else { return error.rendered(sourceLines: lines) }
        // In a script, report the line number in the file, not within the cell.
        var shifted = error
        shifted.range = error.range?.shifted(byLines: pendingStartLine - 1)
        let padding = Array(repeating: "", count: pendingStartLine - 1)
        return shifted.rendered(sourceLines: padding + lines, fileName: fileName)
    }

    /// For "did you mean" errors on a one-line cell: the line with the suggestion swapped in,
    /// so the learner can accept the fix by pressing Return.
    private func correctedLine(for error: LabError, lines: [String]) -> String? {
        guard lines.count == 1, let range = error.range, range.line == 1 else { return nil }
        let replacement: String
        switch error.reason {
        case .unknownName(_, let suggestion?), .unknownMember(_, _, let suggestion?, _): replacement = suggestion
        default: return nil
        }
        var characters = Array(lines[0])
        let start = range.column - 1
        guard start >= 0, start + range.length <= characters.count else { return nil }
        characters.replaceSubrange(start..<(start + range.length), with: replacement)
        return String(characters)
    }
}
