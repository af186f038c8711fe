import CCmarkGFM
import Foundation

/// A lesson's prose as a syntax tree, read by cmark-gfm (GitHub's CommonMark parser).
///
/// cmark's own tree lives in C memory and must be freed; this copy is plain Swift values, so
/// the terminal renderer, the HTML export and the lesson parser can all walk it freely. Every
/// block keeps the line it starts on, counted in the file, so a lesson's errors can point there.
public indirect enum MarkdownBlock: Equatable, Sendable {
    case heading(level: Int, [MarkdownInline], line: Int)
    case paragraph([MarkdownInline], line: Int)
    /// `items` holds each item's blocks. `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], line: Int)
    /// A fenced or indented code block; `info` is the word after the fence (`lab id=make-x`).
    case code(info: String, text: String, line: Int)
    case quote([MarkdownBlock], line: Int)
    case rule(line: Int)
    /// Raw HTML in the source. It is shown as text, never passed through: a lesson cannot
    /// smuggle a script or an external fetch into the HTML export.
    case html(String, line: Int)
    /// A GFM table: a header row and body rows of cells.
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]], line: Int)

    public var line: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .list(_, _, _, let line), .code(_, _, let line),
             .quote(_, let line), .rule(let line), .html(_, let line), .table(_, _, let line):
            return line
        }
    }
}

public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    case link(url: String, [MarkdownInline])
    case image(url: String, alt: String)
    case softBreak
    case lineBreak

    /// The words without any markup, for alt text, titles and plain output.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): return text
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children):
            return children.map(\.plainText).joined()
        case .image(_, let alt): return alt
        case .softBreak: return " "
        case .lineBreak: return "\n"
        }
    }
}

public enum Markdown {
    /// Parses CommonMark (with GFM tables and strikethrough). `firstLine` is the line of the
    /// file `source` starts on, so that line numbers refer to the file, not to the fragment.
    public static func parse(_ source: String, firstLine: Int = 1) -> [MarkdownBlock] {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        return children(of: document).compactMap { block($0, lineOffset: firstLine - 1) }
    }

    /// Parses inline Markdown only (a quiz choice, a hint line): the inlines of its paragraphs.
    public static func parseInline(_ source: String) -> [MarkdownInline] {
        parse(source).flatMap { block -> [MarkdownInline] in
            if case .paragraph(let inlines, _) = block { return inlines }
            return []
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer, lineOffset: Int) -> MarkdownBlock? {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        let blocks = { children(of: node).compactMap { block($0, lineOffset: lineOffset) } }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node), line: line)
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node), line: line)
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in children(of: item).compactMap { block($0, lineOffset: lineOffset) } }
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), items: items, line: line)
        case CMARK_NODE_CODE_BLOCK:
            return .code(info: string(cmark_node_get_fence_info(node)), text: string(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule(line: line)
        case CMARK_NODE_HTML_BLOCK:
            return .html(string(cmark_node_get_literal(node)).trimmingCharacters(in: .newlines), line: line)
        default:
            if string(cmark_node_get_type_string(node)) == "table" {
                let rows = children(of: node).map { row in children(of: row).map { inlines(of: $0) } }
                return .table(header: rows.first ?? [], rows: Array(rows.dropFirst()), line: line)
            }
            return nil
        }
    }

    private static func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        children(of: node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        // Inline HTML is kept as visible text, like an HTML block.
        case CMARK_NODE_HTML_INLINE: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)), inlines(of: node))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)), alt: inlines(of: node).map(\.plainText).joined())
        default:
            if string(cmark_node_get_type_string(node)) == "strikethrough" { return .strikethrough(inlines(of: node)) }
            return nil
        }
    }
}
