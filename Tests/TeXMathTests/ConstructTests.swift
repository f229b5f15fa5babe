import Testing
@testable import TeXMath

/// One test per construct of MATH.md §2, checking the MathML that Chromium needs.
struct ConstructTests {
    @Test func identifiersAndNumbers() {
        #expect(body(inline("x")) == "<mrow><mi>x</mi></mrow>")
        #expect(body(inline("3.14")) == "<mrow><mn>3.14</mn></mrow>")
        #expect(body(inline("12x")) == "<mrow><mn>12</mn><mi>x</mi></mrow>")
        #expect(body(inline(".5")).contains("<mn>.5</mn>"))
        // Digits that do not touch are separate numbers.
        #expect(body(inline("1 2")) == "<mrow><mn>1</mn><mn>2</mn></mrow>")
    }

    @Test func greekLetters() {
        #expect(body(inline("\\epsilon\\varepsilon")).contains("<mi>\u{03F5}</mi><mi>ε</mi>"))
        #expect(body(inline("\\phi\\varphi")).contains("<mi>\u{03D5}</mi><mi>φ</mi>"))
        #expect(body(inline("\\Gamma")).contains("<mi mathvariant=\"normal\">Γ</mi>"))
        #expect(body(inline("\\varGamma")).contains("<mi>\u{1D6E4}</mi>"))
    }

    @Test func symbolsAreIdentifiersAndDotsAreOperators() {
        #expect(body(inline("\\infty")).contains("<mi>∞</mi>"))
        #expect(body(inline("\\nabla\\partial\\hbar\\ell")).contains("<mi>∇</mi><mi>∂</mi><mi>ℏ</mi><mi>ℓ</mi>"))
        #expect(body(inline("\\cdots")).contains("<mo>⋯</mo>"))
        #expect(body(inline("\\ldots")).contains("<mo>…</mo>"))
    }

    @Test func minusIsUnicodeAndUnaryWherTeXSaysSo() {
        #expect(body(inline("a-b")) == "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>")
        #expect(body(inline("-x")).contains("<mo form=\"prefix\">−</mo>"))
        #expect(body(inline("a=-b")).contains("<mo form=\"prefix\">−</mo>"))
        #expect(body(inline("(-b)")).contains("<mo form=\"prefix\">−</mo>"))
        #expect(body(inline("a,-b")).contains("<mo form=\"prefix\">−</mo>"))
        #expect(!body(inline("a-b")).contains("prefix"))
    }

    @Test func relationsAndArrowsDoNotStretch() {
        #expect(body(inline("a\\le b")).contains("<mo>≤</mo>"))
        #expect(body(inline("a\\to b")).contains("<mo stretchy=\"false\">→</mo>"))
        #expect(body(inline("a\\ne b")).contains("<mo>≠</mo>"))
        #expect(body(inline("a\\coloneqq b")).contains("<mo>≔</mo>"))
        #expect(body(inline("p\\iff q")).contains("lspace=\"0.5556em\""))
        #expect(body(inline("a \\mid b")).contains("<mo>∣</mo>"))
    }

    @Test func scriptsAndPrimes() {
        #expect(body(inline("x^2")) == "<mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>")
        #expect(body(inline("x_i")) == "<mrow><msub><mi>x</mi><mi>i</mi></msub></mrow>")
        #expect(body(inline("x_i^2")) == body(inline("x^2_i")))
        #expect(body(inline("x_i^2")).contains("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"))
        #expect(body(inline("x^{2n}")).contains("<msup><mi>x</mi><mrow><mn>2</mn><mi>n</mi></mrow></msup>"))
        #expect(body(inline("f'")).contains("<mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo>"))
        #expect(body(inline("f''")).contains("″"))
        #expect(body(inline("f'^2")).contains("<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>"))
        #expect(body(inline("^2")).contains("<msup><mrow/><mn>2</mn></msup>"))
        #expect(body(inline("x^\\prime")) == body(inline("x'")))
        #expect(body(inline("x^{\\prime\\prime}")) == body(inline("x''")))
        #expect(body(inline("x_i'")).contains("<msubsup><mi>x</mi><mi>i</mi><mo>′</mo></msubsup>"))
        #expect(body(inline("x^12")).contains("<msup><mi>x</mi><mn>1</mn></msup><mn>2</mn>"))
    }

    @Test func relationsInScriptsAreTight() {
        #expect(body(inline("\\sum_{i=1}")).contains("<mo lspace=\"0em\" rspace=\"0em\">=</mo>"))
        #expect(body(display("a=b")).contains("<mo>=</mo>"))
    }

