import Foundation
import Testing

/// `qed check` keeps each note's verdict in VAULT/.qed-cache/verdicts.bin and prints, from
/// them, exactly what it prints when it verifies everything again.
@Suite struct VerdictCacheCommandTests {
    static let troubled = [
        "a.md": """
            # A

            ```qed
            P = [0.5, 0.5]
            check H(P) ≈ log(2)
            forall Q in simplex(3): check H(Q) ≤ 0.5
            ```

            See [[b]], [[b#Nope]] and [[Entrpy]]; $a + \\foo$ and $H(X,Y) = H(X) + H(X \\mid Y)$.
            """,
        "b.md": "# B\n\n```qed\nx = entorpy([0.5, 0.5])\ncheck x > 0\n```\n\n```qed skip\ncheck 1 == 2\n```\n",
        "c.md": "# C\n\n```qed\ncheck 2 + 2 == 4\n```\n",
    ]

    /// The repository's `notes/` as files, to check in a copy (a check writes its cache there).
    static func repositoryNotes() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notes").path
        var files: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: root))
        for case let path as String in walker where !path.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    @Test(arguments: ["troubled", "repository"])
    func aCachedCheckPrintsWhatAnUncachedOnePrints(vaultName: String) throws {
        let vault = try TemporaryVault(vaultName == "troubled" ? Self.troubled : try Self.repositoryNotes())
        let verdicts = vault.path(".qed-cache/verdicts.bin")
        for format in ["text", "json", "junit", "github"] {
            let fresh = try QEDProcess.run(["check", vault.root.path, "--format", format, "--no-cache"])
            #expect(!FileManager.default.fileExists(atPath: verdicts), "--no-cache wrote verdicts")
            let cold = try QEDProcess.run(["check", vault.root.path, "--format", format])
            #expect(FileManager.default.fileExists(atPath: verdicts))
            let warm = try QEDProcess.run(["check", vault.root.path, "--format", format])
            #expect(cold.stdout == fresh.stdout && cold.status == fresh.status, "\(format), first cached run")
            #expect(warm.stdout == fresh.stdout && warm.status == fresh.status, "\(format), second cached run")
            if vaultName == "troubled" { #expect(fresh.status == 1) }
            try FileManager.default.removeItem(atPath: vault.path(".qed-cache"))
        }
    }

    /// With the parse cache kept and the verdicts gone, unchanged notes are loaded as outlines
    /// and verified from the whole notes the cache holds: every failure is found again, at the
    /// same place, as a run that parses everything finds it.
    @Test func notesVerifiedFromTheParseCacheFailWhereTheyFail() throws {
        let vault = try TemporaryVault(Self.troubled)
        let fresh = try QEDProcess.run(["check", vault.root.path, "--format", "json", "--no-cache"])
        _ = try QEDProcess.run(["check", vault.root.path])
        try FileManager.default.removeItem(atPath: vault.path(".qed-cache/verdicts.bin"))
        #expect(FileManager.default.fileExists(atPath: vault.path(".qed-cache/notes.bin")))
        let fromOutlines = try QEDProcess.run(["check", vault.root.path, "--format", "json"])
        #expect(fromOutlines.stdout == fresh.stdout && fromOutlines.status == 1)
        #expect(fromOutlines.stdout.contains("\"line\" : 6") && fromOutlines.stdout.contains("a.md"))
        let left = try FileManager.default.contentsOfDirectory(atPath: vault.path(".qed-cache")).sorted()
        #expect(left == [".gitignore", "notes.bin", "verdicts.bin"], "the spool leaves no file")
    }

    @Test func anEditedNoteIsReportedAsItIsNow() throws {
        let vault = try TemporaryVault(Self.troubled)
        let first = try QEDProcess.run(["check", vault.root.path])
        #expect(first.status == 1 && !first.stdout.contains("c.md:"))
        try vault.write(["c.md": "# C\n\n```qed\ncheck 2 + 2 == 4\n   check 2 + 2 == 5\n```\n"])
        let edited = try QEDProcess.run(["check", vault.root.path])
        let fresh = try QEDProcess.run(["check", vault.root.path, "--no-cache"])
        #expect(edited.stdout.contains("c.md:5:4: error:"), "\(edited.stdout)")
        #expect(edited.stdout == fresh.stdout)
        // A check of the one note, then of the vault: both from verdicts, both as fresh.
        let named = try QEDProcess.run(["check", vault.path("c.md"), "--format", "json"])
        let namedFresh = try QEDProcess.run(["check", vault.path("c.md"), "--format", "json", "--no-cache"])
        #expect(named.stdout == namedFresh.stdout && named.status == 1)
        #expect(try QEDProcess.run(["check", vault.root.path]).stdout == fresh.stdout)
    }

    @Test func aDamagedVerdictFileIsIgnoredSilently() throws {
        let vault = try TemporaryVault(Self.troubled)
        let fresh = try QEDProcess.run(["check", vault.root.path, "--no-cache"])
        _ = try QEDProcess.run(["check", vault.root.path])
        let file = vault.path(".qed-cache/verdicts.bin")
        let valid = try #require(FileManager.default.contents(atPath: file))
        for damaged in [Data(), valid.prefix(valid.count / 2), Data("QED verdict cache, but not really".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let run = try QEDProcess.run(["check", vault.root.path])
            #expect(run.stdout == fresh.stdout && run.status == fresh.status)
            #expect(run.stderr.isEmpty, "\(run.stderr)")
        }
    }
}
