import Foundation
import Testing
@testable import Site

/// Pages list claims that never ran, mark them as not run and never call their note verified.
@Suite struct NotRunPageTests {
    static let typo = """
        ---
        title: Typo
        ---
        ```qed
        check 1 < 2
        x = entorpy([0.5, 0.5])
        check 2 < 3
        check 3 < 4
        ```
        """

    static let skipped = """
        ---
        title: Skipped
        ---
        ```qed
        check 1 < 2
        ```

        ```qed skip
        check 5 < 6
        ```
        """

    static let property = """
        ---
        title: Property
        ---
        ```qed
        forall x in interval(0, 10): check x < 5
        ```
        """

    @Test func claimsAfterAnErrorAreListedAndCounted() throws {
        let vault = try TemporaryVault(["Typo.md": Self.typo])
        defer { vault.remove() }
        let result = try vault.build(keepGoing: true)
        #expect(result.stats.notRunClaims == 2)
        #expect(result.summary.contains("2 not run"))
        let page = vault.read("Typo.html")
        #expect(page.components(separatedBy: "class=\"claim claim-not-run\"").count == 3)
        #expect(page.contains("<code>check <span class=\"num\">2</span> &lt; <span class=\"num\">3</span></code><span class=\"claim-message\">not run: the cell stopped at the error on line 6</span>"))
        #expect(page.contains("1 of 3 claims verified · 2 not run · 1 error"), "every claim counted, not just those that ran")
    }

    @Test func aSkippedClaimKeepsTheNoteAndTheSiteFromVerified() throws {
        let vault = try TemporaryVault(["Skipped.md": Self.skipped])
        defer { vault.remove() }
        let result = try vault.build()
        #expect(result.succeeded)
        let page = vault.read("Skipped.html")
        #expect(page.contains("claim-not-run"))
        #expect(page.contains("status-unverified"))
        #expect(!page.contains("status-verified"))
        #expect(page.contains("1 of 2 claims verified · 1 not run"))
        let home = vault.read("index.html")
        #expect(home.contains("totals status-unverified"))
        #expect(home.contains("1 of 2 claims verified · 1 not run"))
        // An unchanged rebuild reports the same counts from the cache.
        let again = try vault.build()
        #expect(again.stats.notRunClaims == 1)
    }

    @Test func aFailingPropertyShowsItsCounterexampleOnThePage() throws {
        let vault = try TemporaryVault(["Property.md": Self.property])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let page = vault.read("Property.html")
        // In the cell always; in the note's problem list when pages show diagnostics.
        #expect(page.contains("counterexample: x = <span class=\"num\">5</span></span>"))
        #expect(!page.contains("<span class=\"detail\">counterexample: x = 5</span>"))
        try vault.write("qed.yml", "show_diagnostics: true\n")
        _ = try vault.build(keepGoing: true)
        let shown = vault.read("Property.html")
        #expect(shown.contains("counterexample: x = <span class=\"num\">5</span></span>"))
        #expect(shown.contains("<span class=\"detail\">counterexample: x = 5</span>"))
    }
}

@Suite struct VerificationTextTests {
    @Test func everyClaimIsCountedWhenSomeDidNotRun() {
        #expect(Pages.verificationText(claims: 3, failed: 1, errors: 2, notRun: 3) == "1 of 6 claims failed · 3 not run · 1 other error")
        #expect(Pages.verificationText(claims: 0, failed: 0, errors: 0, notRun: 2) == "0 of 2 claims verified · 2 not run")
        #expect(Pages.verificationText(claims: 4, failed: 0, errors: 0, notRun: 0) == "4 claims verified")
    }
}

@Suite struct FormulaCountTextTests {
    @Test func formulasJoinTheVerificationText() {
        #expect(Pages.verificationText(claims: 0, failed: 0, errors: 0, formulas: 8, failedFormulas: 0) == "8 formulas verified")
        #expect(Pages.verificationText(claims: 14, failed: 0, errors: 0, formulas: 1, failedFormulas: 0) == "14 claims verified · 1 formula verified")
        #expect(Pages.verificationText(claims: 0, failed: 0, errors: 1, formulas: 8, failedFormulas: 1) == "1 of 9 formulas failed")
        #expect(Pages.verificationText(claims: 0, failed: 0, errors: 0, formulas: 0, failedFormulas: 0) == "No claims to check")
    }

    @Test func aNoteWithOnlyFormulaClaimsSaysSoOnItsPage() throws {
        let vault = try TemporaryVault(["F.md": "# F\n\n$$H(P, Q) = H(P) + D_{KL}(P \\| Q)$$\n"])
        defer { vault.remove() }
        let result = try vault.build()
        #expect(result.summary.contains("1 formula verified"))
        let page = vault.read("F.html")
        #expect(page.contains("1 formula verified"))
        #expect(!page.contains("No claims to check"))
    }
}
