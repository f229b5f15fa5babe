import CCmark
import Diagnostics

/// What the second cmark parse (of the text with placeholders) yields.
struct MarkdownPass {
    var body = MarkdownBody(segments: [])
    var math: [MathSpan] = []
    var cells: [Cell] = []
    var headings: [Heading] = []
    var diagnostics: [Diagnostic] = []
    /// Block ids found by the block-id extension (without `^`).
    var blockIDs: [String] = []
    /// Inline `#tags` found in text.
    var inlineTags: [String] = []
}

extension MarkdownPass {
    /// Parses the cut-out text, turns qed and math fences, display-math paragraphs and
    /// heading anchors into holes, renders HTML and maps every position to the original file.
    static func run(cutout: Cutout, rawHTML: Bool, hardBreaks: Bool = false, locator: inout Locator) -> MarkdownPass {
        var pass = MarkdownPass()
        pass.math = cutout.math
        let text = cutout.text
        guard let tree = CmarkTree(bytes: text, options: cmarkOptions(rawHTML: rawHTML)) else { return pass }
        let lines = LineIndex(text)

        func location(line: Int32, column: Int32) -> SourceLocation {
            let s = lines.offset(line: Int(line), byteColumn: Int(column), count: text.count)
            return locator.location(ofOffset: cutout.map.originalOffset(ofSubstituted: s))
        }

        var replacements: [(OpaquePointer, String)] = []
        var anchors: [(OpaquePointer, String)] = []
        var usedAnchors = SlugRegistry()

        tree.walkBlocks { node in
            let type = CmarkTree.type(node)
            if type == CMARK_NODE_HEADING {
                var headingText: [UInt8] = []
                CmarkTree.walkInlines(of: node) { inline in
                    let inlineType = CmarkTree.type(inline)
                    if inlineType == CMARK_NODE_TEXT || inlineType == CMARK_NODE_CODE {
                        if let c = cmark_node_get_literal(inline) {
                            var p = c
                            while p.pointee != 0 { headingText.append(UInt8(bitPattern: p.pointee)); p += 1 }
                        }
                    } else if inlineType == CMARK_NODE_SOFTBREAK || inlineType == CMARK_NODE_LINEBREAK {
                        headingText.append(0x20)
                    }
                }
                let plain = plainText(headingText, cutout: cutout).trimmingSpaces
                let level = Int(cmark_node_get_heading_level(node))
                let anchor = uniqueSlug(plain, used: &usedAnchors)
                let loc = location(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
                anchors.append((node, Placeholder.string(.headingAnchor(pass.headings.count))))
                pass.headings.append(Heading(level: level, text: plain, anchor: anchor, location: loc))
                return
            }
            if type == CMARK_NODE_CODE_BLOCK {
                let info = CmarkTree.fenceInfo(node)
                let loc = location(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
                let fence = FenceCheck(text: text, lines: lines, node: node, info: info)
                if fence.isFenced, !fence.isClosed {
                    pass.diagnostics.append(.warning(
                        .unclosedFence, "code fence is never closed; it runs to the end of its container",
                        at: loc, length: fence.openLength,
                        hint: "add a closing \(String(repeating: fence.character == 0x7E ? "~" : "`", count: max(3, fence.openLength)))"))
                }
                let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
                guard let language = words.first?.lowercased() else { return }
                if language == "qed" {
                    let cell = makeCell(node: node, info: info, options: Array(words.dropFirst()),
                                        location: loc, index: pass.cells.count, diagnostics: &pass.diagnostics)
                    replacements.append((node, Placeholder.string(.cell(pass.cells.count))))
                    pass.cells.append(cell)
                } else if language == "math" {
                    var tex = CmarkTree.literal(node)
                    if tex.hasSuffix("\n") { tex.removeLast() }
                    let span = fenceMathSpan(tex: tex, fence: loc)
                    replacements.append((node, Placeholder.string(.math(pass.math.count))))
                    pass.math.append(span)
                }
            } else if type == CMARK_NODE_PARAGRAPH, startsWithPlaceholder(paragraph: node) {
                if let holes = displayOnlyHoles(paragraph: node, math: cutout.math) {
                    replacements.append((node, holes.map(Placeholder.string).joined(separator: "\n")))
                } else if let hole = embedOnlyHole(paragraph: node, links: cutout.links) {
                    // A paragraph that is only `![[note]]` shows the note as a block, not inside `<p>`.
                    replacements.append((node, Placeholder.string(hole)))
                }
            }
        }

        for (node, html) in anchors { CmarkTree.prependCustomInline(node, html: html) }
        for (node, html) in replacements { CmarkTree.replaceWithCustomBlock(node, html: html) }
        // GFM and Obsidian constructs cmark 0.30 does not know, each a tree rewrite.
        // Adjacent text nodes are merged first (the HTML is the same) so that markers cmark
        // split at `[` or `!` (`[!note]`, `[ ]`) are one literal.
        cmark_consolidate_text_nodes(tree.root)
        var context = MarkdownContext(text: text, lines: lines, map: cutout.map, locator: locator, rawHTML: rawHTML)
        context.footnoteReferences = cutout.footnoteReferences
        context.footnoteDefinitions = cutout.footnoteDefinitions
        MarkdownExtensions.apply(to: tree, context: &context)
        pass.diagnostics += context.diagnostics
        pass.blockIDs = context.blockIDs
        pass.inlineTags = context.inlineTags
        let html = tree.renderHTML(options: (rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) | (hardBreaks ? CMARK_OPT_HARDBREAKS : 0))

        // Keep math in document order: fences were found after the scanner's spans.
        var order = Array(pass.math.indices)
        order.sort { pass.math[$0].location < pass.math[$1].location || (pass.math[$0].location == pass.math[$1].location && $0 < $1) }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        let segments = splitHoles(html, cutout: cutout, allMath: pass.math) { hole in
            if case .math(let i) = hole, i < newIndex.count { return .math(newIndex[i]) }
            return hole
        }
        pass.math = order.map { pass.math[$0] }
        pass.body = MarkdownBody(segments: segments)
        return pass
    }

    static func fenceMathSpan(tex: String, fence: SourceLocation) -> MathSpan {
        var pieces: [MathPiece] = []
        var offset = 0
        var line = fence.line + 1
        for part in tex.split(separator: "\n", omittingEmptySubsequences: false) {
            pieces.append(MathPiece(texOffset: offset, line: line, column: fence.column))
            offset += part.utf8.count + 1
            line += 1
        }
        let start = SourceLocation(file: fence.file, line: fence.line + 1, column: fence.column)
        return MathSpan(tex: tex, display: true, location: start, pieces: pieces)
    }

    static func makeCell(node: OpaquePointer, info: String, options: [String], location: SourceLocation,
                         index: Int, diagnostics: inout [Diagnostic]) -> Cell {
        var parsed = CellOptions()
        for option in options {
            switch option.lowercased() {
            case "hide": parsed.hide = true
            case "skip": parsed.skip = true
            case "expect-error", "expect_error": parsed.expectError = true
            default:
                parsed.unknown.append(option)
                diagnostics.append(.warning(
                    .unknownCellOption, "unknown cell option '\(option)'", at: location,
                    length: 3, hint: "known options: hide, skip, expect-error"))
            }
        }
        return Cell(index: index, code: CmarkTree.literal(node), options: parsed, location: location,
                    firstLine: location.line + 1, columnOffset: location.column - 1, info: info)
    }

    /// A cheap test before `displayOnlyHoles`: the first child is text starting with a placeholder.
    static func startsWithPlaceholder(paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph), CmarkTree.type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first) else { return false }
        var p = literal
        while p.pointee == 0x20 || p.pointee == 0x09 { p += 1 }
        if UInt8(bitPattern: p.pointee) == Placeholder.wrapper { p += 1 }
        return UInt8(bitPattern: p.pointee) == 0xEE
    }

    /// The hole of a paragraph made only of one embed of a note (`![[note]]`, `![[note#x]]`).
    static func embedOnlyHole(paragraph: OpaquePointer, links: [WikiLink]) -> Hole? {
        guard let only = cmark_node_first_child(paragraph), cmark_node_next(only) == nil,
              CmarkTree.type(only) == CMARK_NODE_TEXT else { return nil }
        let bytes = Array(CmarkTree.literal(only).utf8)
        return bytes.withUnsafeBufferPointer { b -> Hole? in
            var i = 0
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            let at = i < b.count && b[i] == Placeholder.wrapper ? i + 1 : i
            guard let (hole, length) = Placeholder.parse(at: at, in: b), case .link(let index) = hole,
                  index < links.count, links[index].isEmbed, !VaultPath.isMediaFile(links[index].target) else { return nil }
            var end = Placeholder.unwrap(hole, at: at, length: length, floor: i, in: b).upperBound
            while end < b.count, b[end] == 0x20 || b[end] == 0x09 { end += 1 }
            return end == b.count ? hole : nil
        }
    }

    /// The display-math holes of a paragraph made only of display math (and line breaks).
    static func displayOnlyHoles(paragraph: OpaquePointer, math: [MathSpan]) -> [Hole]? {
        var holes: [Hole] = []
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = CmarkTree.type(node)
            if type == CMARK_NODE_TEXT {
                let bytes = Array(CmarkTree.literal(node).utf8)
                let ok: Bool = bytes.withUnsafeBufferPointer { b in
                    var i = 0
                    while i < b.count {
                        if b[i] == 0x20 || b[i] == 0x09 { i += 1; continue }
                        let at = b[i] == Placeholder.wrapper ? i + 1 : i
                        guard let (hole, length) = Placeholder.parse(at: at, in: b),
                              case .math(let index) = hole, index < math.count, math[index].display else { return false }
                        let range = Placeholder.unwrap(hole, at: at, length: length, floor: i, in: b)
                        guard range.lowerBound == i else { return false }
                        holes.append(hole)
                        i = range.upperBound
                    }
                    return true
                }
                if !ok { return nil }
            } else if type != CMARK_NODE_SOFTBREAK {
                return nil
            }
            child = cmark_node_next(node)
        }
        return holes.isEmpty ? nil : holes
    }
}
