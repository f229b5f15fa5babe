import Foundation
import CCmark

/// Whether a cmark code block is fenced, and whether its fence was closed.
///
/// cmark 0.30 does not say; the answer is in the source bytes at the node's position.
struct FenceCheck {
    var isFenced = false
    var isClosed = true
    var character: UInt8 = 0x60
    var openLength = 0

    init(text: [UInt8], lines: LineIndex, node: OpaquePointer, info: String) {
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let s = lines.offset(line: startLine, byteColumn: Int(cmark_node_get_start_column(node)), count: text.count)
        guard s < text.count, text[s] == 0x60 || text[s] == 0x7E else { return }
        character = text[s]
        var k = s
        while k < text.count, text[k] == character { k += 1 }
        openLength = k - s
        guard openLength >= 3 else { return }
        if info.isEmpty {
            // An indented block whose first line happens to be a fence reports the same position.
            var e = s
            while e < text.count, text[e] != 0x0A { e += 1 }
            let sourceLine = Array(text[s..<e])
            let literal = Array(CmarkTree.literal(node).utf8.prefix(while: { $0 != 0x0A }))
            if sourceLine == literal { return }
        }
        isFenced = true
        guard endLine > startLine else { isClosed = false; return }
        var p = lines.offset(line: endLine, byteColumn: 1, count: text.count)
        while p < text.count, text[p] == 0x20 || text[p] == 0x09 || text[p] == 0x3E { p += 1 }
        var run = 0
        while p < text.count, text[p] == character { run += 1; p += 1 }
        while p < text.count, text[p] == 0x20 || text[p] == 0x09 { p += 1 }
        isClosed = run >= openLength && (p >= text.count || text[p] == 0x0A)
    }
}

/// Text with placeholders turned back into plain source-like text (for headings and attributes).
func plainText(_ bytes: [UInt8], cutout: Cutout) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { b in
        var i = 0
        while i < b.count {
            if b[i] == 0xEE, let (hole, length) = Placeholder.parse(at: i, in: b) {
                let range = Placeholder.unwrap(hole, at: i, length: length, floor: 0, in: b)
                if range.lowerBound < i, out.last == Placeholder.wrapper { out.removeLast() }
                out.append(contentsOf: plainText(of: hole, cutout: cutout).utf8)
                i = range.upperBound
            } else {
                out.append(b[i])
                i += 1
            }
        }
    }
    return String(decoding: out, as: UTF8.self)
}

func plainText(of hole: Hole, cutout: Cutout) -> String {
    switch hole {
    case .math(let i): return i < cutout.math.count ? cutout.math[i].tex : ""
    case .link(let i): return i < cutout.links.count ? cutout.links[i].displayText : ""
    case .inlineValue(let i): return i < cutout.inlineExpressions.count ? cutout.inlineExpressions[i].codeText : ""
    case .cell, .headingAnchor, .tag: return ""
    }
}

/// Splits rendered HTML at its placeholders. A placeholder inside a tag (an image's alt text)
/// cannot hold markup, so it becomes its escaped plain text there and then.
func splitHoles(_ html: [UInt8], cutout: Cutout, allMath: [MathSpan],
                remap: (Hole) -> Hole) -> [MarkdownBody.Segment] {
    var segments: [MarkdownBody.Segment] = []
    html.withUnsafeBufferPointer { b in
        guard let base = b.baseAddress else { return }
        var runStart = 0
        var pending = [UInt8]()
        var i = 0
        func flush(upTo end: Int) {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<end]))
            if !pending.isEmpty { segments.append(.html(String(decoding: pending, as: UTF8.self))) }
            pending.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            // memchr finds the next candidate lead byte at memory speed.
            guard let hit = memchr(base + i, 0xEE, b.count - i) else { break }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard let (hole, length) = Placeholder.parse(at: i, in: b) else { i += 1; continue }
            let range = Placeholder.unwrap(hole, at: i, length: length, floor: runStart, in: b)
            // Inside a tag when the nearest '<' or '>' before the placeholder is a '<'
            // (cmark escapes both in text, so they only ever delimit tags).
            var k = i - 1
            while k >= runStart, b[k] != 0x3C, b[k] != 0x3E { k -= 1 }
            let inTag = k >= runStart ? b[k] == 0x3C : isInsideTag(pending)
            if inTag {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<range.lowerBound]))
                var plain = plainText(of: hole, cutout: cutout)
                if case .math(let m) = hole, m < allMath.count { plain = allMath[m].tex }
                pending.append(contentsOf: MarkdownBody.escapeHTML(plain).utf8)
            } else {
                flush(upTo: range.lowerBound)
                segments.append(.hole(remap(hole)))
            }
            i = range.upperBound
            runStart = i
        }
        flush(upTo: b.count)
    }
    return segments
}

/// Whether already-copied text ends inside a tag (used when a run has no '<' or '>' of its own).
private func isInsideTag(_ bytes: [UInt8]) -> Bool {
    for c in bytes.reversed() {
        if c == 0x3C { return true }
        if c == 0x3E { return false }
    }
    return false
}

/// A heading's anchor: lower-cased letters and digits of any script, spaces and `-` as `-`,
/// `_` kept, other punctuation dropped; `-1`, `-2`… on repeats within a note.
func uniqueSlug(_ text: String, used: inout SlugRegistry) -> String {
    // `text.lowercased()` is each scalar's lowercase mapping in turn; ASCII and CJK
    // ideographs (alphabetic, caseless) are handled without building those mappings, and
    // the slug is built as bytes (appending scalar by scalar to a String cost more).
    var slug: [UInt8] = []
    slug.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if v < 0x80 {
            appendSlugASCII(UInt8(v) | (v >= 0x41 && v <= 0x5A ? 0x20 : 0), to: &slug)
        } else if v >= 0x4E00 && v <= 0x9FFF {
            UTF8.encode(scalar) { slug.append($0) }
        } else {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.isASCII {
                    appendSlugASCII(UInt8(lower.value), to: &slug)
                } else if lower.properties.isAlphabetic || lower.properties.numericType != nil {
                    UTF8.encode(lower) { slug.append($0) }
                }
            }
        }
    }
    return used.claim(slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self))
}

/// Letters, digits and `_` are kept; space, tab and `-` become `-`; the rest is dropped.
private func appendSlugASCII(_ c: UInt8, to slug: inout [UInt8]) {
    if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F {
        slug.append(c)
    } else if c == 0x20 || c == 0x09 || c == 0x2D {
        slug.append(0x2D)
    }
}

/// Anchors already taken in a note, and the next suffix to try per base slug, so that
/// thousands of identical headings stay linear.
struct SlugRegistry {
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    mutating func claim(_ slug: String) -> String {
        if used.insert(slug).inserted { return slug }
        var k = nextSuffix[slug] ?? 1
        while used.contains("\(slug)-\(k)") { k += 1 }
        nextSuffix[slug] = k + 1
        let candidate = "\(slug)-\(k)"
        used.insert(candidate)
        return candidate
    }
}

/// The slug of a heading text without de-duplication (for matching `[[note#Heading]]`).
func slug(_ text: String) -> String {
    var none = SlugRegistry()
    return uniqueSlug(text, used: &none)
}
