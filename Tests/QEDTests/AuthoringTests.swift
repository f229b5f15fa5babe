import Foundation
import Testing

/// `qed init` and `qed new` (issue 13): a new vault checks clean, notes come from the template.
@Suite struct AuthoringTests {
    @Test func initMakesAVaultThatChecksClean() throws {
        let scratch = try TemporaryVault([:])
        let vault = scratch.path("my vault")
        let made = try QEDProcess.run(["init", vault], environment: ["QED_TODAY": "2026-11-30"])
        #expect(made.status == 0)
        #expect(made.stdout.contains("qed.yml, welcome.md, templates/note.md"))
        let welcome = try String(contentsOfFile: vault + "/welcome.md", encoding: .utf8)
        #expect(welcome.contains("created: \"2026-11-30\""))
        #expect(welcome.contains("```qed"))
        let check = try QEDProcess.run(["check", vault, "--strict"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("1 note"))
        #expect(check.stdout.contains("claims verified") || check.stdout.contains("claim verified"))
        // The template folder is not a note of the vault.
        #expect(!check.stdout.contains("templates/note.md"))
    }

    @Test func initRefusesAFolderThatIsNotEmptyUnlessForced() throws {
        let scratch = try TemporaryVault(["v/mine.md": "# Mine\n", "v/.git/HEAD": "ref\n"])
        let refused = try QEDProcess.run(["init", scratch.path("v")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty (mine.md…)"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("v/qed.yml")))
        let forced = try QEDProcess.run(["init", scratch.path("v"), "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: scratch.path("v/mine.md"), encoding: .utf8) == "# Mine\n")
        let again = try QEDProcess.run(["init", scratch.path("v"), "--force"])
        #expect(again.stderr.contains("kept the existing qed.yml"))
        // A folder holding only hidden entries (a fresh git repository) counts as empty.
        let hiddenOnly = try TemporaryVault([".git/HEAD": "ref\n"])
        #expect(try QEDProcess.run(["init", hiddenOnly.root.path]).status == 0)
    }

    @Test func newFillsTheTemplateAndNeverOverwrites() throws {
        let scratch = try TemporaryVault([:])
        let vault = scratch.path("v")
        _ = try QEDProcess.run(["init", vault])
        try Data("---\ntitle: \"{{title}}\"\ncreated: {{date}}\n---\n# {{title}}\n\nMine.\n".utf8)
            .write(to: URL(fileURLWithPath: vault + "/templates/note.md"))
        let made = try QEDProcess.run(["new", vault + "/ideas/deep/熵的直觉", "--title", "Say \"hi\""],
                                      environment: ["QED_TODAY": "2026-01-02"])
        #expect(made.status == 0)
        let text = try String(contentsOfFile: vault + "/ideas/deep/熵的直觉.md", encoding: .utf8)
        #expect(text == "---\ntitle: \"Say \\\"hi\\\"\"\ncreated: 2026-01-02\n---\n# Say \"hi\"\n\nMine.\n")
        let twice = try QEDProcess.run(["new", vault + "/ideas/deep/熵的直觉.md"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: vault + "/ideas/deep/熵的直觉.md", encoding: .utf8) == text)
        let check = try QEDProcess.run(["check", vault])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func newWithoutAVaultTemplateUsesTheBuiltInOne() throws {
        let scratch = try TemporaryVault([:])
        let made = try QEDProcess.run(["new", scratch.path("loose/note")], environment: ["QED_TODAY": "2026-03-04"])
        #expect(made.status == 0)
        let text = try String(contentsOfFile: scratch.path("loose/note.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"note\"\nbrief: \"\"\ncreated: \"2026-03-04\"\nupdated: \"2026-03-04\"\ntags: []\n---\n# note\n"))
    }
}

/// `macros:` in qed.yml (KaTeX's format) reaches every formula of every note.
@Suite struct ConfigMacroTests {
    @Test func vaultMacrosExpandInEveryNote() throws {
        let note = "# M\n\n$x \\in \\RR^n$ and $\\norm{x}$\n"
        let without = try TemporaryVault(["v/a.md": note])
        let plain = try QEDProcess.run(["check", without.path("v"), "--format", "json"])
        #expect(plain.stdout.contains("\"warnings\" : 2"))
        let with = try TemporaryVault(["v/a.md": note,
                                       "v/qed.yml": "macros:\n  \"\\\\RR\": \"\\\\mathbb{R}\"\n  \"\\\\norm\": \"\\\\left\\\\| #1 \\\\right\\\\|\"\n"])
        let expanded = try QEDProcess.run(["check", with.path("v"), "--strict"])
        #expect(expanded.status == 0, "\(expanded.stdout)")
        let built = try QEDProcess.run(["build", with.path("v"), "-o", with.path("site")])
        #expect(built.status == 0)
        let page = try String(contentsOfFile: with.path("site/a.html"), encoding: .utf8)
        #expect(page.contains("ℝ"))
    }
}
