/// Text that came from a file, made safe to print on a terminal.
///
/// A tensor name in a checkpoint or a field in a manifest is chosen by whoever made the file.
/// Printed raw, an escape sequence in it (`ESC [2J`) clears the learner's screen, moves the
/// cursor, or fakes a line of output. Every control character — C0 (including ESC and the
/// newline), DEL, C1, and the bidirectional overrides that reorder what is shown — is written as
/// a visible escape instead, the way Swift's own `debugDescription` does.
public enum PrintableText {
    /// `text` with its control characters escaped, cut after `limit` characters with "…"
    /// (a name in a hostile file can be megabytes long).
    public static func escaped(_ text: String, limit: Int = 200) -> String {
        var result = ""
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if position == limit { return result + "…" }
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where isHazard(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
