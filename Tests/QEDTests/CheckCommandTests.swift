import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `qed check` end to end: exit codes, located diagnostics and every report format.
@Suite struct CheckCommandTests {
    static let goodNote = """
        ---
        title: 熵
        tags: [info/entropy]
        ---
        # 熵

        均匀分布的熵最大：`= H([0.25, 0.25, 0.25, 0.25])`。

        ```qed
        P = [0.5, 0.25, 0.25]
        Q = [0.4, 0.4, 0.2]
        check H(P, Q) ≈ H(P) + KL(P ‖ Q)
        check KL(P ‖ Q) ≥ 0
        ```

        参见 [[KL|KL 散度]]。
        """

    static let klNote = """
        ---
        title: KL 散度
        ---
        ```qed
        check KL([0.5, 0.5] ‖ [0.5, 0.5]) ≈ 0
        ```
        """

    /// Line 7 holds the false claim; `check` starts at column 1 and the comparison at column 7.
    static let badNote = """
        ---
        title: Wrong
        ---
        Text.

        ```qed
        check H([0.5, 0.5]) ≈ 0.5
        ```
        """

    @Test func aVerifiedVaultExitsZero() throws {
        let vault = try TemporaryVault(["熵.md": Self.goodNote, "KL.md": Self.klNote])
        let outcome = try QEDProcess.run(["check", vault.root.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("3 claims verified"))
    }

    @Test func aFalseClaimExitsOneWithItsLocation() throws {
        let vault = try TemporaryVault(["熵.md": Self.goodNote, "KL.md": Self.klNote, "bad.md": Self.badNote])
        let outcome = try QEDProcess.run(["check", "."], in: vault.root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("bad.md:7:"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("check H([0.5, 0.5]) ≈ 0.5"))
        // The other notes are still checked and counted.
        #expect(outcome.stdout.contains("3 notes"))
    }

    @Test func unresolvedLinksWarnAndStrictFails() throws {
        let vault = try TemporaryVault(["熵.md": Self.goodNote])
        let lenient = try QEDProcess.run(["check", vault.root.path])
        #expect(lenient.status == 0, "\(lenient.stdout)")
        #expect(lenient.stdout.contains("熵.md:16:"), "\(lenient.stdout)")
        #expect(lenient.stdout.contains("warning"))
        let strict = try QEDProcess.run(["check", "--strict", vault.root.path])
        #expect(strict.status == 1)
        let quiet = try QEDProcess.run(["check", "--quiet", vault.root.path])
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("warning:"))
        #expect(quiet.stdout.contains("1 warning"))
    }

    @Test func jsonReportFollowsTheSchema() throws {
        let vault = try TemporaryVault(["熵.md": Self.goodNote, "bad.md": Self.badNote])
        let outcome = try QEDProcess.run(["check", "--format", "json", vault.root.path])
        #expect(outcome.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let summary = try #require(object?["summary"] as? [String: Any])
        let claims = try #require(summary["claims"] as? [String: Any])
        #expect(claims["passed"] as? Int == 2)
        #expect(claims["failed"] as? Int == 1)
        #expect(summary["notes"] as? Int == 2)
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        let failure = try #require(diagnostics.first { $0["code"] as? String == "claim-failed" })
        #expect((failure["file"] as? String)?.hasSuffix("bad.md") == true)
        #expect(failure["line"] as? Int == 7)
        #expect(failure["column"] as? Int != nil)
        #expect(failure["severity"] as? String == "error")
        let notes = try #require(object?["notes"] as? [[String: Any]])
        #expect(notes.map { $0["status"] as? String } == ["failed", "verified"])
    }

    @Test func junitReportIsValidXMLWithOneCasePerClaim() throws {
        let vault = try TemporaryVault(["熵.md": Self.goodNote, "bad.md": Self.badNote])
        let outcome = try QEDProcess.run(["check", "--format", "junit", vault.root.path])
        #expect(outcome.status == 1)
        let counter = TestCaseCounter()
        let parser = XMLParser(data: Data(outcome.stdout.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "invalid XML: \(outcome.stdout)")
        #expect(counter.testCases == 3)
        #expect(counter.failures == 1)
    }

    @Test func githubAnnotationsNameFileLineAndColumn() throws {
        let vault = try TemporaryVault(["bad.md": Self.badNote])
        let outcome = try QEDProcess.run(["check", "--format", "github", "."], in: vault.root)
        #expect(outcome.status == 1)
        let line = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("::error ") })
        #expect(line.contains("file=bad.md,line=7,col="), "\(line)")
    }

    @Test func usageAndIOErrorsExitTwo() throws {
        let missing = try QEDProcess.run(["check", "/nonexistent/vault/qed"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/vault/qed"))
        let badFlag = try QEDProcess.run(["check", "--format", "yaml"])
        #expect(badFlag.status == 2)
    }

    @Test func aNoteOutsideTheVaultIsALocatedError() throws {
        let vault = try TemporaryVault(["v/qed.yml": "title: T\n", "v/熵.md": Self.goodNote, "elsewhere/x.md": "# x\n"])
        let outcome = try QEDProcess.run(["check", "v/熵.md", "elsewhere/x.md"], in: vault.root)
        #expect(outcome.status == 2 || outcome.status == 1)
        #expect((outcome.stdout + outcome.stderr).contains("x.md"))
    }
}

private final class TestCaseCounter: NSObject, XMLParserDelegate {
    var testCases = 0
    var failures = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "testcase" { testCases += 1 }
        if name == "failure" { failures += 1 }
    }
}
