import Foundation

/// The notebook as one self-contained HTML file: styles inline, every picture a `data:` URI,
/// every piece of text escaped, no script and nothing fetched from anywhere. It can be mailed,
/// opened offline years later, or projected in a classroom without a network.
public enum HTMLExport {
    public static func render(_ notebook: Notebook) -> String {
        var body: [String] = ["<h1>\(escape(notebook.title))</h1>"]
        for entry in notebook.entries {
            switch entry {
            case .prose(let blocks):
                body.append("<section class=\"prose\">" + blocks.map(html).joined(separator: "\n") + "</section>")
            case .cell(let code, let outputs):
                var cell = ["<section class=\"cell\">", "<pre class=\"code\"><span class=\"prompt\">lab&gt; </span>" + escape(code) + "</pre>"]
                for output in outputs {
                    switch output {
                    case .text(let text): cell.append("<pre class=\"output\">" + escape(text) + "</pre>")
                    case .error(let text): cell.append("<pre class=\"output error\">" + escape(text) + "</pre>")
                    case .picture(let picture):
                        let uri = "data:image/png;base64," + Data(picture.png).base64EncodedString()
                        // Small pictures are scaled up without smoothing so each pixel stays visible.
                        let scale = max(1, min(8, 256 / max(picture.width, 1)))
                        cell.append("<figure><img src=\"\(uri)\" width=\"\(picture.width * scale)\" height=\"\(picture.height * scale)\" alt=\"\(escape(picture.fileName ?? "picture"))\">"
                                    + "<figcaption>\(escape(picture.fileName.map { $0 + " · " } ?? ""))\(escape(picture.provenance))</figcaption></figure>")
                    }
                }
                cell.append("</section>")
                body.append(cell.joined(separator: "\n"))
            case .quiz(let question, let choices, let reply, let verdict):
                let items = choices.map { "<li>\(inline(Markdown.parseInline($0)))</li>" }
                body.append("<section class=\"quiz\"><p><strong>Quiz.</strong> \(inline(Markdown.parseInline(question)))</p>\(items.isEmpty ? "" : "<ol type=\"a\">" + items.joined() + "</ol>")"
                            + "<p>Answered: <strong>\(escape(reply))</strong>. \(escape(verdict))</p></section>")
            case .note(let text):
                body.append("<p class=\"note\">\(escape(text))</p>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(notebook.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            <footer>Exported from Deepfake Lab. Every face in it is a synthetic person drawn by the lab's own renderer.</footer>
            </main>
            </body>
            </html>

            """
    }

    static let style = """
        body{margin:0;background:#fafafa;color:#1d1d1f;font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}\
        main{max-width:52rem;margin:0 auto;padding:1.5rem 2rem 4rem}\
        h1,h2,h3{line-height:1.25}\
        pre{overflow-x:auto;padding:.6rem .8rem;border-radius:6px;font:14px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre-wrap}\
        code{font:0.92em ui-monospace,"DejaVu Sans Mono",monospace;background:#eee;padding:0 .25em;border-radius:3px}\
        .cell{margin:1.2rem 0;border-left:4px solid #2b7bb9;padding-left:.8rem}\
        .code{background:#0f2537;color:#e6edf3}.prompt{color:#5fb3f0}\
        .output{background:#fff;border:1px solid #ddd}.error{color:#a31515;border-color:#e8b4b4}\
        figure{margin:.6rem 0}img{image-rendering:pixelated;border:1px solid #ccc;max-width:100%;height:auto}\
        figcaption{font-size:.85rem;color:#555}\
        .quiz{background:#fff8e6;border:1px solid #f0d48a;border-radius:6px;padding:.2rem 1rem;margin:1.2rem 0}\
        .note{color:#555;font-style:italic}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}\
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}\
        footer{margin-top:3rem;font-size:.85rem;color:#666}
        """

    static func html(_ block: MarkdownBlock) -> String {
        switch block {
        case .heading(let level, let inlines, _):
            let tag = "h\(min(6, level + 1))"  // the page's own title is the h1
            return "<\(tag)>\(inline(inlines))</\(tag)>"
        case .paragraph(let inlines, _): return "<p>\(inline(inlines))</p>"
        case .list(let ordered, let start, let items, _):
            let tag = ordered ? "ol" : "ul"
            let open = ordered && start != 1 ? "<ol start=\"\(start)\">" : "<\(tag)>"
            return open + items.map { "<li>" + $0.map(html).joined() + "</li>" }.joined() + "</\(tag)>"
        case .code(_, let text, _): return "<pre>\(escape(text))</pre>"
        case .quote(let blocks, _): return "<blockquote>\(blocks.map(html).joined())</blockquote>"
        case .rule: return "<hr>"
        case .html(let text, _): return "<pre>\(escape(text))</pre>"
        case .table(let header, let rows, _):
            let head = "<tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>"
            let body = rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }.joined()
            return "<table><thead>\(head)</thead><tbody>\(body)</tbody></table>"
        }
    }

    static func inline(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text): return escape(text)
            case .emphasis(let children): return "<em>\(self.inline(children))</em>"
            case .strong(let children): return "<strong>\(self.inline(children))</strong>"
            case .strikethrough(let children): return "<del>\(self.inline(children))</del>"
            case .code(let text): return "<code>\(escape(text))</code>"
            case .link(let url, let children):
                // Only web and mail links; a javascript: URL would be a script in disguise.
                let safe = ["http://", "https://", "mailto:"].contains { url.lowercased().hasPrefix($0) }
                return safe ? "<a href=\"\(escape(url))\">\(self.inline(children))</a>" : self.inline(children)
            case .image(let url, let alt):
                // An external image would be a fetch; it is named instead.
                return "[picture: \(escape(alt)) — \(escape(url))]"
            case .softBreak: return "\n"
            case .lineBreak: return "<br>"
            }
        }.joined()
    }

    /// Text as HTML: the five characters that could start markup or end an attribute.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
