import Foundation
import Notes
import Testing
@testable import Site

/// `<html lang>` per note from its own prose; interface words in the vault's language
/// (`language:` in qed.yml, else the language most notes are written in); a theme's
/// `words.json` replaces single words.
@Suite struct LanguagePageTests {
    static let english = """
        ---
        title: Temperature in practice
        created: 2026-02-13
        ---
        # Temperature in practice

        This note is written in English although the vault is Chinese. It names 熵 once.

        """
    static func chineseVault(_ extra: [String: String] = [:]) -> [String: String] {
        ["AI/信息论.md": Samples.infoTheory, "AI/KL散度.md": Samples.kl, "AI/English.md": english].merging(extra) { $1 }
    }

    @Test func anEnglishNoteInAChineseVaultIsEnglishAndTheInterfaceStaysChinese() throws {
        let vault = try TemporaryVault(Self.chineseVault())
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let english = vault.read("AI/English.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<header class=\"site-header\" lang=\"zh\">"))
        #expect(english.contains(">标签</a>"))
        #expect(english.contains(">搜索</a>"))
        #expect(english.contains("<dt>创建</dt><dd><time datetime=\"2026-02-13\">2026年2月13日</time>"))
        #expect(!english.contains("Linked from"))
        let chinese = vault.read("AI/信息论.html")
        #expect(chinese.contains("<html lang=\"zh\">"))
        #expect(chinese.contains("条断言已验证") || chinese.contains("条断言中"))
        #expect(vault.read("AI/KL散度.html").contains("<h2 lang=\"zh\">反向链接</h2>"))
        let home = vault.read("index.html")
        #expect(home.contains("<html lang=\"zh\">"))
        #expect(home.contains("篇笔记"))
        let search = vault.read("_qed/search.html")
        #expect(search.contains("data-none=\"没有找到“{q}”。\""))
        #expect(vault.read("404.html").contains("<h1>页面不存在</h1>"))
        #expect(vault.read("_qed/tags.html").contains("<h1>标签</h1>"))
    }

    @Test func languageInQedYmlWinsOverTheNotes() throws {
        let vault = try TemporaryVault(Self.chineseVault(["qed.yml": "language: en\n"]))
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let kl = vault.read("AI/KL散度.html")
        #expect(kl.contains("<html lang=\"zh\">"))  // the note is still Chinese
        #expect(kl.contains("<h2 lang=\"en\">Linked from</h2>"))
        #expect(kl.contains(">Search</a>"))
        #expect(vault.read("AI/English.html").contains("<time datetime=\"2026-02-13\">2026-02-13</time>"))
        #expect(vault.read("index.html").contains("<html lang=\"en\">"))
        #expect(vault.read("404.html").contains("<h1>Page not found</h1>"))
        // Switching the language renders every page again.
        try vault.write("qed.yml", "language: zh\n")
        let second = try vault.build(keepGoing: true)
        #expect(second.renderedPages.contains("AI/KL散度.html"))
        #expect(second.renderedPages.contains("AI/English.html"))
        #expect(vault.read("AI/KL散度.html").contains("反向链接"))
        // So do the pages about many notes.
        #expect(vault.read("_qed/tags/ai.html").contains(">搜索</a>"))
        #expect(vault.read("_qed/tags/ai.html").contains("条断言"))
        #expect(vault.read("_qed/tags.html").contains("<h1>标签</h1>"))
        #expect(vault.read("index.html").contains("篇笔记"))
        #expect(vault.read("_qed/search.html").contains("data-none=\"没有找到“{q}”。\""))
    }

    @Test func aMostlyEnglishVaultSpeaksEnglishByDefault() throws {
        let vault = try TemporaryVault(["A.md": Self.english, "B.md": "# B\n\nPlain English, see [[A]].\n", "C.md": Samples.kl])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        #expect(vault.read("A.html").contains("Linked from"))
        #expect(vault.read("C.html").contains("<html lang=\"zh\">"))
        #expect(vault.read("C.html").contains(">Tags</a>"))
    }

    @Test func aThemeReplacesSingleWordsAndATypoStopsTheBuild() throws {
        let vault = try TemporaryVault(Self.chineseVault())
        defer { vault.remove() }
        let theme = vault.base + "/theme"
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        try #"{"zh": {"linkedFrom": "被这些笔记引用 <b>"}, "en": {"search": "Find"}}"#
            .write(toFile: theme + "/words.json", atomically: true, encoding: .utf8)
        _ = try vault.build(keepGoing: true, templates: theme)
        let kl = vault.read("AI/KL散度.html")
        #expect(kl.contains("被这些笔记引用 &lt;b&gt;"))  // escaped like any other text
        #expect(kl.contains(">搜索</a>"))  // words not overridden stay
        try #"{"zh": {"linkedFrm": "x"}}"#.write(toFile: theme + "/words.json", atomically: true, encoding: .utf8)
        #expect(throws: BuildError.self) { try vault.build(keepGoing: true, templates: theme) }
        do { _ = try vault.build(keepGoing: true, templates: theme) } catch {
            #expect("\(error)".contains("words.json"))
            #expect("\(error)".contains("linkedFrm"))
        }
    }

    @Test func chineseCountsAndDates() {
        let zh = Words(.zh)
        #expect(zh.verificationText(claims: 14, failed: 0, errors: 0, notRun: 0, formulas: 0, failedFormulas: 0) == "14 条断言已验证")
        #expect(zh.verificationText(claims: 14, failed: 2, errors: 2, notRun: 0, formulas: 0, failedFormulas: 0) == "14 条断言中 2 条不成立")
        #expect(zh.verificationText(claims: 2, failed: 0, errors: 0, notRun: 1, formulas: 0, failedFormulas: 0) == "3 条断言中 2 条已验证 · 1 条未运行")
        #expect(zh.verificationText(claims: 0, failed: 0, errors: 0, notRun: 0, formulas: 8, failedFormulas: 0) == "8 个公式已验证")
        #expect(zh.verificationText(claims: 0, failed: 0, errors: 0, notRun: 0, formulas: 0, failedFormulas: 0) == "没有需要检查的断言")
        #expect(zh.problemsText(errors: 3, warnings: 1) == "3 个错误，1 个警告")
        #expect(zh.date("2026-02-13") == "2026年2月13日")
        #expect(zh.date("2026-02-13T08:30:00Z") == "2026年2月13日 08:30:00Z")
        #expect(zh.date("soon") == "soon")
        let en = Words(.en)
        #expect(en.date("2026-02-13") == "2026-02-13")
        #expect(en.verificationText(claims: 4, failed: 0, errors: 0, notRun: 0, formulas: 0, failedFormulas: 0) == "4 claims verified")
        #expect(en.totalsText(notes: 2, claims: 5, failed: 0, notRun: 0, failedNotes: 0) == "2 notes · 5 claims verified")
        // Both tables have the same words.
        #expect(Set(Words.english.keys) == Set(Words.chinese.keys))
    }

    @Test func aNotesLanguageIgnoresItsCodeAndFormulas() throws {
        let code = String(repeating: "let value = compute(something, else)\n", count: 40)
        let note = "# 代码\n\n这是一篇中文笔记，下面是代码：\n\n```swift\n\(code)```\n\n$$\\frac{\\partial \\mathcal{L}}{\\partial \\theta}$$\n"
        let vault = try TemporaryVault(["代码.md": note])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        #expect(vault.read("代码.html").contains("<html lang=\"zh\">"))
    }
}