    @Test func bigOperatorsTakeLimitsOnlyInDisplay() {
        let displayed = body(display("\\sum_{i=1}^n x_i"))
        #expect(displayed.contains("<munderover><mo form=\"prefix\" movablelimits=\"false\">∑</mo>"))
        let inlined = body(inline("\\sum_{i=1}^n x_i"))
        #expect(inlined.contains("<msubsup><mo form=\"prefix\" movablelimits=\"false\">∑</mo>"))
        #expect(body(inline("\\sum\\limits_i")).contains("<munder>"))
        #expect(body(display("\\sum\\nolimits_i")).contains("<msub>"))
        // Integrals never take limits by default.
        #expect(body(display("\\int_0^1")).contains("<msubsup><mo form=\"prefix\">∫</mo>"))
        // Inside a display fraction the style is text: scripts, not limits.
        #expect(body(display("\\frac{\\sum_i x}{2}")).contains("<msub><mo"))
    }

    @Test func namedFunctionsApplyWithThinSpace() {
        #expect(body(inline("\\log x")) == "<mrow><mi>log</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"/><mi>x</mi></mrow>")
        #expect(body(inline("\\log(x)")).contains("<mi>log</mi><mo>\u{2061}</mo><mo fence=\"true\" stretchy=\"false\">(</mo>"))
        #expect(body(inline("\\sin^2\\theta")).contains("<msup><mi>sin</mi><mn>2</mn></msup><mo>\u{2061}</mo>"))
        #expect(body(inline("\\log\\left(x\\right)")).contains("<mo>\u{2061}</mo><mrow><mo fence"))
        // A thin space separates an ordinary atom from a following operator name.
        #expect(body(inline("P(x)\\log")).contains("</mo><mspace width=\"0.1667em\"/><mi>log</mi>"))
        // No application before a relation.
        #expect(!body(inline("\\log = 1")).contains("\u{2061}"))
    }

    @Test func limitFunctionsAndArgMax() {
        #expect(body(display("\\lim_{n\\to\\infty} a_n")).contains("<munder><mi>lim</mi>"))
        #expect(body(inline("\\lim_{n} a_n")).contains("<msub><mi>lim</mi>"))
        #expect(body(display("\\arg\\max_\\theta f")).contains("<munder><mi>arg max</mi><mi>θ</mi></munder>"))
        #expect(body(display("\\argmin_x f")).contains("<munder><mi>arg min</mi>"))
        #expect(body(inline("\\arg z")).contains("<mi>arg</mi><mo>\u{2061}</mo>"))
        #expect(body(inline("\\operatorname{softmax}(z)")).contains("<mi>softmax</mi><mo>\u{2061}</mo><mo fence"))
        #expect(body(display("\\operatorname*{argmax}_y s")).contains("<munder><mi>argmax</mi>"))
        #expect(body(inline("\\operatorname{arg\\,max}")).contains("<mi>arg\u{2006}max</mi>"))
    }

    @Test func fractionsBinomialsRoots() {
        #expect(body(inline("\\frac{a}{b}")).contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"))
        #expect(body(inline("\\frac12")).contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>"))
        #expect(body(inline("\\dfrac{a}{b}")).contains("<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac>"))
        #expect(body(display("\\tfrac{a}{b}")).contains("<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mfrac>"))
        let binomial = body(inline("\\binom{n}{k}"))
        #expect(binomial.contains("<mfrac linethickness=\"0em\"><mi>n</mi><mi>k</mi></mfrac>"))
        #expect(binomial.contains("<mo fence=\"true\" form=\"prefix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">(</mo>"))
        #expect(body(inline("{n \\choose k}")).contains("linethickness=\"0em\""))
        #expect(body(inline("{a \\over b}")).contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"))
        #expect(body(inline("\\sqrt{x}")).contains("<msqrt><mi>x</mi></msqrt>"))
        #expect(body(inline("\\sqrt[3]{x}")).contains("<mroot><mi>x</mi><mn>3</mn></mroot>"))
    }

    @Test func plainFencesDoNotStretch() {
        let fences = body(inline("(a)[b]\\{c\\}\\langle d\\rangle\\lfloor e\\rfloor\\lceil f\\rceil"))
        for fence in ["(", ")", "[", "]", "{", "}", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉"] {
            #expect(fences.contains("<mo fence=\"true\" stretchy=\"false\">\(fence)</mo>"), "\(fence)")
        }
        #expect(body(inline("|x|")).contains("<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo>"))
        #expect(body(inline("\\|x\\|")).contains(">‖</mo>"))
        #expect(body(inline("\\Vert x\\Vert")).contains(">‖</mo>"))
        #expect(!body(inline("\\|x\\|")).contains("∥"))
    }

