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

    private(set) var scalars = String.UnicodeScalarView()
    private var count = 0

    var output: String { String(scalars) }

    /// What goes before each child after the first, for elements whose children are the parts
    /// of one construct.
    private static func separators(_ tag: MathTag) -> [String] {
        switch tag {
        case .mfrac: ["/"]
        case .msub, .munder: ["_"]
        case .msup, .mover: ["^"]
        case .msubsup, .munderover: ["_", "^"]
        case .mroot: [""]
        default: []
        }
    }

    /// Operators read with a space on each side.
    private static let spaced: Set<String> = [
        "=", "<", ">", "≤", "≥", "≈", "≠", "+", "−", "→", "←", "↔", "⇒", "∈", "×", "·", "‖", "≡", "∼", "∝", ":=", "≜",
    ]

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
            let separators = MathTextWriter.separators(node.tag)
            if node.tag == .mroot { append("√(") }
            for (k, child) in node.children.enumerated() {
                if k >= 1, k - 1 < separators.count { append(separators[k - 1]) }
                write(child)
            }
            if node.tag == .mroot { append(")") }
            // `∑` under its limits reads `∑_x ` with a space before the summand.
            if !separators.isEmpty, node.children.first?.tag == .mo { append(" ") }
        }
    }

    private mutating func token(_ node: MathNode) {
        // Invisible times, function application and separators are not text.
        let text = node.text.unicodeScalars.filter { !($0.value >= 0x2061 && $0.value <= 0x2064) }
        let word = String(text)
        let spaced = (node.tag == .mo && node.attribute("form") != "prefix" && MathTextWriter.spaced.contains(word))
            || (node.tag == .mi && text.count > 1)
        if spaced { append(" ") }
        append(word)
        if spaced { append(" ") }
    }

    private mutating func append(_ piece: String) {
        for scalar in piece.unicodeScalars where count < MathTextWriter.limit {
            scalars.append(scalar)
            count += 1
        }
    }
}
