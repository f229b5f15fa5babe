import Testing
@testable import TeXMath

/// Malformed input: the formula still renders, the bad part is marked, and the
/// diagnostic points at the right UTF-8 bytes.
struct DiagnosticTests {
    @Test func unknownCommandIsMarkedAndLocated() {
        let tex = "x + \\foo{y} + 1"
        let conversion = inline(tex)
        #expect(conversion.diagnostics.count == 1)
        let diagnostic = conversion.diagnostics[0]
        #expect(diagnostic.kind == .unknownCommand)
        #expect(diagnostic.range == byteRange(of: "\\foo", in: tex))
        #expect(diagnostic.command == "\\foo")
        #expect(diagnostic.message == "unknown command '\\foo'")
        #expect(conversion.hasUnknownCommands)
        let mathML = body(conversion)
        #expect(mathML.contains("<merror class=\"qed-math-error\"><mtext>\\foo</mtext></merror><mi>y</mi><mo>+</mo><mn>1</mn>"))
        #expect(xmlError(conversion.mathML) == nil)
    }

    @Test func unknownCommandSuggestsCloseOne() {
        let conversion = inline("\\fracc{1}{2}")
        #expect(conversion.diagnostics.first?.message == "unknown command '\\fracc'; did you mean '\\frac'?")
        #expect(conversion.diagnostics.first?.suggestion == "\\frac")
        #expect(inline("\\alpah").diagnostics.first?.suggestion == "\\alpha")
        #expect(inline("\\lamda").diagnostics.first?.suggestion == "\\lambda")
        #expect(inline("\\qwertyuiop").diagnostics.first?.suggestion == nil)
    }

    @Test func offsetsAreUTF8BytesAfterMultibyteText() {
        let tex = "\\text{中文} + \\bogus"
        let diagnostic = inline(tex).diagnostics.first
        #expect(diagnostic?.range == byteRange(of: "\\bogus", in: tex))
        #expect(diagnostic?.range.lowerBound == 16)
        let formatted = diagnostic?.formatted(in: tex) ?? ""
        #expect(formatted.hasPrefix("1:13: unknown command '\\bogus'"))
        #expect(formatted.hasSuffix("            ^~~~~~"))
    }

    @Test func unknownCommandInsideTextIsReported() {
        let tex = "\\text{a \\nope b}"
        let conversion = inline(tex)
        #expect(conversion.diagnostics.map(\.kind) == [.unknownCommand])
        #expect(conversion.diagnostics.first?.range == byteRange(of: "\\nope", in: tex))
        #expect(body(conversion).contains("<merror class=\"qed-math-error\"><mtext>\\nope</mtext></merror>"))
    }

    @Test func missingClosingBrace() {
        let tex = "a + {b + c"
        let conversion = inline(tex)
        #expect(conversion.diagnostics.map(\.kind) == [.unbalancedBraces])
        #expect(conversion.diagnostics.first?.range == 4..<5)
        #expect(body(conversion).contains("<mi>b</mi><mo>+</mo><mi>c</mi>"))
    }

    @Test func extraClosingBrace() {
        let conversion = inline("a + b} + c")
        #expect(conversion.diagnostics.map(\.kind) == [.unbalancedBraces])
        #expect(conversion.diagnostics.first?.range == 5..<6)
        #expect(body(conversion).contains("<merror class=\"qed-math-error\"><mtext>}</mtext></merror>"))
        #expect(body(conversion).contains("<mi>c</mi>"))
    }

    @Test func missingArguments() {
        let fraction = inline("\\frac{1}")
        #expect(fraction.diagnostics.map(\.kind) == [.missingArgument])
        #expect(fraction.diagnostics.first?.range == 0..<5)
        #expect(fraction.diagnostics.first?.message == "'\\frac' is missing its denominator")
        #expect(body(fraction).contains("<mtext>\\frac{1}</mtext>"))
        let root = inline("x + \\sqrt")
        #expect(root.diagnostics.first?.kind == .missingArgument)
        #expect(root.diagnostics.first?.range == 4..<9)
        #expect(body(root).contains("<mi>x</mi>"))
    }

    @Test func trailingScript() {
        let conversion = inline("x^")
        #expect(conversion.diagnostics.map(\.kind) == [.missingArgument])
        #expect(conversion.diagnostics.first?.range == 1..<2)
        #expect(body(conversion) == "<mrow><mrow><mi>x</mi><merror class=\"qed-math-error\"><mtext>^</mtext></merror></mrow></mrow>")
        #expect(inline("x_").diagnostics.first?.kind == .missingArgument)
        #expect(inline("x^}").diagnostics.map(\.kind).contains(.missingArgument))
    }

