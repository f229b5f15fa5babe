import Diagnostics
import Testing
@testable import Notes

/// Every case MATH.md §1 lists, plus where the cut-out must not look.
@Suite struct MathCutTests {
    func tex(_ text: String) -> [String] { note(text).math.map(\.tex) }

    @Test func dollarAmountsAreNotMath() {
        #expect(tex("It costs $5 and $10 today.").isEmpty)
        #expect(plainRender(note("It costs $5 and $10 today.")) == "<p>It costs $5 and $10 today.</p>\n")
    }

    @Test func literalDollarThenMath() {
        let n = note("Pay $5 and $x^2$ later.")
        #expect(n.math.map(\.tex) == ["x^2"])
        #expect(n.math[0].display == false)
        #expect(plainRender(n) == "<p>Pay $5 and [I:x^2] later.</p>\n")
    }

    @Test func whiteSpaceAndDigitRules() {
        #expect(tex("a $ x$ b").isEmpty)
        #expect(tex("a $x $ b").isEmpty)
        #expect(tex("a $x$5 b").isEmpty)
    }

    @Test func adjacentInlineMaths() {
        let n = note("$a$$b$")
        #expect(n.math.map(\.tex) == ["a", "b"])
        #expect(n.math.allSatisfy { !$0.display })
    }

    @Test func escapedDollarInsideMath() {
        #expect(tex("cost $\\$5+x$ here") == ["\\$5+x"])
        #expect(tex("not math: \\$x$").isEmpty)
    }

    @Test func blankLineEndsInlineMath() {
        #expect(tex("$a\n\nb$").isEmpty)
        #expect(tex("$a\nb$") == ["a\nb"])
        #expect(tex("$a\nb\nc$").isEmpty, "at most one line break inside inline math")
    }

    @Test func absoluteValueBars() {
        #expect(tex("norm $|x|$ ok") == ["|x|"])
    }

    @Test func displayMathInListItem() {
        let n = note("- item\n\n  $$\n  a = b\n  $$\n- next\n")
        #expect(n.math.count == 1)
        #expect(n.math[0].display)
        #expect(n.math[0].tex.contains("a = b"))
        #expect(n.math[0].location == SourceLocation(file: "test.md", line: 3, column: 5))
    }

    @Test func displayMathInBlockQuoteDropsPrefixes() throws {
        let n = note("> Quote:\n> $$\n> a_1\n> + b\n> $$\n")
        try #require(n.math.count == 1)
        let span = n.math[0]
        #expect(span.tex == "\na_1\n+ b\n")
        #expect(!span.tex.contains(">"))
        // Offsets inside the TeX map back to file lines, past the stripped "> ".
        let plus = Array(span.tex.utf8).firstIndex(of: UInt8(ascii: "+"))!
        #expect(span.location(ofUTF8Offset: plus) == SourceLocation(file: "test.md", line: 4, column: 3))
        let a = Array(span.tex.utf8).firstIndex(of: UInt8(ascii: "a"))!
        #expect(span.location(ofUTF8Offset: a) == SourceLocation(file: "test.md", line: 3, column: 3))
    }

    @Test func displayOnlyParagraphBecomesBlock() {
        let n = note("Before\n\n$$I(x) = -\\log P(x)$$\n\nAfter\n")
        #expect(n.math.map(\.tex) == ["I(x) = -\\log P(x)"])
        #expect(n.body.holes == [.math(0)])
        #expect(plainRender(n) == "<p>Before</p>\n[D:I(x) = -\\log P(x)]\n<p>After</p>\n")
    }

    @Test func twoDisplayLinesInOneParagraph() {
        let n = note("$$a$$\n$$b$$\n")
        #expect(n.body.holes == [.math(0), .math(1)])
        #expect(!n.body.html.contains("<p>"))
    }

    @Test func displayMathInsideProseStaysInParagraph() {
        let n = note("see $$x$$ here")
        #expect(n.math.map(\.display) == [true])
        #expect(plainRender(n) == "<p>see [D:x] here</p>\n")
    }

    @Test func emphasisAroundMathSurvives() {
        let n = note("*$a_1 * b_2$* and _$x_i$_")
        #expect(n.math.map(\.tex) == ["a_1 * b_2", "x_i"])
        #expect(plainRender(n) == "<p><em>[I:a_1 * b_2]</em> and <em>[I:x_i]</em></p>\n")
    }

    @Test func backslashesAndBracesKept() {
        #expect(tex("$\\{a\\}\\,\\\\ \\left\\| x \\right\\|$") == ["\\{a\\}\\,\\\\ \\left\\| x \\right\\|"])
    }

    @Test func noMathInCode() {
        #expect(tex("`$x$` and ``a $y$ b``").isEmpty)
        #expect(tex("```\n$x$\n```\n").isEmpty)
        #expect(tex("~~~python\nprice = $x$\n~~~\n").isEmpty)
        #expect(tex("para\n\n    $x$ indented code\n").isEmpty)
        #expect(tex("<div>\n$x$\n</div>\n").isEmpty)
        #expect(tex("<span title=\"$x$\">t</span>").isEmpty)
        #expect(tex("<https://example.com/$x$>").isEmpty)
    }

    @Test func mathFenceIsDisplayMath() {
        let n = note("Text $y$\n\n```math\n\\frac{a}{b}\n```\n")
        #expect(n.math.map(\.tex) == ["y", "\\frac{a}{b}"])
        #expect(n.math.map(\.display) == [false, true])
        #expect(n.math[1].location == SourceLocation(file: "test.md", line: 4, column: 1))
        #expect(n.body.holes == [.math(0), .math(1)])
    }

    @Test func mathIndicesFollowDocumentOrder() {
        let n = note("```math\nA\n```\n\nthen $b$\n")
        #expect(n.math.map(\.tex) == ["A", "b"])
        #expect(n.body.holes == [.math(0), .math(1)])
    }

    @Test func locationsCountScalarsAndFrontMatterLines() {
        let n = note("---\ntitle: t\n---\n中文 $x$ 和 $$y$$\n")
        #expect(n.math[0].location == SourceLocation(file: "test.md", line: 4, column: 5))
        #expect(n.math[1].location == SourceLocation(file: "test.md", line: 4, column: 12))
    }

    @Test func unclosedDisplayMathIsLiteralAndWarns() {
        let n = note("a $$ b\n\nc")
        #expect(n.math.isEmpty)
        let d = n.diagnostics.first { $0.code == .unclosedMath }
        #expect(d?.location == SourceLocation(file: "test.md", line: 1, column: 3))
        #expect(plainRender(n) == "<p>a $$ b</p>\n<p>c</p>\n")
    }

    @Test func emptyDisplayMathIsLiteral() {
        #expect(tex("a $$$$ b").isEmpty)
    }
}

@Suite struct LinkDestinationTests {
    @Test func noMathInLinkDestinations() {
        let n = note("[price](https://example.com/a$b$c) and [t](<x $y$.html>) then $z$ ![i](p$q$.png \"$t$\")")
        #expect(n.math.map(\.tex) == ["z", "t"])
        #expect(n.body.html.contains("href=\"https://example.com/a$b$c\""))
        #expect(n.body.html.contains("title=\"t\""))
    }
}
