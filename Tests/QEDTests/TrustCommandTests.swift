import Foundation
import Testing

/// The command line never over-reports and never passes on nothing: claims that did not run
/// are counted, an empty vault is an error, and the words match what happened.
@Suite struct TrustCommandTests {
    static let typoNote = """
        ---
        title: Typo
        ---
        ```qed
        P = [0.5, 0.5]
        check H(P) > 0
        x = entorpy(P)
        check H(P) < 1
        forall Q in simplex(3): check H(Q) ≥ 0
        ```
        """

    static let propertyNote = """
        ---
        title: Property
        ---
        ```qed
        forall x in interval(0, 10): check x < 5
        ```
        """

    @Test func checkCountsClaimsThatNeverRan() throws {
        let vault = try TemporaryVault(["qed.yml": "", "typo.md": Self.typoNote])
        let text = try QEDProcess.run(["check", "."], in: vault.root)
        #expect(text.status == 1)
        #expect(text.stdout.contains("1 claim verified, 0 failed, 2 not run"), "\(text.stdout)")
        #expect(text.stdout.contains("typo.md:8:1: note: claim not checked"))
        let json = try QEDProcess.run(["check", ".", "--format", "json"], in: vault.root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let notes = try #require(document["notes"] as? [[String: Any]])
        #expect(notes[0]["claims"] as? [String: Int] == ["passed": 1, "failed": 0, "not_run": 2])
        #expect(notes[0]["status"] as? String == "failed")
    }

    @Test func runMarksClaimsThatNeverRan() throws {
        let vault = try TemporaryVault(["qed.yml": "", "typo.md": Self.typoNote])
        let outcome = try QEDProcess.run(["run", "typo.md"], in: vault.root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("  – 8:1  check H(P) < 1\n      not run: the cell stopped at the error on line 7"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("2 not run"))
        // The transcript lists them once; the notes are not printed again below it.
        #expect(!outcome.stdout.contains("note: claim not checked"))
    }

    @Test func evalReportsClaimsThatNeverRan() throws {
        let outcome = try QEDProcess.run(["eval", "x = nope\ncheck 1 < 2"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<eval>:2:1: note: claim not checked"), "\(outcome.stderr)")
    }

    @Test func aCounterexampleShowsInCheckAndRun() throws {
        let vault = try TemporaryVault(["qed.yml": "", "p.md": Self.propertyNote])
        for format in ["text", "github", "junit", "json"] {
            let outcome = try QEDProcess.run(["check", ".", "--format", format], in: vault.root)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.contains("counterexample: x = 5"), "\(format): \(outcome.stdout)")
        }
        let eval = try QEDProcess.run(["eval", "forall x in interval(0, 10): check x < 5"])
        #expect(eval.stdout.contains("; counterexample: x = 5"), "\(eval.stdout)")
        #expect(eval.stderr.contains("\ncounterexample: x = 5\n"), "\(eval.stderr)")
        let run = try QEDProcess.run(["run", "p.md"], in: vault.root)
        #expect(run.stdout.contains("counterexample: x = 5"), "\(run.stdout)")
    }

    @Test func anEmptyFolderIsAnErrorSayingWhereItLooked() throws {
        let empty = try TemporaryVault(["readme.txt": "not a note"])
        let check = try QEDProcess.run(["check"], in: empty.root)
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.contains("using the current folder as the vault"), "\(check.stderr)")
        #expect(check.stderr.contains("no notes found in "))
        #expect(check.stderr.contains(empty.root.lastPathComponent))
        #expect(check.stderr.contains("--allow-empty"))
        let named = try QEDProcess.run(["check", empty.root.path])
        #expect(named.status == 2)
        #expect(!named.stderr.contains("using the current folder"))
        let allowed = try QEDProcess.run(["check", "--allow-empty"], in: empty.root)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("ok: 0 notes"))
    }

    @Test func aVaultOfUnreadableFilesListsThemAndStillFails() throws {
        let vault = try TemporaryVault(["qed.yml": "", "bin.md": "\u{0}\u{1}\u{2}binary"])
        let check = try QEDProcess.run(["check", "."], in: vault.root)
        #expect(check.status == 2)
        #expect(check.stdout.contains("bin.md"), "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("no notes found in "))
    }

    @Test func anEmptyVaultPublishesNothingUnlessAllowed() throws {
        let empty = try TemporaryVault(["qed.yml": "title: Empty\n"])
        let site = empty.root.appendingPathComponent("site").path
        let build = try QEDProcess.run(["build", ".", "-o", site], in: empty.root)
        #expect(build.status == 2)
        #expect(build.stderr.contains("no notes found in "), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site))
        let allowed = try QEDProcess.run(["build", ".", "-o", site, "--allow-empty"], in: empty.root)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        // Unchanged since that build: still refused without the flag.
        #expect(try QEDProcess.run(["build", ".", "-o", site], in: empty.root).status == 2)
    }

    @Test func aFailedFirstBuildDoesNotClaimAPreviousSite() throws {
        let vault = try TemporaryVault(["qed.yml": "", "p.md": Self.propertyNote])
        let site = vault.root.appendingPathComponent("out").path
        let first = try QEDProcess.run(["build", ".", "-o", site], in: vault.root)
        #expect(first.status == 1)
        #expect(first.stderr.contains("FAILED, no site written"), "\(first.stderr)")
        #expect(!first.stderr.contains("previous site kept"))
        try vault.write(["p.md": "---\ntitle: P\n---\n```qed\ncheck 1 < 2\n```\n"])
        #expect(try QEDProcess.run(["build", ".", "-o", site], in: vault.root).status == 0)
        try vault.write(["p.md": Self.propertyNote])
        let again = try QEDProcess.run(["build", ".", "-o", site], in: vault.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("FAILED, previous site kept"), "\(again.stderr)")
    }

    @Test func helpShowsTheJobsDefaultOnce() throws {
        for command in ["build", "check"] {
            let help = try QEDProcess.run([command, "--help"]).stdout
            let jobs = help.components(separatedBy: "--jobs <jobs>").last ?? ""
            let option = jobs.components(separatedBy: "\n  -").first ?? ""
            #expect(option.components(separatedBy: "default").count == 2, "\(command): \(option)")
        }
    }
}
