import Diagnostics
import Testing
@testable import Notes

/// Obsidian's own syntax: callouts, block ids, inline tags, comments, `$$` blocks, titles.
@Suite struct ObsidianSyntaxTests {
    func html(_ text: String) -> String { plainRender(note(text)) }

    static let calloutTypes: [(String, String)] = [
        ("note", "note"), ("abstract", "abstract"), ("summary", "abstract"), ("tldr", "abstract"),
        ("info", "info"), ("todo", "todo"), ("tip", "tip"), ("hint", "tip"), ("important", "tip"),
        ("success", "success"), ("check", "success"), ("done", "success"), ("question", "question"),
        ("help", "question"), ("faq", "question"), ("warning", "warning"), ("caution", "warning"),
        ("attention", "warning"), ("failure", "failure"), ("fail", "failure"), ("missing", "failure"),
        ("danger", "danger"), ("error", "danger"), ("bug", "bug"), ("example", "example"),
        ("quote", "quote"), ("cite", "quote"),
    ]

    @Test(arguments: calloutTypes)
    func everyBuiltInCalloutTypeAndAlias(type: String, shownAs: String) {
        let out = html("> [!\(type.uppercased())]\n> Body\n")
        #expect(out.contains("<div class=\"callout callout-\(shownAs)\" data-callout=\"\(type)\">"), "\(out)")
        // The default title is the type as written, capitalised.
        #expect(out.contains("<span class=\"callout-title-inner\">\n\(type.prefix(1).uppercased() + type.dropFirst())\n</span>"), "\(out)")
        #expect(out.contains("<div class=\"callout-content\">\n<p>Body</p>\n</div>"))
        #expect(!out.contains("[!"))
    }

    @Test func calloutTitleKeepsInlineMarkupAndMath() {
        let n = note("> [!tip] Use *this* and $x^2$\n> Text.\n")
        let out = plainRender(n)
        #expect(out.contains("Use <em>this</em> and [I:x^2]\n</span></div>"))
        #expect(n.math.count == 1)
    }

    @Test func foldableCalloutsAreDetailsWithoutScript() {
        let open = html("> [!faq]+ Why?\n> Because.\n")
        #expect(open.hasPrefix("<details class=\"callout callout-question\" data-callout=\"faq\" open>\n<summary class=\"callout-title\">"))
        #expect(open.hasSuffix("</details>\n"))
        let closed = html("> [!warning]- Careful\n> Hidden.\n")
        #expect(closed.hasPrefix("<details class=\"callout callout-warning\" data-callout=\"warning\">\n<summary"))
        #expect(!closed.contains("<script"))
    }

    @Test func nestedCalloutsCustomTypesAndAnyContent() {
        let n = note("> [!note] Outer\n> > [!my-type] Inner\n> > - item\n> >\n> > ```qed\n> > x = 1\n> > ```\n> | a |\n> |---|\n")
        let out = plainRender(n)
        #expect(out.contains("<div class=\"callout callout-note\" data-callout=\"note\">"))
        #expect(out.contains("<div class=\"callout callout-custom\" data-callout=\"my-type\">"))
        #expect(out.contains("<li>item</li>"))
        #expect(n.cells.count == 1)
        #expect(!out.contains("<blockquote>"))
        // A table right under the callout's first line.
        let table = html("> [!example] Example\n> | a | b |\n> |---|--:|\n> | 1 | 2 |\n")
        #expect(table.contains("Example\n</span></div>\n<div class=\"callout-content\">\n<table>"), "\(table)")
    }

    @Test func notACallout() {
        #expect(html("> [!] empty\n") == cmarkReferenceHTML("> [!] empty\n"))
        #expect(html("> [!no spaces allowed] x\n") == cmarkReferenceHTML("> [!no spaces allowed] x\n"))
        #expect(html("> text [!note]\n") == cmarkReferenceHTML("> text [!note]\n"))
        // Unterminated: a callout that runs to the end of the note is still well-formed HTML.
        let out = html("> [!note] Open\n> still inside")
        #expect(out.hasSuffix("</div>\n</div>\n"))
    }

