import Foundation
import Testing

/// `qed eval`, `run`, `math`, `render` and `build` end to end: what a user types, what they see.
@Suite struct CommandTests {
    @Test func versionAndHelp() throws {
        let version = try QEDProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try QEDProcess.run(["--help"])
        for command in ["build", "check", "run", "eval", "render", "math"] {
            #expect(help.stdout.contains(command))
        }
    }

    @Test func evalPrintsValuesWithUnits() throws {
        let outcome = try QEDProcess.run(["eval", "H([0.5, 0.25, 0.25])"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "1.03972 nats\n")
        let precise = try QEDProcess.run(["eval", "--precision", "17", "H([0.5, 0.5])"])
        let value = try #require(Double(precise.stdout.split(separator: " ").first.map(String.init) ?? ""))
        #expect(value == log(2.0))
    }

    @Test func evalJSONIsParseable() throws {
        let outcome = try QEDProcess.run(["eval", "--format", "json", "H([0.5, 0.5]) in bits"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect((object?["value"] as? Double).map { abs($0 - 1) < 1e-15 } == true)
        #expect(object?["unit"] as? String == "bits")
    }

    @Test func evalExitCodesSeparateFailuresFromSyntax() throws {
        let failing = try QEDProcess.run(["eval", "check KL([0.5, 0.5] ‖ [0.9, 0.1]) ≤ 0"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("<eval>:1:"))
        let syntax = try QEDProcess.run(["eval", "x = (1 +"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("<eval>:1:9: error:"))
        let unknown = try QEDProcess.run(["eval", "KLL([1] ‖ [1])"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("did you mean 'KL'?"))
        let stdin = try QEDProcess.run(["eval", "-"], stdin: "P = [0.2, 0.8]\nH(P) in bits\n")
        #expect(stdin.status == 0)
        #expect(stdin.stdout.hasPrefix("0.721928 bits"))
    }

    @Test func mathPrintsMathMLAndFailsOnUnknownCommands() throws {
        let good = try QEDProcess.run(["math", "--display", #"D_{\text{KL}}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}"#])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("<math"))
        #expect(good.stdout.contains(#"display="block""#))
        #expect(good.stdout.contains("<mfrac>"))
        let bad = try QEDProcess.run(["math", #"x + \fracc{1}{2}"#])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("qed-math-error"))
        #expect(bad.stderr.contains(#"<tex>:1:5: error: unknown command '\fracc'"#), "\(bad.stderr)")
        let stdin = try QEDProcess.run(["math", "-"], stdin: "x^2\n")
        #expect(stdin.status == 0)
        #expect(stdin.stdout.contains("<msup>"))
    }

    @Test func mathSurvivesTrapsAndErrorHeavyFormulas() throws {
        // Issue 17: a matrix environment followed by `[` used to trap.
        let bracket = try QEDProcess.run(["math", #"\begin{matrix}["#])
        #expect(bracket.status == 1, "\(bracket.stderr)")
        #expect(bracket.stdout.hasPrefix("<math"))
        #expect(bracket.stderr.contains("has no matching"))
        // 20,000 unknown commands: 50 reports and a summary, each with a short excerpt.
        let many = Array(repeating: #"\foo"#, count: 20_000).joined(separator: " ")
        let heavy = try QEDProcess.run(["math", "-"], stdin: many)
        #expect(heavy.status == 1)
        #expect(heavy.stderr.contains("…and 19950 more problems in this formula"))
        #expect(heavy.stderr.utf8.count < 20_000, "stderr has \(heavy.stderr.utf8.count) bytes")
    }

    @Test func runPrintsOutputsAndClaimsWithLocations() throws {
        let vault = try TemporaryVault(["n.md": """
            # N

            ```qed
            P = [0.5, 0.25, 0.25]
            H(P)
            check H(P) ≈ 1.0397
            check H(P) ≈ 2
            ```
            """])
        let outcome = try QEDProcess.run(["run", "n.md"], in: vault.root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("1.03972 nats"))
        #expect(outcome.stdout.contains("✓ 6:1"))
        #expect(outcome.stdout.contains("✗ 7:1"))
        let twice = try QEDProcess.run(["run", "n.md"], in: vault.root)
        #expect(twice.stdout == outcome.stdout)
    }

    @Test func renderOfPlainMarkdownMatchesCmark() throws {
        let markdown = "# Title\n\nSome *emphasis*, `code` and a [link](https://example.org).\n\n- a\n- b\n\n<script>alert(1)</script>\n"
        let outcome = try QEDProcess.run(["render", "-"], stdin: markdown)
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.contains("<script>"))
        let cmark = Process()
        cmark.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark") else { return }
        let input = Pipe(), output = Pipe()
        cmark.standardInput = input
        cmark.standardOutput = output
        try cmark.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        cmark.waitUntilExit()
        #expect(outcome.stdout == expected)
    }

    @Test func buildWritesASiteAndKeepsThePreviousOneOnFailure() throws {
        let vault = try TemporaryVault(["notes/a.md": "# A\n\n```qed\ncheck H([0.5, 0.5]) ≈ 0.693147\n```\n"])
        let first = try QEDProcess.run(["build", "notes", "-o", "site"], in: vault.root)
        #expect(first.status == 0, "\(first.stderr)")
        let page = vault.root.appendingPathComponent("site/a.html")
        let before = try Data(contentsOf: page)
        #expect(String(decoding: before, as: UTF8.self).contains("<math") == false)
        try vault.write(["notes/a.md": "# A\n\n```qed\ncheck H([0.5, 0.5]) ≈ 2\n```\n"])
        let failed = try QEDProcess.run(["build", "notes", "-o", "site"], in: vault.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("notes/a.md:4:"), "\(failed.stderr)")
        #expect(try Data(contentsOf: page) == before)
        let forced = try QEDProcess.run(["build", "notes", "-o", "site", "--keep-going"], in: vault.root)
        #expect(forced.status == 1)
        #expect(try Data(contentsOf: page) != before)
    }

    @Test func buildRefusesToOverwriteTheVault() throws {
        let vault = try TemporaryVault(["notes/a.md": "# A\n"])
        let outcome = try QEDProcess.run(["build", "notes", "-o", "notes"], in: vault.root)
        #expect(outcome.status == 2)
        #expect(FileManager.default.fileExists(atPath: vault.path("notes/a.md")))
    }
}
