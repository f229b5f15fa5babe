import Foundation
import Markup
import Testing
@testable import Site

/// Numbers on pages are single words: never broken after an exponent's hyphen.
@Suite struct NumberSpanTests {
    @Test func numbersAreWrappedAndEverythingElseEscaped() {
        #expect(NumberSpans.html("difference 3.04823e-83 < 1e-12") ==
            "difference <span class=\"num\">3.04823e-83</span> &lt; <span class=\"num\">1e-12</span>")
        #expect(NumberSpans.html("[-0.5, 2]") == "[<span class=\"num\">-0.5</span>, <span class=\"num\">2</span>]")
        #expect(NumberSpans.html("x1 + H2O - 3rd") == "x1 + H2O - 3rd")
        #expect(NumberSpans.html("a-1") == "a-<span class=\"num\">1</span>")
        #expect(NumberSpans.html("<b>1.5</b>") == "&lt;b&gt;<span class=\"num\">1.5</span>&lt;/b&gt;")
        #expect(NumberSpans.html("1.5e") == "1.5e", "a number running into a word is part of the word")
        #expect(NumberSpans.html("") == "")
    }

    /// Whatever the text, removing the spans gives back exactly the escaped text.
    @Test func mutatedTextRoundTrips() {
        let alphabet = Array("0123456789.eE-+−x _<>&\"'熵 1e-12 ".unicodeScalars)
        var state: UInt64 = 0xC0FFEE
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(Int(state % 24)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let plain = String(text)
            let html = NumberSpans.html(plain)
            let stripped = html.replacingOccurrences(of: "<span class=\"num\">", with: "").replacingOccurrences(of: "</span>", with: "")
            #expect(stripped == HTML.escape(plain), "\(plain)")
            #expect(!stripped.contains("<") && !stripped.contains(">"), "\(plain)")
        }
    }

    /// The byte-built `html` gives what the former String-built one gave (kept here as the
    /// reference) on random text: numbers, words, markup, controls, C1 controls, non-ASCII.
    @Test func byteBuiltSpansMatchTheFormerOnes() {
        func reference(_ text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            var out = ""
            var plain = String.UnicodeScalarView()
            var i = 0
            while i < scalars.count {
                if let end = NumberSpans.numberEnd(scalars, from: i) {
                    out += HTML.escape(String(plain))
                    plain.removeAll(keepingCapacity: true)
                    out += "<span class=\"num\">" + HTML.escape(String(String.UnicodeScalarView(scalars[i..<end]))) + "</span>"
                    i = end
                } else {
                    plain.append(scalars[i])
                    i += 1
                }
            }
            return out + HTML.escape(String(plain))
        }
        let pieces = ["0", "12", "3.5", "e", "E", "-", "+", "−", ".", "x", "_", " ", "<", "&", "\"", "'", "熵", "é",
                      "\u{1}", "\u{7F}", "\u{85}", "\u{9F}", "\n", "\t", "1e-12", "a1", "🙂"]
        var state: UInt64 = 0x5A_17C0DE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 20)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(NumberSpans.html(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func aPageKeepsItsNumbersOnOneLine() throws {
        let vault = try TemporaryVault(["n.md": """
            ---
            title: Numbers
            ---
            ```qed
            x = 3.04823e-83
            x
            check x < 1e-12
            ```
            Inline `= x`.
            """])
        defer { vault.remove() }
        _ = try vault.build()
        let page = vault.read("n.html")
        #expect(page.contains("<span class=\"value\"><span class=\"num\">3.04823e-83</span></span>"), "\(page)")
        #expect(page.contains("<span class=\"num\">1e-12</span>"))
        #expect(page.contains("class=\"inline-value\""))
        #expect(page.contains("><span class=\"num\">3.04823e-83</span></span>."))
        let css = vault.read("_qed/assets/style.css")
        #expect(css.contains(".num, .matrix td { white-space: nowrap; }"))
    }
}
