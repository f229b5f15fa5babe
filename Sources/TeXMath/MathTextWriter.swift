/// A formula's text form, written from the same tree as its MathML: `-\sum_{x} P(x) \log
/// \frac{1}{P(x)}` reads `−∑_x P(x) log 1/P(x)`. Search indexes and snippets want this: a
/// reader recognises it and a search for `P(x)` finds it, where the TeX source (`\frac`,
/// braces) is noise that would match every note on a search for `\frac`.
///
/// Reading it off the tree, rather than parsing the MathML back, costs a walk of nodes the
/// converter already built (the MathML re-parse was a quarter of a 2,000-note build).
struct MathTextWriter {
    /// Scalars kept at most: indexes keep a note's first few thousand.
    static let limit = 4_096

    /// UTF-8 built with whole-piece appends and a running scalar count: appending scalar by
    /// scalar to a `String.UnicodeScalarView` was most of this writer's cost, and appending
    /// to a `String` piece by piece still half of it.
    private var bytes: [UInt8] = []
    private var count = 0

    /// The text; pieces are cut only at scalar boundaries, so the bytes are valid UTF-8.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// What goes before child `index + 1`, for elements whose children are the parts of one
    /// construct: `a/b`, `x_i`, `x^2`, `∑_i^n`.
    private static func separator(before index: Int, in tag: MathTag) -> String? {
        switch tag {
        case .mfrac: index == 0 ? "/" : nil
        case .msub, .munder: index == 0 ? "_" : nil
        case .msup, .mover: index == 0 ? "^" : nil
        case .msubsup, .munderover: index == 0 ? "_" : index == 1 ? "^" : nil
        case .mroot: index == 0 ? "" : nil
        default: nil
        }
    }

    /// Operators read with a space on each side.
    private static let spaced: Set<String> = [
        "=", "<", ">", "≤", "≥", "≈", "≠", "+", "−", "→", "←", "↔", "⇒", "∈", "×", "·", "‖", "≡", "∼", "∝", ":=", "≜",
    ]
    /// The longest of `spaced`, in UTF-8 bytes, and the first bytes they start with: other
    /// words skip hashing for the set lookup.
    private static let longestSpaced = spaced.map(\.utf8.count).max() ?? 0
    private static let spacedFirstBytes = Set(spaced.compactMap(\.utf8.first))

    private static func maybeSpaced(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return spacedFirstBytes.contains(first) && word.utf8.count <= longestSpaced
    }

    /// Whether `text` holds one of U+2061…U+2064 (encoded E2 81 A1…A4).
    private static func holdsInvisibleOperator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0xE2, b[i + 1] == 0x81, b[i + 2] >= 0xA1, b[i + 2] <= 0xA4 { return true }
                i += 1
            }
            return false
        }
    }

    mutating func write(_ node: MathNode) {
        guard count < MathTextWriter.limit else { return }
        switch node.tag {
        case .mi, .mn, .mo, .mtext:
            token(node)
        case .mspace:
            append(" ")
        case .mphantom:
            // Invisible on the page, so not part of what a reader would search for.
            return
        case .mtd:
            // Cells of a matrix or an aligned equation are separate words.
            append(" ")
            for child in node.children { write(child) }
            append(" ")
        case .msqrt:
            append("√(")
            for child in node.children { write(child) }
            append(")")
        default:
            let hasSeparators = MathTextWriter.separator(before: 0, in: node.tag) != nil
            if node.tag == .mroot { append("√(") }
            for (k, child) in node.children.enumerated() {
                if k >= 1, let separator = MathTextWriter.separator(before: k - 1, in: node.tag) { append(separator) }
                write(child)
            }
            if node.tag == .mroot { append(")") }
            // `∑` under its limits reads `∑_x ` with a space before the summand.
            if hasSeparators, node.children.first?.tag == .mo { append(" ") }
        }
    }

    private mutating func token(_ node: MathNode) {
        // Invisible times, function application and separators are not text.
        let word = Self.holdsInvisibleOperator(node.text)
            ? String(String.UnicodeScalarView(node.text.unicodeScalars.filter { !($0.value >= 0x2061 && $0.value <= 0x2064) }))
            : node.text
        let spaced = (node.tag == .mo && Self.maybeSpaced(word) && node.attribute("form") != "prefix"
                      && MathTextWriter.spaced.contains(word))
            || (node.tag == .mi && Self.hasTwoScalars(word))
        if spaced { append(" ") }
        append(word)
        if spaced { append(" ") }
    }

    private static func hasTwoScalars(_ text: String) -> Bool {
        var starts = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            starts += 1
            if starts > 1 { return true }
        }
        return false
    }

    private mutating func append(_ piece: String) {
        let room = MathTextWriter.limit - count
        guard room > 0 else { return }
        var piece = piece
        piece.withUTF8 { utf8 in
            // Keep the first `room` scalars: stop at the start of scalar number `room`.
            var scalars = 0, end = 0
            while end < utf8.count {
                if utf8[end] & 0xC0 != 0x80 {
                    if scalars == room { break }
                    scalars += 1
                }
                end += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
            count += scalars
        }
    }
}
