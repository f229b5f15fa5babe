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
    /// `--timings` names every stage a build ran, in order, with its seconds: all seven for a
    /// build that made the site, only the hashing for one that found nothing changed.
    @Test func buildTimingsNameEveryStageItRan() throws {
        let vault = try TemporaryVault(Self.files)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("qed-timed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let full = try QEDProcess.run(["build", vault.root.path, "-o", output, "--keep-going", "-q", "--timings"])
        let line = try #require(full.stderr.split(separator: "\n").first { $0.hasPrefix("timings: ") })
        let stages = line.dropFirst("timings: ".count).split(separator: ", ").map { $0.split(separator: " ").dropLast(2).joined(separator: " ") }
        #expect(stages == ["hash inputs", "read notes", "link and plan", "note pages", "index pages", "write caches", "publish"])
        #expect(line.split(separator: ", ").allSatisfy { $0.hasSuffix(" s") && Double($0.split(separator: " ").dropLast().last ?? "") != nil })
        let unchanged = try QEDProcess.run(["build", vault.root.path, "-o", output, "--keep-going", "-q", "--timings"])
        #expect(unchanged.stderr.contains("timings: hash inputs ") && !unchanged.stderr.contains("read notes"))
        let silent = try QEDProcess.run(["build", vault.root.path, "-o", output, "--keep-going", "-q"])
        #expect(!silent.stderr.contains("timings:"))
    }

    @Test func aVaultWhereNoCacheCanBeWrittenIsStillChecked() throws {
        let vault = try TemporaryVault(Self.files.merging([".qed-cache": "not a folder"]) { a, _ in a })
        let outcome = try QEDProcess.run(["check", vault.root.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("b.md:4:"), "\(outcome.stdout)")
        #expect(!outcome.stderr.contains("cache"))
    }
}

/// `qed run NOTE` and `qed check NOTE` answer for that note (and the vault's settings), not
/// for whatever else sits in its folder.
@Suite struct NamedNoteScopeTests {
    @Test func anotherFilesProblemDoesNotFailARunOfThisNote() throws {
        let vault = try TemporaryVault(["a.md": "# A\n\n```qed\ncheck 1 + 1 == 2\n```\n", "qed.yml": "title: T\nbogus_key: 1\n"])
        try Data("bin\u{0}ary".utf8).write(to: vault.root.appendingPathComponent("x.md"))
        let run = try QEDProcess.run(["run", vault.root.appendingPathComponent("a.md").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("x.md"))
        // The settings still concern every note.
        #expect(run.stdout.contains("qed.yml") && run.stdout.contains("bogus_key"), "\(run.stdout)")
        let named = try QEDProcess.run(["check", vault.root.appendingPathComponent("a.md").path])
        #expect(named.status == 0 && !named.stdout.contains("x.md"), "\(named.stdout)")
        // The whole vault's check still reports it.
        let whole = try QEDProcess.run(["check", vault.root.path])
        #expect(whole.status == 1 && whole.stdout.contains("x.md:1:1"), "\(whole.stdout)")
    }
}
