import TeXMath

/// One item of a formula's row, flattened from TeXMath's tree: groups (`{…}`, `\left…\right`)
/// are spliced into the row, since in a formula they only group; scripts and fractions keep
/// their parts as trees, read on demand.
enum Token: Sendable {
    /// `mi`: a letter, an operator name (`log`), a styled letter (`𝔼`, `𝒳`).
    case identifier(String)
    /// `mn`.
    case number(String)
    /// `mo`: an operator, a fence, a relation, punctuation.
    case op(String)
    /// `mtext`: words inside the formula.
    case text(String)
    /// `mspace`; `wide` for `\quad`-sized space, which separates statements.
    case space(wide: Bool)
    /// `msub`/`msup`/`msubsup` and their `munder`/`mover` forms.
    case script(base: TeXTree, sub: TeXTree?, sup: TeXTree?)
    case fraction(TeXTree, TeXTree)
    case root(TeXTree)
    /// Something a formula claim never contains (a matrix, an accent, an error).
    case other(String)
}

enum Tokens {
    /// Formulas longer than this are not read: claims are short, and it bounds the work.
    static let maxTokens = 400

    /// The flattened row of a tree.
    static func row(_ tree: TeXTree) throws(Unsupported) -> [Token] {
        var out: [Token] = []
        try append(tree, to: &out, depth: 0)
        return out
    }

    private static func append(_ tree: TeXTree, to out: inout [Token], depth: Int) throws(Unsupported) {
        if out.count > maxTokens || depth > 80 { throw Unsupported("the formula is too long to read as a claim") }
        switch tree.element {
        case "mrow", "mstyle", "mpadded":
            for child in tree.children { try append(child, to: &out, depth: depth + 1) }
        case "mphantom":
            break
        case "mi": out.append(.identifier(tree.text))
        case "mn": out.append(.number(tree.text))
        case "mo":
            // Invisible operators (function application, invisible times, separator) say nothing
            // the reading needs.
            if tree.text == "\u{2061}" || tree.text == "\u{2062}" || tree.text == "\u{2063}" { break }
            out.append(.op(tree.text))
        case "mtext":
            // `\text{KL}(P \| Q)`, `\text{JS}`: an operator name written as text.
            if Vocabulary.wordHeads[tree.text] != nil, tree.text != "D" {
                out.append(.identifier(tree.text))
            } else {
                out.append(.text(tree.text))
            }
        case "mspace":
            let width = tree.attribute("width") ?? ""
            out.append(.space(wide: width.hasSuffix("em") && (Double(width.dropLast(2)) ?? 0) >= 0.9))
        case "msub", "munder":
            guard tree.children.count == 2 else { throw Unsupported("a malformed subscript") }
            out.append(.script(base: tree.children[0], sub: tree.children[1], sup: nil))
        case "msup", "mover":
            guard tree.children.count == 2 else { throw Unsupported("a malformed superscript") }
            if tree.element == "mover", tree.attribute("accent") == "true" {
                out.append(.other("an accent"))
            } else {
                out.append(.script(base: tree.children[0], sub: nil, sup: tree.children[1]))
            }
        case "msubsup", "munderover":
            guard tree.children.count == 3 else { throw Unsupported("a malformed script") }
            out.append(.script(base: tree.children[0], sub: tree.children[1], sup: tree.children[2]))
        case "mfrac":
            guard tree.children.count == 2, tree.attribute("linethickness") != "0" else {
                throw Unsupported("a binomial or malformed fraction")
            }
            out.append(.fraction(tree.children[0], tree.children[1]))
        case "msqrt":
            out.append(.root(tree))
        case "merror":
            throw Unsupported("the formula has LaTeX QED cannot read")
        default:
            out.append(.other(tree.element))
        }
    }
}
