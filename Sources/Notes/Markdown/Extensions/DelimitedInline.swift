import CCmark

/// `~~strikethrough~~` (GFM; one tilde too) and `==highlight==` (Obsidian): delimiter runs
/// in text, paired like emphasis within one inline container (a paragraph, a link, …).
///
/// An opening run must be followed, a closing run preceded, by a non-space character; a
/// closer pairs with the nearest open run of the same character and length. Code spans are
/// not text, so `` `~~x~~` `` stays as written.
enum DelimitedInline: MarkdownExtension {
    static let markers = ["~", "=="]

    struct Delimiter {
        var node: OpaquePointer
        var character: UInt8
        var length: Int
    }

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        var parents: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        for text in tree.nodes(ofType: [CMARK_NODE_TEXT.rawValue])
        where CmarkTree.literalHas(text, 0x7E) || CmarkTree.literalHas(text, "==") {
            let literal = CmarkTree.literalBytes(text)
            guard literal.contains(0x7E) || hasDoubleEquals(literal), let parent = cmark_node_parent(text) else { continue }
            splitRuns(text, literal)
            if seen.insert(parent).inserted { parents.append(parent) }
        }
        for parent in parents { pair(in: parent) }
    }

    static func hasDoubleEquals(_ b: [UInt8]) -> Bool {
        var k = 1
        while k < b.count { if b[k] == 0x3D, b[k - 1] == 0x3D { return true }; k += 1 }
        return false
    }

    /// Whether a run can be a delimiter: `~` or `~~`, or exactly `==`.
    static func isDelimiterRun(_ c: UInt8, _ length: Int) -> Bool {
        (c == 0x7E && length <= 2) || (c == 0x3D && length == 2)
    }

    /// Splits a text node so each candidate delimiter run is a text node of its own.
    static func splitRuns(_ node: OpaquePointer, _ literal: [UInt8]) {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0, k = 0
        while k < literal.count {
            let c = literal[k]
            guard c == 0x7E || c == 0x3D else { k += 1; continue }
            var e = k
            while e < literal.count, literal[e] == c { e += 1 }
            if isDelimiterRun(c, e - k) {
                if start < k { pieces.append(literal[start..<k]) }
                pieces.append(literal[k..<e])
                start = e
            }
            k = e
        }
        guard pieces.count > 0 else { return }
        if start < literal.count { pieces.append(literal[start...]) }
        guard pieces.count > 1 else { return }
        CmarkTree.setLiteral(node, pieces[0])
        var after = node
        for piece in pieces.dropFirst() {
            guard let text = CmarkTree.textNode(piece) else { return }
            if cmark_node_insert_after(after, text) != 1 { cmark_node_free(text); return }
            after = text
        }
    }

    static func pair(in parent: OpaquePointer) {
        var openers: [Delimiter] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            node = cmark_node_next(current)
            guard CmarkTree.type(current) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkTree.literalBytes(current)
            guard let c = literal.first, literal.allSatisfy({ $0 == c }), isDelimiterRun(c, literal.count) else { continue }
            let before = neighbourByte(cmark_node_previous(current), last: true)
            let after = neighbourByte(node, last: false)
            let canClose = !isSpace(before)
            let canOpen = !isSpace(after)
            if canClose, let index = openers.lastIndex(where: { $0.character == c && $0.length == literal.count }) {
                let opener = openers[index]
                openers.removeSubrange(index...)
                wrap(from: opener.node, to: current, character: c)
                continue
            }
            if canOpen {
                // Bounded, so a paragraph of thousands of unmatched `~` stays linear.
                if openers.count >= 64 { openers.removeFirst() }
                openers.append(Delimiter(node: current, character: c, length: literal.count))
            }
        }
    }

    /// Moves the nodes strictly between `open` and `close` into `<del>` or `<mark>`, which
    /// takes the delimiters' place.
    static func wrap(from open: OpaquePointer, to close: OpaquePointer, character: UInt8) {
        let tag = character == 0x7E ? "del" : "mark"
        guard cmark_node_next(open) != close, let wrapper = CmarkTree.customInline(enter: "<\(tag)>", exit: "</\(tag)>") else { return }
        while let inner = cmark_node_next(open), inner != close {
            cmark_node_unlink(inner)
            if cmark_node_append_child(wrapper, inner) != 1 { cmark_node_free(inner) }
        }
        if cmark_node_insert_before(open, wrapper) != 1 { cmark_node_free(wrapper); return }
        cmark_node_unlink(open); cmark_node_free(open)
        cmark_node_unlink(close); cmark_node_free(close)
    }

    /// The byte next to a delimiter: the last (or first) byte of a neighbouring text node;
    /// nil at the container's edge; `a` (not space) beside any other inline.
    static func neighbourByte(_ node: OpaquePointer?, last: Bool) -> UInt8? {
        guard let node else { return nil }
        let type = CmarkTree.type(node)
        if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { return 0x20 }
        guard type == CMARK_NODE_TEXT else { return 0x61 }
        let literal = CmarkTree.literalBytes(node)
        return last ? literal.last : literal.first
    }

    static func isSpace(_ c: UInt8?) -> Bool {
        guard let c else { return true }
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
}
