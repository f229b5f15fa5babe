import Foundation
import Testing
@testable import Site

/// `PlainText` writes bytes now; it must give what the former scalar-view implementation
/// (kept below as the reference) gave, on random HTML and text, at every limit.
@Suite struct PlainTextEquivalenceTests {
    @Test func whitespaceShortcutIsUnicodesWhiteSpace() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PlainText.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func randomHTMLGivesTheFormerText() {
        let pieces = ["<p>", "</p>", "<a href=\"x\">", "</a>", "<br/>", "<BLOCKQUOTE>", "<bloc\u{212A}quote>", "<", ">",
                      "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&nbsp;", "&unknown;", "&toolongentity;", "&",
                      ";", " ", "  ", "\n", "\t", "\r", "\u{0B}", "\u{A0}", "\u{3000}", "\u{2003}", "，", "。", "（",
                      "熵", "信息", "a", "word", "é", "e\u{301}", "🙂", "<math>", "</math>", "<div class=\"x y\">"]
        var state: UInt64 = 0x0B17_E5EE_D014
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let start = Date()
        for _ in 0..<3000 {
            let limit = [3, 10, 40, 4000][next() % 4]
            var new = PlainText(limit: limit)
            var old = ReferencePlainText(limit: limit)
            for _ in 0..<(1 + next() % 4) {
                let chunk = (0..<(next() % 30)).map { _ in pieces[next() % pieces.count] }.joined()
                if next() % 3 == 0 { new.append(text: chunk); old.append(text: chunk) } else { new.append(html: chunk); old.append(html: chunk) }
                #expect(new.isFull == old.isFull && new.remaining == old.remaining)
            }
            #expect(new.finished == old.finished, "\(new.finished.debugDescription) vs \(old.finished.debugDescription)")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

/// The former `PlainText`, as the reference the byte-writing one is held to.
struct ReferencePlainText {
    let limit: Int
    private var text = String.UnicodeScalarView()
    private var count = 0
    private var lastWasSpace = true
    private var afterFullWidth = false
    private var inTag = false
    /// The name of the tag being read (`p`, `/a`), while it is short enough to matter.
    private var tagName = String.UnicodeScalarView()
    private var tagNameDone = false
    private var entity: String? = nil

    /// Tags that end a line of text: a space stands for them. Inline tags (`a`, `em`, `code`,
    /// `span`…) add none, so Chinese prose around a link or emphasis keeps no stray spaces.
    static let blockTags: Set<String> = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "tr", "td", "th", "table", "thead", "tbody", "pre", "blockquote", "hr",
                                         "figure", "figcaption", "section", "details", "summary", "dl", "dt", "dd",
                                         "img", "aside", "header", "footer", "nav", "math", "svg", "video", "audio"]

    init(limit: Int) {
        self.limit = limit
    }

    var isFull: Bool { count >= limit }
    /// Scalars still wanted.
    var remaining: Int { max(0, limit - count) }

    var finished: String {
        var result = String(text)
        while result.last == " " { result.removeLast() }
        return result
    }

    mutating func append(text plain: String) {
        for scalar in plain.unicodeScalars where !isFull { emit(scalar) }
    }

    mutating func append(html: String) {
        for scalar in html.unicodeScalars {
            if isFull { return }
            if inTag {
                if scalar == ">" {
                    inTag = false
                    var name = String(tagName)
                    if name.hasPrefix("/") { name.removeFirst() }
                    if name.hasSuffix("/") { name.removeLast() }
                    if ReferencePlainText.blockTags.contains(name.lowercased()) { emit(" ") }
                } else if scalar == " " || scalar == "\n" || scalar == "\t" {
                    tagNameDone = true
                } else if !tagNameDone, tagName.count < 12 {
                    tagName.append(scalar)
                }
                continue
            }
            if var name = entity {
                if scalar == ";" {
                    switch name {
                    case "amp": emit("&")
                    case "lt": emit("<")
                    case "gt": emit(">")
                    case "quot": emit("\"")
                    case "#39", "apos": emit("'")
                    case "nbsp": emit(" ")
                    default: break
                    }
                    entity = nil
                } else if name.unicodeScalars.count > 8 {
                    entity = nil
                } else {
                    name.unicodeScalars.append(scalar)
                    entity = name
                }
                continue
            }
            switch scalar {
            case "<":
                inTag = true
                tagName = String.UnicodeScalarView()
                tagNameDone = false
            case "&": entity = ""
            default: emit(scalar)
            }
        }
    }

    private mutating func emit(_ scalar: Unicode.Scalar) {
        let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r")
                                     : scalar.properties.isWhitespace
        if isSpace {
            // No space after full-width punctuation: "P，我们", not "P ， 我们".
            if !lastWasSpace && !afterFullWidth { text.append(" "); count += 1 }
            lastWasSpace = true
        } else {
            let fullWidth = ReferencePlainText.isFullWidthPunctuation(scalar)
            // Nor before it (a formula or a block ends just before "，").
            if fullWidth, lastWasSpace, text.last == " " { text.removeLast(); count -= 1 }
            text.append(scalar)
            count += 1
            lastWasSpace = false
            afterFullWidth = fullWidth
        }
    }

    /// CJK punctuation (`，。、：；！？（）「」`…), which carries its own spacing.
    static func isFullWidthPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x3000...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v)
    }
}

