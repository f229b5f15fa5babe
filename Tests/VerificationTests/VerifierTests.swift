import Diagnostics
import Foundation
import Notes
import Testing
import TeXMath
@testable import Verification

private func note(_ text: String, path: String = "n.md") -> Note {
    Note.parse(bytes: Array(text.utf8), path: path)
}

private func verify(_ notes: [Note], strict: Bool = false) -> VerificationReport {
    let vault = Vault(assembledAt: "/vault", notes: notes)
    return Verifier(vault: vault, options: VerificationOptions(strict: strict, jobs: 2)).verifyAll()
}

/// The notes verified in full (cell runs, inline values, MathML), which reports do not keep.
private func verifyInFull(_ notes: [Note], options: VerificationOptions = VerificationOptions(jobs: 1)) -> [VerifiedNote] {
    let verifier = Verifier(vault: Vault(assembledAt: "/vault", notes: notes), options: options)
    return notes.map { verifier.verify($0) }
}

@Suite struct VerifierTests {
    @Test func inlineValuesSeeOnlyTheCellsAboveThem() throws {
        let verified = verifyInFull([note("""
            ```qed
            x = 1
            ```
            first `= x`

            ```qed
            x = 2
            ```
            then `= x`
            """)])
        let values = verified[0].inlineValues.map(\.text)
        #expect(values == ["1", "2"])
    }

    @Test func aFalseClaimIsAnErrorAtItsLine() throws {
        let report = verify([note("""
            ---
            title: T
            ---
            ```qed
            P = [0.5, 0.5]
            check H(P) ≈ 0.5
            ```
            """)])
        let failure = try #require(report.diagnostics.first { $0.code == .claimFailed })
        #expect(failure.location == SourceLocation(file: "n.md", line: 6, column: 1))
        #expect(report.failedClaims == 1)
        #expect(!report.succeeded)
        #expect(report.notes[0].status == .failed)
    }

    @Test func expectErrorCellsMustFail() throws {
        let failing = verify([note("```qed expect-error\nKL([1, 0] ‖ [0, 1]) + H([0.5, 0.6])\n```\n")])
        #expect(failing.succeeded, "\(failing.diagnostics)")
        #expect(verifyInFull([note("```qed expect-error\nKL([1, 0] ‖ [0, 1]) + H([0.5, 0.6])\n```\n")])[0].cells[0].expectedErrors.count == 1)
        let passing = verify([note("```qed expect-error\nH([0.5, 0.5])\n```\n")])
        #expect(!passing.succeeded)
        #expect(passing.diagnostics.contains { $0.code == .expectedError && $0.location?.line == 1 })
    }

    @Test func skippedCellsDoNotRun() throws {
        let report = verify([note("```qed skip\ncheck 1 == 2\n```\n")])
        #expect(report.succeeded)
        #expect(verifyInFull([note("```qed skip\ncheck 1 == 2\n```\n")])[0].cells[0].skipped)
    }

    @Test func brokenLinksWarnAndStrictMakesThemErrors() throws {
        let notes = [note("[[b]] and [[missing]]", path: "a.md"), note("# B", path: "b.md")]
        let lenient = verify(notes)
        #expect(lenient.succeeded)
        #expect(lenient.warningCount == 1)
        let strict = verify(notes, strict: true)
        #expect(!strict.succeeded)
        let error = try #require(strict.diagnostics.first { $0.severity == .error })
        #expect(error.location?.file == "a.md")
        #expect(error.location?.column == 11)
    }

    @Test func unknownLaTeXIsALocatedWarning() throws {
        let report = verify([note("Text\n\nand $a + \\foo$ here")])
        let warning = try #require(report.diagnostics.first { $0.code == .math })
        #expect(warning.location == SourceLocation(file: "n.md", line: 3, column: 10))
        #expect(warning.severity == .warning)
    }

