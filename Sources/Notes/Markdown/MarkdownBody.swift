/// A place in a note's HTML that a later stage fills: rendered math, a resolved link,
/// a cell with its outputs, an inline value, or a heading's anchor.
public enum Hole: Sendable, Hashable {
    /// Index into `Note.math`.
    case math(Int)
    /// Index into `Note.links`.
    case link(Int)
    /// Index into `Note.cells`.
    case cell(Int)
    /// Index into `Note.inlineExpressions`.
    case inlineValue(Int)
    /// Index into `Note.headings`; sits at the start of the heading's content.
    case headingAnchor(Int)
    /// Index into `Note.inlineTags`: an inline `#tag`, a link to the tag's page.
    case tag(Int)
}

/// cmark's HTML for a note, with holes where QED inserts its own markup.
///
/// Holes sit only in element content, never inside a tag: a placeholder cmark put into an
/// attribute (an image's alt text) is replaced at read time by the escaped plain source.
public struct MarkdownBody: Sendable, Hashable {
    /// The HTML split at its holes, in order. The only copy of the note's HTML a vault keeps.
    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// The HTML with each hole written as a placeholder of private-use characters
    /// (U+E000, a kind, digits, U+E00F; text holes wrapped in `(`), for tests and debugging.
    /// Prefer `render(_:)`, which never exposes the placeholders.
    public var html: String { render(Placeholder.string) }

    /// A run of finished HTML, or a hole.
    public enum Segment: Sendable, Hashable {
        case html(String)
        case hole(Hole)
    }

    /// Every hole, in document order.
    public var holes: [Hole] {
        segments.compactMap { if case .hole(let h) = $0 { return h } else { return nil } }
    }

    /// The finished HTML, with each hole replaced by `fill(hole)`.
    public func render(_ fill: (Hole) -> String) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .html(let s): out += s
            case .hole(let h): out += fill(h)
            }
        }
        return out
    }

    /// Escapes text the way cmark does for element content and attributes (`& < > "`).
    public static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// The private-use characters that stand for holes while cmark parses and renders.
///
/// Layout: U+E000, a kind scalar (U+E001…U+E006), the index in digits U+E010…U+E019, U+E00F;
/// math, link and inline-value placeholders are wrapped in `(` (see `wrapper`).
/// Every scalar in U+E000…U+E01F found in a note's own text is replaced with U+FFFD before
/// anything else happens, so a note cannot forge a hole.
enum Placeholder {
    static let open: UInt32 = 0xE000
    static let close: UInt32 = 0xE00F
    static let digitZero: UInt32 = 0xE010
    static let reservedRange: ClosedRange<UInt32> = 0xE000...0xE01F

    static func kindScalar(_ hole: Hole) -> (UInt32, Int) {
        switch hole {
        case .math(let i): return (0xE001, i)
        case .link(let i): return (0xE002, i)
        case .cell(let i): return (0xE003, i)
        case .inlineValue(let i): return (0xE004, i)
        case .headingAnchor(let i): return (0xE005, i)
        case .tag(let i): return (0xE006, i)
        }
    }

    static func hole(kind: UInt32, index: Int) -> Hole? {
        switch kind {
        case 0xE001: return .math(index)
        case 0xE002: return .link(index)
        case 0xE003: return .cell(index)
        case 0xE004: return .inlineValue(index)
        case 0xE005: return .headingAnchor(index)
        case 0xE006: return .tag(index)
        default: return nil
        }
    }

    /// Text holes stand where `$…$`, `[[…]]` or a code span stood, all of which begin and end
    /// with punctuation; cmark decides emphasis by whether the characters around `*` and `_`
    /// are punctuation, and private-use characters are not. So text placeholders are wrapped
    /// in `(`: punctuation that also makes any link destination containing it unbalanced, so
    /// a placeholder never turns text into a link. `unwrap` removes the wrappers again.
    static let wrapper: UInt8 = 0x28

    static func isWrapped(_ hole: Hole) -> Bool {
        switch hole {
        case .math, .link, .inlineValue: return true
        case .cell, .headingAnchor, .tag: return false
        }
    }

    /// Appends the UTF-8 bytes of a hole's placeholder.
    static func append(_ hole: Hole, to bytes: inout [UInt8]) {
        if isWrapped(hole) {
            bytes.append(wrapper)
            appendBare(hole, to: &bytes)
            bytes.append(wrapper)
        } else {
            appendBare(hole, to: &bytes)
        }
    }

    /// The byte range a placeholder found at `i..<i+length` really covers, wrappers included.
    static func unwrap(_ hole: Hole, at i: Int, length: Int, floor: Int,
                       in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard isWrapped(hole) else { return i..<(i + length) }
        let start = i > floor && bytes[i - 1] == wrapper ? i - 1 : i
        let end = i + length < bytes.count && bytes[i + length] == wrapper ? i + length + 1 : i + length
        return start..<end
    }

    static func appendBare(_ hole: Hole, to bytes: inout [UInt8]) {
        let (kind, index) = kindScalar(hole)
        appendScalar(open, to: &bytes)
        appendScalar(kind, to: &bytes)
        for d in String(index).utf8 { appendScalar(digitZero + UInt32(d - 48), to: &bytes) }
        appendScalar(close, to: &bytes)
    }

    static func string(_ hole: Hole) -> String {
        var b: [UInt8] = []
        append(hole, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// All scalars here are three-byte UTF-8 (U+0800…U+FFFF).
    static func appendScalar(_ v: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(0xE0 | (v >> 12)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    }

    /// Decodes a three-byte scalar at `i`, if there is one.
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard i + 2 < bytes.count, bytes[i] & 0xF0 == 0xE0 else { return nil }
        return (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
    }

    /// Parses a placeholder starting at `i` (which must hold U+E000); returns the hole and its byte length.
    static func parse(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Hole, Int)? {
        guard scalar(at: i, in: bytes) == open, let kind = scalar(at: i + 3, in: bytes) else { return nil }
        var j = i + 6
        var index = 0
        var digits = 0
        while let s = scalar(at: j, in: bytes), s >= digitZero, s <= digitZero + 9 {
            guard digits < 9 else { return nil }
            index = index * 10 + Int(s - digitZero)
            digits += 1
            j += 3
        }
        guard digits > 0, scalar(at: j, in: bytes) == close, let hole = hole(kind: kind, index: index) else { return nil }
        return (hole, j + 3 - i)
    }
}
