import Diagnostics
import Testing
@testable import Notes

/// GFM constructs QED adds on top of cmark 0.30: tables, task lists, strikethrough and
/// extended autolinks (expected HTML as the GFM spec's examples give it).
@Suite struct GFMTests {
    func html(_ text: String) -> String { plainRender(note(text)) }

    @Test func tableWithAlignment() {
        let out = html("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
        #expect(out == "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n")
        let aligned = html("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
        #expect(aligned.contains("<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>"))
        #expect(aligned.contains("<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>"))
        #expect(html("|a|b|\n|:--|--|\n").contains("<th align=\"left\">a</th>\n<th>b</th>"))
    }

    /// GFM spec examples 201, 202, 204 and 205: where a table ends, and a table with no body.
    @Test func tableEndsAsTheSpecSays() {
        #expect(html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
                == "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n")
        #expect(html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n")
                == "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n")
        #expect(html("| abc | def |\n| --- | --- |\n")
                == "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func tableCellsHoldInlineMarkdownMathAndLinks() {
        let n = note("| $p(x)$ | [[Other note\\|label]] | `= 1 + 1` |\n|---|---|---|\n| **b** \\| c | ~~s~~ | x |\n")
        #expect(n.math.map(\.tex) == ["p(x)"])
        #expect(n.links.first?.target == "Other note")
        #expect(n.links.first?.label == "label")
        #expect(n.inlineExpressions.count == 1)
        let out = plainRender(n)
        #expect(out.contains("<th>[I:p(x)]</th>"))
        #expect(out.contains("<th>[[Other note]]</th>"))
        #expect(out.contains("<td><strong>b</strong> | c</td>"))
        #expect(out.contains("<td><del>s</del></td>"))
    }

    @Test func escapedPipeInCodeSpanInsideCell() {
        #expect(html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n").contains("<td>b <code>|</code> az</td>"))
    }

    @Test func shortAndLongRowsArePaddedOrCut() {
        let out = html("| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n")
        #expect(out.contains("<tr>\n<td>1</td>\n<td></td>\n</tr>"))
        #expect(out.contains("<tr>\n<td>1</td>\n<td>2</td>\n</tr>"))
        #expect(!out.contains("<td>3</td>"))
    }

    @Test func malformedTablesStayTextWithALocatedWarning() {
        let n = note("Intro\n\n| a | b |\n| - |\n| 1 | 2 |\n")
        #expect(!plainRender(n).contains("<table>"))
        let d = n.diagnostics.first { $0.code == .tableColumns }
        #expect(d?.location == SourceLocation(file: "test.md", line: 4, column: 1))
        // No delimiter row at all: a paragraph, no warning.
        let plain = note("a | b\nc | d\n")
        #expect(plainRender(plain) == "<p>a | b\nc | d</p>\n")
        #expect(plain.diagnostics.isEmpty)
    }

    @Test func tableInterruptsAParagraphAndSitsInQuotesAndLists() {
        #expect(html("Text\n| x |\n|---|\n| 1 |\n").hasPrefix("<p>Text</p>\n<table>"))
        #expect(html("> | a |\n> |---|\n> | 1 |\n").contains("<blockquote>\n<table>"))
        #expect(html("- | a |\n  |---|\n  | 1 |\n").contains("<li>\n<table>"))
    }

    @Test func cellsAreInlineOnly() {
        let out = html("| # not a heading | - not a list | > no quote |\n|---|---|---|\n")
        #expect(out.contains("<th># not a heading</th>"))
        #expect(out.contains("<th>- not a list</th>"))
        #expect(out.contains("<th>&gt; no quote</th>"))
    }

    @Test func taskLists() {
        let out = html("- [ ] foo\n- [x] bar\n- [X] baz\n- [y] not a task\n-  [ ]\n")
        #expect(out.contains("<li><input disabled=\"\" type=\"checkbox\"> foo</li>"))
        #expect(out.contains("<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> bar</li>"))
        #expect(out.contains("<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> baz</li>"))
        #expect(out.contains("<li>[y] not a task</li>"))
        // Loose list items keep their paragraph.
        #expect(html("- [x] a\n\n- [ ] b\n").contains("<li>\n<p><input checked=\"\" disabled=\"\" type=\"checkbox\"> a</p>"))
    }

