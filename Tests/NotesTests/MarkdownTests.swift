import Diagnostics
import Foundation
import Testing
@testable import Notes

/// Holes, cells, headings and inline expressions; cmark identity for plain Markdown.
@Suite struct MarkdownTests {
    static let plainSamples: [String] = [
        "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com \"t\").\n",
        "## 信息论\n\n中文段落，含有 `代码` 与 **加粗**。\n\n> 引用\n> 第二行\n",
        "- one\n- two\n  - nested\n\n1. first\n2. second\n\n---\n\nSetext\n======\n",
        "```python\nloss = F.cross_entropy(logits, labels)  # <tag> & \"q\"\n```\n\n    indented code\n    more\n",
        "```qed hide\nP = [0.5, 0.25, 0.25]\ncheck H(P) > 0\n```\n\n~~~qed\nx = 1\n~~~\n",
        "Value: `= H(P)` and ``= KL(P ‖ Q)`` inline.\n\n`=not` and `==` stay code.\n",
        "Line with hard break  \nnext\\\nlast &amp; &copy; &#35; <b>raw</b>\n\n<div>\nblock html\n</div>\n",
        "> ```qed\n> a = 1\n> ```\n\n- ```qed skip\n  b = 2\n  ```\n",
        "\tTabbed code\n\n* a\n\n  para in item\n\n![alt *text*](img.png \"title\")\n",
        "# Heading with `code` and *em*\n\n### Again\n\n### Again\n",
        "Unclosed fence below\n\n```qed\nx = 1\n",
    ]

    /// Allow-listed raw HTML (`<b>`, `<div>`) is kept as written, exactly as `cmark --unsafe`
    /// writes it; without raw HTML both modes agree.
    @Test(arguments: plainSamples)
    func filledHolesMatchCmark(sample: String) {
        let n = note(sample)
        #expect(plainRender(n) == cmarkReferenceHTML(sample, rawHTML: true))
    }

