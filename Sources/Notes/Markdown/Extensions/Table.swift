import Foundation
import CCmark

/// GFM pipe tables: a header row, a delimiter row (`|:---|:-:|---:|`) with as many cells,
/// then body rows up to the end of the paragraph cmark saw (a blank line or another block).
///
/// cmark 0.30 reads a table as a paragraph; this finds such paragraphs in the source lines
/// and renders each cell's inline Markdown on its own (math, wiki-links and inline values
/// are placeholders by then, so they come out as holes like anywhere else).
enum Table: MarkdownExtension {
    static let markers = ["|"]

    enum Alignment { case none, left, center, right }

    /// At most this many columns are laid out; more cells in a row are dropped (and reported).
    static let maxColumns = 256

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        for paragraph in tree.nodes(ofType: [CMARK_NODE_PARAGRAPH.rawValue])
        where cmark_node_get_end_line(paragraph) > cmark_node_get_start_line(paragraph) && hasPipe(paragraph, context: context) {
            let lines = sourceLines(of: paragraph, context: context)
            guard lines.count >= 2, lines.contains(where: { $0.contains(0x7C) }) else { continue }
            rewrite(paragraph: paragraph, lines: lines, context: &context)
        }
    }

    /// Whether the paragraph's source holds a `|` at all (most do not).
    static func hasPipe(_ paragraph: OpaquePointer, context: MarkdownContext) -> Bool {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last >= first, last <= context.lines.starts.count else { return false }
        let s = context.lines.starts[first - 1]
        let e = last < context.lines.starts.count ? context.lines.starts[last] : context.text.count
        return context.text.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, s < e else { return false }
            return memchr(base + s, 0x7C, e - s) != nil
        }
    }

    /// The paragraph's lines with container prefixes (`>` markers, indentation) removed.
    static func sourceLines(of paragraph: OpaquePointer, context: MarkdownContext) -> [[UInt8]] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last >= first, last <= context.lines.starts.count else { return [] }
        var quotes = 0
        var p = cmark_node_parent(paragraph)
        while let parent = p {
            if CmarkTree.type(parent) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            p = cmark_node_parent(parent)
        }
        let text = context.text
        var out: [[UInt8]] = []
        for line in first...last {
            var s = context.lines.starts[line - 1]
            let e = line < context.lines.starts.count ? context.lines.starts[line] - 1 : text.count
            if line == first {
                s = context.offset(line: Int32(line), column: cmark_node_get_start_column(paragraph))
            } else {
                var remaining = quotes
                while s < e {
                    if text[s] == 0x20 || text[s] == 0x09 { s += 1; continue }
                    if remaining > 0, text[s] == 0x3E { remaining -= 1; s += 1; continue }
                    break
                }
            }
            out.append(s < e ? Array(text[s..<e]) : [])
        }
        return out
    }

    static func rewrite(paragraph: OpaquePointer, lines: [[UInt8]], context: inout MarkdownContext) {
        var headerIndex: Int?
        var alignments: [Alignment] = []
        for i in 0..<(lines.count - 1) {
            guard let delimiters = delimiterRow(lines[i + 1]) else { continue }
            let headerCells = cells(lines[i])
            if headerCells.count == delimiters.count {
                headerIndex = i
                alignments = delimiters
                break
            }
            if lines[i + 1].contains(0x7C) {
                let line = cmark_node_get_start_line(paragraph) + Int32(i + 1)
                context.diagnostics.append(.warning(
                    .tableColumns, "table header has \(headerCells.count) cells but its delimiter row has \(delimiters.count); shown as text",
                    at: context.location(line: line, column: 1), length: lines[i + 1].count,
                    hint: "give the header row and the |---| row the same number of cells"))
            }
        }
        guard let headerIndex else { return }
        var html = ""
        // Lines before the header stay the paragraph they were (a callout's `[!type]` line
        // among them), cut at the line break before the header.
        var keepParagraph = false
        if headerIndex > 0 {
            if let cut = lineBreak(headerIndex, in: paragraph) {
                while let extra = cmark_node_next(cut) { cmark_node_unlink(extra); cmark_node_free(extra) }
                cmark_node_unlink(cut); cmark_node_free(cut)
                keepParagraph = true
            } else {
                let before = Array(lines[0..<headerIndex].joined(separator: [0x0A]))
                html += "<p>" + InlineMarkdown.render(before, context: &context) + "</p>\n"
            }
        }
        let columns = min(alignments.count, maxColumns)
        defer { context.fragmentLocation = nil }
        context.fragmentLocation = context.location(of: paragraph)
        html += "<table>\n<thead>\n" + row(cells(lines[headerIndex]), tag: "th", alignments: alignments, columns: columns, context: &context) + "</thead>\n"
        let body = lines[(headerIndex + 2)...]
        if !body.isEmpty {
            html += "<tbody>\n"
            for line in body { html += row(cells(line), tag: "td", alignments: alignments, columns: columns, context: &context) }
            html += "</tbody>\n"
        }
        html += "</table>"
        if keepParagraph {
            if let table = CmarkTree.customBlock(enter: html), cmark_node_insert_after(paragraph, table) != 1 { cmark_node_free(table) }
        } else {
            CmarkTree.replaceWithCustomBlock(paragraph, html: html)
        }
    }

    /// The `count`-th line break of the paragraph, when it is the paragraph's own child (not
    /// inside emphasis spanning the lines).
    static func lineBreak(_ count: Int, in paragraph: OpaquePointer) -> OpaquePointer? {
        var seen = 0
        var found: OpaquePointer?
        CmarkTree.walkInlines(of: paragraph) { node in
            let type = CmarkTree.type(node)
            guard found == nil, type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return }
            seen += 1
            if seen == count { found = node }
        }
        guard let found, cmark_node_parent(found) == paragraph else { return nil }
        return found
    }

    static func row(_ cells: [[UInt8]], tag: String, alignments: [Alignment], columns: Int,
                    context: inout MarkdownContext) -> String {
        var html = "<tr>\n"
        for k in 0..<columns {
            var open = "<\(tag)"
            switch alignments[k] {
            case .left: open += " align=\"left\""
            case .center: open += " align=\"center\""
            case .right: open += " align=\"right\""
            case .none: break
            }
            let content = k < cells.count ? InlineMarkdown.render(cells[k], context: &context) : ""
            html += open + ">" + content + "</\(tag)>\n"
        }
        return html + "</tr>\n"
    }

    /// The cells of a row: split at unescaped `|`, one leading and one trailing `|` dropped,
    /// each trimmed, `\|` turned into `|`.
    static func cells(_ line: [UInt8]) -> [[UInt8]] {
        var s = 0, e = line.count
        while s < e, line[s] == 0x20 || line[s] == 0x09 { s += 1 }
        while e > s, line[e - 1] == 0x20 || line[e - 1] == 0x09 || line[e - 1] == 0x0D { e -= 1 }
        if s < e, line[s] == 0x7C { s += 1 }
        if e > s, line[e - 1] == 0x7C, !(e - 2 >= s && line[e - 2] == 0x5C) { e -= 1 }
        var cells: [[UInt8]] = []
        var current: [UInt8] = []
        var k = s
        while k < e {
            let c = line[k]
            if c == 0x5C, k + 1 < e, line[k + 1] == 0x7C {
                current.append(0x7C); k += 2; continue
            }
            if c == 0x5C, k + 1 < e { current.append(c); current.append(line[k + 1]); k += 2; continue }
            if c == 0x7C { cells.append(trim(current)); current = []; k += 1; continue }
            current.append(c)
            k += 1
        }
        cells.append(trim(current))
        return cells
    }

    static func trim(_ bytes: [UInt8]) -> [UInt8] {
        var s = 0, e = bytes.count
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return Array(bytes[s..<e])
    }

    /// The alignments of a delimiter row, or nil when the line is not one: each cell
    /// `:?-+:?`, and a `|` somewhere unless there is a single column written with pipes.
    static func delimiterRow(_ line: [UInt8]) -> [Alignment]? {
        guard line.contains(0x7C) || line.contains(0x3A) else { return nil }
        var result: [Alignment] = []
        for cell in cells(line) {
            guard !cell.isEmpty else { return nil }
            var s = 0, e = cell.count
            let left = cell[s] == 0x3A
            if left { s += 1 }
            let right = e > s && cell[e - 1] == 0x3A
            if right { e -= 1 }
            guard e > s, cell[s..<e].allSatisfy({ $0 == 0x2D }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }
}

/// Renders a run of inline Markdown (a table cell, a line before a table) on its own, with the
/// inline extensions, without the `<p>` cmark wraps it in.
enum InlineMarkdown {
    /// Cells and lines are at most this long; longer ones are cut (a table cell is not a novel).
    static let maxBytes = 1 << 16

    static func render(_ bytes: [UInt8], context: inout MarkdownContext) -> String {
        var input = Array(bytes.prefix(maxBytes))
        escapeBlockStart(&input)
        let options = cmarkOptions(rawHTML: context.rawHTML)
        guard !input.isEmpty, let tree = CmarkTree(bytes: input, options: options) else { return "" }
        cmark_consolidate_text_nodes(tree.root)
        MarkdownExtensions.applyInline(to: tree, context: &context)
        var html = tree.renderHTML(options: context.rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        while let last = html.last, last == 0x0A { html.removeLast() }
        if html.starts(with: Array("<p>".utf8)), html.count >= 7, html.suffix(4).elementsEqual("</p>".utf8) {
            html = Array(html[3..<(html.count - 4)])
        }
        return String(decoding: html, as: UTF8.self)
    }

    /// A cell is inline content only: a first character that would start a block (`# `,
    /// `> `, `- `, `1. `, a fence, a thematic break) is escaped with a backslash.
    static func escapeBlockStart(_ input: inout [UInt8]) {
        guard let c = input.first else { return }
        let next: UInt8? = input.count > 1 ? input[1] : nil
        let spaceOrEnd = next == nil || next == 0x20 || next == 0x09
        switch c {
        case 0x23, 0x3E, 0x2D, 0x2B, 0x2A, 0x3D, 0x5F:
            if spaceOrEnd || c == 0x3E || input.allSatisfy({ $0 == c || $0 == 0x20 }) || (c == 0x23 && next == 0x23) {
                input.insert(0x5C, at: 0)
            }
        case 0x60, 0x7E:
            if input.count >= 3, input[1] == c, input[2] == c { input.insert(0x5C, at: 0) }
        case 0x30...0x39:
            var k = 0
            while k < input.count, k < 10, input[k] >= 0x30, input[k] <= 0x39 { k += 1 }
            if k < input.count, input[k] == 0x2E || input[k] == 0x29, k + 1 == input.count || input[k + 1] == 0x20 {
                input.insert(0x5C, at: k)
            }
        default:
            break
        }
    }
}
