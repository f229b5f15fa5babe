import Foundation
import Testing
import TeXMath
@testable import Site

/// Search snippets show a formula's text form, never its TeX source.
@Suite struct MathTextTests {
    private func text(_ tex: String) -> String {
        MathText.plain(fromMathML: TeXMathConverter().convert(tex, display: false).mathML)
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test func formulasReadAsText() {
        #expect(text("-\\sum_{x} P(x) \\log \\frac{1}{P(x)}") == "−∑_x P(x) log 1/P(x)")
        #expect(text("H(P) = \\mathbb{E}[x^2] + \\sqrt{2}") == "H(P) = 𝔼[x^2] + √(2)")
        #expect(text("a < b") == "a < b")
        #expect(!text("\\frac{a}{b}").contains("\\"))
    }

    @Test func malformedMarkupStillGivesText() {
        #expect(MathText.plain(fromMathML: "<math><mi>x</mi><annotation>\\frac") == "x")
        #expect(MathText.plain(fromMathML: "</mrow><mi>a &lt; &#x3B1; &bogus; b</mi><mfrac><mn>1") == " a < α &bogus; b 1")
        #expect(MathText.plain(fromMathML: "<") == "")
        #expect(MathText.plain(fromMathML: "plain") == "plain")
    }

    /// Random cuts and splices of real MathML: never a trap, never TeX from the annotation.
    @Test func mutatedMathMLIsTotal() {
        let seeds = ["-\\sum_{x} P(x) \\log \\frac{1}{P(x)}", "\\sqrt[3]{x^2_i} \\le \\overbrace{a+b}^{n}", "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}"]
            .map { TeXMathConverter().convert($0, display: true).mathML }
        var state: UInt64 = 0xBADC0DE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<2000 {
            var scalars = Array(seeds[next() % seeds.count].unicodeScalars)
            for _ in 0..<(1 + next() % 4) {
                let at = next() % (scalars.count + 1)
                let length = min(next() % 12, scalars.count - at)
                if next() % 2 == 0 { scalars.removeSubrange(at..<(at + length)) } else {
                    scalars.insert(contentsOf: ["<", ">", "/", "&", ";", "<mfrac>", "</mi>", "<annotation>"][next() % 8].unicodeScalars, at: at)
                }
            }
            _ = MathText.plain(fromMathML: String(String.UnicodeScalarView(scalars)))
        }
        let deep = String(repeating: "<mrow>", count: 50_000) + "<mi>x</mi>" + String(repeating: "</mrow>", count: 50_000)
        #expect(MathText.plain(fromMathML: deep) == "x")
    }

    @Test func theSearchIndexHoldsTextNotTeX() throws {
        let vault = try TemporaryVault(["熵.md": """
            ---
            title: 熵
            ---
            熵的定义 $H(P) = -\\sum_{x} P(x) \\log P(x)$，以及 $$\\frac{1}{2}$$
            """])
        defer { vault.remove() }
        _ = try vault.build()
        let index = vault.read(SitePaths.searchIndexJSON)
        #expect(index.contains("∑_x P(x) log P(x)"), "\(index)")
        #expect(!index.contains("\\\\sum") && !index.contains("\\\\frac") && !index.contains("\\\\log"))
        #expect(index.contains("1/2"))
    }
}

@Suite struct MathTextLimitTests {
    /// Issue 17 #6: the search text of a 700 KB formula was read to its end for 4,000 scalars.
    @Test func readingStopsAtTheLimit() {
        let huge = "<math>" + String(repeating: "<mrow><mi>x</mi><mo>}</mo>", count: 100_000) + "</math>"
        let text = MathText.plain(fromMathML: huge, limit: 50)
        #expect(text.unicodeScalars.count >= 50 && text.unicodeScalars.count < 60)
        #expect(text.hasPrefix("x}x}"))
        #expect(MathText.plain(fromMathML: "<math><mi>a</mi><mo>=</mo><mn>1</mn></math>", limit: 1_000) == "a = 1")
    }
}