    @Test func leftWithoutRight() {
        let tex = "a + \\left( b"
        let conversion = inline(tex)
        #expect(conversion.diagnostics.map(\.kind) == [.unmatchedLeft])
        #expect(conversion.diagnostics.first?.range == byteRange(of: "\\left(", in: tex))
        let mathML = body(conversion)
        #expect(mathML.contains("<merror class=\"qed-math-error\"><mtext>\\left(</mtext></merror><mi>b</mi>"))
        #expect(mathML.contains("<mi>a</mi>"))
    }

    @Test func rightWithoutLeft() {
        let conversion = inline("x \\right) y")
        #expect(conversion.diagnostics.map(\.kind) == [.unmatchedRight])
        #expect(conversion.diagnostics.first?.range == 2..<8)
        #expect(body(conversion).contains("<mtext>\\right)</mtext>"))
        #expect(body(conversion).contains("<mi>y</mi>"))
    }

    @Test func leftWithoutDelimiter() {
        let conversion = inline("\\left x \\right)")
        #expect(conversion.diagnostics.map(\.kind) == [.missingDelimiter])
        #expect(conversion.diagnostics.first?.range == 0..<5)
    }

    @Test func middleOutsideLeftRight() {
        #expect(inline("a \\middle| b").diagnostics.map(\.kind) == [.misplacedCommand])
    }

    @Test func doubleScripts() {
        let conversion = inline("x^1^2")
        #expect(conversion.diagnostics.map(\.kind) == [.doubleScript])
        #expect(conversion.diagnostics.first?.range == 3..<4)
        #expect(body(conversion).contains("<mn>1</mn>") && body(conversion).contains("<mn>2</mn>"))
    }

    @Test func environments() {
        let unknown = display("\\begin{foo} a \\end{foo}")
        #expect(unknown.diagnostics.map(\.kind) == [.unknownEnvironment])
        #expect(unknown.diagnostics.first?.range == 0..<11)
        #expect(unknown.hasUnknownCommands)
        #expect(body(unknown).contains("<mi>a</mi>"))
        let typo = display("\\begin{pmatirx} a \\end{pmatirx}")
        #expect(typo.diagnostics.first?.suggestion == "pmatrix")
        let mismatch = display("\\begin{pmatrix} a \\end{bmatrix}")
        #expect(mismatch.diagnostics.map(\.kind) == [.environmentMismatch])
        #expect(mismatch.diagnostics.first?.range == 18..<31)
        let unclosed = display("\\begin{cases} a & b")
        #expect(unclosed.diagnostics.map(\.kind) == [.missingArgument])
        #expect(body(unclosed).contains("<mi>b</mi>"))
        let stray = inline("a \\end{matrix}")
        #expect(stray.diagnostics.map(\.kind) == [.misplacedCommand])
    }

    @Test func alignmentOutsideTable() {
        let conversion = inline("a & b")
        #expect(conversion.diagnostics.map(\.kind) == [.misplacedAlignment])
        #expect(conversion.diagnostics.first?.range == 2..<3)
        #expect(display("a & b").diagnostics.isEmpty)
    }

    @Test func trailingBackslash() {
        let conversion = inline("x \\")
        #expect(conversion.diagnostics.map(\.kind) == [.trailingBackslash])
        #expect(conversion.diagnostics.first?.range == 2..<3)
    }

    @Test func invalidColourAndLength() {
        let colour = inline("\\color{notacolour}{x}")
        #expect(colour.diagnostics.map(\.kind) == [.invalidColor])
        #expect(colour.diagnostics.first?.range == 7..<17)
        #expect(!colour.mathML.contains("mathcolor"))
        #expect(body(colour).contains("<mi>x</mi>"))
        let length = inline("\\hspace{3 parsecs}")
        #expect(length.diagnostics.map(\.kind) == [.invalidLength])
    }

    @Test func diagnosticsAreInSourceOrder() {
        let conversion = inline("\\left( \\foo + \\bar{")
        let starts = conversion.diagnostics.map(\.range.lowerBound)
        #expect(starts == starts.sorted())
        #expect(conversion.diagnostics.count >= 3)
    }

    @Test func reportHelperForTheCommandLine() {
        let report = TeXMathConverter.report("\\fracc{1}{2}", display: false)
        #expect(report.failed)
        #expect(report.diagnostics == ["1:1: unknown command '\\fracc'; did you mean '\\frac'?\n  \\fracc{1}{2}\n  ^~~~~~"])
        #expect(report.mathML.hasPrefix("<math"))
        let clean = TeXMathConverter.report("x^2", display: true)
        #expect(!clean.failed && clean.diagnostics.isEmpty)
    }
}
