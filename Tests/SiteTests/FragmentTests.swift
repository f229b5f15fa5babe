import Foundation
import Notes
import Testing
@testable import Site

@Suite struct FragmentTests {
    func vault(_ files: [String: String]) throws -> (TemporaryVault, Vault) {
        let temporary = try TemporaryVault(files)
        return (temporary, try Vault.load(at: temporary.root))
    }

    @Test func plainMarkdownRendersExactlyAsCmark() throws {
        let (temporary, loaded) = try vault(["Plain.md": Samples.plain + "## Sub\n\n- a\n- b\n\n> quote\n"])
        defer { temporary.remove() }
        let note = try #require(loaded.notes.first)
        let html = renderFragment(note: note, vault: loaded)
        let expected = """
        <h1>Plain</h1>
        <p>Some <em>plain</em> text with <code>code</code> and a <a href="https://example.org">link</a>.</p>
        <h2>Sub</h2>
        <ul>
        <li>a</li>
        <li>b</li>
        </ul>
        <blockquote>
        <p>quote</p>
        </blockquote>

        """
        #expect(html == expected)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
            process.arguments = [temporary.root + "/Plain.md"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(html == String(decoding: data, as: UTF8.self))
        }
    }

    @Test func fragmentFillsMathLinksValuesAndCells() throws {
        let (temporary, loaded) = try vault(["AI/信息论.md": Samples.infoTheory, "AI/KL散度.md": Samples.kl])
        defer { temporary.remove() }
        let note = try #require(loaded.notes.first { $0.path == "AI/信息论.md" })
        let html = renderFragment(note: note, vault: loaded)
        #expect(html.contains("<math"))
        #expect(html.contains("<a class=\"wiki-link\" href=\"KL%E6%95%A3%E5%BA%A6.html\">KL 散度</a>"))
        #expect(html.contains("<span class=\"broken-link\" title=\"no note named “不存在的笔记”\">不存在的笔记</span>"))
        #expect(html.contains("class=\"inline-value\""))
        #expect(html.contains("<figure class=\"cell\" id=\"cell-1\">"))
        #expect(html.contains("<span class=\"tok-keyword\">check</span>"))
        #expect(html.contains("claim-pass"))
        #expect(!html.contains("heading-anchor"))
        #expect(renderFragment(note: note, vault: loaded, headingAnchors: true).contains("class=\"heading-anchor\""))
    }

    @Test func texThatTriesToCloseTheMathElementStaysText() throws {
        let (temporary, loaded) = try vault(["M.md": "# M\n\n$x</math><script>alert(1)</script>$ and $$\\text{</math><img src=x onerror=alert(2)>}$$\n"])
        defer { temporary.remove() }
        let note = try #require(loaded.notes.first)
        let html = renderFragment(note: note, vault: loaded)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "</math>").count == html.components(separatedBy: "<math").count)
    }

    @Test func hiddenCellsShowOutputsButNoCode() throws {
        let (temporary, loaded) = try vault(["H.md": "# H\n\n```qed hide\nH([0.5, 0.5])\n```\n\n```qed skip\nnot run\n```\n"])
        defer { temporary.remove() }
        let note = try #require(loaded.notes.first)
        let html = renderFragment(note: note, vault: loaded)
        #expect(!html.contains("H([0.5, 0.5])"))
        #expect(html.contains("0.693147"))
        #expect(html.contains("not run (skip)"))
    }

    @Test func embedsBecomeCardsAndHeadingLinksKeepTheirAnchor() throws {
        let (temporary, loaded) = try vault([
            "A.md": "---\nbrief: \"Alpha <brief>\"\n---\n# A\n\n## 第二节\n\nText.\n",
            "B.md": "# B\n\n![[A]]\n\nSee [[A#第二节]], [[#Local]] and [[A#nowhere]].\n\n## Local\n",
        ])
        defer { temporary.remove() }
        let note = try #require(loaded.notes.first { $0.path == "B.md" })
        let html = renderFragment(note: note, vault: loaded)
        #expect(html.contains("<a class=\"embed-card\" href=\"A.html\"><span class=\"embed-title\">A</span><span class=\"embed-brief\">Alpha &lt;brief&gt;</span></a>"))
        let anchor = try #require(loaded.notes.first { $0.path == "A.md" }?.headings.first { $0.text == "第二节" }?.anchor)
        #expect(html.contains("href=\"A.html#\(SitePaths.percentEncode(anchor))\">A › 第二节</a>"))
        let local = try #require(note.headings.first { $0.text == "Local" }?.anchor)
        #expect(html.contains("href=\"#\(local)\">Local</a>"))
        #expect(html.contains("class=\"broken-link\" title=\"“A” has no heading “nowhere”\""))
    }
}
