import Foundation
import Testing

/// `qed check` and `qed build` keep parsed notes in VAULT/.qed-cache and report the same
/// findings with or without them.
@Suite struct CacheCommandTests {
    static let files = [
        "a.md": "# A\n\n```qed\ncheck 1 + 1 == 2\n```\n\nSee [[b]].\n",
        "b.md": "# B\n\n```qed\ncheck 2 + 2 == 5\n```\n",
    ]

    @Test func checkKeepsParsedNotesAndReportsTheSameWithAndWithoutThem() throws {
        let vault = try TemporaryVault(Self.files)
        let cache = vault.root.appendingPathComponent(".qed-cache/notes.bin").path
        let cold = try QEDProcess.run(["check", vault.root.path, "--format", "json"])
        #expect(cold.status == 1)
        #expect(FileManager.default.fileExists(atPath: cache))
        let ignore = try String(contentsOfFile: vault.root.appendingPathComponent(".qed-cache/.gitignore").path, encoding: .utf8)
        #expect(ignore.contains("*"))
        let warm = try QEDProcess.run(["check", vault.root.path, "--format", "json"])
        #expect(warm.status == 1 && warm.stdout == cold.stdout)
        // An edit is seen: the cache is keyed by the note's bytes.
        try vault.write(["b.md": "# B\n\n```qed\ncheck 2 + 2 == 4\n```\n"])
        let edited = try QEDProcess.run(["check", vault.root.path])
        #expect(edited.status == 0, "\(edited.stdout)\(edited.stderr)")
        // --no-cache neither reads nor writes it.
        try FileManager.default.removeItem(atPath: cache)
        _ = try QEDProcess.run(["check", vault.root.path, "--no-cache"])
        #expect(!FileManager.default.fileExists(atPath: cache))
    }

    /// A cache is an optimisation: when it cannot be written (here `.qed-cache` is a file, so
    /// no folder can be made there, whoever runs the test), the check runs and says nothing of it.
    @Test func aVaultWhereNoCacheCanBeWrittenIsStillChecked() throws {
        let vault = try TemporaryVault(Self.files.merging([".qed-cache": "not a folder"]) { a, _ in a })
        let outcome = try QEDProcess.run(["check", vault.root.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("b.md:4:"), "\(outcome.stdout)")
        #expect(!outcome.stderr.contains("cache"))
    }
}
