import Testing
@testable import TeXMath

/// Escaping, injection and hostile input: output stays well-formed and inert.
struct SafetyTests {
    @Test func markupInFormulaIsEscaped() {
        let conversion = inline("<script>alert(1)</script> & \"q\"")
        #expect(xmlError(conversion.mathML) == nil)
        #expect(!conversion.mathML.contains("<script"))
        #expect(body(conversion).contains("<mo>&lt;</mo>"))
        #expect(conversion.mathML.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</annotation>"))
    }

    @Test func markupInTextIsEscaped() {
        let conversion = inline("\\text{<b>&amp;</b> \"x\"}")
        #expect(xmlError(conversion.mathML) == nil)
        #expect(body(conversion).contains("<mtext>&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot;</mtext>"))
    }

    @Test func colourCannotInjectAttributes() {
        for tex in ["\\color{red\" onclick=\"x}{y}", "\\textcolor{red' onmouseover='x}{y}",
                    "\\color{#12345g}{y}", "\\color{javascript:alert(1)}{y}", "\\color[HTML]{FF00\"}{y}",
                    "\\color{red;background:url(x)}{y}"] {
            let conversion = inline(tex)
            #expect(xmlError(conversion.mathML) == nil, "\(tex)")
            #expect(!conversion.mathML.contains("mathcolor"), "\(tex)")
            #expect(!body(conversion).contains("onclick") && !body(conversion).contains("onmouseover"))
            #expect(conversion.diagnostics.contains { $0.kind == .invalidColor }, "\(tex)")
            let attributes = elements(conversion.mathML).flatMap { $0.attributes.keys }
            #expect(Set(attributes).isSubset(of: ["xmlns", "class", "encoding"]), "\(tex): \(attributes)")
        }
    }

    @Test func controlCharactersAreReplaced() {
        let conversion = inline("a\u{0}b\u{1B}\\text{\u{7}}")
        #expect(xmlError(conversion.mathML) == nil)
        #expect(!conversion.mathML.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func deepNestingIsCutOffWithoutCrashing() {
        let depth = 5000
        let tex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth) + "+y"
        let conversion = inline(tex)
        #expect(xmlError(conversion.mathML) == nil)
        #expect(conversion.diagnostics.map(\.kind) == [.nestingTooDeep])
        #expect(body(conversion).contains("<mi>y</mi>"))
        let fractions = String(repeating: "\\frac{", count: 2000) + "1" + String(repeating: "}{2}", count: 2000)
        let nested = display(fractions)
        #expect(xmlError(nested.mathML) == nil)
        #expect(nested.diagnostics.contains { $0.kind == .nestingTooDeep })
        let commands = String(repeating: "\\sqrt", count: 3000) + " x"
        #expect(xmlError(inline(commands).mathML) == nil)
        let lefts = String(repeating: "\\left(", count: 3000)
        #expect(xmlError(inline(lefts).mathML) == nil)
        let scripts = String(repeating: "x^", count: 3000) + "2"
        #expect(xmlError(inline(scripts).mathML) == nil)
        let environments = String(repeating: "\\begin{matrix}", count: 1000)
        #expect(xmlError(display(environments).mathML) == nil)
    }

    @Test func moderateNestingIsFine() {
        let tex = String(repeating: "{", count: 25) + "x" + String(repeating: "}", count: 25)
        #expect(inline(tex).diagnostics.isEmpty)
    }

    @Test func garbageNeverCrashesAndStaysWellFormed() {
        // A deterministic stream of awkward fragments, concatenated in many orders.
        let fragments = ["\\", "{", "}", "^", "_", "&", "\\\\", "\\left", "\\right", "(", "]", "\\frac",
                         "\\sqrt[", "\\text{", "$", "%", "\\begin{pmatrix}", "\\end{cases}", "'", "\\color{",
                         "中", "\u{0}", "<", "&amp;", "\\middle", "\\big", "\\not", "\\operatorname*", "~",
                         "\\mathbb", "x", "1.5", "\\sum", "\\limits", "\\over", "#", "\\kern", "\\hspace{"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<400 {
            var tex = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tex += fragments[Int((state >> 33) % UInt64(fragments.count))]
            }
            for isDisplay in [false, true] {
                let conversion = converter.convert(tex, display: isDisplay)
                #expect(xmlError(conversion.mathML) == nil, "\(tex)")
                for diagnostic in conversion.diagnostics {
                    #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= tex.utf8.count, "\(tex)")
                }
            }
        }
    }
}

extension SafetyTests {
    /// Pathological repetitions stay fast (no quadratic rescans).
    @Test func repeatedUnclosedConstructsStayLinear() {
        let clock = ContinuousClock()
        let inputs = [String(repeating: "\\\\[", count: 20_000), String(repeating: "\\color[", count: 20_000),
                      String(repeating: "\\text{", count: 20_000), String(repeating: "{", count: 20_000),
                      String(repeating: "\\left(", count: 20_000), String(repeating: "x^", count: 20_000)]
        for tex in inputs {
            let elapsed = clock.measure { _ = display(tex) }
            #expect(elapsed < .seconds(5), "\(tex.prefix(10))… took \(elapsed)")
        }
    }
}
