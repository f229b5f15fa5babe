import Foundation
import Testing
@testable import Site

/// Unchanged notes are not re-verified or re-rendered; a change re-renders exactly the
/// pages that show it; output does not depend on the number of jobs.
@Suite struct IncrementalTests {
    static func files(title: String = "B") -> [String: String] {
        [
            "A.md": "---\ntags: [x]\n---\n# A\n\nSee [[B]].\n",
            "B.md": "---\ntitle: \(title)\ntags: [x/y]\n---\n# B\n\n```qed\ncheck 2 + 2 == 4\n```\n\nSee [[C]].\n",
            "C.md": "# C\n\nPlain.\n",
            "D.md": "---\ntags: [z]\n---\n# D\n\nUnrelated $x^2$.\n",
        ]
    }

    @Test func anUnchangedVaultIsNeitherVerifiedNorRenderedAgain() throws {
        let vault = try TemporaryVault(Self.files())
        defer { vault.remove() }
        let first = try vault.build()
        #expect(first.stats.notesVerified == 4)
        #expect(first.stats.pagesReused == 0)
        let before = vault.snapshot()
        let second = try vault.build()
        #expect(second.stats.notesVerified == 0)
        #expect(second.renderedPages == [])
        #expect(second.stats.pagesWritten == 0)
        #expect(second.stats.pagesReused == first.stats.pagesWritten)
        #expect(second.stats.claims == 1)
        #expect(vault.snapshot() == before)
    }

