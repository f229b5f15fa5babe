import CCmark

/// Obsidian's block ids: `^abc123` at the end of a paragraph or list item (or alone on the
/// line after a block) is hidden and becomes the anchor `id="^abc123"`, so
/// `[[note#^abc123]]` lands on the block.
enum BlockID: MarkdownExtension {
    static let markers = ["^"]

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        var seen = Set<String>()
        for paragraph in tree.nodes(ofType: [CMARK_NODE_PARAGRAPH.rawValue]) {
            guard let last = cmark_node_last_child(paragraph), CmarkTree.type(last) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkTree.literalBytes(last)
            guard let (id, start) = trailingID(literal) else { continue }
            let alone = start == 0 && cmark_node_previous(last) == nil
            guard seen.insert(id).inserted else {
                context.diagnostics.append(.warning(
                    .duplicateBlockID, "block id '^\(id)' is used twice in this note; links go to the first",
                    at: context.location(of: paragraph), hint: "give each block its own id"))
                continue
            }
            context.blockIDs.append(id)
            let anchor = "<span class=\"block-anchor\" id=\"^\(MarkdownBody.escapeHTML(id))\"></span>"
            var keep = Array(literal[..<start])
            while let c = keep.last, c == 0x20 || c == 0x09 { keep.removeLast() }
            if alone {
                // An id on its own line names the block before it.
                guard let block = CmarkTree.customBlock(enter: anchor) else { continue }
                let target = cmark_node_previous(paragraph) ?? paragraph
                _ = cmark_node_insert_before(target, block)
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
                continue
            }
            if keep.isEmpty {
                // The id follows a line break: drop the break too.
                if let br = cmark_node_previous(last), CmarkTree.type(br) == CMARK_NODE_SOFTBREAK {
                    cmark_node_unlink(br); cmark_node_free(br)
                }
                cmark_node_unlink(last); cmark_node_free(last)
            } else {
                CmarkTree.setLiteral(last, keep[...])
            }
            if let span = CmarkTree.customInline(enter: anchor), cmark_node_prepend_child(paragraph, span) != 1 {
                cmark_node_free(span)
            }
        }
    }

    /// The id at the end of `bytes` (` ^abc-1`, letters, digits and `-`) and where its `^` is;
    /// the caret must start the text or follow white space.
    static func trailingID(_ bytes: [UInt8]) -> (String, Int)? {
        var e = bytes.count
        while e > 0, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        var s = e
        while s > 0, s > e - 64, isIDByte(bytes[s - 1]) { s -= 1 }
        guard s < e, s > 0, bytes[s - 1] == 0x5E else { return nil }
        let caret = s - 1
        guard caret == 0 || bytes[caret - 1] == 0x20 || bytes[caret - 1] == 0x09 || bytes[caret - 1] == 0x0A else { return nil }
        return (String(decoding: bytes[s..<e], as: UTF8.self), caret)
    }

    static func isIDByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
    }
}
