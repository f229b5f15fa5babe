import Diagnostics
import Foundation
import Notes
import Storage
import Testing
@testable import Verification

/// A vault on disk with every kind of finding: failed, passed and not-run claims, a skipped
/// cell, an `expect-error` cell that ran cleanly, a failed formula, unknown LaTeX, broken,
/// ambiguous and heading links, inline values.
let troubledVault: [String: String] = [
    "qed.yml": "title: Troubled\n",
    "a.md": """
        ---
        title: A
        ---
        # A

        ```qed
        P = [0.5, 0.5]
        check H(P) ≈ log(2)
        check H(P) ≈ 0.5
        forall Q in simplex(3): check H(Q) ≤ 0.5
        ```

        Value `= H([0.25, 0.75])`, see [[b]], [[b#Nope]], [[Entrpy]] and [[dup]].

        Unknown $a + \\foo$ and a wrong chain rule $H(X,Y) = H(X) + H(X \\mid Y)$.
        """,
    "b.md": """
        # B

        ```qed
        x = entorpy([0.5, 0.5])
        check x > 0
        ```

        ```qed skip
        check 1 == 2
        ```

        ```qed expect-error
        y = 1 + 1
        ```
        """,
    "one/dup.md": "# dup one\n",
    "two/dup.md": "# dup two\n",
    "c.md": "# C\n\n```qed\ncheck 2 + 2 == 4\n```\n\nLinks to [[a]].\n",
]

/// A throwaway vault folder, removed when the test ends.
final class VaultFolder {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qed-verdicts-\(UUID().uuidString)").path
        try write(files)
    }

    /// Copies a folder's files into a fresh vault.
    init(copying folder: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qed-verdicts-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: folder, toPath: root)
    }

    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    var cacheFile: String { root + "/.qed-cache/" + VerdictCache.fileName }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// One `qed check`-like run: load the vault, take what the cache file holds, verify the
/// rest, save. Returns the report and which notes were verified.
struct CheckRun {
    let report: VerificationReport
    let verified: [String]
    let reused: Int

    init(_ vault: VaultFolder, strict: Bool = false, cache: Bool = true, only: [String]? = nil) throws {
        let loaded = try Vault.load(at: vault.root)
        let verifier = Verifier(vault: loaded, options: VerificationOptions(strict: strict, jobs: 2))
        let notes = loaded.notes.filter { only?.contains($0.path) ?? true }
        let verdicts = cache ? VerdictCache(loadingFrom: vault.cacheFile) : nil
        let results = verifier.verdicts(of: notes, cache: verdicts)
        verdicts?.save(keeping: loaded.notes.map(\.path))
        report = VerificationReport(verdicts: results, vaultDiagnostics: loaded.diagnostics, strict: strict)
        (verified, reused) = verdicts?.lastRun ?? (notes.map(\.path), 0)
    }

    /// The report in every format, as `qed check` prints it (with source lines from disk).
    func formats(_ vault: VaultFolder) -> [ReportFormat: String] {
        let root = vault.root
        let writer = ReportWriter(pathPrefix: "notes/", source: { file in
            (try? String(contentsOfFile: root + "/" + file, encoding: .utf8)).map { SourceText(file: file, text: $0) }
        })
        return Dictionary(uniqueKeysWithValues: ReportFormat.allCases.map { ($0, writer.write(report, as: $0)) })
    }
}

/// The repository's own vault, `notes/`.
let repositoryNotes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("notes").path

@Suite struct VerdictCacheTests {
    @Test(arguments: ["troubled", "repository"])
    func aCachedReportIsByteIdenticalToAFreshOneInEveryFormat(vaultName: String) throws {
        let vault = vaultName == "troubled" ? try VaultFolder(troubledVault) : try VaultFolder(copying: repositoryNotes)
        let fresh = try CheckRun(vault, cache: false)
        let first = try CheckRun(vault)
        let second = try CheckRun(vault)
        #expect(!first.verified.isEmpty && first.reused == 0)
        #expect(second.verified.isEmpty, "nothing changed, yet verified: \(second.verified)")
        #expect(second.reused == fresh.report.notes.count)
        #expect(second.report.notes == fresh.report.notes)
        let expected = fresh.formats(vault)
        for (format, text) in second.formats(vault) {
            #expect(text == expected[format], "\(format) differs after a cached run")
        }
        if vaultName == "troubled" {
            // The vault really has every kind of finding the reports print.
            let report = fresh.report
            #expect(report.failedClaims == 2 && report.notRunClaims == 2 && report.formulaCounts.failed == 1)
            for code in [DiagnosticCode.claimFailed, .unresolvedLink, .unresolvedHeading, .ambiguousLink, .math, .expectedError] {
                #expect(report.diagnostics.contains { $0.code == code }, "no \(code) in the troubled vault")
            }
            #expect(report.warningCount > 0 && report.errorCount > 0)
        }
    }

