import CCmark

/// Obsidian's callouts: a block quote whose first line is `[!type]`, optionally `+` or `-`
/// (foldable, open or closed) and a title, e.g. `> [!tip]- Proof`.
///
/// Rendered as `<div class="callout">`, or `<details>`/`<summary>` when foldable, so folding
/// works without JavaScript. Nested callouts and any content (math, cells, lists, tables)
/// work because the quote's own children are moved, not re-parsed.
enum Callout: MarkdownExtension {
    static let markers = ["[!"]

    /// Obsidian's built-in types and their aliases → the type they are shown as.
    static let canonicalType: [String: String] = [
        "note": "note",
        "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
        "info": "info",
        "todo": "todo",
        "tip": "tip", "hint": "tip", "important": "tip",
        "success": "success", "check": "success", "done": "success",
        "question": "question", "help": "question", "faq": "question",
        "warning": "warning", "caution": "warning", "attention": "warning",
        "failure": "failure", "fail": "failure", "missing": "failure",
        "danger": "danger", "error": "danger",
        "bug": "bug",
        "example": "example",
        "quote": "quote", "cite": "quote",
    ]

    /// What the first line of a quote says, when it opens a callout.
    struct Header: Equatable {
        var type: String
        /// `+` open, `-` closed, nil not foldable.
        var fold: UInt8?
        /// Bytes of the first text node the header takes (the rest is the title).
        var length: Int
    }

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        // Outer quotes first; moving children keeps inner quotes' pointers valid.
        for quote in tree.nodes(ofType: [CMARK_NODE_BLOCK_QUOTE.rawValue]) {
            guard let paragraph = cmark_node_first_child(quote), CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), CmarkTree.type(first) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkTree.literalBytes(first)
            guard let header = parseHeader(literal) else { continue }
            rewrite(quote: quote, paragraph: paragraph, first: first, literal: literal, header: header)
        }
    }

    /// `[!type]`, then `+`/`-`, at the start of `bytes`; the type is letters, digits, `-`, `_`.
    static func parseHeader(_ bytes: [UInt8]) -> Header? {
        guard bytes.count >= 4, bytes[0] == 0x5B, bytes[1] == 0x21 else { return nil }
        var k = 2
        while k < bytes.count, k < 66, isTypeByte(bytes[k]) { k += 1 }
        guard k > 2, k < bytes.count, bytes[k] == 0x5D else { return nil }
        let type = String(decoding: bytes[2..<k], as: UTF8.self).lowercased()
        k += 1
        var fold: UInt8?
        if k < bytes.count, bytes[k] == 0x2B || bytes[k] == 0x2D { fold = bytes[k]; k += 1 }
        return Header(type: type, fold: fold, length: k)
    }

    static func isTypeByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
    }

    static func rewrite(quote: OpaquePointer, paragraph: OpaquePointer, first: OpaquePointer,
                        literal: [UInt8], header: Header) {
        let canonical = canonicalType[header.type]
        let typeAttribute = MarkdownBody.escapeHTML(header.type)
        let classes = "callout callout-\(canonical ?? "custom")"
        let foldable = header.fold != nil
        let open = foldable
            ? "<details class=\"\(classes)\" data-callout=\"\(typeAttribute)\"\(header.fold == 0x2B ? " open" : "")>"
            : "<div class=\"\(classes)\" data-callout=\"\(typeAttribute)\">"
        let titleTag = foldable ? "summary" : "div"
        guard let callout = CmarkTree.customBlock(enter: open, exit: foldable ? "</details>" : "</div>"),
              let title = CmarkTree.customBlock(
                enter: "<\(titleTag) class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span><span class=\"callout-title-inner\">",
                exit: "</span></\(titleTag)>"),
              let content = CmarkTree.customBlock(enter: "<div class=\"callout-content\">", exit: "</div>") else { return }

        // The title: the rest of the first line (inline markup kept), else the type's name.
        var rest = Array(literal[header.length...])
        while let c = rest.first, c == 0x20 || c == 0x09 { rest.removeFirst() }
        if rest.isEmpty { cmark_node_unlink(first); cmark_node_free(first) } else { CmarkTree.setLiteral(first, rest[...]) }
        var titleHasContent = !rest.isEmpty
        while let node = cmark_node_first_child(paragraph) {
            let type = CmarkTree.type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                cmark_node_unlink(node); cmark_node_free(node)
                break
            }
            cmark_node_unlink(node)
            if cmark_node_append_child(title, node) != 1 { cmark_node_free(node) } else { titleHasContent = true }
        }
        if !titleHasContent, let name = CmarkTree.textNode(ArraySlice(defaultTitle(header.type).utf8)) {
            if cmark_node_append_child(title, name) != 1 { cmark_node_free(name) }
        }
        if cmark_node_first_child(paragraph) == nil { cmark_node_unlink(paragraph); cmark_node_free(paragraph) }

        CmarkTree.moveChildren(from: quote, to: content)
        _ = cmark_node_append_child(callout, title)
        if cmark_node_first_child(content) != nil { _ = cmark_node_append_child(callout, content) } else { cmark_node_free(content) }
        if cmark_node_insert_before(quote, callout) == 1 {
            cmark_node_unlink(quote)
            cmark_node_free(quote)
        } else {
            cmark_node_free(callout)
        }
    }

    /// Obsidian's default title: the type as written, first letter upper-cased.
    static func defaultTitle(_ type: String) -> String {
        guard let first = type.first else { return "Note" }
        return first.uppercased() + String(type.dropFirst().map { $0 == "-" ? " " : $0 })
    }
}
