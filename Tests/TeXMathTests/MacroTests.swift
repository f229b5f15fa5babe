import Testing
@testable import TeXMath

/// User macros: definitions in a formula, a caller's preset, scope across formulas,
/// and bounded expansion with located diagnostics.
struct MacroTests {
    func convert(_ tex: String, _ macros: inout MathMacros, display: Bool = false) -> MathConversion {
        let conversion = converter.convert(tex, display: display, macros: &macros)
        #expect(xmlError(conversion.mathML) == nil, "not well-formed XML for \(tex)")
        return conversion
    }

    @Test func newcommandWithArgumentsAndADefault() {
        var macros = MathMacros()
        let plain = convert("\\newcommand{\\RR}{\\mathbb{R}} x \\in \\RR", &macros)
        #expect(plain.diagnostics.isEmpty)
        #expect(body(plain).contains("<mo>∈</mo><mi>ℝ</mi>"))
        let withArgs = convert("\\newcommand{\\pair}[2]{(#1, #2)} \\pair{a}{b}", &macros)
        #expect(body(withArgs).contains("<mi>a</mi><mo>,</mo><mi>b</mi>"))
        let optional = convert("\\newcommand\\lp[2][1]{L^{#1}(#2)} \\lp{X} + \\lp[2]{Y}", &macros)
        #expect(optional.diagnostics.isEmpty)
        #expect(body(optional).contains("<msup><mi>L</mi><mn>1</mn></msup>"))
        #expect(body(optional).contains("<msup><mi>L</mi><mn>2</mn></msup>"))
    }

    @Test func defRenewcommandAndDeclareMathOperator() {
        var macros = MathMacros()
        let def = convert("\\def\\sq#1{#1^2} \\sq{x} + \\sq y", &macros)
        #expect(def.diagnostics.isEmpty)
        #expect(body(def).contains("<msup><mi>x</mi><mn>2</mn></msup>"))
        #expect(body(def).contains("<msup><mi>y</mi><mn>2</mn></msup>"))
        _ = convert("\\renewcommand{\\sq}[1]{#1^3}", &macros)
        #expect(body(convert("\\sq{z}", &macros)).contains("<mn>3</mn>"))
        let op = convert("\\DeclareMathOperator{\\Var}{Var} \\Var(X)", &macros)
        #expect(op.diagnostics.isEmpty)
        #expect(body(op).contains("<mi>Var</mi><mo>⁡</mo>"))
        // The starred form takes limits below in display style, like \\max.
        let starred = converter.convert("\\DeclareMathOperator*{\\esssup}{ess\\,sup} \\esssup_{x}", display: true, macros: &macros)
        #expect(body(starred).hasPrefix("<mrow><munder><mi>ess"))
    }

    @Test func aBodyEndingInAControlWordStaysApartFromTheNextLetter() {
        var macros = MathMacros()
        let conversion = convert("\\newcommand{\\a}{\\alpha}\\a b + \\mathbb\\RR", &macros)
        #expect(body(conversion).contains("<mi>α</mi><mi>b</mi>"))
        let parameter = convert("\\def\\bb#1{\\mathbb#1}\\bb R", &macros)
        #expect(parameter.diagnostics.isEmpty)
        #expect(body(parameter).contains("ℝ"))
    }

    @Test func definitionsLastForTheNoteInDocumentOrder() {
        var macros = MathMacros()
        _ = convert("\\newcommand{\\E}{\\mathbb{E}}", &macros)
        let later = convert("\\E[X]", &macros)
        #expect(later.diagnostics.isEmpty)
        #expect(body(later).contains("𝔼"))
        // A fresh table (another note) does not know it.
        #expect(inline("\\E[X]").hasUnknownCommands)
    }

    @Test func katexPresetWithArguments() {
        var macros = MathMacros(katex: ["\\RR": "\\mathbb{R}", "\\norm": "\\left\\|#1\\right\\|", "bad name": "x"])
        #expect(macros.rejected == ["bad name"])
        #expect(macros["norm"]?.parameters == 1)
        let conversion = convert("\\norm{v} \\in \\RR^n", &macros)
        #expect(conversion.diagnostics.isEmpty)
        #expect(body(conversion).contains("‖"))
    }