    @Test func aRunThatChangedNothingLeavesTheFileAlone() throws {
        let vault = try VaultFolder(troubledVault)
        _ = try CheckRun(vault)
        let written = try FileManager.default.attributesOfItem(atPath: vault.cacheFile)[.modificationDate] as? Date
        let unchanged = try CheckRun(vault)
        #expect(unchanged.verified.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: vault.cacheFile)[.modificationDate] as? Date == written)
        try vault.write(["c.md": "# C\n"])
        _ = try CheckRun(vault)
        #expect(try FileManager.default.attributesOfItem(atPath: vault.cacheFile)[.modificationDate] as? Date != written)
    }

    @Test func anEditReverifiesExactlyTheEditedNote() throws {
        let vault = try VaultFolder(troubledVault)
        _ = try CheckRun(vault)
        try vault.write(["c.md": "# C\n\n```qed\ncheck 2 + 2 == 4\n```\n\nLinks to [[a]]. Edited.\n"])
        let edited = try CheckRun(vault)
        #expect(edited.verified == ["c.md"])
        #expect(edited.reused == 4)
    }

    @Test func aFailingClaimIntroducedByAnEditFailsAtItsLocation() throws {
        let vault = try VaultFolder(troubledVault)
        _ = try CheckRun(vault)
        try vault.write(["c.md": "# C\n\n```qed\ncheck 2 + 2 == 4\n  check 2 + 2 == 5\n```\n\nLinks to [[a]].\n"])
        let edited = try CheckRun(vault)
        #expect(edited.verified == ["c.md"])
        let c = try #require(edited.report.notes.first { $0.path == "c.md" })
        #expect(c.status == .failed && c.failedClaims == 1)
        let failure = try #require(c.diagnostics.first { $0.code == .claimFailed })
        #expect(failure.location == SourceLocation(file: "c.md", line: 5, column: 3))
        // And the next, fully cached run says the same.
        let again = try CheckRun(vault)
        #expect(again.verified.isEmpty)
        #expect(again.report.notes == edited.report.notes)
        #expect(again.formats(vault)[.text]?.contains("notes/c.md:5:3: error:") == true)
    }

    @Test func renamingALinkTargetReverifiesTheNotesLinkingToIt() throws {
        let vault = try VaultFolder(troubledVault)
        _ = try CheckRun(vault)
        // c.md links to [[a]]: rename a.md, and the link leads to renamed.md by its title, A.
        let a = troubledVault["a.md"]!
        try vault.remove("a.md")
        try vault.write(["renamed.md": a])
        let renamed = try CheckRun(vault)
        #expect(renamed.verified == ["c.md", "renamed.md"])
        #expect(renamed.report.notes == (try CheckRun(vault, cache: false)).report.notes)
        // Without that title, it leads nowhere: c.md is verified again and warns.
        try vault.write(["renamed.md": a.replacingOccurrences(of: "title: A", with: "title: Renamed")])
        let retitled = try CheckRun(vault)
        #expect(retitled.verified == ["c.md", "renamed.md"])
        #expect(retitled.report.diagnostics.contains { $0.code == .unresolvedLink && $0.location?.file == "c.md" })
        #expect(retitled.report.notes == (try CheckRun(vault, cache: false)).report.notes)
    }

    @Test func deletingALinkTargetReverifiesTheNoteLinkingToIt() throws {
        let vault = try VaultFolder(troubledVault)
        _ = try CheckRun(vault)
        // a.md links to b.md: delete b.md, and a.md alone is verified again.
        try vault.remove("b.md")
        let deleted = try CheckRun(vault)
        #expect(deleted.verified == ["a.md"])
        #expect(deleted.report.notes.map(\.path) == ["a.md", "c.md", "one/dup.md", "two/dup.md"])
        #expect(deleted.report.notes == (try CheckRun(vault, cache: false)).report.notes)
    }

    @Test func aNewNoteThatChangesABrokenLinksHintReverifiesTheLinker() throws {
        let vault = try VaultFolder(troubledVault)
        let before = try CheckRun(vault)
        let hint = { (report: VerificationReport) in
            report.diagnostics.first { $0.code == .unresolvedLink && $0.message.contains("Entrpy") }?.hint
        }
        #expect(hint(before.report) != "did you mean 'Entropy'?")
        try vault.write(["Entropy.md": "# Entropy\n"])
        let after = try CheckRun(vault)
        #expect(after.verified == ["Entropy.md", "a.md"])
        #expect(hint(after.report) == "did you mean 'Entropy'?")
    }

    @Test func checkingNamedNotesKeepsTheOthersVerdictsAndDropsThoseOfDeletedNotes() throws {
        let vault = try VaultFolder(troubledVault)
        let named = try CheckRun(vault, only: ["c.md"])
        #expect(named.verified == ["c.md"] && named.report.notes.count == 1)
        let all = try CheckRun(vault)
        #expect(all.verified == ["a.md", "b.md", "one/dup.md", "two/dup.md"])
        try vault.write(["c.md": "# C\n\nchanged\n"])
        let namedAgain = try CheckRun(vault, only: ["c.md"])
        #expect(namedAgain.verified == ["c.md"])
        #expect(try CheckRun(vault).verified.isEmpty, "a check of c.md alone dropped the other notes' verdicts")
        try vault.remove("two/dup.md")
        _ = try CheckRun(vault)
        let bytes = try #require(FileManager.default.contents(atPath: vault.cacheFile))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("two/dup.md"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("one/dup.md"))
    }