    @Test func leftRightMiddleAndBig() {
        // A body as tall as a fraction gets growing fences and bars...
        let group = body(inline("\\left( \\frac{1}{x} \\middle| y \\right)"))
        #expect(group.contains("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">(</mo><mfrac>"))
        #expect(group.contains("<mo fence=\"true\" form=\"infix\" stretchy=\"true\" lspace=\"0.05em\" rspace=\"0.05em\">|</mo>"))
        #expect(group.contains("<mo fence=\"true\" form=\"postfix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">)</mo></mrow>"))
        // ...a one-line body keeps them at text size (Chromium pads stretched ones widely).
        let flat = body(inline("\\left( x \\middle| y \\right)"))
        #expect(flat.contains("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">(</mo><mi>x</mi>"))
        #expect(flat.contains("<mo fence=\"true\" form=\"infix\" stretchy=\"false\" lspace=\"0.05em\" rspace=\"0.05em\">|</mo>"))
        let oneSided = body(inline("\\left. \\frac{1}{x} \\right|"))
        #expect(!oneSided.contains("prefix"))
        #expect(oneSided.contains("form=\"postfix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">|</mo>"))
        #expect(body(inline("\\left\\langle x \\right\\rangle")).contains(">⟨</mo>"))
        #expect(body(inline("\\big(")).contains("minsize=\"1.2em\" maxsize=\"1.2em\""))
        #expect(body(inline("\\Bigg)")).contains("minsize=\"3em\" maxsize=\"3em\""))
        #expect(body(inline("\\bigl(")).contains("form=\"prefix\""))
    }

    @Test func fontsMapToMathematicalAlphanumerics() {
        #expect(body(inline("\\mathbb{R}")).contains("<mi>ℝ</mi>"))
        #expect(body(inline("\\mathbb{E}")).contains("<mi>𝔼</mi>"))
        #expect(body(inline("\\mathbb{1}")).contains("<mn>𝟙</mn>"))
        #expect(body(inline("\\mathcal{L}")).contains("<mi>ℒ</mi>"))
        #expect(body(inline("\\mathcal{A}")).contains("<mi>𝒜</mi>"))
        #expect(body(inline("\\mathscr{F}")).contains("<mi>ℱ</mi>"))
        #expect(body(inline("\\mathfrak{g}")).contains("<mi>𝔤</mi>"))
        #expect(body(inline("\\mathbf{x}")).contains("<mi>𝐱</mi>"))
        #expect(body(inline("\\mathbf{0}")).contains("<mn>𝟎</mn>"))
        #expect(body(inline("\\boldsymbol{\\theta}")).contains("<mi>𝜽</mi>"))
        #expect(body(inline("\\bm{x}")).contains("<mi>𝒙</mi>"))
        #expect(body(inline("\\mathsf{T}")).contains("<mi>𝖳</mi>"))
        #expect(body(inline("\\mathtt{a}")).contains("<mi>𝚊</mi>"))
        #expect(body(inline("\\mathit{h}")).contains("<mi>ℎ</mi>"))
        #expect(body(inline("\\mathrm{d}x")).contains("<mi mathvariant=\"normal\">d</mi><mi>x</mi>"))
        #expect(body(inline("\\mathrm{softmax}")).contains("<mi>softmax</mi>"))
        #expect(body(inline("\\mathrm{\\Gamma}")).contains("<mi mathvariant=\"normal\">Γ</mi>"))
        #expect(body(inline("{\\bf x} y")).contains("<mi>𝐱</mi><mi>y</mi>"))
    }

    @Test func textPassesAnyScriptWithHardEdgeSpaces() {
        #expect(body(inline("\\text{中文}")) == "<mrow><mtext>中文</mtext></mrow>")
        #expect(body(inline("\\text{if } x")).contains("<mtext>if\u{00A0}</mtext>"))
        #expect(body(inline("\\text{ a  b }")).contains("<mtext>\u{00A0}a b\u{00A0}</mtext>"))
        #expect(body(inline("\\textbf{b}")).contains("<mtext class=\"qed-text-bold\">b</mtext>"))
        #expect(body(inline("\\text{a $x^2$ b}")).contains("<mtext>a\u{00A0}</mtext><msup><mi>x</mi><mn>2</mn></msup><mtext>\u{00A0}b</mtext>"))
        #expect(body(inline("\\text{\\{50\\%\\}}")).contains("<mtext>{50%}</mtext>"))
        #expect(body(inline("\\text{a--b}")).contains("<mtext>a–b</mtext>"))
        // CJK typed directly in math is text, not a row of italic identifiers.
        #expect(body(inline("x为正")).contains("<mtext>为正</mtext>"))
        #expect(inline("\\text{한국어 テキスト}").diagnostics.isEmpty)
    }

