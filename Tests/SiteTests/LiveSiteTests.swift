import Foundation
import Testing
@testable import Site

/// The preview's site in memory is, after any sequence of edits, exactly the site a fresh
/// `qed build` of the vault as it now is writes; and an edit costs only what it touched.
@Suite struct LiveSiteTests {
    static func options(_ vault: TemporaryVault, output: String = "") -> BuildOptions {
        var options = BuildOptions(vault: vault.root, output: output, keepGoing: true, useCache: false)
        options.allowEmpty = true
        options.showDiagnostics = true
        options.highlighter = nil
        return options
    }

    static func files(_ site: MemorySite) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in site.paths { files[path] = site.file(path) }
        return files
    }

    /// Builds the vault afresh into a new folder and compares every file with the live site.
    static func expectSameAsFreshBuild(_ live: LiveSite, _ vault: TemporaryVault, _ step: String) throws {
        let output = vault.base + "/fresh-\(UUID().uuidString)"
        _ = try SiteBuilder(options: options(vault, output: output), version: "test").build()
        let fresh = vault.snapshot(output)
        let memory = files(live.site)
        #expect(Set(memory.keys) == Set(fresh.keys), "\(step): files differ")
        for (path, data) in fresh where memory[path] != data {
            Issue.record("\(step): \(path) differs from a fresh build")
        }
        try? FileManager.default.removeItem(atPath: output)
    }

    @Test func theRepositoryVaultInMemoryIsTheSiteQedBuildWrites() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let vault = try TemporaryVault()
        defer { vault.remove() }
        try FileManager.default.removeItem(atPath: vault.root)
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("notes").path, toPath: vault.root)
        let live = try LiveSite(options: Self.options(vault), version: "test")
        let result = try live.rebuild()
        #expect(result.stats.notes > 10)
        #expect(result.stats.notesVerified == result.stats.notes)
        try Self.expectSameAsFreshBuild(live, vault, "first build")
    }

    @Test func everyEditLeavesTheSiteAFreshBuildWouldMake() throws {
        let vault = try TemporaryVault(IncrementalTests.files().merging([
            "E.md": "# E\n\nSee [[B#Later]] and [[C#C]] and ![[C]].\n",
        ]) { $1 })
        defer { vault.remove() }
        let live = try LiveSite(options: Self.options(vault), version: "test")
        let first = try live.rebuild()
        #expect(first.diagnostics.contains { $0.code == .unresolvedHeading })
        try Self.expectSameAsFreshBuild(live, vault, "first build")

        // A body edit: only D is verified, and only pages that show D are rendered.
        try vault.write("D.md", "---\ntags: [z]\n---\n# D\n\nUnrelated $x^3$.\n")
        let body = try live.rebuild()
        #expect(body.verifiedNotes == ["D.md"])
        #expect(body.renderedPages == ["D.html"])
        try Self.expectSameAsFreshBuild(live, vault, "body edit")

        // A heading another note links to appears: E's link resolves now.
        try vault.write("B.md", (IncrementalTests.files()["B.md"] ?? "") + "\n## Later\n\nText.\n")
        let heading = try live.rebuild()
        #expect(!heading.diagnostics.contains { $0.code == .unresolvedHeading })
        #expect(Set(heading.verifiedNotes) == ["B.md", "E.md"])
        try Self.expectSameAsFreshBuild(live, vault, "heading added")

        // An embedded note changes: the page embedding it shows the new text.
        try vault.write("C.md", "# C\n\nPlain, and more.\n")
        _ = try live.rebuild()
        try Self.expectSameAsFreshBuild(live, vault, "embedded note edited")

        // A brief changes (front matter, not the title): pages linking to the note show it.
        try vault.write("C.md", "---\nbrief: What C is about\n---\n# C\n\nPlain, and more.\n")
        let brief = try live.rebuild()
        #expect(brief.renderedPages.contains("B.html"))
        try Self.expectSameAsFreshBuild(live, vault, "brief edited")

        // A title changes, a note is added, one is removed, a medium appears.
        try vault.write("B.md", IncrementalTests.files(title: "Bee")["B.md"] ?? "")
        try vault.write("F.md", "# F\n\n[[A]] ![[pic.png]]\n")
        try FileManager.default.removeItem(atPath: vault.root + "/D.md")
        try vault.write("pic.png", "not really a picture")
        let many = try live.rebuild()
        #expect(many.stats.notes == 5)
        try Self.expectSameAsFreshBuild(live, vault, "title, added, removed, medium")

        // Nothing changed: nothing verified, nothing rendered.
        let none = try live.rebuild()
        #expect(none.verifiedNotes.isEmpty)
        #expect(none.renderedPages.isEmpty)
        try Self.expectSameAsFreshBuild(live, vault, "no change")
    }

    @Test func aVaultThatCannotBeReadKeepsTheLastSite() throws {
        let vault = try TemporaryVault(IncrementalTests.files())
        defer { vault.remove() }
        let live = try LiveSite(options: Self.options(vault), version: "test")
        _ = try live.rebuild()
        let before = Self.files(live.site)
        try FileManager.default.removeItem(atPath: vault.root)
        #expect(throws: BuildError.self) { try live.rebuild() }
        #expect(Self.files(live.site) == before)
    }
}
