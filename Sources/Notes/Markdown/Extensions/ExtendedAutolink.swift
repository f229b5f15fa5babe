import CCmark

/// GFM's extended autolinks: bare `https://…`, `http://…` and `www.…` in text become links
/// (`www.` gets `http://`). Text already inside a link is left alone.
enum ExtendedAutolink: MarkdownExtension {
    static let markers = ["://", "ww.", "WW."]

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        for text in tree.nodes(ofType: [CMARK_NODE_TEXT.rawValue])
        where CmarkTree.literalHas(text, "://") || CmarkTree.literalHas(text, "ww.") || CmarkTree.literalHas(text, "WW.") {
            guard !CmarkTree.hasAncestor(text, ofType: [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue]) else { continue }
            let literal = CmarkTree.literalBytes(text)
            guard literal.count >= 4, containsCandidate(literal) else { continue }
            link(text, literal)
        }
    }

    static func containsCandidate(_ b: [UInt8]) -> Bool {
        var k = 0
        while k + 3 < b.count {
            if (b[k] == 0x77 || b[k] == 0x57) && startsWith(b, k, "www.") { return true }
            if (b[k] == 0x68 || b[k] == 0x48) && (startsWith(b, k, "http://") || startsWith(b, k, "https://")) { return true }
            k += 1
        }
        return false
    }

    static func startsWith(_ b: [UInt8], _ at: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard at + p.count <= b.count else { return false }
        for j in 0..<p.count where b[at + j] | 0x20 != p[j] | 0x20 { return false }
        return true
    }

    /// Replaces `node` by text and link nodes.
    static func link(_ node: OpaquePointer, _ b: [UInt8]) {
        var pieces: [(ArraySlice<UInt8>, url: String?)] = []
        var start = 0, k = 0
        while k < b.count {
            let boundary = k == 0 || [0x20, 0x09, 0x0A, 0x2A, 0x5F, 0x7E, 0x28].contains(b[k - 1])
            if boundary, let end = match(b, at: k) {
                if start < k { pieces.append((b[start..<k], nil)) }
                let shown = b[k..<end]
                var url = String(decoding: shown, as: UTF8.self)
                if startsWith(b, k, "www.") { url = "http://" + url }
                pieces.append((shown, url))
                start = end
                k = end
                continue
            }
            k += 1
        }
        guard pieces.contains(where: { $0.url != nil }) else { return }
        if start < b.count { pieces.append((b[start...], nil)) }
        var after: OpaquePointer? = nil
        for (bytes, url) in pieces {
            let made: OpaquePointer?
            if let url, let link = cmark_node_new(CMARK_NODE_LINK), let label = CmarkTree.textNode(bytes) {
                _ = url.withCString { cmark_node_set_url(link, $0) }
                _ = cmark_node_append_child(link, label)
                made = link
            } else {
                made = CmarkTree.textNode(bytes)
            }
            guard let made else { continue }
            if cmark_node_insert_before(node, made) != 1 { cmark_node_free(made) }
            after = made
        }
        if after != nil { cmark_node_unlink(node); cmark_node_free(node) }
    }

    /// The end of an extended autolink starting at `k`, per GFM: a valid domain, then any
    /// characters up to white space or `<`, minus trailing punctuation and unbalanced `)`.
    static func match(_ b: [UInt8], at k: Int) -> Int? {
        var domainStart: Int
        if startsWith(b, k, "www.") { domainStart = k }
        else if startsWith(b, k, "https://") { domainStart = k + 8 }
        else if startsWith(b, k, "http://") { domainStart = k + 7 }
        else { return nil }
        var e = domainStart
        var segments = 0, segmentLength = 0
        var underscoreIn: [Bool] = [false]
        while e < b.count {
            let c = b[e]
            if c == 0x2E {
                guard segmentLength > 0 else { break }
                segments += 1; segmentLength = 0; underscoreIn.append(false)
            } else if isAlnum(c) || c == 0x2D || c == 0x5F || c >= 0x80 {
                if c == 0xEE { break } // a hole's placeholder
                if c == 0x5F { underscoreIn[underscoreIn.count - 1] = true }
                segmentLength += 1
            } else { break }
            e += 1
        }
        if segmentLength == 0, e > domainStart, b[e - 1] == 0x2E { e -= 1; segments -= 1; underscoreIn.removeLast() }
        guard e > domainStart, segments >= 1 else { return nil }
        if underscoreIn.suffix(2).contains(true) { return nil }
        // The path: up to white space or `<`; a placeholder (a hole) ends it too.
        while e < b.count, b[e] > 0x20, b[e] != 0x3C, !(b[e] == 0x28 && e + 1 < b.count && b[e + 1] == 0xEE), b[e] != 0xEE { e += 1 }
        // Trailing punctuation, unbalanced `)`, and a trailing entity-like `&x;` are not part of it.
        var opens = 0, closes = 0
        for c in b[k..<e] { if c == 0x28 { opens += 1 } else if c == 0x29 { closes += 1 } }
        while e > domainStart {
            let c = b[e - 1]
            if [0x3F, 0x21, 0x2E, 0x2C, 0x3A, 0x2A, 0x5F, 0x7E, 0x27, 0x22].contains(c) { e -= 1; continue }
            if c == 0x29, closes > opens { e -= 1; closes -= 1; continue }
            if c == 0x3B {
                var m = e - 2
                while m > domainStart, isAlnum(b[m]) { m -= 1 }
                if m >= domainStart, b[m] == 0x26, m < e - 2 { e = m; continue }
            }
            break
        }
        return e > domainStart ? e : nil
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }
}
