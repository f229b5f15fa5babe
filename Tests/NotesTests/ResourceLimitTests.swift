import Diagnostics
import Foundation
import Testing
@testable import Notes

/// Issue 17 #4 and #10: front matter, qed.yml and note files are bounded before anything is built
/// from them.
@Suite struct ResourceLimitTests {
    /// `&a [x, x]` nested `levels` times: 2^levels values once aliases are expanded.
    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 [x, x]"]
        for k in 1..<levels { lines.append("a\(k): &a\(k) [*a\(k - 1), *a\(k - 1)]") }
        return lines.joined(separator: "\n")
    }

    @Test(.timeLimit(.minutes(1)), arguments: [24, 30, 60])
    func anAliasBombIsALocatedErrorAndTheBodyStillRenders(levels: Int) {
        let n = note("---\ntitle: Bomb\n\(Self.aliasBomb(levels: levels))\n---\n# Body\n\nText.\n")
        let error = n.diagnostics.first { $0.code == .frontMatterYAML }
        #expect(error?.severity == .error)
        #expect(error?.message.contains("expands to more than 10000 values") == true)
        // Anchor k expands to 2^(k+2) − 1 values; their running total passes 10,000 at a11,
        // which stands on file line 14 (after `---` and `title:`).
        #expect(error?.location?.line == 14)
        #expect(n.frontMatter.title == nil)
        #expect(n.body.html.contains("Text."))
    }

    @Test func aDeeplyNestedFrontMatterIsRefusedBeforeComposing() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let n = note("---\nx: \(deep)\n---\nBody\n")
        let error = n.diagnostics.first { $0.code == .frontMatterYAML }
        #expect(error?.message.contains("nests lists and mappings more than 64 deep") == true)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 67)
        // Deeper still, libyaml's own nesting limit answers first: still a located error.
        let deeper = String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
        let m = note("---\nx: \(deeper)\n---\nBody\n")
        #expect(m.diagnostics.first { $0.code == .frontMatterYAML }?.location?.line == 2)
    }

    @Test func anchorsWithinTheBudgetStillWork() {
        let n = note("---\nbase: &b [ml, math]\ntags: *b\nother: *b\n---\nBody\n")
        #expect(n.frontMatter.tags == ["ml", "math"])
        #expect(!n.diagnostics.contains { $0.code == .frontMatterYAML })
    }

    @Test func aHugeFrontMatterIsRefused() {
        let long = "brief: \"" + String(repeating: "x", count: 70_000) + "\""
        let n = note("---\n\(long)\n---\nBody\n")
        #expect(n.diagnostics.contains { $0.code == .frontMatterYAML && $0.message.contains("over the limit of 65536") })
    }

    @Test func theLimitsAreReadFromQedYml() {
        let (config, problems) = VaultConfig.parse("limits:\n  note_bytes: 1_000\n  yaml_values: 50\n  nonsense: 3\n  yaml_depth: -1\n")
        #expect(config.limits.noteBytes == 1_000)
        #expect(config.limits.yamlValues == 50)
        #expect(config.limits.yamlDepth == ResourceLimits().yamlDepth)
        #expect(problems.map(\.code.rawValue).sorted() == ["config-type", "config-unknown"])
        #expect(problems.first { $0.code == .configUnknown }?.location?.line == 4)
        let n = Note.parse(bytes: Array("---\n\(Self.aliasBomb(levels: 7))\n---\n".utf8), path: "n.md", config: config)
        #expect(n.diagnostics.contains { $0.message.contains("more than 50 values") })
    }

    @Test func anAliasBombInQedYmlFallsBackToTheDefaults() {
        let (config, problems) = VaultConfig.parse("title: T\n" + Self.aliasBomb(levels: 40))
        #expect(config == VaultConfig())
        #expect(problems.first?.code == .configYAML)
        #expect(problems.first?.location?.line == 13)
    }

    @Test func aNoteOverTheSizeLimitIsSkippedWithALocatedError() throws {
        let v = TemporaryVault()
        v.write("qed.yml", "limits: {note_bytes: 4096}\n")
        v.write("small.md", "# Small\n")
        v.write("big.md", "# Big\n" + String(repeating: "word ", count: 2_000))
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.map(\.path) == ["small.md"])
        let error = vault.diagnostics.first { $0.code == .noteTooLarge }
        #expect(error?.location?.file == "big.md")
        #expect(error?.hint?.contains("note_bytes") == true)
    }

    /// Issue 17 #8: `base_url: "javascript:alert(9)//"` reached `href`s of 404.html.
    @Test(arguments: [
        ("javascript:alert(9)//", false), ("JavaScript:alert(1)", false), ("data:text/html,x", false),
        ("//evil.example/", false), ("https://ok.example/notes/", true), ("http://localhost:8000", true),
        ("/notes/", true), ("https://x\"onmouseover=alert(1)", false), ("https:///nohost", false),
        ("https://a b/", false), ("", false), ("notes/", false),
    ])
    func baseURLsAreValidated(url: String, accepted: Bool) {
        #expect(VaultConfig.isSafeBaseURL(url) == accepted)
        let (config, problems) = VaultConfig.parse("base_url: '\(url.replacingOccurrences(of: "'", with: "''"))'\n")
        #expect((config.baseURL == url) == accepted)
        #expect(problems.isEmpty == accepted)
    }
}
