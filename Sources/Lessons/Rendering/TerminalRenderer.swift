/// Markdown for a terminal: headings, emphasis, lists, code and links, wrapped to the window.
///
/// With `color` off (not a terminal, or NO_COLOR set) the output has no escape codes at all,
/// so it reads well in a pipe, a log file or a screen reader. With colour on, emphasis is
/// italic, strong is bold, code is cyan and headings are bold.
public struct TerminalRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int, color: Bool) {
        self.width = max(20, width)
        self.color = color
    }

    private struct Style: Equatable {
        var bold = false, italic = false, code = false, link = false, strike = false

        var escape: String {
            var codes: [String] = []
            if bold { codes.append("1") }
            if italic { codes.append("3") }
            if link { codes.append("4") }
            if strike { codes.append("9") }
            if code { codes.append("36") }
            return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
        }
    }

    /// A run of text in one style; a word is a list of runs (`**bold**,` is two).
    private typealias Run = (text: String, style: Style)

    public func render(_ blocks: [MarkdownBlock]) -> String {
        blocks.map { render($0, indent: "") }.joined(separator: "\n\n")
    }

    private func render(_ block: MarkdownBlock, indent: String) -> String {
        switch block {
        case .heading(let level, let inlines, _):
            if color { return wrap(runs(inlines, Style(bold: true)), first: indent, rest: indent) }
            let text = wrap(runs(inlines, Style()), first: indent, rest: indent)
            let underline = level <= 2 ? "\n" + indent + String(repeating: level == 1 ? "=" : "-", count: min(width - indent.count, visibleWidth(text))) : ""
            return text + underline
        case .paragraph(let inlines, _):
            return wrap(runs(inlines, Style()), first: indent, rest: indent)
        case .list(let ordered, let start, let items, _):
            return items.enumerated().map { index, item in
                let marker = ordered ? "\(start + index). " : "• "
                let rest = indent + String(repeating: " ", count: marker.count)
                return item.enumerated().map { blockIndex, block in
                    let text = render(block, indent: rest)
                    return blockIndex == 0 ? indent + marker + text.dropFirst(rest.count) : text
                }.joined(separator: "\n")
            }.joined(separator: "\n")
        case .code(_, let text, _):
            let lines = (text.hasSuffix("\n") ? String(text.dropLast()) : text).components(separatedBy: "\n")
            return lines.map { indent + "    " + styled($0, Style(code: true)) }.joined(separator: "\n")
        case .quote(let blocks, _):
            return blocks.map { render($0, indent: indent + "│ ") }.joined(separator: "\n" + indent + "│\n")
        case .rule:
            return indent + String(repeating: "─", count: max(3, width - indent.count))
        case .html(let text, _):
            return indent + text.trimmingCharacters(in: .newlines)
        case .table(let header, let rows, _):
            let cells = ([header] + rows).map { $0.map { $0.map(\.plainText).joined() } }
            let columns = cells.map(\.count).max() ?? 0
            let widths = (0..<columns).map { column in cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
            func line(_ row: [String], bold: Bool) -> String {
                indent + row.enumerated().map { column, text in
                    let padded = text + String(repeating: " ", count: widths[column] - text.count)
                    return bold ? styled(padded, Style(bold: true)) : padded
                }.joined(separator: "  ")
            }
            return ([line(cells.first ?? [], bold: true)] + cells.dropFirst().map { line($0, bold: false) }).joined(separator: "\n")
        }
    }

    private func runs(_ inlines: [MarkdownInline], _ style: Style) -> [Run] {
        inlines.flatMap { inline -> [Run] in
            switch inline {
            case .text(let text): return [(text, style)]
            case .softBreak: return [(" ", style)]
            case .lineBreak: return [("\n", style)]
            case .code(let text): return [(text, { var s = style; s.code = true; return s }())]
            case .emphasis(let children): return runs(children, { var s = style; s.italic = true; return s }())
            case .strong(let children): return runs(children, { var s = style; s.bold = true; return s }())
            case .strikethrough(let children): return runs(children, { var s = style; s.strike = true; return s }())
            case .link(let url, let children):
                let label = runs(children, { var s = style; s.link = true; return s }())
                let labelText = children.map(\.plainText).joined()
                // A bare link shows once; a labelled one shows where it goes, since a terminal cannot click.
                return labelText == url ? label : label + [(" <" + url + ">", style)]
            case .image(let url, let alt): return [("[picture: \(alt)] <\(url)>", style)]
            }
        }
    }

    /// Greedy word wrap that measures only visible characters.
    private func wrap(_ runs: [Run], first: String, rest: String) -> String {
        var words: [[Run]] = [[]]
        var breaks: Set<Int> = []  // word indexes a hard line break comes before
        for run in runs {
            var current = ""
            for character in run.text {
                if character == " " || character == "\n" {
                    if !current.isEmpty { words[words.count - 1].append((current, run.style)); current = "" }
                    if !(words.last?.isEmpty ?? true) { words.append([]) }
                    if character == "\n" { breaks.insert(words.count - 1) }
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { words[words.count - 1].append((current, run.style)) }
        }
        var lines: [String] = []
        var line = first, lineWidth = first.count, lineHasWord = false
        for (index, word) in words.enumerated() where !word.isEmpty {
            let wordWidth = word.reduce(0) { $0 + $1.text.count }
            if lineHasWord && (lineWidth + 1 + wordWidth > width || breaks.contains(index)) {
                lines.append(line)
                line = rest
                lineWidth = rest.count
                lineHasWord = false
            }
            if lineHasWord { line += " "; lineWidth += 1 }
            line += word.map { styled($0.text, $0.style) }.joined()
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Plain text wrapped to the width, line by line, keeping each line's leading indent for the
    /// lines it wraps onto: the lab's own notes and messages, which are not Markdown.
    public func wrapPlain(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            let indent = String(line.prefix { $0 == " " })
            let body = line.dropFirst(indent.count)
            // List items (`• …`, `a) …`) wrap under their text, not under their marker.
            let marker = body.hasPrefix("• ") ? 2 : (body.count > 3 && body.dropFirst().hasPrefix(") ") ? 3 : 0)
            let hanging = indent + String(repeating: " ", count: marker)
            return wrap([(String(line.dropFirst(indent.count)), Style())], first: indent, rest: hanging)
        }.joined(separator: "\n")
    }

    private func styled(_ text: String, _ style: Style) -> String {
        guard color, !style.escape.isEmpty else { return text }
        return style.escape + text + "\u{1B}[0m"
    }

    /// Width on screen: escape sequences take none.
    func visibleWidth(_ text: String) -> Int {
        var width = 0, inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            width += 1
        }
        return width
    }
}

/// Splits long text into screens for a pager: each page fits `height` rows, leaving one for
/// the "more" prompt. Short text is one page, and then no prompt is shown at all.
public enum Pager {
    public static func pages(_ text: String, height: Int) -> [String] {
        let lines = text.components(separatedBy: "\n")
        let perPage = max(3, height - 1)
        guard lines.count > perPage else { return [text] }
        return stride(from: 0, to: lines.count, by: perPage).map { lines[$0..<min($0 + perPage, lines.count)].joined(separator: "\n") }
    }
}
