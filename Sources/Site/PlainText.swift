/// Text collected from HTML for the search index: tags dropped, the common entities decoded,
/// whitespace collapsed. Reads scalars and writes UTF-8 bytes: appending scalars to a String
/// one by one, and asking Unicode's tables whether each CJK character is whitespace, were
/// most of its cost over a 2,000-note build.
struct PlainText {
    let limit: Int
    private var text: [UInt8] = []
    /// Scalars in `text`: `limit` counts scalars.
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
        var end = text.count
        while end > 0 && text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: text[..<end], as: UTF8.self)
    }

    mutating func append(text plain: String) {
        for scalar in plain.unicodeScalars where !isFull { emit(scalar) }
    }

    mutating func append(html: String) {
        for scalar in html.unicodeScalars {
            if isFull { return }
            if inTag {
                readTag(scalar)
                continue
            }
            if entity != nil {
                readEntity(scalar)
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

    private mutating func readTag(_ scalar: Unicode.Scalar) {
        if scalar == ">" {
            inTag = false
            var name = String(tagName)
            if name.hasPrefix("/") { name.removeFirst() }
            if name.hasSuffix("/") { name.removeLast() }
            if PlainText.blockTags.contains(name.lowercased()) { emit(" ") }
        } else if scalar == " " || scalar == "\n" || scalar == "\t" {
            tagNameDone = true
        } else if !tagNameDone, tagName.count < 12 {
            tagName.append(scalar)
        }
    }

    private mutating func readEntity(_ scalar: Unicode.Scalar) {
        guard var name = entity else { return }
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
    }

    private mutating func emit(_ scalar: Unicode.Scalar) {
        let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r")
                                     : PlainText.isWhitespace(scalar)
        if isSpace {
            // No space after full-width punctuation: "P，我们", not "P ， 我们".
            if !lastWasSpace && !afterFullWidth { text.append(UInt8(ascii: " ")); count += 1 }
            lastWasSpace = true
        } else {
            let fullWidth = PlainText.isFullWidthPunctuation(scalar)
            // Nor before it (a formula or a block ends just before "，").
            if fullWidth, lastWasSpace, text.last == UInt8(ascii: " ") { text.removeLast(); count -= 1 }
            if scalar.isASCII {
                text.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                text.append(contentsOf: scalar.utf8)
            }
            count += 1
            lastWasSpace = false
            afterFullWidth = fullWidth
        }
    }

    /// Unicode's White_Space property for a non-ASCII scalar, without a table lookup (the
    /// property lists these few; `PlainTextTests` checks every scalar against the stdlib).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// CJK punctuation (`，。、：；！？（）「」`…), which carries its own spacing.
    static func isFullWidthPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x3000...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v)
    }
}
