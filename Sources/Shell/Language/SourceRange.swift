/// Where a piece of source text sits, so an error can point at it with a caret.
///
/// Lines and columns count from 1, like every editor. `length` is how many characters the
/// caret underline covers (at least one).
public struct SourceRange: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var length: Int

    public init(line: Int, column: Int, length: Int = 1) {
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// The smallest range covering both, used to underline a whole call or binary expression.
    /// Ranges on different lines keep the first one: a caret line can only underline one line.
    public func through(_ other: SourceRange) -> SourceRange {
        guard other.line == line, other.column >= column else { return self }
        return SourceRange(line: line, column: column, length: other.column + other.length - column)
    }

    /// The same range moved down by `lines`, used when a cell starts part-way through a script.
    public func shifted(byLines lines: Int) -> SourceRange {
        SourceRange(line: line + lines, column: column, length: length)
    }
}
