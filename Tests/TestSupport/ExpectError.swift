import Testing

/// Expects `body` to throw an error whose text — what the learner would read,
/// `String(describing: error)` — is exactly `message`. A different message, or no error at all,
/// is recorded at the caller's line with the text that was actually thrown, so a changed message
/// fails with the new text in view.
public func expectError<Result>(
    _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Result
) {
    do {
        let result = try body()
        Issue.record("expected the error \"\(message)\" but got a result: \(result)", sourceLocation: sourceLocation)
    } catch {
        let thrown = String(describing: error)
        if thrown != message {
            Issue.record("""
                wrong error message
                  thrown:   \(thrown)
                  expected: \(message)
                """, sourceLocation: sourceLocation)
        }
    }
}
