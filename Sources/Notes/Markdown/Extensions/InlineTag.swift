import CCmark

/// Obsidian's inline tags: `#topic` or nested `#area/topic` in text (after white space or at
/// the start) become tag links and join the note's tags. A tag holds letters, digits, `_`,
/// `-` and `/`, and at least one character that is not a digit (`#1` is not a tag).
enum InlineTag: MarkdownExtension {
    static let markers = ["#"]

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        let skip: Set<UInt32> = [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue, CMARK_NODE_HEADING.rawValue]
        for text in tree.nodes(ofType: [CMARK_NODE_TEXT.rawValue]) where CmarkTree.literalHas(text, 0x23) {
            guard !CmarkTree.hasAncestor(text, ofType: skip) else { continue }
            let literal = CmarkTree.literalBytes(text)
            let previous = cmark_node_previous(text)
            let startsClean = previous == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(CmarkTree.type(previous!))
            split(text, literal, startsClean: startsClean, context: &context)
        }
    }

    static func split(_ node: OpaquePointer, _ b: [UInt8], startsClean: Bool, context: inout MarkdownContext) {
        var pieces: [(ArraySlice<UInt8>, tag: String?)] = []
        var start = 0, k = 0
        while k < b.count {
            let boundary = k == 0 ? startsClean : (b[k - 1] == 0x20 || b[k - 1] == 0x09 || b[k - 1] == 0x0A)
            if b[k] == 0x23, boundary, let end = tagEnd(b, from: k + 1) {
                if start < k { pieces.append((b[start..<k], nil)) }
                pieces.append((b[k..<end], String(decoding: b[(k + 1)..<end], as: UTF8.self)))
                start = end; k = end
                continue
            }
            k += 1
        }
        guard pieces.contains(where: { $0.tag != nil }) else { return }
        if start < b.count { pieces.append((b[start...], nil)) }
        for (bytes, tag) in pieces {
            let made: OpaquePointer?
            if let tag {
                made = CmarkTree.customInline(enter: Placeholder.string(.tag(context.tagIndex(tag))))
            } else {
                made = CmarkTree.textNode(bytes)
            }
            guard let made else { continue }
            if cmark_node_insert_before(node, made) != 1 { cmark_node_free(made) }
        }
        cmark_node_unlink(node); cmark_node_free(node)
    }

    /// The end of a tag's name starting at `from`, or nil when there is none.
    static func tagEnd(_ b: [UInt8], from: Int) -> Int? {
        var e = from
        var sawNonDigit = false
        while e < b.count, e - from < 200 {
            let c = b[e]
            if c >= 0x80 {
                // Any non-ASCII letter (CJK, accented) may be part of a tag; not our placeholders.
                if c == 0xEE { break }
                sawNonDigit = true; e += 1; continue
            }
            let letter = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
            if letter || c == 0x5F || c == 0x2D || c == 0x2F { sawNonDigit = true; e += 1; continue }
            if c >= 0x30 && c <= 0x39 { e += 1; continue }
            break
        }
        // Unicode punctuation (，。) ends a tag in Obsidian too; trim trailing `/` and `-`.
        while e > from, b[e - 1] == 0x2F { e -= 1 }
        guard e > from, sawNonDigit, b[from] != 0x2F else { return nil }
        return validUTF8End(b, from: from, to: e)
    }

    /// Makes sure the tag does not end inside a multi-byte character, and stops at CJK or
    /// full-width punctuation (U+3000…U+303F, U+FF00…U+FF0F, …).
    static func validUTF8End(_ b: [UInt8], from: Int, to: Int) -> Int? {
        let scalars = String(decoding: b[from..<to], as: UTF8.self).unicodeScalars
        var length = 0
        for s in scalars {
            if !s.isASCII, !(s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.isEmoji) { break }
            length += String(s).utf8.count
        }
        let name = b[from..<(from + length)]
        guard length > 0, name.contains(where: { $0 < 0x30 || $0 > 0x39 }) else { return nil }
        return from + length
    }
}