    @Test func anUnchangedVaultLeavesTheOutputFolderAlone() throws {
        let vault = try TemporaryVault(Self.files().merging(["E.md": "See [[nowhere]].\n"]) { $1 })
        defer { vault.remove() }
        let first = try vault.build()
        let inode = try FileManager.default.attributesOfItem(atPath: vault.output)[.systemFileNumber] as? Int
        let second = try vault.build()
        // The site is not rebuilt and swapped: the very same folder stays.
        #expect(try FileManager.default.attributesOfItem(atPath: vault.output)[.systemFileNumber] as? Int == inode)
        // Its findings are reported again, as on the build that made it.
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.contains { $0.code == .unresolvedLink })
        #expect(second.stats.warnings == 1)
        #expect(second.succeeded)
        // Touching a file's bytes (not its title or links) is a change again.
        try vault.write("D.md", (Self.files()["D.md"] ?? "") + "\nMore.\n")
        let third = try vault.build()
        #expect(third.renderedPages == ["D.html"])
    }

    @Test func anUnchangedBuildReportsWhatTheBuildBeforeFound() throws {
        let vault = try TemporaryVault(Self.files().merging([
            "E.md": "# E\n\n```qed\ncheck 1 + 1 == 3\n```\n\nSee [[nowhere]] and $\\frobnicate$.\n",
        ]) { $1 })
        defer { vault.remove() }
        let first = try vault.build(keepGoing: true)
        let second = try vault.build(keepGoing: true)
        #expect(!first.succeeded && !second.succeeded)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.summary.hasPrefix(first.summary.components(separatedBy: ";")[0]))
        var expected = first.stats
        expected.pagesReused += expected.pagesWritten
        expected.pagesWritten = 0
        expected.notesVerified = 0
        #expect(second.stats == expected)
        #expect(second.renderedPages.isEmpty)
    }

    @Test func aMediumChangedOrAddedIsAChangeAndAnIgnoredOneIsNot() throws {
        let vault = try TemporaryVault(Self.files().merging([
            "qed.yml": "ignore:\n  - drafts/**\n", "fig/a.png": "first picture", "drafts/secret.png": "draft",
        ]) { $1 })
        defer { vault.remove() }
        _ = try vault.build()
        #expect(vault.exists("fig/a.png"))
        #expect(!vault.exists("drafts/secret.png"))
        // An ignored file changing changes nothing: the site is left as it is.
        try vault.write("drafts/secret.png", "another draft")
        let inode = try FileManager.default.attributesOfItem(atPath: vault.output)[.systemFileNumber] as? Int
        _ = try vault.build()
        #expect(try FileManager.default.attributesOfItem(atPath: vault.output)[.systemFileNumber] as? Int == inode)
        // A published picture replaced, and one added: both are in the new site.
        try vault.write("fig/a.png", "second picture, longer")
        try vault.write("fig/b.png", "new picture")
        _ = try vault.build()
        #expect(vault.read("fig/a.png") == "second picture, longer")
        #expect(vault.read("fig/b.png") == "new picture")
    }

    @Test func aSettingTheVerifierReadsVerifiesAgain() throws {
        // `formulas: false` in qed.yml turns formula checking off: the failure must go.
        let vault = try TemporaryVault(["qed.yml": "title: T\n", "F.md": "# F\n\n$$D_{KL}(P \\| Q) = D_{KL}(Q \\| P)$$\n"])
        defer { vault.remove() }
        let first = try vault.build(keepGoing: true)
        #expect(first.stats.failedFormulas == 1)
        try vault.write("qed.yml", "title: T\nformulas: false\n")
        let second = try vault.build(keepGoing: true)
        #expect(second.stats.failedFormulas == 0)
        #expect(second.succeeded)
        #expect(second.verifiedNotes == ["F.md"])
    }

    @Test func aTitleChangeReRendersExactlyThePagesThatShowIt() throws {
        let vault = try TemporaryVault(Self.files())
        defer { vault.remove() }
        _ = try vault.build()
        try vault.write("B.md", Self.files(title: "Bee")["B.md"] ?? "")
        let result = try vault.build()
        // A links to B (label), B itself, C shows B as a backlink; home and B's tag pages list it.
        #expect(result.renderedPages == ["A.html", "B.html", "C.html", "_qed/tags/x.html", "_qed/tags/x/y.html", "index.html"])
        // Only B's cells ran again: A and C were rendered from their cached cell outputs.
        #expect(result.stats.notesVerified == 1)
        #expect(result.verifiedNotes == ["B.md"])
        #expect(vault.read("A.html").contains(">Bee</a>"))
        #expect(vault.read("C.html").contains(">Bee</a>"))
        // The same build from scratch gives the same bytes.
        let fresh = try TemporaryVault(Self.files(title: "Bee"))
        defer { fresh.remove() }
        _ = try fresh.build()
        #expect(fresh.snapshot() == vault.snapshot())
    }

    /// A broken link's "did you mean" hint is drawn from other notes' names: a new note that
    /// changes it verifies the linking note again, and the build says what a fresh one says.
    @Test func aNewNoteThatChangesABrokenLinksHintReverifiesTheLinker() throws {
        let files = ["A.md": "# A\n\nSee [[Entrpy]].\n", "B.md": "# B\n"]
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        try vault.write("Entropy.md", "# Entropy\n")
        let result = try vault.build(keepGoing: true)
        #expect(result.verifiedNotes == ["A.md", "Entropy.md"])
        #expect(result.diagnostics.contains { $0.hint == "did you mean 'Entropy'?" })
        let fresh = try TemporaryVault(files.merging(["Entropy.md": "# Entropy\n"]) { a, _ in a })
        defer { fresh.remove() }
        #expect(try fresh.build(keepGoing: true).diagnostics == result.diagnostics)
    }

    @Test func aMissingCacheEntryFallsBackToVerifying() throws {
        let vault = try TemporaryVault(Self.files())
        defer { vault.remove() }
        _ = try vault.build()
        let before = vault.snapshot()
        try FileManager.default.removeItem(atPath: vault.output + "/" + FillsPack.path)
        try vault.write("B.md", Self.files(title: "Bee")["B.md"] ?? "")
        let result = try vault.build()
        #expect(result.stats.notesVerified == 3)
        try vault.write("B.md", Self.files()["B.md"] ?? "")
        _ = try vault.build()
        #expect(vault.snapshot() == before)
    }

    @Test func rewritingAReusedFileNeverWritesThroughIntoThePreviousSite() throws {
        let vault = try TemporaryVault(Self.files())
        defer { vault.remove() }
        _ = try vault.build()
        // Spoil the cached fills: the next build fails to read them and verifies again.
        try "not a pack".write(toFile: vault.output + "/" + FillsPack.path, atomically: false, encoding: .utf8)
        func everything() -> [String: Data] {
            var all: [String: Data] = [:]
            let walker = FileManager.default.enumerator(atPath: vault.output)
            while let path = walker?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: vault.output + "/" + path) { all[path] = data }
            }
            return all
        }
        let before = everything()
        try vault.write("B.md", Self.files(title: "Bee")["B.md"] ?? "")
        try vault.write("Bad.md", "# Bad\n\n```qed\ncheck 1 == 2\n```\n")
        let result = try vault.build()
        #expect(!result.wroteSite)
        #expect(result.stats.notesVerified >= 3)
        #expect(everything() == before)
    }

    @Test func aChangedBodyReRendersOnlyItsOwnPage() throws {
        let vault = try TemporaryVault(Self.files())
        defer { vault.remove() }
        _ = try vault.build()
        try vault.write("D.md", "---\ntags: [z]\n---\n# D\n\nUnrelated $y^2$, changed.\n")
        let result = try vault.build()
        #expect(result.stats.notesVerified == 1)
        #expect(result.renderedPages == ["D.html"])
    }

    @Test func outputIsByteIdenticalAcrossJobCounts() throws {
        var files = Self.files()
        for i in 0..<12 { files["Many/笔记\(i).md"] = "---\ntags: [many/n\(i % 3)]\n---\n# 笔记 \(i)\n\n$x_\(i)$ [[A]]\n\n```qed\ncheck \(i) + 1 == \(i + 1)\n```\n" }
        let one = try TemporaryVault(files)
        defer { one.remove() }
        let two = try TemporaryVault(files)
        defer { two.remove() }
        _ = try one.build(jobs: 1)
        _ = try two.build(jobs: 2)
        let a = one.snapshot(), b = two.snapshot()
        #expect(a.count > 20)
        #expect(a == b)
        let manifestA = FileManager.default.contents(atPath: one.output + "/" + BuildManifest.path)
        let manifestB = FileManager.default.contents(atPath: two.output + "/" + BuildManifest.path)
        #expect(manifestA != nil && manifestA == manifestB)
        _ = try two.build(jobs: 2)
        #expect(two.snapshot() == a)
    }
}
