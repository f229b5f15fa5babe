/// A tokenizer for the raw HTML inside a note, following the tokenization rules of the HTML
/// Living Standard (§13.2.5) for the states a fragment can reach: data, tag open, end tag
/// open, tag name, the attribute states, self-closing start tag, markup declaration open,
/// comment and bogus comment, and the raw-text content of `script`, `style` and kin.
///
/// Total: any bytes give tokens, in one pass, each byte looked at a bounded number of times.
/// The sanitiser sees the tags exactly as a browser would, so what it lets through means
/// what it checked.
struct HTMLTokenizer {
    struct Attribute: Equatable {
        /// Lower-cased, as the tokenizer emits it.
        var name: String
        /// With character references decoded.
        var value: String
        var hasValue: Bool
    }

    enum Token: Equatable {
        /// Text as written (character references not decoded).
        case text(Range<Int>)
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool, source: Range<Int>)
        case endTag(name: String, source: Range<Int>)
        /// A comment, a doctype, CDATA or a bogus comment: never rendered.
        case comment(Range<Int>)
        /// A tag cut off by the end of the input (`eof-in-tag`): a browser drops it.
        case unfinishedTag(Range<Int>)
    }

    /// Elements whose content is raw text up to their own end tag.
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes",
                                               "noscript", "textarea", "title", "plaintext"]

    let b: [UInt8]
    private(set) var tokens: [Token] = []

    init(_ bytes: [UInt8]) {
        b = bytes
        run()
    }

    static func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    private mutating func run() {
        var i = 0
        var textStart = 0
        func flushText(_ end: Int, into tokens: inout [Token]) {
            if textStart < end { tokens.append(.text(textStart..<end)) }
        }
        while i < b.count {
            guard b[i] == 0x3C, i + 1 < b.count else { i += 1; continue }
            let c = b[i + 1]
            if c == 0x21 { // <!
                flushText(i, into: &tokens)
                let end = markupDeclarationEnd(i)
                tokens.append(.comment(i..<end))
                i = end; textStart = i
            } else if c == 0x2F { // </
                if i + 2 < b.count, Self.isAlpha(b[i + 2]) {
                    flushText(i, into: &tokens)
                    let (name, _, _, end, finished) = tag(from: i + 2)
                    tokens.append(finished ? .endTag(name: name, source: i..<end) : .unfinishedTag(i..<end))
                    i = end; textStart = i
                } else if i + 2 < b.count, b[i + 2] == 0x3E { // `</>` is dropped by the tokenizer
                    flushText(i, into: &tokens)
                    tokens.append(.comment(i..<(i + 3)))
                    i += 3; textStart = i
                } else if i + 2 < b.count { // bogus comment up to `>`
                    flushText(i, into: &tokens)
                    let end = indexAfter(0x3E, from: i + 2)
                    tokens.append(.comment(i..<end))
                    i = end; textStart = i
                } else {
                    i += 1
                }
            } else if c == 0x3F { // <? is a bogus comment
                flushText(i, into: &tokens)
                let end = indexAfter(0x3E, from: i + 2)
                tokens.append(.comment(i..<end))
                i = end; textStart = i
            } else if Self.isAlpha(c) {
                flushText(i, into: &tokens)
                let (name, attributes, selfClosing, end, finished) = tag(from: i + 1)
                guard finished else {
                    tokens.append(.unfinishedTag(i..<end))
                    i = end; textStart = i
                    continue
                }
                tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing, source: i..<end))
                i = end; textStart = i
                if Self.rawTextElements.contains(name) {
                    let close = rawTextEnd(name: name, from: i)
                    if close > i { tokens.append(.text(i..<close)) }
                    i = close; textStart = i
                }
            } else {
                i += 1
            }
        }
        flushText(b.count, into: &tokens)
    }

    /// Past the `>` found from `from`, or the end of the input.
    private func indexAfter(_ byte: UInt8, from: Int) -> Int {
        var k = from
        while k < b.count, b[k] != byte { k += 1 }
        return min(k + 1, b.count)
    }

    /// The end of `<!…`: a comment `<!--…-->` (with the spec's abrupt `<!-->` and `<!--->`
    /// and `--!>` endings), else a bogus comment (doctype, CDATA) up to `>`.
    private func markupDeclarationEnd(_ i: Int) -> Int {
        if i + 3 < b.count, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
            var k = i + 4
            if k < b.count, b[k] == 0x3E { return k + 1 }
            if k + 1 < b.count, b[k] == 0x2D, b[k + 1] == 0x3E { return k + 2 }
            while k < b.count {
                if b[k] == 0x2D, k + 2 < b.count, b[k + 1] == 0x2D, b[k + 2] == 0x3E { return k + 3 }
                if b[k] == 0x2D, k + 3 < b.count, b[k + 1] == 0x2D, b[k + 2] == 0x21, b[k + 3] == 0x3E { return k + 4 }
                k += 1
            }
            return b.count
        }
        return indexAfter(0x3E, from: i + 2)
    }

    /// Where the raw text of `<name>` ends: at `</name` followed by white space, `/` or `>`.
    private func rawTextEnd(name: String, from: Int) -> Int {
        let n = Array(name.utf8)
        var k = from
        while k + 1 + n.count < b.count {
            if b[k] == 0x3C, b[k + 1] == 0x2F {
                var match = true
                for j in 0..<n.count where b[k + 2 + j] | 0x20 != n[j] { match = false; break }
                let after = k + 2 + n.count
                if match, after >= b.count || Self.isSpace(b[after]) || b[after] == 0x2F || b[after] == 0x3E { return k }
            }
            k += 1
        }
        return b.count
    }

    /// Tag name and attributes from the first letter of the name; `finished` is false when
    /// the input ended inside the tag.
    private func tag(from start: Int) -> (String, [Attribute], Bool, Int, Bool) {
        var k = start
        var name: [UInt8] = []
        while k < b.count, !Self.isSpace(b[k]), b[k] != 0x2F, b[k] != 0x3E {
            name.append(Self.isAlpha(b[k]) ? b[k] | 0x20 : b[k]); k += 1
        }
        var attributes: [Attribute] = []
        var seen = Set<String>()
        var selfClosing = false
        while k < b.count {
            let c = b[k]
            if Self.isSpace(c) { k += 1; continue }
            if c == 0x3E { return (String(decoding: name, as: UTF8.self), attributes, selfClosing, k + 1, true) }
            if c == 0x2F {
                k += 1
                if k < b.count, b[k] == 0x3E { selfClosing = true }
                continue
            }
            selfClosing = false
            // Attribute name: `=` may begin one (unexpected-equals-sign-before-attribute-name).
            var attributeName: [UInt8] = [Self.isAlpha(c) ? c | 0x20 : c]
            k += 1
            while k < b.count, !Self.isSpace(b[k]), b[k] != 0x2F, b[k] != 0x3E, b[k] != 0x3D {
                attributeName.append(Self.isAlpha(b[k]) ? b[k] | 0x20 : b[k]); k += 1
            }
            while k < b.count, Self.isSpace(b[k]) { k += 1 }
            var value: [UInt8] = []
            var hasValue = false
            if k < b.count, b[k] == 0x3D {
                hasValue = true
                k += 1
                while k < b.count, Self.isSpace(b[k]) { k += 1 }
                if k < b.count, b[k] == 0x22 || b[k] == 0x27 {
                    let quote = b[k]
                    k += 1
                    let valueStart = k
                    while k < b.count, b[k] != quote { k += 1 }
                    guard k < b.count else { return ("", [], false, b.count, false) }
                    value = Array(b[valueStart..<k])
                    k += 1
                } else {
                    let valueStart = k
                    while k < b.count, !Self.isSpace(b[k]), b[k] != 0x3E { k += 1 }
                    value = Array(b[valueStart..<k])
                }
            }
            let key = String(decoding: attributeName, as: UTF8.self)
            // A repeated attribute is dropped by the tokenizer; the first one counts.
            if seen.insert(key).inserted {
                attributes.append(Attribute(name: key, value: CharacterReferences.decode(value), hasValue: hasValue))
            }
        }
        return ("", [], false, b.count, false)
    }
}