    @Test func textInsideAMacroBodyKeepsItsSpaces() {
        var macros = MathMacros(katex: ["\\note": "\\text{ if #1 holds}"])
        let conversion = convert("x \\note{P}", &macros)
        #expect(body(conversion).contains("<mtext>\u{00A0}if P holds</mtext>"))
    }

    @Test func diagnosticsAfterAndInsideExpansionsKeepTheirPlaceInTheSource() {
        var macros = MathMacros(katex: ["\\bad": "\\fracc{1}{2}"])
        let tex = "\\newcommand{\\RR}{\\mathbb{R}} \\RR + \\bogus + \\bad"
        let conversion = convert(tex, &macros)
        let bogus = conversion.diagnostics.first { $0.command == "\\bogus" }
        #expect(bogus?.range == byteRange(of: "\\bogus", in: tex))
        // A problem made by a macro is placed on the macro's use.
        let inside = conversion.diagnostics.first { $0.command == "\\fracc" }
        #expect(inside?.range == byteRange(of: "\\bad", in: tex))
        #expect(body(conversion).contains("qed-math-error"))
    }

    @Test func recursiveMacrosStopWithALocatedError() {
        var macros = MathMacros()
        let tex = "\\def\\x{\\x}a + \\x"
        let conversion = convert(tex, &macros)
        let error = conversion.diagnostics.first { $0.kind == .macro }
        #expect(error?.range == (tex.utf8.count - 2)..<tex.utf8.count)
        #expect(error?.message.contains("expands without end") == true)
        #expect(body(conversion).contains("<merror"))
        // Mutual recursion and self-use with an argument stop too.
        #expect(convert("\\def\\a{\\b}\\def\\b{\\a}\\a", &macros).diagnostics.contains { $0.kind == .macro })
        #expect(convert("\\newcommand{\\f}[1]{\\f{#1#1}}\\f{x}", &macros).diagnostics.contains { $0.kind == .macro })
    }

    @Test func exponentialMacrosAreCutOff() {
        var macros = MathMacros()
        var tex = "\\def\\a{x}"
        for (name, inner) in zip(["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w"],
                                 ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v"]) {
            tex += "\\def\\\(name){\\\(inner)\\\(inner)\\\(inner)}"
        }
        tex += "\\w"
        let conversion = convert(tex, &macros)
        #expect(conversion.diagnostics.contains { $0.kind == .macro })
        // Bounded: the expansion limit keeps the output far below 3^21 letters.
        #expect(conversion.mathML.utf8.count < 4 * MacroExpander.maxOutputBytes)
    }

    @Test func malformedDefinitionsAreLocated() {
        var macros = MathMacros()
        let cases: [(String, String)] = [
            ("a \\newcommand", "\\newcommand"), ("\\newcommand{\\x}[z]{y}", "\\newcommand"),
            ("\\newcommand{\\x}", "\\newcommand"), ("\\def\\x#2{y}", "\\def"), ("\\def", "\\def"),
            ("\\def\\x#1#1{y}", "\\def"), ("\\DeclareMathOperator{x}", "\\DeclareMathOperator"),
        ]
        for (tex, command) in cases {
            let conversion = convert(tex, &macros)
            let error = conversion.diagnostics.first { $0.kind == .macro }
            #expect(error?.range == byteRange(of: command, in: tex), "\(tex)")
        }
        let missing = convert("\\newcommand{\\two}[2]{#1#2}\\two{a}", &macros)
        let error = missing.diagnostics.first { $0.kind == .macro }
        #expect(error?.message.contains("argument 2 is missing") == true)
    }

    @Test func tableSizeIsBounded() {
        var macros = MathMacros()
        let big = String(repeating: "x", count: MathMacros.maxTotalBodyBytes / 2 + 1)
        let first = macros.define("a", .init(body: big))
        let second = macros.define("b", .init(body: big))
        let badName = macros.define("not a name", .init(body: "x"))
        #expect(first)
        #expect(!second)
        #expect(macros["b"] == nil)
        #expect(!badName)
    }
}
