import Foundation
import Testing
@testable import Site

/// `--templates`, `--strict`, `--base-url` and the pages that depend on them.
@Suite struct OptionsTests {
    @Test func aUserThemeReplacesOneTemplateAndKeepsTheRest() throws {
        let vault = try TemporaryVault(["A.md": "---\ntitle: Alpha\nauthor: Ada\n---\nText.\n"])
        defer { vault.remove() }
        let theme = vault.base + "/theme"
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        try "<article data-by=\"{{note.extra.author}}\">{{note.title}}|{{{body}}}</article>\n"
            .write(toFile: theme + "/note.mustache", atomically: true, encoding: .utf8)
        _ = try vault.build(templates: theme)
        #expect(vault.read("A.html") == "<article data-by=\"Ada\">Alpha|<p>Text.</p>\n</article>\n")
        #expect(vault.read("index.html").contains("<!DOCTYPE html>"))
        // Changing the theme re-renders every page.
        try "<p>{{note.title}}</p>\n".write(toFile: theme + "/note.mustache", atomically: true, encoding: .utf8)
        let again = try vault.build(templates: theme)
        #expect(again.renderedPages.contains("A.html"))
        #expect(again.renderedPages.contains("index.html"))
    }

    @Test func strictTurnsWarningsIntoFailures() throws {
        let vault = try TemporaryVault(["W.md": "# W\n\nUnknown $\\notacommand{x}$ here.\n"])
        defer { vault.remove() }
        let relaxed = try vault.build()
        #expect(relaxed.succeeded)
        #expect(relaxed.stats.warnings >= 1)
        let strict = try vault.build(strict: true)
        #expect(!strict.succeeded)
        #expect(strict.stats.errors >= 1)
    }

    @Test func baseURLMakesSitemapAnd404Absolute() throws {
        let vault = try TemporaryVault(["AI/信息论.md": "# 信息论\n"])
        defer { vault.remove() }
        _ = try vault.build()
        #expect(vault.read("sitemap.xml").contains("<loc>AI/%E4%BF%A1%E6%81%AF%E8%AE%BA.html</loc>"))
        #expect(vault.read("404.html").contains("href=\"_qed/assets/style.css\""))
        _ = try vault.build(baseURL: "https://example.org/kb")
        #expect(vault.read("sitemap.xml").contains("<loc>https://example.org/kb/AI/%E4%BF%A1%E6%81%AF%E8%AE%BA.html</loc>"))
        #expect(vault.read("404.html").contains("href=\"https://example.org/kb/_qed/assets/style.css\""))
    }

    @Test func statsCountWhatTheSummaryLineNeeds() throws {
        let vault = try TemporaryVault(["A.md": "# A\n\n```qed\ncheck 1 == 1\ncheck 2 == 2\n```\n", "B.md": "# B\n"])
        defer { vault.remove() }
        let result = try vault.build()
        #expect(result.stats.notes == 2)
        #expect(result.stats.claims == 2)
        #expect(result.stats.failedClaims == 0)
        #expect(result.stats.pagesWritten == result.renderedPages.count)
        #expect(result.summary.hasPrefix("2 notes, 2 claims verified, 0 failed, 0 errors, 0 warnings; "))
        #expect(result.verifiedNotes.count == 2)
    }
}
