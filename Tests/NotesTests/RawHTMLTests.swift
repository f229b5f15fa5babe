import Diagnostics
import Testing
@testable import Notes

/// Raw HTML with `raw_html: false`: the allow-list is kept, everything else dropped with a
/// located warning, hostile input rendered inert.
@Suite struct RawHTMLTests {
    func html(_ text: String) -> String { plainRender(note(text)) }

    @Test func allowListedTagsAreKeptAsCmarkUnsafeWritesThem() {
        for sample in ["H<sub>2</sub>O and x<sup>2</sup>, <mark>m</mark> <kbd>Ctrl</kbd> <u>u</u> <small>s</small><br>\n",
                       "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n",
                       "<table>\n<tr><th>a</th></tr>\n<tr><td colspan=\"2\">b</td></tr>\n</table>\n",
                       "<font color=\"red\">red</font> <span style=\"color: #c00\">c</span>\n",
                       "<div align=\"center\">\n\n![x](y.png)\n\n</div>\n",
                       "<img src=\"images/a.png\" width=\"300\"> <img src=\"https://example.org/b.png\" alt=\"b\">\n"] {
            let n = note(sample)
            #expect(plainRender(n) == cmarkReferenceHTML(sample, rawHTML: true), "\(sample)")
            #expect(!n.diagnostics.contains { $0.code.rawValue.hasPrefix("raw-html") }, "\(sample): \(n.diagnostics)")
        }
    }

    @Test func scriptIsDroppedWithALocatedWarning() throws {
        let n = note("Intro\n\n<script>alert(1)</script>\n\nText <script>x</script> more.\n")
        let out = plainRender(n)
        #expect(!out.contains("<script"))
        #expect(!out.contains("alert(1)"))
        #expect(out.contains("<!-- raw HTML omitted -->"))
        let warnings = n.diagnostics.filter { $0.code == .rawHTML }
        #expect(warnings.count == 2, "one per <script>; the end tags go with them")
        #expect(warnings.first?.location == SourceLocation(file: "test.md", line: 3, column: 1))
        #expect(warnings.first?.message.contains("<script>") == true)
    }

    @Test func hostileAttributesAndURLsAreRemoved() {
        let cases: [(String, String)] = [
            ("<img src=\"x.png\" onerror=\"alert(1)\">\n", "<img src=\"x.png\">"),
            ("<img src=x.png OnError=alert(1)>\n", "<img src=\"x.png\">"),
            ("<a href=\"javascript:alert(1)\">x</a>\n", "<a>x</a>"),
            ("<a href=\"java&#x09;script&colon;alert(1)\">x</a>\n", "<a>x</a>"),
            ("<a href=\" JaVaScRiPt:alert(1)\">x</a>\n", "<a>x</a>"),
            ("<img src=\"http://insecure.example/x.png\">\n", "<img>"),
            ("<img src=\"//evil.example/x.png\">\n", "<img>"),
            ("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">\n", "<img>"),
            ("<span style=\"background:url(javascript:alert(1))\">s</span>\n", "<span>s</span>"),
            ("<span style=\"color:red;position:fixed\">s</span>\n", "<span>s</span>"),
            ("<div class=\"status-pass\" id=\"x\">d</div>\n", "<div>d</div>"),
        ]
        for (input, expected) in cases {
            let n = note(input)
            let out = plainRender(n)
            #expect(out.contains(expected), "\(input) → \(out)")
            #expect(!out.lowercased().contains("javascript"), "\(input)")
            #expect(!out.lowercased().contains("onerror"), "\(input)")
            #expect(n.diagnostics.contains { $0.code == .rawHTML }, "\(input) must be reported")
        }
    }

    @Test func dangerousElementsAreDropped() {
        for tag in ["iframe", "object", "embed", "style", "form", "input", "svg", "math", "meta", "link", "base", "textarea"] {
            let n = note("<\(tag) src=\"x\">inner</\(tag)>\n")
            let out = plainRender(n)
            #expect(!out.contains("<\(tag)"), "\(tag): \(out)")
            #expect(n.diagnostics.contains { $0.code == .rawHTML && $0.message.contains("<\(tag)>") }, "\(tag)")
        }
    }

    @Test func strayAndUnclosedTagsAreBalanced() {
        let stray = note("Text </div></div> more\n")
        #expect(!plainRender(stray).contains("</div>"))
        #expect(stray.diagnostics.contains { $0.code == .rawHTML && $0.message.contains("</div> without <div>") })
        let unclosed = note("<div>\n\nopen\n")
        #expect(plainRender(unclosed).hasSuffix("</div>\n"))
        #expect(unclosed.diagnostics.contains { $0.code == .rawHTMLUnclosed })
        // Optional end tags are closed quietly.
        let table = note("<table><tr><td>a\n")
        #expect(!table.diagnostics.contains { $0.code == .rawHTMLUnclosed && $0.message.contains("<td>") })
    }

    @Test func rawHTMLInTableCellsIsSanitisedToo() {
        let n = note("| a |\n|---|\n| x<br>y <script>z</script> |\n")
        let out = plainRender(n)
        #expect(out.contains("x<br>y"))
        #expect(!out.contains("<script"))
        #expect(n.diagnostics.first { $0.code == .rawHTML }?.location?.line == 1)
    }

    @Test func tokenizerFollowsTheSpec() {
        func tags(_ s: String) -> [String] {
            HTMLTokenizer(Array(s.utf8)).tokens.compactMap {
                if case .startTag(let name, let attributes, _, _) = $0 {
                    return ([name] + attributes.map { "\($0.name)=\($0.value)" }).joined(separator: " ")
                }
                return nil
            }
        }
        #expect(tags("<IMG SRC=a.png alt='x y'/>") == ["img src=a.png alt=x y"])
        #expect(tags("<a href=\"x\"href=\"y\">") == ["a href=x"], "a repeated attribute is dropped")
        #expect(tags("<img src=\"a\"onerror=\"b\">") == ["img src=a onerror=b"], "no space needed after a quoted value")
        #expect(tags("<img/src=a/onerror=b>") == ["img src=a/onerror=b"])
        #expect(tags("<!-- <script> --> <b>") == ["b"])
        #expect(tags("<script><b></script><i>") == ["script", "i"], "script content is raw text")
        #expect(tags("<img src=\"unterminated") == [])
        #expect(tags("a < b <3 </ x>") == [])
        #expect(CharacterReferences.decode(Array("&#106;&#x61;v&#X61;&colon;&amp;&bogus;".utf8)) == "java:&&bogus;")
    }
}