    @Test func filledHolesMatchCmarkCommandLine() throws {
        let cli = "/usr/bin/cmark"
        guard FileManager.default.isExecutableFile(atPath: cli) else { return }
        for sample in Self.plainSamples {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: cli)
            process.arguments = ["--unsafe"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data(sample.utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(plainRender(note(sample)) == String(decoding: data, as: UTF8.self))
        }
    }

    @Test func customNodesSurviveSafeMode() {
        let n = note("```qed\nx = 1\n```\n\n# H\n")
        #expect(n.body.holes == [.cell(0), .headingAnchor(0)])
        #expect(!n.body.html.contains("raw HTML omitted"))
        let filled = n.body.render { hole in
            if case .cell = hole { return "<div class=cell></div>" }
            return "<a id=\"h\"></a>"
        }
        #expect(filled == "<div class=cell></div>\n<h1><a id=\"h\"></a>H</h1>\n")
    }

    @Test func rawHTMLOnlyWhenAllowed() {
        let text = "<b>bold</b> <script>alert(1)</script>\n"
        #expect(note(text).body.html.contains("raw HTML omitted"))
        #expect(!note(text).body.html.contains("<script>"))
        let allowed = note(text, config: VaultConfig(allowRawHTML: true))
        #expect(allowed.body.html.contains("<b>bold</b>"))
    }

    @Test func cellsWithOptionsAndLocations() throws {
        let text = "---\ntitle: c\n---\n\n```qed hide\na = 1\n```\n\n~~~qed skip expect-error\nb\n~~~\n\n```qed bogus\nc\n```\n\n```python\nnot a cell\n```\n"
        let n = note(text)
        try #require(n.cells.count == 3)
        #expect(n.cells.map(\.index) == [0, 1, 2])
        #expect(n.cells[0].code == "a = 1\n")
        #expect(n.cells[0].options == CellOptions(hide: true))
        #expect(n.cells[0].location == SourceLocation(file: "test.md", line: 5, column: 1))
        #expect(n.cells[0].firstLine == 6)
        #expect(n.cells[0].columnOffset == 0)
        #expect(n.cells[1].options == CellOptions(skip: true, expectError: true))
        #expect(n.cells[1].firstLine == 10)
        #expect(n.cells[2].options.unknown == ["bogus"])
        let warning = n.diagnostics.first { $0.code == .unknownCellOption }
        #expect(warning?.location?.line == 13)
        #expect(warning?.severity == .warning)
        #expect(n.body.html.contains("language-python"))
    }

    @Test func nestedCellsCarryTheirIndentation() throws {
        let n = note("Intro\n\n- item\n\n  ```qed\n  x = 1\n  ```\n\n> ```qed\n> y = 2\n> ```\n")
        try #require(n.cells.count == 2)
        #expect(n.cells[0].columnOffset == 2)
        #expect(n.cells[0].firstLine == 6)
        #expect(n.cells[0].code == "x = 1\n")
        #expect(n.cells[1].columnOffset == 2)
        #expect(n.cells[1].firstLine == 10)
        #expect(n.cells[1].code == "y = 2\n")
    }

    @Test func indentedCodeIsNeverACell() {
        let n = note("Para\n\n    ```qed\n    x = 1\n    ```\n")
        #expect(n.cells.isEmpty)
        #expect(!n.diagnostics.contains { $0.code == .unclosedFence })
    }

    @Test func cellLinesStayRightAfterMultiLineMath() throws {
        let n = note("$$\na\nb\n$$\n\n```qed\nz\n```\n")
        try #require(n.cells.count == 1)
        #expect(n.cells[0].location.line == 6)
        #expect(n.cells[0].firstLine == 7)
    }

    @Test func unclosedFenceWarns() throws {
        let n = note("Text\n\n```qed\nx = 1\n")
        let d = try #require(n.diagnostics.first { $0.code == .unclosedFence })
        #expect(d.location == SourceLocation(file: "test.md", line: 3, column: 1))
        #expect(n.cells.count == 1)
        #expect(!note("```qed\nx\n```\n").diagnostics.contains { $0.code == .unclosedFence })
        #expect(!note("> ```\n> x\n> ```\n").diagnostics.contains { $0.code == .unclosedFence })
    }

    @Test func inlineExpressions() throws {
        let n = note("---\nx: 1\n---\nH is `= H(P)` nats; `==` and `=x` are code; `` = KL(P ‖ Q) `` too.\n")
        try #require(n.inlineExpressions.count == 2)
        #expect(n.inlineExpressions[0].expression == "H(P)")
        #expect(n.inlineExpressions[0].location == SourceLocation(file: "test.md", line: 4, column: 9))
        #expect(n.inlineExpressions[1].expression == "KL(P ‖ Q)")
        #expect(n.inlineExpressions[1].codeText == "= KL(P ‖ Q)")
        #expect(n.body.holes == [.inlineValue(0), .inlineValue(1)])
    }

    @Test func headingsAnchorsAndTitleFallback() throws {
        let n = note("Intro\n\n# 信息论 Basics\n\n## Key Ideas\n\n## Key Ideas\n\n## A, b! $x$\n\n## \n")
        #expect(n.headings.map(\.anchor) == ["信息论-basics", "key-ideas", "key-ideas-1", "a-b-x", "section"])
        #expect(n.headings.map(\.level) == [1, 2, 2, 2, 2])
        #expect(n.headings[3].text == "A, b! x")
        #expect(n.headings[1].location == SourceLocation(file: "test.md", line: 5, column: 1))
        // Obsidian shows the file name, not the first heading, when there is no `title:`.
        #expect(n.title == "test")
        #expect(note("## only h2\n", path: "dir/名字.md").title == "名字")
        #expect(note("---\ntitle: FM\n---\n# Heading\n").title == "FM")
    }

    @Test func headingLinesWithAndWithoutFrontMatter() {
        let body = "# A\n\ntext\n\n## B\n"
        let plain = note(body)
        let withFM = note("---\ntitle: x\ntags: [a]\n---\n" + body)
        #expect(plain.headings.map(\.location.line) == [1, 5])
        #expect(withFM.headings.map(\.location.line) == [5, 9])
        #expect(plainRender(plain) == plainRender(withFM))
    }

    @Test func mathInImageAltBecomesPlainText() {
        let n = note("![area $\\pi r^2$](c.png)")
        #expect(n.body.holes.isEmpty)
        #expect(n.body.html.contains("alt=\"area \\pi r^2\""))
    }

    @Test func placeholdersInUserTextCannotForgeHoles() {
        let forged = "a \u{E000}\u{E001}\u{E010}\u{E00F} b $x$"
        let n = note(forged)
        #expect(n.body.holes == [.math(0)])
        #expect(n.math.count == 1)
        #expect(n.body.html.contains("\u{FFFD}"))
        #expect(n.diagnostics.contains { $0.code == .reservedCharacter && $0.location?.column == 3 })
    }
}
