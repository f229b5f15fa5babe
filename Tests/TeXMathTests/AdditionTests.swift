import Testing
@testable import TeXMath

/// Issue 15's constructs: sizes, braket, \cancelto, control space, % in text,
/// growing \widetilde, and \left/\right fences as Chromium lays them out.
struct AdditionTests {
    @Test func sizeCommandsSetTheRestOfTheGroupInEm() {
        let small = body(inline("a \\small b + c"))
        #expect(small.contains("<mstyle mathsize=\"0.9em\"><mi>b</mi><mo>+</mo><mi>c</mi></mstyle>"))
        #expect(small.hasPrefix("<mrow><mi>a</mi>"))
        let nested = body(inline("{\\Large x {\\tiny y}} z"))
        // \tiny inside \Large is 0.5 of normal: 0.5 / 1.44 relative to its parent.
        #expect(nested.contains("<mstyle mathsize=\"1.44em\"><mi>x</mi><mstyle mathsize=\"0.347em\"><mi>y</mi></mstyle></mstyle>"))
        #expect(nested.hasSuffix("<mi>z</mi></mrow>"))
        for name in ["tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge"] {
            #expect(inline("\\\(name) x").diagnostics.isEmpty, "\\\(name)")
        }
        #expect(Parser.emString(1) == "1em")
        #expect(Parser.emString(2.074) == "2.074em")
        #expect(Parser.emString(0.5) == "0.5em")
    }

    @Test func braketCommands() {
        #expect(body(inline("\\bra{\\psi}")).contains("<mo fence=\"true\" stretchy=\"false\">⟨</mo><mi>ψ</mi><mo fence=\"true\" stretchy=\"false\">|</mo>"))
        #expect(body(inline("\\ket{0}")).contains("<mo fence=\"true\" stretchy=\"false\">|</mo><mn>0</mn><mo fence=\"true\" stretchy=\"false\">⟩</mo>"))
        let braket = body(inline("\\braket{\\phi|\\psi}"))
        #expect(braket.contains("<mi>ϕ</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo><mi>ψ</mi>"))
        let set = body(inline("\\set{x | x > 0}"))
        #expect(set.contains("<mo fence=\"true\" stretchy=\"false\">{</mo><mi>x</mi><mo>∣</mo><mi>x</mi>"))
        let tall = body(display("\\Set{\\frac{1}{n} | n \\in \\N}"))
        #expect(tall.contains("<mo fence=\"true\" form=\"prefix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">{</mo><mfrac>"))
        #expect(tall.contains("<mo fence=\"true\" form=\"infix\" stretchy=\"true\" lspace=\"0.2778em\" rspace=\"0.2778em\">|</mo>"))
        let large = body(display("\\Braket{\\phi | \\frac{A}{2} | \\psi}"))
        #expect(large.components(separatedBy: "form=\"infix\" stretchy=\"true\"").count - 1 == 2)
        // A bar outside the braket is an ordinary bar again.
        #expect(body(inline("\\set{x|y} |z|")).hasSuffix("<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo><mi>z</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo></mrow>"))
        #expect(inline("\\set").diagnostics.first?.kind == .missingArgument)
    }

    @Test func cancelto() {
        let conversion = inline("\\cancelto{0}{x^2}")
        #expect(conversion.diagnostics.isEmpty)
        #expect(body(conversion) == "<mrow><msup><mrow class=\"qed-cancel\"><msup><mi>x</mi><mn>2</mn></msup></mrow><mn>0</mn></msup></mrow>")
        #expect(inline("\\cancelto{0}").diagnostics.first?.kind == .missingArgument)
    }

    @Test func controlSpaceBeforeANewlineOrASpace() {
        for tex in ["a\\ b", "a\\\nb", "a\\\tb"] {
            let conversion = inline(tex)
            #expect(conversion.diagnostics.isEmpty, "\(tex)")
            #expect(body(conversion) == "<mrow><mi>a</mi><mtext>\u{00A0}</mtext><mi>b</mi></mrow>", "\(tex)")
        }
    }