/// Decodes character references in attribute values: numeric ones and the named ones that
/// matter for URLs and colours (`&colon;`, `&Tab;`, `&NewLine;`, …). Unknown names stay as written.
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":",
        "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "period": ".", "comma": ",",
        "semi": ";", "excl": "!", "num": "#", "percnt": "%", "equals": "=", "quest": "?", "commat": "@",
        "bsol": "\\", "lowbar": "_", "hyphen": "-", "dash": "-",
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var k = 0
        var runStart = 0
        func flush(_ end: Int) { out += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        while k < bytes.count {
            guard bytes[k] == 0x26 else { k += 1; continue }
            if let (text, end) = reference(bytes, at: k) {
                flush(k); out += text; k = end; runStart = k
            } else {
                k += 1
            }
        }
        flush(bytes.count)
        return out
    }

    /// The reference at `k` (which holds `&`) and the offset after it.
    static func reference(_ b: [UInt8], at k: Int) -> (String, Int)? {
        var j = k + 1
        if j < b.count, b[j] == 0x23 {
            j += 1
            let hex = j < b.count && (b[j] | 0x20) == 0x78
            if hex { j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < b.count, j - digitsStart < 8 {
                let c = b[j]
                let d: UInt32
                if c >= 0x30, c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                value = value * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < b.count, b[j] == 0x3B { j += 1 }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(Character(scalar)), j)
        }
        while j < b.count, j - k < 32, HTMLTokenizer.isAlpha(b[j]) || (b[j] >= 0x30 && b[j] <= 0x39) { j += 1 }
        guard j > k + 1 else { return nil }
        let name = String(decoding: b[(k + 1)..<j], as: UTF8.self).lowercased()
        guard let text = named[name] else { return nil }
        if j < b.count, b[j] == 0x3B { j += 1 }
        return (text, j)
    }
}
