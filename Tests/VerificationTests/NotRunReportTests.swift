import Diagnostics
import Foundation
import Notes
import Testing
@testable import Verification

private func verify(_ text: String, strict: Bool = false) -> VerificationReport {
    let vault = Vault(assembledAt: "/vault", notes: [Note.parse(bytes: Array(text.utf8), path: "n.md")])
    return Verifier(vault: vault, options: VerificationOptions(strict: strict, jobs: 1)).verifyAll()
}

private func json(_ report: VerificationReport) throws -> [String: Any] {
    let text = ReportWriter().write(report, as: .json)
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Every claim a note contains is counted: passed, failed or not run, in every report.
@Suite struct NotRunReportTests {
    static let typoNote = """
        ---
        title: Typo
        ---
        ```qed
        P = [0.5, 0.5]
        check H(P) > 0
        x = entorpy(P)
        check H(P) < 1
        check H(P) ≈ 0.693147
        ```
        """

    @Test func claimsAfterAnErrorAreCountedAsNotRun() throws {
        let report = verify(Self.typoNote)
        let note = report.notes[0]
        #expect(note.passedClaims == 1)
        #expect(note.failedClaims == 0)
        #expect(note.notRunClaims.map(\.location.line) == [8, 9])
        #expect(note.status == .failed)
        #expect(report.summary.contains("1 claim verified, 0 failed, 2 not run"))
        let notes = try #require(json(report)["notes"] as? [[String: Any]])
        let claims = try #require(notes[0]["claims"] as? [String: Int])
        #expect(claims == ["passed": 1, "failed": 0, "not_run": 2])
        let summary = try #require(json(report)["summary"] as? [String: Any])
        #expect((summary["claims"] as? [String: Int])?["not_run"] == 2)
    }

    @Test func aNoteWithASkippedClaimIsNeverVerified() {
        let report = verify("""
            ```qed
            check 1 < 2
            ```

            ```qed skip
            check 2 < 1
            ```
            """)
        #expect(report.notes[0].status == .unverified)
        #expect(report.notRunClaims == 1)
        #expect(report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .claimNotRun && $0.location?.line == 6 && $0.severity == .note })
    }

    @Test func aNoteWhoseClaimsAllRanIsVerified() {
        let report = verify("```qed\ncheck 1 < 2\n```\n")
        #expect(report.notes[0].status == .verified)
        #expect(report.notRunClaims == 0)
        #expect(!report.summary.contains("not run"))
    }

    @Test func junitMarksNotRunClaimsSkipped() {
        let xml = ReportWriter().write(verify(Self.typoNote), as: .junit)
        #expect(xml.components(separatedBy: "<skipped ").count == 3)
        #expect(xml.contains("tests=\"4\""))
    }

    static let propertyNote = """
        ```qed
        forall x in interval(0, 10): check x < 5
        ```
        """

    /// The counterexample travels as one diagnostic's detail and every format shows it.
    @Test func aFailingPropertysCounterexampleIsInEveryReport() throws {
        let report = verify(Self.propertyNote)
        let diagnostic = try #require(report.diagnostics.first { $0.code == .claimFailed })
        #expect(diagnostic.detail == "counterexample: x = 5")
        #expect(ReportWriter().write(report, as: .text).contains("counterexample: x = 5"))
        #expect(ReportWriter().write(report, as: .github).contains("%0Acounterexample: x = 5"))
        #expect(ReportWriter().write(report, as: .junit).contains("counterexample: x = 5"))
        let entries = try #require(json(report)["diagnostics"] as? [[String: Any]])
        #expect(entries.first { $0["code"] as? String == "claim-failed" }?["detail"] as? String == "counterexample: x = 5")
    }
}
