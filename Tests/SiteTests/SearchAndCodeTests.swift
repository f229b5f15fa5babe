import Foundation
import Testing
@testable import Site

/// The search index's text and headings, code highlighting by highlight.js when the system has
/// it, and wiki-links to headings that read alike resolved or broken.
@Suite struct SearchAndCodeTests {
    static let python = "# Code\n\nSome Python:\n\n```python\nimport math\ndef f(x):\n    return math.log(x)  # natural\n```\n\n```qed\ncheck 1 + 1 == 2\n```\n"

    static func index(_ vault: TemporaryVault) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: vault.output + "/_qed/search-index.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["notes"] as? [[String: Any]])
    }

    @Test func chineseTextKeepsNoStraySpacesAroundLinksAndEmphasis() throws {
        let vault = try TemporaryVault(["甲.md": "# 甲\n\n中文见[[乙|链接]]文字，*强调*和**加粗**与`代码`。\n\n下一段。\n", "乙.md": "# 乙\n\n内容。\n"])
        defer { vault.remove() }
        _ = try vault.build()
        let entry = try #require(try Self.index(vault).first { $0["title"] as? String == "甲" })
        let text = try #require(entry["text"] as? String)
        #expect(text.contains("中文见链接文字，强调和加粗与代码。"), "\(text)")
        // Blocks are still apart, except after full-width punctuation, which spaces itself.
        #expect(text.hasPrefix("甲 中文见"), "\(text)")
        #expect(text.contains("代码。下一段"), "\(text)")
    }

    @Test func headingsAreIndexedApartFromTheBody() throws {
        let vault = try TemporaryVault(["A.md": "# Alpha\n\n## Mutual information\n\nBody.\n\n## 熵 $H(X)$\n\nMore.\n"])
        defer { vault.remove() }
        _ = try vault.build()
        let entry = try #require(try Self.index(vault).first)
        #expect(entry["headings"] as? [String] == ["Alpha", "Mutual information", "熵 H(X)"])
    }

    @Test func plainTextTreatsOnlyBlockTagsAsSpaces() {
        var text = PlainText(limit: 100)
        text.append(html: "<p>前<a href=\"x\">中</a>后<br>下<span class=\"k\">一</span>行</p><ul><li>甲</li><li>乙</li></ul>")
        #expect(text.finished == "前中后 下一行 甲 乙")
        // Spaces that stand for a formula's edges or a block end go before and after Latin
        // text, not around full-width punctuation.
        var mixed = PlainText(limit: 100)
        mixed.append(html: "<p>分布")
        mixed.append(text: " P ")
        mixed.append(html: "，我们</p><p>（括号）</p>")
        #expect(mixed.finished == "分布 P，我们（括号）")
    }

    // MARK: highlight.js

    @Test func theSubsetKeepsTheCoreAndTheChosenLanguagesInOrder() throws {
        let bundle = "var hljs = (function(){ /* core */ hljs.registerLanguage = f; })();\n\n"
            + "hljs.registerLanguage('hsp', function(hljs) {\n  return {};\n});\n"
            + "hljs.registerLanguage('python', function(hljs) {\n  return {py: 1};\n});\n"
            + "hljs.registerLanguage('json', function(hljs) {\n  return {json: 1};\n});\n"
        let subset = try #require(Highlighter.subset(of: bundle, languages: ["json", "python", "swift"]))
        #expect(subset.contains("/* core */"))
        #expect(!subset.contains("'hsp'"))
        let python = try #require(subset.range(of: "registerLanguage('python'"))
        let json = try #require(subset.range(of: "registerLanguage('json'"))
        #expect(python.lowerBound < json.lowerBound)
        #expect(subset.contains("the core and python, json"))
        #expect(subset.hasSuffix("{json: 1};\n});\n"))
        // Not a bundle, or none of the languages: no asset.
        #expect(Highlighter.subset(of: "console.log(1)\n") == nil)
        #expect(Highlighter.subset(of: bundle, languages: ["cobol"]) == nil)
        #expect(Highlighter.asset(at: "/nonexistent/highlight.js") == nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Highlighter.systemPath), "needs Debian's libjs-highlight.js"))
    func withTheDebianPackageCodeIsHighlightedBySmallSubset() throws {
        let vault = try TemporaryVault(["Code.md": Self.python])
        defer { vault.remove() }
        _ = try vault.build()
        let asset = try #require(FileManager.default.contents(atPath: vault.output + "/_qed/assets/highlight.js"))
        let script = String(decoding: asset, as: UTF8.self)
        #expect(asset.count < 200_000)  // not the 1 MB bundle of every language
        for language in ["python", "bash", "json", "yaml", "swift"] { #expect(script.contains("hljs.registerLanguage('\(language)'")) }
        #expect(!script.contains("hljs.registerLanguage('hsp'"))
        let page = vault.read("Code.html")
        #expect(page.contains("<script src=\"_qed/assets/highlight.js\"></script>"))
        #expect(page.contains("<script src=\"_qed/assets/code.js\""))
        // Served as written: the browser colours it; the page reads fine without scripts.
        #expect(page.contains("<code class=\"language-python\">import math"))
        #expect(!page.contains("copy-button"))
    }

    @Test func withoutThePackageCodeIsPlainAndTheBuildSucceeds() throws {
        let vault = try TemporaryVault(["Code.md": Self.python])
        defer { vault.remove() }
        let result = try vault.build { $0.highlighter = vault.base + "/no-such/highlight.js" }
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty)
        #expect(!vault.exists("_qed/assets/highlight.js"))
        let page = vault.read("Code.html")
        #expect(!page.contains("highlight.js"))
        #expect(page.contains("<code class=\"language-python\">import math"))
        #expect(page.contains("<script src=\"_qed/assets/code.js\""))  // the copy button still comes
        // The cell keeps QED's own highlighting.
        #expect(page.contains("<code class=\"language-qed\"><span class=\"tok-keyword\">check</span>"))
    }

    @Test func gainingTheHighlighterRendersThePagesAgain() throws {
        let vault = try TemporaryVault(["Code.md": Self.python])
        defer { vault.remove() }
        let bundle = vault.base + "/hl.js"
        _ = try vault.build { $0.highlighter = bundle }
        #expect(!vault.read("Code.html").contains("highlight.js"))
        try ("var hljs = (function(){ hljs.registerLanguage = f; })();\n"
             + "hljs.registerLanguage('python', function(hljs) {\n  return {};\n});\n")
            .write(toFile: bundle, atomically: true, encoding: .utf8)
        let second = try vault.build { $0.highlighter = bundle }
        #expect(second.renderedPages.contains("Code.html"))
        #expect(vault.read("Code.html").contains("_qed/assets/highlight.js"))
    }

    // MARK: Links to headings

    @Test func headingLinksReadTheSameResolvedOrBroken() throws {
        let vault = try TemporaryVault([
            "A.md": "# A\n\nSee [[B#Intro]], [[B#Nowhere]], [[Missing#Part]] and [[B#Intro|my label]].\n",
            "B.md": "---\ntitle: Bee\n---\n## Intro\n\nText.\n",
        ])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let page = vault.read("A.html")
        #expect(page.contains("<a class=\"wiki-link\" href=\"B.html#intro\">Bee › Intro</a>"))
        #expect(page.contains("\">Bee › Nowhere</span>"))
        #expect(page.contains("\">Missing › Part</span>"))
        #expect(page.contains(">my label</a>"))
        #expect(!page.contains("&gt; Nowhere"))
    }

    @Test func headingsShareOneWeightForLatinAndChinese() throws {
        let css = try #require(Theme.load(userFolder: nil).assets.first { $0.path == "style.css" }).data
        let style = String(decoding: css, as: UTF8.self)
        #expect(style.contains("h1, h2, h3, h4 { line-height: 1.35; margin: 2rem 0 0.75rem; font-weight: 700; font-synthesis: weight; }"))
        // Chromium synthesizes bold for a CJK font without a bold face only from about 650 on:
        // at 600 a title's Chinese was regular beside bold Latin. Every bold is 700.
        var weights = Set<String>()
        var rest = style[...]
        while let r = rest.firstRange(of: "font-weight: ") {
            weights.insert(String(rest[r.upperBound...].prefix { $0 != ";" && $0 != " " && $0 != "}" }))
            rest = rest[r.upperBound...]
        }
        #expect(weights == ["400", "700"], "\(weights)")
    }
}
