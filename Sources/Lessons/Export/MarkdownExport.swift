import Foundation

/// The notebook as a Markdown file: prose as the lesson wrote it, cells as fenced code, outputs
/// as text blocks, pictures as PNG files beside it (`NAME-files/`), each with its provenance.
public enum MarkdownExport {
    public static func render(_ notebook: Notebook, pictureFolder: String) -> (text: String, pictures: [(name: String, png: [UInt8])]) {
        var parts = ["# " + notebook.title]
        var pictures: [(name: String, png: [UInt8])] = []
        for entry in notebook.entries {
            switch entry {
            case .prose(let blocks):
                parts.append(MarkdownWriter.write(blocks))
            case .cell(let code, let outputs):
                parts.append("```lab\n" + code + "\n```")
                for output in outputs {
                    switch output {
                    case .text(let text): parts.append("```text\n" + text + "\n```")
                    case .error(let text): parts.append("```text\n" + text + "\n```")
                    case .picture(let picture):
                        let name = String(format: "picture-%03d.png", pictures.count + 1)
                        pictures.append((name, picture.png))
                        parts.append("![\(picture.provenance)](\(pictureFolder)/\(name))\n\n*\(picture.provenance)*")
                    }
                }
            case .quiz(let question, let choices, let reply, let verdict):
                var lines = ["**Quiz.** " + question, ""]
                lines += choices.enumerated().map { "\(Quiz.letter($0.offset))) \($0.element)" }
                lines += ["", "Answered: **\(reply)**. \(verdict)"]
                parts.append(lines.joined(separator: "\n"))
            case .note(let text):
                parts.append("> " + text.replacingOccurrences(of: "\n", with: "\n> "))
            }
        }
        return (parts.joined(separator: "\n\n") + "\n", pictures)
    }
}

/// Markdown from the syntax tree, for prose that is copied into an export.
enum MarkdownWriter {
    static func write(_ blocks: [MarkdownBlock]) -> String {
        blocks.map(write).joined(separator: "\n\n")
    }

    static func write(_ block: MarkdownBlock) -> String {
        switch block {
        case .heading(let level, let inlines, _): return String(repeating: "#", count: level) + " " + write(inlines)
        case .paragraph(let inlines, _): return write(inlines)
        case .list(let ordered, let start, let items, _):
            return items.enumerated().map { index, item in
                let marker = ordered ? "\(start + index). " : "- "
                let body = write(item).replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: marker.count))
                return marker + body
            }.joined(separator: "\n")
        case .code(let info, let text, _): return "```" + info + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```"
        case .quote(let blocks, _): return "> " + write(blocks).replacingOccurrences(of: "\n", with: "\n> ")
        case .rule: return "---"
        case .html(let text, _): return text
        case .table(let header, let rows, _):
            let line = { (cells: [[MarkdownInline]]) in "| " + cells.map(write).joined(separator: " | ") + " |" }
            return ([line(header), "|" + String(repeating: " --- |", count: header.count)] + rows.map(line)).joined(separator: "\n")
        }
    }

    static func write(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return text
            case .emphasis(let children): return "*" + write(children) + "*"
            case .strong(let children): return "**" + write(children) + "**"
            case .strikethrough(let children): return "~~" + write(children) + "~~"
            case .code(let text): return "`" + text + "`"
            case .link(let url, let children): return "[" + write(children) + "](" + url + ")"
            case .image(let url, let alt): return "![" + alt + "](" + url + ")"
            case .softBreak: return "\n"
            case .lineBreak: return "  \n"
            }
        }.joined()
    }
}
