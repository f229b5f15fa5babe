import Testing
@testable import TeXMath

/// A formula's text form (for search and snippets) is read off the converter's tree.
@Suite struct MathTextTests {
    private func text(_ tex: String, display: Bool = false) -> String {
        TeXMathConverter().convert(tex, display: display).text
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test func formulasReadAsText() {
        #expect(text("-\\sum_{x} P(x) \\log \\frac{1}{P(x)}") == "−∑_x P(x) log 1/P(x)")
        #expect(text("H(P) = \\mathbb{E}[x^2] + \\sqrt{2}") == "H(P) = 𝔼[x^2] + √(2)")
        #expect(text("a < b") == "a < b")
        #expect(text("\\sqrt[3]{x}") == "√(x3)")
        #expect(text("x_i^2") == "x_i^2")
        #expect(!text("\\frac{a}{b}").contains("\\"))
    }

    @Test func relationsAreSpacedButPrefixMinusIsNot() {
        #expect(TeXMathConverter().convert("a=b", display: false).text == "a = b")
        #expect(text("-x") == "−x")
    }

    @Test func invisibleOperatorsAndPhantomsAreNotText() {
        let t = TeXMathConverter().convert("f(x) \\phantom{zzz} y", display: false).text
        #expect(!t.contains("\u{2061}") && !t.contains("zzz"), "\(t)")
    }

    @Test func tablesAndBrokenInputStillGiveText() {
        let matrix = text("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", display: true)
        #expect(matrix.contains("( a b c d )") && !matrix.contains("&"), "\(matrix)")
        // An unknown command is shown as its source on the page; its text is that source.
        #expect(text("\\nosuchthing x").contains("x"))
    }

    /// Issue 17 #6: the text of a 700 KB formula stops at the limit, not at its end.
    @Test func textStopsAtTheLimit() {
        let huge = String(repeating: "x + ", count: 100_000) + "x"
        let t = TeXMathConverter().convert(huge, display: true).text
        #expect(t.unicodeScalars.count == MathTextWriter.limit)
        #expect(t.hasPrefix("x + x + "))
    }
}