    @Test func blockIDsAreHiddenAnchors() {
        let n = note("A paragraph. ^para-1\n\n- item ^item2\n\n| a |\n|---|\n\n^table-id\n\nNot an id: x^2 and a ^ b\n")
        let out = plainRender(n)
        #expect(n.blockIDs == ["para-1", "item2", "table-id"])
        #expect(out.contains("<p><span class=\"block-anchor\" id=\"^para-1\"></span>A paragraph.</p>"))
        #expect(out.contains("<li><span class=\"block-anchor\" id=\"^item2\"></span>item</li>"))
        #expect(out.contains("<span class=\"block-anchor\" id=\"^table-id\"></span>\n<table>"), "\(out)")
        #expect(!out.contains("^para-1</p>"))
        #expect(out.contains("Not an id: x^2 and a ^ b"))
        let twice = note("a ^x\n\nb ^x\n")
        #expect(twice.diagnostics.first { $0.code == .duplicateBlockID }?.location?.line == 3)
    }

    @Test func inlineTagsBecomeHolesAndJoinTheNote() {
        let n = note("Tags #topic, #area/sub-topic and #中文 but not #123, C#, `#code` or [#x](y).\n\n# Heading #nottag\n")
        #expect(n.inlineTags == ["topic", "area/sub-topic", "中文"])
        let out = plainRender(n)
        #expect(out.contains("Tags #topic, #area/sub-topic and #中文 but not #123, C#, <code>#code</code>"))
        #expect(n.body.holes.filter { if case .tag = $0 { return true } else { return false } }.count == 3)
    }

    @Test func commentsAreRemovedInlineAndAsBlocks() {
        let n = note("Visible %%secret $x$ [[link]]%% text.\n\n%%\nblock\n\ncomment\n%%\n\nAfter.\n")
        let out = plainRender(n)
        #expect(out == "<p>Visible  text.</p>\n<p>After.</p>\n")
        #expect(n.math.isEmpty)
        #expect(n.links.isEmpty)
        let unclosed = note("50%% off\n")
        #expect(plainRender(unclosed) == "<p>50%% off</p>\n")
        #expect(unclosed.diagnostics.first { $0.code == .unclosedComment }?.location == SourceLocation(file: "test.md", line: 1, column: 3))
        #expect(html("`%%code%%` stays\n") == "<p><code>%%code%%</code> stays</p>\n")
    }

    @Test func displayMathAcrossBlankLines() {
        let n = note("$$\na = b\n\nc = d\n$$\n\nafter\n")
        #expect(n.math.count == 1)
        #expect(n.math.first?.tex.contains("c = d") == true)
        #expect(plainRender(n).hasSuffix("<p>after</p>\n"))
    }

    @Test func unclosedDisplayMathNeverSwallowsTheNote() {
        let n = note("$$\nx = 1\n\n## Heading\n\nText $y$ here.\n\n$$ z $$\n")
        #expect(n.math.map(\.tex) == ["y", " z "])
        #expect(n.headings.map(\.text) == ["Heading"])
        let d = n.diagnostics.first { $0.code == .unclosedMath }
        #expect(d?.location == SourceLocation(file: "test.md", line: 1, column: 1))
        // A `$$` after a blank line opens a new block rather than closing an unclosed one.
        let m = note("$$\na\n\nprose\n\n$$\nb\n$$\n")
        #expect(m.math.map(\.tex) == ["\nb\n"])
        #expect(plainRender(m).contains("<p>prose</p>"))
    }

    @Test func titleIsFrontMatterElseFileName() {
        #expect(note("# Label\n\ntext\n", path: "AI/Entropy rate.md").title == "Entropy rate")
        #expect(note("---\ntitle: Given\n---\n# Label\n", path: "x.md").title == "Given")
        #expect(note("---\ntitle: \"  \"\n---\n# Label\n", path: "dir/y.md").title == "y")
    }
}
