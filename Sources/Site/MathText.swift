/// A formula's text form for the search index and its snippets, read off the MathML QED
/// produced: `-\sum_{x} P(x) \log \frac{1}{P(x)}` becomes `−∑_x P(x) log 1/P(x)`, which a
/// reader recognises and a search for `P(x)` finds, where the TeX source (`\frac`, braces) is
/// noise that would also match every note on a search for `\frac`.
public enum MathText {
    /// The text of `mathML`: token contents in order, `/` between a fraction's parts, `_` and
    /// `^` before scripts, `√(…)` around roots, spaces around relations; the TeX annotation and
    /// invisible operators left out. Total on any input and linear in its length.
    ///
    /// - Parameter limit: Stop once about this many scalars are written: the search index keeps
    ///   a note's first few thousand, and a 7 MB formula need not be read to the end for them.
    public static func plain(fromMathML mathML: String, limit: Int = .max) -> String {
        var reader = Reader(Array(mathML.unicodeScalars), limit: limit)
        return reader.run()
    }

    /// Elements whose children are the parts of one construct, with what goes before each
    /// part after the first.
    static let separators: [String: [String]] = [
        "mfrac": ["/"], "msub": ["_"], "msup": ["^"], "msubsup": ["_", "^"],
        "munder": ["_"], "mover": ["^"], "munderover": ["_", "^"], "mroot": [""],
    ]

    /// Operators read with a space on each side.
    static let spaced: Set<String> = ["=", "<", ">", "≤", "≥", "≈", "≠", "+", "−", "→", "←", "↔", "⇒", "∈", "×", "·", "‖", "≡", "∼", "∝", ":=", "≜"]

    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var out = String.UnicodeScalarView()
        /// Open elements: name, the number of child elements seen so far, and whether the first
        /// was an operator (`∑` under its limits reads `∑_x ` with a space before the summand).
        var stack: [(name: String, children: Int, operatorBase: Bool)] = []
        /// The element whose text is being read and whether it is a non-prefix operator.
        var token: String? = nil
        var tokenText = String.UnicodeScalarView()
        var prefixForm = false

        static let maxDepth = 256

        let limit: Int
        var written = 0

        init(_ s: [Unicode.Scalar], limit: Int) {
            self.s = s
            self.limit = limit
        }

        mutating func run() -> String {
            while i < s.count, written < limit {
                if s[i] == "<" {
                    tag()
                } else {
                    text()
                }
            }
            flushToken()
            return String(out)
        }

        /// Character data up to the next tag, entities decoded.
        private mutating func text() {
            let start = i
            while i < s.count, s[i] != "<" { i += 1 }
            var piece = String.UnicodeScalarView(s[start..<i])
            if piece.contains("&") { piece = Reader.decodeEntities(piece) }
            if token != nil { tokenText.append(contentsOf: piece) } else { append(piece) }
        }

        private mutating func tag() {
            let start = i
            while i < s.count, s[i] != ">" { i += 1 }
            let inner = s[(start + 1)..<min(i, s.count)]
            i = min(i + 1, s.count)
            let closing = inner.first == "/"
            let selfClosing = inner.last == "/"
            let body = inner.drop { $0 == "/" }
            let name = String(String.UnicodeScalarView(body.prefix { $0 != " " && $0 != "/" && $0 != "\t" && $0 != "\n" }))
            if closing {
                close(name)
            } else {
                open(name, attributes: String(String.UnicodeScalarView(body)), selfClosing: selfClosing)
            }
        }

        private mutating func open(_ name: String, attributes: String, selfClosing: Bool) {
            flushToken()
            if let parent = stack.last, let parts = MathText.separators[parent.name] {
                stack[stack.count - 1].children += 1
                if stack[stack.count - 1].children == 1 && name == "mo" { stack[stack.count - 1].operatorBase = true }
                let index = stack[stack.count - 1].children - 2
                if index >= 0, index < parts.count { append(parts[index]) }
            }
            if name == "annotation" || name == "annotation-xml" {
                if !selfClosing { skip(to: "</" + name) }
                return
            }
            if name == "mspace" { append(" ") }
            if selfClosing { return }
            if name == "msqrt" { append("√(") }
            if name == "mroot" { append("√(") }
            if ["mi", "mn", "mo", "mtext", "ms"].contains(name) {
                token = name
                prefixForm = attributes.contains("form=\"prefix\"")
            }
            // Bounded, so closing tags cost at most this much to match whatever the input.
            if stack.count < Reader.maxDepth { stack.append((name, 0, false)) }
        }

        private mutating func close(_ name: String) {
            flushToken()
            // Pop to the matching element; a stray close tag changes nothing.
            guard let at = stack.lastIndex(where: { $0.name == name }) else { return }
            let closed = stack[at]
            stack.removeSubrange(at...)
            if name == "msqrt" || name == "mroot" { append(")") }
            if closed.operatorBase && MathText.separators[name] != nil { append(" ") }
        }

        /// Ends the current token element, spacing relations and multi-letter names.
        private mutating func flushToken() {
            guard let kind = token else { return }
            token = nil
            var text = tokenText.filter { !($0.value >= 0x2061 && $0.value <= 0x2064) }
            tokenText.removeAll(keepingCapacity: true)
            if kind == "ms" { text = ("\"" + String(text) + "\"").unicodeScalars }
            let word = String(text)
            if kind == "mo", !prefixForm, MathText.spaced.contains(word) {
                append(" "); append(text); append(" ")
            } else if kind == "mi", text.count > 1 {
                append(" "); append(text); append(" ")
            } else {
                append(text)
            }
        }

        private mutating func skip(to closeTag: String) {
            let target = Array(closeTag.unicodeScalars)
            while i < s.count {
                if s[i] == "<", i + target.count <= s.count, Array(s[i..<(i + target.count)]) == target {
                    while i < s.count, s[i] != ">" { i += 1 }
                    i = min(i + 1, s.count)
                    return
                }
                i += 1
            }
        }

        private mutating func append(_ piece: String.UnicodeScalarView) {
            out.append(contentsOf: piece)
            written += piece.count
        }

        private mutating func append(_ piece: String) {
            out.append(contentsOf: piece.unicodeScalars)
            written += piece.unicodeScalars.count
        }

        static func decodeEntities(_ text: String.UnicodeScalarView) -> String.UnicodeScalarView {
            let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            let scalars = Array(text)
            var out = String.UnicodeScalarView()
            var i = 0
            while i < scalars.count {
                if scalars[i] == "&", let semicolon = scalars[i...].prefix(12).firstIndex(of: ";") {
                    let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
                    var decoded: Unicode.Scalar? = named[name]
                    if decoded == nil, name.hasPrefix("#") {
                        let digits = name.dropFirst()
                        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                        decoded = value.flatMap(Unicode.Scalar.init)
                    }
                    if let decoded {
                        out.append(decoded)
                        i = semicolon + 1
                        continue
                    }
                }
                out.append(scalars[i])
                i += 1
            }
            return out
        }
    }
}
