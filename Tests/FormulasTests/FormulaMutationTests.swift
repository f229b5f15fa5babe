import InfoTheory
import Formulas
import Notes
import Testing


/// Pieces of TeX that mutations splice in: the tokens the reader gives meaning to.
private let fragments: [String] = [
    "\\sum_x", "\\sum_{x,y}", "\\log", "\\log_2", "\\frac{", "}{", "}", "{", "(", ")", "[", "]", "\\left(", "\\right)",
    "\\|", "|", "\\mid", ";", ",", "=", "\\le", "\\ge", "\\neq", "H(X", "I(X;Y", "D_{KL}(P", "P(x)", "Q(x)",
    "\\mathbb{E}_P[", "\\mathbb{E}[", "|\\mathcal{X}|", "e^{", "^2", "_", "-", "+", "\\cdot", "0", "1.5", "\\quad",
    "\\text{iff}", "%%unchecked%%", "$", "$$", "\n", "M", "Z", "\\min(", "\\max(", "\\exp(", "\\begin{cases}",
]

/// Seeded random mutations of true, false and unreadable formulas, and of the seed-like
/// note text around them: every input gets a verdict, no crash, no hang (the run is bounded).
@Test func mutatedFormulasAlwaysGetAVerdict() {
    let corpus = Examples.trueFormulas + Examples.falseFormulas + Examples.uncheckedFormulas.map(\.tex)
    var rng = SeededGenerator(seed: 12)
    let checker = FormulaChecker(cases: 2)
    var verdicts = 0
    for round in 0..<2_000 {
        var text = Array(corpus[rng.below(corpus.count)].utf8)
        for _ in 0..<(1 + rng.below(4)) {
            let position = rng.below(text.count + 1)
            switch rng.below(4) {
            case 0: text.insert(contentsOf: Array(fragments[rng.below(fragments.count)].utf8), at: position)
            case 1: if position < text.count { text.remove(at: position) }
            case 2: if position < text.count { text[position] = UInt8(truncatingIfNeeded: rng.next()) }
            default:
                let other = Array(corpus[rng.below(corpus.count)].utf8)
                let cut = rng.below(other.count + 1)
                text.insert(contentsOf: other[cut...], at: position)
            }
        }
        let tex = String(decoding: text, as: UTF8.self)
        let claims = checker.check(formulas: [(tex: tex, before: "", after: round % 3 == 0 ? " 当且仅当 $P = Q$" : "")])
        #expect(claims.count == 1)
        if let claim = claims.first, !claim.reason.isEmpty { verdicts += 1 }
    }
    #expect(verdicts == 2_000)
}

@Test func mutatedNotesAlwaysGetAVerdict() {
    let note = """
        ---
        title: t
        ---
        交叉熵：$H(P, Q) = H(P) + D_{\\text{KL}}(P \\| Q)$，且 $D_{\\text{KL}}(P \\| Q) = 0$ 当且仅当 $P = Q$。

        $$I(X; Y) = H(X) - H(X|Y)$$
        %%unchecked%%

        > $$M = \\frac12(P+Q)$$
        > - $JS(P\\|Q) = \\frac12 D(P\\|M) + \\frac12 D(Q\\|M)$
        """
    var rng = SeededGenerator(seed: 99)
    let checker = FormulaChecker(cases: 2)
    for _ in 0..<400 {
        var bytes = Array(note.utf8)
        for _ in 0..<(1 + rng.below(6)) {
            let position = rng.below(bytes.count + 1)
            if rng.below(2) == 0 {
                bytes.insert(contentsOf: Array(fragments[rng.below(fragments.count)].utf8), at: position)
            } else if position < bytes.count {
                bytes[position] = UInt8(truncatingIfNeeded: rng.next())
            }
        }
        let parsed = Note.parse(bytes: bytes, path: "m.md")
        let claims = checker.check(parsed.math)
        #expect(claims.count == parsed.math.count)
        #expect(claims.allSatisfy { !$0.reason.isEmpty })
    }
}

/// Inputs that once misbehaved, kept as named regressions.
@Test func hostileFormulasAreUncheckedQuickly() {
    let deep = String(repeating: "{", count: 500) + "H(X) = 0" + String(repeating: "}", count: 500)
    let long = "H(X) = " + Array(repeating: "H(X)", count: 2_000).joined(separator: " + ")
    let nested = String(repeating: "\\log(", count: 200) + "H(X)" + String(repeating: ")", count: 200) + " = 0"
    let chain = Array(repeating: "H(X)", count: 300).joined(separator: " = ")
    // "H(X) = |" once read past the end of the row (an index out of range).
    for tex in [deep, long, nested, chain, "", "=", "$", "\\", "H(", "= H(X)", "H(X) =", "|", "||", "\\sum_x = 0",
                "H(X) = |", "H(X) = |\\mathcal{X}", "0 \\le |"] {
        let claim = FormulaChecker(cases: 2).check(formulas: [(tex: tex, before: "", after: "")])[0]
        #expect(claim.status != .failed, "\(tex.prefix(40)): \(claim.reason)")
        #expect(!claim.reason.isEmpty)
    }
}

extension SeededGenerator {
    /// A number in 0..<n (0 when n ≤ 1): the mutations' positions and choices.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