    @Test func macrosDefinedInAFormulaServeTheNotesLaterFormulas() throws {
        let notes = [
            note("$\\newcommand{\\RR}{\\mathbb{R}}$ and $x \\in \\RR$\n\nthen $\\RR^n$", path: "a.md"),
            note("$\\RR$ elsewhere", path: "b.md"),
        ]
        let report = verify(notes)
        let warnings = report.diagnostics.filter { $0.code == .math }
        // The definition serves a.md only: b.md's use is unknown, at its own location.
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == SourceLocation(file: "b.md", line: 1, column: 2))
        #expect(verifyInFull(notes)[0].math.allSatisfy { !$0.mathML.contains("qed-math-error") })
    }

    @Test func presetMacrosComeFromTheOptions() throws {
        let vault = Vault(assembledAt: "/vault", notes: [note("$\\RR + \\norm{v}$")])
        let options = VerificationOptions(jobs: 1, mathMacros: MathMacros(katex: ["\\RR": "\\mathbb{R}", "\\norm": "\\|#1\\|"]))
        let report = Verifier(vault: vault, options: options).verifyAll()
        #expect(report.diagnostics.filter { $0.code == .math }.isEmpty)
        #expect(verifyInFull(vault.notes, options: options)[0].math[0].mathML.contains("ℝ"))
    }

    @Test func resultsAreTheSameWhateverTheJobs() throws {
        let notes = (0..<8).map { note("```qed\nforall P in simplex(4): check H(P) ≤ log(4) + 1e-12\n```\n`= H([0.\($0 + 1), 0.\(9 - $0)])`", path: "n\($0).md") }
        let vault = Vault(assembledAt: "/v", notes: notes)
        let one = Verifier(vault: vault, options: VerificationOptions(jobs: 1)).verifyAll()
        let two = Verifier(vault: vault, options: VerificationOptions(jobs: 2)).verifyAll()
        let writer = ReportWriter()
        #expect(writer.write(one, as: .json) == writer.write(two, as: .json))
        #expect(one.notes == two.notes)
    }
}

@Suite struct ReportWriterTests {
    @Test func githubEscapesNewlinesAndPropertySeparators() {
        let report = VerificationReport(notes: [], vaultDiagnostics: [
            .error(.syntax, "line one\nline 100%", at: SourceLocation(file: "a,b:c.md", line: 2, column: 3)),
        ], strict: false)
        let text = ReportWriter(pathPrefix: "notes/").write(report, as: .github)
        #expect(text.hasPrefix("::error file=notes/a%2Cb%3Ac.md,line=2,col=3,title=qed syntax::line one%0Aline 100%25\n"))
    }

    @Test func junitEscapesHostileText() throws {
        let report = verify([note("```qed\ncheck \"<&>\" == \"x\"\n```\n", path: "a\"<b>.md")])
        let xml = ReportWriter().write(report, as: .junit)
        #expect(!xml.contains("<&>"))
        #expect(xml.contains("a&quot;&lt;b&gt;.md"))
        #expect(xml.contains("<testcase"))
    }

    @Test func textReportShowsSourceAndCaret() {
        let report = VerificationReport(notes: [], vaultDiagnostics: [
            .error(.claimFailed, "nope", at: SourceLocation(file: "a.md", line: 2, column: 7), length: 3),
        ], strict: false)
        let writer = ReportWriter(pathPrefix: "notes/", source: { _ in SourceText(file: "a.md", text: "x\ncheck foo\n") })
        let text = writer.write(report, as: .text)
        #expect(text.contains("notes/a.md:2:7: error: nope\ncheck foo\n      ^~~\n"))
        #expect(text.hasSuffix("FAILED: 0 notes, 0 claims verified, 0 failed, 1 error, 0 warnings\n"))
    }
}

@Suite struct JUnitVaultErrorTests {
    @Test func filesThatNeverBecameNotesGetAFailingCase() {
        let report = VerificationReport(notes: [], vaultDiagnostics: [
            .error(.binaryFile, "looks binary", at: SourceLocation(file: "b.md", line: 1, column: 1)),
            .warning(.unresolvedLink, "only a warning", at: SourceLocation(file: "c.md", line: 1, column: 1)),
        ], strict: false)
        let xml = ReportWriter(pathPrefix: "notes/").write(report, as: .junit)
        #expect(xml.contains("<testsuites name=\"qed\" tests=\"1\" failures=\"1\""))
        #expect(xml.contains("<testsuite name=\"notes/b.md\""))
        #expect(xml.contains("type=\"binary-file\""))
        #expect(!xml.contains("c.md"))
    }
}
