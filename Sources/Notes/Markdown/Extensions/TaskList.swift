import CCmark

/// GFM task list items: `- [ ] todo`, `- [x] done` become disabled checkboxes, checked
/// state kept (readers cannot tick a published note).
enum TaskList: MarkdownExtension {
    static let markers = ["[ ]", "[x]", "[X]"]

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        for item in tree.nodes(ofType: [CMARK_NODE_ITEM.rawValue]) {
            guard let paragraph = cmark_node_first_child(item), CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), CmarkTree.type(first) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkTree.literalBytes(first)
            guard let checked = marker(literal) else { continue }
            let rest = literal[3...]
            // The space after `]` stays, as in GFM's own output.
            if rest.isEmpty { cmark_node_unlink(first); cmark_node_free(first) } else { CmarkTree.setLiteral(first, rest) }
            let box = "<input \(checked ? "checked=\"\" " : "")disabled=\"\" type=\"checkbox\">"
            if let input = CmarkTree.customInline(enter: box), cmark_node_prepend_child(paragraph, input) != 1 {
                cmark_node_free(input)
            }
        }
    }

    /// `[ ]` → false, `[x]`/`[X]` → true, followed by white space (GFM); nil otherwise.
    static func marker(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes[0] == 0x5B, bytes[2] == 0x5D, bytes[3] == 0x20 || bytes[3] == 0x09 else { return nil }
        switch bytes[1] {
        case 0x20: return false
        case 0x78, 0x58: return true
        default: return nil
        }
    }
}