    @Test func percentIsLiteralInTextOnly() {
        let text = inline("\\text{100% sure} + x")
        #expect(text.diagnostics.isEmpty)
        #expect(body(text) == "<mrow><mtext>100% sure</mtext><mo>+</mo><mi>x</mi></mrow>")
        #expect(body(inline("\\textbf{a {b%} c}d")).contains("<mtext class=\"qed-text-bold\">a b% c</mtext><mi>d</mi>"))
        // In math, % still starts a comment that runs to the end of the line.
        #expect(body(display("a % comment\n+ b")) == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>")
        #expect(body(inline("\\text{a}%b")) == "<mrow><mtext>a</mtext></mrow>")
    }

    @Test func wideAccentsGrow() {
        #expect(body(inline("\\widetilde{abc}")) == "<mrow><mover accent=\"true\"><mrow><mi>a</mi><mi>b</mi><mi>c</mi></mrow><mo stretchy=\"true\">⁓</mo></mover></mrow>")
        #expect(body(inline("\\widehat{abc}")).contains("<mo stretchy=\"true\">\u{0302}</mo>"))
    }

    @Test func moreOfMathJaxsCommands() {
        for tex in ["\\xhookrightarrow{f}", "\\xlongequal{def}", "\\xtofrom{a}", "\\overparen{ab}", "\\underparen{ab}",
                    "\\utilde{x}", "\\bold{x}", "\\idotsint", "\\TeX", "\\nobreak x", "\\intertext{so}"] {
            let conversion = display(tex)
            #expect(conversion.diagnostics.isEmpty, "\(tex)")
            #expect(xmlError(conversion.mathML) == nil, "\(tex)")
        }
        #expect(body(inline("\\xlongequal{def}")).contains("<mo stretchy=\"true\">=</mo>"))
        #expect(body(inline("\\overparen{ab}")).contains("<mo stretchy=\"true\">⏜</mo>"))
        #expect(body(inline("\\bold{x}")).contains("<mi>𝐱</mi>"))
    }

    @Test func colorBoxes() {
        let box = inline("\\colorbox{yellow}{100% sure}")
        #expect(box.diagnostics.isEmpty)
        #expect(body(box) == "<mrow><mrow mathbackground=\"yellow\"><mtext>100% sure</mtext></mrow></mrow>")
        let framed = body(inline("\\fcolorbox{red}{#FFEEDD}{x 5%}"))
        #expect(framed.contains("<mtext>x 5%</mtext>"))
        #expect(framed.contains("class=\"qed-boxed\""))
        #expect(framed.contains("style=\"border-color: red\""))
        // A colour that is not one is reported and leaves no attribute behind.
        let hostile = inline("\\colorbox{red\" onclick=\"x}{t}")
        #expect(hostile.diagnostics.first?.kind == .invalidColor)
        #expect(!hostile.mathML.contains("onclick=\""))
        #expect(xmlError(hostile.mathML) == nil)
    }

    @Test func fencesAroundOneLineBodiesDoNotStretch() {
        let flat = body(inline("f\\left(x\\right)"))
        #expect(flat.contains("<mo fence=\"true\" form=\"prefix\" stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">(</mo><mi>x</mi><mo fence=\"true\" form=\"postfix\" stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">)</mo>"))
        for tall in ["\\frac{a}{b}", "\\sqrt{x}", "\\sum_{i=1}^n", "\\begin{matrix}a\\\\b\\end{matrix}", "\\big(", "\\left(\\frac{1}{2}\\right)", "x^{\\frac{1}{2}}"] {
            let conversion = display("\\left[ " + tall + " \\right]")
            #expect(body(conversion).contains("form=\"prefix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">[</mo>"), "\(tall)")
        }
        // A flat inner pair does not make the outer one tall.
        #expect(body(inline("\\left[\\left(x\\right)\\right]")).contains("stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">[</mo>"))
    }
}