    @Test func spacingInEm() {
        #expect(body(inline("a\\,b")).contains("<mspace width=\"0.1667em\"/>"))
        #expect(body(inline("a\\:b")).contains("<mspace width=\"0.2222em\"/>"))
        #expect(body(inline("a\\;b")).contains("<mspace width=\"0.2778em\"/>"))
        #expect(body(inline("a\\!b")).contains("<mspace width=\"-0.1667em\"/>"))
        #expect(body(inline("a\\quad b")).contains("<mspace width=\"1em\"/>"))
        #expect(body(inline("a\\qquad b")).contains("<mspace width=\"2em\"/>"))
        #expect(body(inline("a~b")).contains("<mtext>\u{00A0}</mtext>"))
        #expect(body(inline("a\\ b")).contains("<mtext>\u{00A0}</mtext>"))
        #expect(body(inline("\\hspace{2pt}")).contains("<mspace width=\"0.2em\"/>"))
        #expect(body(inline("\\mkern18mu")).contains("<mspace width=\"1em\"/>"))
        #expect(body(inline("\\kern-0.5em")).contains("<mspace width=\"-0.5em\"/>"))
    }

    @Test func accentsAndBraces() {
        #expect(body(inline("\\hat{x}")).contains("<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">ˆ</mo></mover>"))
        #expect(body(inline("\\widehat{xy}")).contains("<mo stretchy=\"true\">\u{0302}</mo>"))
        #expect(body(inline("\\bar{x}")).contains(">\u{02C9}</mo>"))
        #expect(body(inline("\\vec{v}")).contains(">\u{20D7}</mo>"))
        #expect(body(inline("\\overline{AB}")).contains("<mrow class=\"qed-overline\">"))
        #expect(body(inline("\\underline{x}")).contains("<mrow class=\"qed-underline\">"))
        let under = body(display("\\underbrace{a+b}_{n}"))
        #expect(under.contains("<munder><munder><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>"))
        #expect(body(inline("\\overbrace{a}^{n}")).contains("<mover><mover><mi>a</mi><mo stretchy=\"true\">⏞</mo></mover><mi>n</mi></mover>"))
        #expect(body(inline("\\overset{!}{=}")).contains("<mover><mrow><mo form=\"infix\">=</mo></mrow><mrow><mo>!</mo></mrow></mover>"))
        #expect(body(inline("\\underset{x}{y}")).contains("<munder><mi>y</mi><mi>x</mi></munder>"))
        #expect(body(inline("\\stackrel{?}{=}")).contains("<mover><mrow><mo form=\"infix\">=</mo></mrow><mrow><mo>?</mo></mrow></mover>"))
    }

    @Test func matricesAndCases() {
        let matrix = body(display("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}"))
        #expect(matrix.contains("<mtable class=\"qed-matrix\"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"))
        #expect(matrix.hasPrefix("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">(</mo><mtable"))
        #expect(body(display("\\begin{bmatrix}1\\end{bmatrix}")).contains(">[</mo>"))
        #expect(body(display("\\begin{vmatrix}1\\end{vmatrix}")).contains(">|</mo>"))
        #expect(body(display("\\begin{Vmatrix}1\\end{Vmatrix}")).contains(">‖</mo>"))
        #expect(body(display("\\begin{Bmatrix}1\\end{Bmatrix}")).contains(">{</mo>"))
        let cases = body(display("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}"))
        #expect(cases.contains("<mtable class=\"qed-cases\">"))
        #expect(cases.contains("<mtd class=\"qed-align-l\"><mn>1</mn></mtd>"))
        #expect(!cases.contains(">}</mo>"))
        // A trailing \\ does not make an empty row.
        #expect(elements(display("\\begin{matrix} a \\\\ b \\\\ \\end{matrix}").mathML).filter { $0.name == "mtr" }.count == 2)
    }

    @Test func alignedKeepsRelationsSpaced() {
        let aligned = body(display("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}"))
        #expect(aligned.contains("<mtable class=\"qed-aligned\" displaystyle=\"true\">"))
        #expect(aligned.contains("<mtd class=\"qed-align-r\"><mi>a</mi></mtd><mtd class=\"qed-align-l\"><mrow/><mo>=</mo><mi>b</mi></mtd>"))
        let split = body(display("\\begin{split} a &= b \\\\ &+ c \\end{split}"))
        #expect(split.contains("<mrow/><mo>+</mo>"))
        #expect(!split.contains("prefix"))
        // Implicit rows at the top level of display math.
        #expect(body(display("a = b \\\\ c = d")).contains("<mtable class=\"qed-gathered\""))
        #expect(body(display("x &= 1 \\\\ y &= 2")).contains("<mtable class=\"qed-aligned\""))
    }