    @Test func changingStrictOrToleranceVerifiesEveryNoteAgain() throws {
        let vault = try VaultFolder(troubledVault)
        let lenient = try CheckRun(vault)
        let strict = try CheckRun(vault, strict: true)
        #expect(strict.verified.count == lenient.report.notes.count)
        #expect(strict.report.errorCount > lenient.report.errorCount)
        // Back to lenient: the last run's verdicts were strict ones, so verify again.
        #expect(try CheckRun(vault).verified.count == lenient.report.notes.count)
        #expect(try CheckRun(vault).verified.isEmpty)
        // The vault's tolerance: loose enough, a failed claim of a.md holds.
        try vault.write(["qed.yml": "title: Troubled\ntolerance: 1\n"])
        let tolerant = try CheckRun(vault)
        #expect(tolerant.verified.count == lenient.report.notes.count)
        #expect(tolerant.report.failedClaims < lenient.report.failedClaims)
        #expect(tolerant.report.notes == (try CheckRun(vault, cache: false)).report.notes)
    }

    @Test func aVerifiersOptionsAndConfigurationAreInItsKey() throws {
        let note = Note.parse(bytes: Array("```qed\ncheck 0.1 + 0.2 ≈ 0.3\n```\n".utf8), path: "n.md")
        let vault = Vault(assembledAt: "/v", notes: [note])
        let base = Verifier(vault: vault).verificationKey(of: note)
        #expect(Verifier(vault: vault).verificationKey(of: note) == base)
        var tolerant = vault
        tolerant.config.tolerance = 1e-3
        var noFormulas = vault
        noFormulas.config.formulas = false
        var fewerDiagnostics = vault
        fewerDiagnostics.config.limits.diagnosticsPerNote = 3
        var macros = vault
        macros.config.macros = ["\\RR": "\\mathbb{R}"]
        let others = [
            Verifier(vault: vault, options: VerificationOptions(strict: true)),
            Verifier(vault: vault, options: VerificationOptions(precision: 3)),
            Verifier(vault: vault, options: VerificationOptions(limits: .init(steps: 10))),
            Verifier(vault: tolerant), Verifier(vault: noFormulas), Verifier(vault: fewerDiagnostics), Verifier(vault: macros),
        ].map { $0.verificationKey(of: note) }
        #expect(!others.contains(base))
        #expect(Set(others).count == others.count)
        // What only changes how fast it runs is not.
        #expect(Verifier(vault: vault, options: VerificationOptions(jobs: 7)).verificationKey(of: note) == base)
    }

    @Test func aDamagedOrForeignCacheFileIsIgnored() throws {
        let vault = try VaultFolder(troubledVault)
        let fresh = try CheckRun(vault, cache: false)
        _ = try CheckRun(vault)
        let valid = try #require(FileManager.default.contents(atPath: vault.cacheFile))
        var flipped = [UInt8](valid)
        flipped[flipped.count / 2] ^= 0xFF
        let damaged: [(String, Data)] = [
            ("empty", Data()),
            ("garbage", Data("not a cache at all\u{0}\u{1}\u{2}".utf8)),
            ("truncated", valid.prefix(valid.count - 7)),
            ("truncated header", valid.prefix(10)),
            ("another cache", try notesCache(vault)),
            ("foreign header", valid.replacingFirst("QED verdict cache", with: "QED verdict cachf")),
            ("another build", valid.replacingFirst(BuildIdentity.current, with: String(repeating: "9", count: BuildIdentity.current.utf8.count))),
            ("flipped byte", Data(flipped)),
        ]
        for (name, bytes) in damaged {
            try bytes.write(to: URL(fileURLWithPath: vault.cacheFile))
            let run = try CheckRun(vault)
            #expect(run.report.notes == fresh.report.notes, "\(name)")
            if name != "flipped byte" {
                #expect(run.verified.count == fresh.report.notes.count, "\(name): \(run.verified)")
            } else {
                #expect(!run.verified.isEmpty, "a damaged record was taken")
            }
        }
    }

    /// A parse cache is another kind of file in the same folder: written here by loading with one.
    private func notesCache(_ vault: VaultFolder) throws -> Data {
        let cache = NoteCache.inVault(vault.root)
        _ = try Vault.load(at: vault.root, cache: cache)
        cache.save()
        return try #require(FileManager.default.contents(atPath: vault.root + "/.qed-cache/notes.bin"))
    }
}

private extension Data {
    func replacingFirst(_ text: String, with other: String) -> Data {
        guard let range = range(of: Data(text.utf8)) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: Data(other.utf8))
        return copy
    }
}