    @Test func strikethroughAndHighlight() {
        #expect(html("~~Hi~~ Hello, ~there~ world!\n") == "<p><del>Hi</del> Hello, <del>there</del> world!</p>\n")
        #expect(html("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
        #expect(html("This will ~~~not~~~ strike.\n") == "<p>This will ~~~not~~~ strike.</p>\n")
        #expect(html("==mark== and ~~*nested* ==both==~~\n")
                == "<p><mark>mark</mark> and <del><em>nested</em> <mark>both</mark></del></p>\n")
        #expect(html("a ~~ b ~~ c, x == y, `~~code~~`\n") == "<p>a ~~ b ~~ c, x == y, <code>~~code~~</code></p>\n")
        #expect(html("~~unclosed and ==also\n") == "<p>~~unclosed and ==also</p>\n")
    }

    @Test func extendedAutolinks() {
        #expect(html("www.commonmark.org\n") == "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n")
        #expect(html("Visit www.commonmark.org/help for more information.\n")
                == "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n")
        #expect(html("Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n")
                == "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p>\n<p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>\n")
        #expect(html("www.google.com/search?q=Markup+(business))\n")
                == "<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>)</p>\n")
        #expect(html("https://example.com/x?y=1, and http://a.b.\n")
                == "<p><a href=\"https://example.com/x?y=1\">https://example.com/x?y=1</a>, and <a href=\"http://a.b\">http://a.b</a>.</p>\n")
        // Already a link, in code, or not at a boundary: left alone.
        #expect(html("[x](https://a.org) `https://b.org` xhttps://c.org\n")
                == "<p><a href=\"https://a.org\">x</a> <code>https://b.org</code> xhttps://c.org</p>\n")
        #expect(html("www.a_b.c_d\n") == "<p>www.a_b.c_d</p>\n")
    }

    /// cmark's output for plain CommonMark is untouched by every extension.
    @Test func plainCommonMarkIsUnchanged() {
        for sample in ["a | b\n", "x ~ y = z\n", "# C# and #1\n", "[!note] not in a quote\n", "> [x] quote\n",
                       "- [a] item\n", "http:// nothing\n", "a^b ^ c\n", "50% %d\n"] {
            #expect(html(sample) == cmarkReferenceHTML(sample), "\(sample)")
        }
    }
}

/// GFM footnotes: numbered in order of first reference, back-links, several blocks per definition.
@Suite struct FootnoteTests {
    @Test func numberedInOrderOfReferenceWithBackLinks() {
        let n = note("B[^b] then A[^a] and B again[^B].\n\n[^a]: Alpha.\n[^b]: Beta with $x$.\n")
        let out = plainRender(n)
        #expect(out.hasPrefix("<p>B<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> then A<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" data-footnote-ref>2</a></sup> and B again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\" data-footnote-ref>1</a></sup>.</p>"), "\(out)")
        #expect(out.contains("<li id=\"fn-1\">\n<p>Beta with [I:x]. <a href=\"#fnref-1\" class=\"footnote-backref\""))
        #expect(out.contains("<a href=\"#fnref-1-2\" class=\"footnote-backref\""))
        #expect(out.contains("<li id=\"fn-2\">\n<p>Alpha. <a href=\"#fnref-2\""))
        #expect(out.hasSuffix("</ol>\n</section>\n"))
        #expect(n.math.count == 1)
        #expect(n.diagnostics.isEmpty, "\(n.diagnostics)")
    }

    @Test func definitionsHoldSeveralBlocks() {
        let out = plainRender(note("x[^n]\n\n[^n]: First paragraph.\n\n    Second paragraph.\n\n    - a list\n\nAfter.\n"))
        #expect(out.contains("<li id=\"fn-1\">\n<p>First paragraph.</p>\n<p>Second paragraph.</p>\n<ul>\n<li>a list</li>\n</ul>\n<p><a href=\"#fnref-1\""), "\(out)")
        #expect(out.contains("<p>After.</p>\n<section"))
    }

    @Test func mathInContinuationParagraphsIsMath() {
        let n = note("x[^1]\n\n[^1]: First $a$.\n\n    Second $b$.\n")
        #expect(n.math.map(\.tex) == ["a", "b"])
        #expect(plainRender(n).contains("<p>Second [I:b]. <a href=\"#fnref-1\""))
    }

    @Test func missingAndUnusedDefinitionsAreReported() throws {
        let n = note("Text[^missing].\n\n[^unused]: Nobody cites me.\n[^unused]: Twice.\n")
        let out = plainRender(n)
        #expect(out.contains("Text[^missing]."))
        #expect(!out.contains("Nobody cites me"))
        #expect(!out.contains("<section"))
        let undefined = try #require(n.diagnostics.first { $0.code == .undefinedFootnote })
        #expect(undefined.location == SourceLocation(file: "test.md", line: 1, column: 5))
        #expect(n.diagnostics.contains { $0.code == .unusedFootnote && $0.location?.line == 3 })
        #expect(n.diagnostics.contains { $0.code == .duplicateFootnote && $0.location?.line == 4 })
    }

    @Test func notFootnotes() {
        for text in ["[^ spaced]\n", "`[^1]`\n", "[^]\n", "a [^1 b]\n"] {
            #expect(plainRender(note(text)) == cmarkReferenceHTML(text), "\(text)")
        }
    }
}