    @Test func arrayColumnsAndRules() {
        let array = body(display("\\begin{array}{c|l} a & b \\\\ \\hline c & d \\end{array}"))
        #expect(array.contains("<mtd class=\"qed-border-r\"><mi>a</mi></mtd>"))
        #expect(array.contains("<mtd class=\"qed-align-l\"><mi>b</mi></mtd>"))
        #expect(array.contains("<mtr class=\"qed-hline-above\">"))
        let specs = Parser.columnSpecs("|l|c@{}r|")
        #expect(specs.count == 3)
        #expect(specs[0].borderLeft && specs[0].borderRight)
        #expect(specs[2].alignment == .right && specs[2].borderRight)
    }

    @Test func styleCommands() {
        #expect(body(inline("\\displaystyle \\sum_i x")).contains("<mstyle displaystyle=\"true\" scriptlevel=\"0\"><munder>"))
        #expect(body(display("\\textstyle \\sum_i x")).contains("<mstyle displaystyle=\"false\" scriptlevel=\"0\"><msub>"))
        #expect(body(inline("\\phantom{x}")).contains("<mphantom><mi>x</mi></mphantom>"))
        #expect(body(inline("\\boxed{x}")).contains("<mrow class=\"qed-boxed\"><mi>x</mi></mrow>"))
        #expect(body(inline("\\cancel{x}")).contains("<mrow class=\"qed-cancel\"><mi>x</mi></mrow>"))
        #expect(body(inline("\\color{red}{x} y")).contains("<mstyle mathcolor=\"red\"><mi>x</mi><mi>y</mi></mstyle>"))
        #expect(body(inline("\\textcolor{Blue}{x} y")).contains("<mstyle mathcolor=\"blue\"><mi>x</mi></mstyle><mi>y</mi>"))
        #expect(body(inline("\\color{#f80}x")).contains("mathcolor=\"#F80\""))
        #expect(body(inline("\\color[HTML]{ff8800}x")).contains("mathcolor=\"#FF8800\""))
        #expect(body(inline("\\color[rgb]{1,0,0.5}x")).contains("mathcolor=\"#FF0080\""))
    }

    @Test func miscellaneous() {
        #expect(body(inline("\\not\\in")).contains("<mo form=\"infix\">∉</mo>"))
        #expect(body(inline("\\not\\prec")).contains("<mo form=\"infix\">⊀</mo>"))
        #expect(body(inline("a \\bmod b")).contains(">mod</mo>"))
        #expect(body(inline("\\pmod{n}")).contains("<mi>mod</mi>"))
        #expect(body(display("\\tag{3} x")).hasSuffix("<mrow class=\"qed-tag\"><mspace width=\"2em\"/><mtext>(3)</mtext></mrow></mrow>"))
        #expect(body(inline("\\xrightarrow{f}")).contains("<mover><mo stretchy=\"true\">→</mo>"))
        #expect(body(display("\\sum_{\\substack{i \\\\ j}}")).contains("<mtable class=\"qed-substack\">"))
        #expect(body(inline("x \\label{eq} \\nonumber")) == "<mrow><mi>x</mi></mrow>")
        #expect(body(inline("a % comment\n + b")) == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>")
        #expect(body(inline("\\mathds{1}")).contains("<mn>𝟙</mn>"))
        #expect(body(inline("\\R")).contains("<mi>ℝ</mi>"))
        #expect(body(inline("\\lt")).contains("&lt;"))
        #expect(body(inline("\\eqref{eq:1}")).contains("<mtext>(eq:1)</mtext>"))
        #expect(body(inline("\\ket{0}")).contains("<mo fence=\"true\" stretchy=\"false\">⟩</mo>"))
        #expect(body(inline("≤ α ∑")).contains("<mo form=\"infix\">≤</mo><mi>α</mi><mo form=\"prefix\" movablelimits=\"false\">∑</mo>"))
    }

    @Test func wrapperAndAnnotation() {
        let inlineXML = inline("x<y").mathML
        #expect(inlineXML.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow>"))
        #expect(inlineXML.hasSuffix("<annotation encoding=\"application/x-tex\">x&lt;y</annotation></semantics></math>"))
        #expect(display("x").mathML.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(xmlError(inline("").mathML) == nil)
    }
}
