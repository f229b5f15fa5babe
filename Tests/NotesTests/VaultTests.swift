import Diagnostics
import Foundation
import Testing
@testable import Notes
import Storage

/// Loading a vault from disk: what is read, what is skipped, and in which order.
@Suite struct VaultTests {
    @Test func loadsSortedAndSkipsWhatItShould() throws {
        let v = TemporaryVault()
        v.write("b.md", "# B\n")
        v.write("a.md", "# A\n")
        v.write("中文/信息论.md", "---\ntitle: 信息论\n---\n熵 $H$\n")
        v.write("Z/z.md", "z")
        v.write(".hidden/x.md", "# hidden\n")
        v.write(".obsidian/y.md", "# hidden\n")
        v.write("output/site.md", "# output\n")
        v.write("build-out/w.md", "# excluded\n")
        v.write("drafts/d.md", "# draft\n")
        v.write("notes/scratch.md", "# scratch\n")
        v.write("notes/keep.md", "# keep\n")
        v.write("readme.txt", "not markdown")
        v.write("qed.yml", "title: 我的知识库\nbase_url: https://example.org/kb/\ntolerance: 1e-8\nraw_html: true\nignore:\n  - drafts/\n  - scratch.md\n")
        let vault = try Vault.load(at: v.root, excluding: [v.root + "/build-out"])
        #expect(vault.notes.map(\.path) == ["Z/z.md", "a.md", "b.md", "notes/keep.md", "中文/信息论.md"])
        #expect(vault.notes.map(\.id) == ["Z/z", "a", "b", "notes/keep", "中文/信息论"])
        #expect(vault.config == VaultConfig(title: "我的知识库", baseURL: "https://example.org/kb/", tolerance: 1e-8,
                                            allowRawHTML: true, ignore: ["drafts/", "scratch.md"]))
        #expect(vault.diagnostics.isEmpty)
        let chinese = try #require(vault.notes.last)
        #expect(chinese.title == "信息论")
        #expect(chinese.math.first?.location == SourceLocation(file: "中文/信息论.md", line: 4, column: 4))
        #expect(vault.root.hasPrefix("/"))
    }

    @Test func loadIsDeterministic() throws {
        let v = TemporaryVault()
        for k in 0..<40 { v.write("d\(k % 5)/n\(k).md", "# N\(k)\n\n$x_\(k)$ [[n\(k + 1)]]\n") }
        let first = try Vault.load(at: v.root)
        let second = try Vault.load(at: v.root)
        #expect(first.notes == second.notes)
        #expect(first.notes.count == 40)
    }

    @Test func badConfigIsReportedAndDefaultsUsed() throws {
        let v = TemporaryVault()
        v.write("qed.yml", "title: [broken\n")
        v.write("a.md", "# A\n")
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.count == 1)
        #expect(vault.config == VaultConfig())
        #expect(vault.diagnostics.first?.code == .configYAML)
        #expect(vault.diagnostics.first?.location?.file == "qed.yml")

        let (config, problems) = VaultConfig.parse("tolerance: lots\nraw_html: maybe\ncolour: red\n")
        #expect(config.tolerance == nil)
        #expect(config.allowRawHTML == false)
        #expect(problems.map { $0.location?.line } == [1, 2, 3])
    }

    @Test func globs() {
        #expect(Glob("drafts/").matches(path: "drafts", isDirectory: true))
        #expect(!Glob("drafts/").matches(path: "drafts", isDirectory: false))
        #expect(Glob("*.tmp.md").matches(path: "a/b/x.tmp.md", isDirectory: false))
        #expect(Glob("a/*/c.md").matches(path: "a/b/c.md", isDirectory: false))
        #expect(!Glob("a/*/c.md").matches(path: "a/b/x/c.md", isDirectory: false))
        #expect(Glob("a/**/c.md").matches(path: "a/b/x/c.md", isDirectory: false))
        #expect(Glob("a/**/c.md").matches(path: "a/c.md", isDirectory: false))
        #expect(Glob("**/私人").matches(path: "x/y/私人", isDirectory: true))
        #expect(Glob("n?.md").matches(path: "n1.md", isDirectory: false))
        #expect(!Glob("n?.md").matches(path: "n12.md", isDirectory: false))
    }

    @Test func contentHashIsStableFNV() {
        #expect(fnv1aHex(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(fnv1aHex([]) == "cbf29ce484222325")
        #expect(note("# x\n").contentHash == note("# x\n", path: "other.md").contentHash)
        #expect(note("# x\n").contentHash != note("# y\n").contentHash)
    }

    @Test func missingVaultThrows() {
        #expect(throws: VaultError.notFound("/nonexistent/qed-vault")) { try Vault.load(at: "/nonexistent/qed-vault") }
        let v = TemporaryVault()
        let file = v.write("f.md", "x")
        #expect(throws: VaultError.notADirectory(file)) { try Vault.load(at: file) }
    }

    @Test func configReachesNotesAndRelativeExclusions() throws {
        let v = TemporaryVault()
        v.write("qed.yml", "raw_html: true\n")
        v.write("a.md", "<b>kept</b>\n")
        v.write("site/x.md", "# built output\n")
        let vault = try Vault.load(at: v.root, excluding: ["site"])
        #expect(vault.notes.map(\.path) == ["a.md"])
        #expect(vault.notes.first?.body.html == "<p><b>kept</b></p>\n")
    }
}
