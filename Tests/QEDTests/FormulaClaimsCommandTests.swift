import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Formula claims end to end: the seed note, unchanged, and a note with false formulas.
@Suite struct FormulaClaimsCommandTests {
    /// The first user's real note, byte for byte (`Fixtures/信息论.md`).
    static let seedNote: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/信息论.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static let wrongNote = """
        ---
        title: wrong
        ---
        # Wrong

        A slip: $H(X|Y) = H(X) - H(Y)$ and a true one $H(X) \\ge 0$.

        $$D_{KL}(P\\|Q) = \\sum_x Q(x)\\log\\frac{Q(x)}{P(x)}$$

        Opted out: $I(X;Y) = H(X)$ %%unchecked%%
        """

    @Test func theSeedNoteHasAtLeastSixFormulasVerifiedAndNoneFailed() throws {
        #expect(Self.seedNote.contains("D_{\\text{KL}}(P \\| Q) \\geq 0"))
        let vault = try TemporaryVault(["信息论.md": Self.seedNote])
        let text = try QEDProcess.run(["check", vault.root.path])
        #expect(text.status == 0, "\(text.stdout)")
        #expect(!text.stdout.contains("formula-failed"))
        let match = try #require(text.stdout.firstMatch(of: /(\d+) formulas verified/), "\(text.stdout)")
        #expect(Int(match.1) ?? 0 >= 6, "\(text.stdout)")

        let json = try QEDProcess.run(["check", "--format", "json", vault.root.path])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let summary = try #require(object?["summary"] as? [String: Any])
        let formulas = try #require(summary["formulas"] as? [String: Int])
        #expect(formulas["verified"] ?? 0 >= 6)
        #expect(formulas["failed"] == 0)
        #expect(formulas["unchecked"] ?? 0 > 0)
        let note = try #require((object?["notes"] as? [[String: Any]])?.first)
        let claims = try #require(note["formula_claims"] as? [[String: Any]])
        #expect(claims.count == formulas.values.reduce(0, +))
        let gibbs = try #require(claims.first { ($0["tex"] as? String) == #"D_{\text{KL}}(P \| Q) \geq 0"# })
        #expect(gibbs["status"] as? String == "verified")
        #expect(gibbs["line"] as? Int == 64)
        #expect(gibbs["column"] as? Int == 4)
        #expect(gibbs.keys.contains("counterexample"))
        let iff = try #require(claims.first { ($0["tex"] as? String) == #"D_{\text{KL}}(P \| Q) = 0"# })
        #expect(iff["status"] as? String == "verified", "\(iff)")
        for claim in claims where claim["status"] as? String == "unchecked" {
            #expect(!((claim["reason"] as? String) ?? "").isEmpty)
        }
    }

    @Test func aFalseFormulaIsALocatedErrorThatFailsTheCheck() throws {
        let vault = try TemporaryVault(["wrong.md": Self.wrongNote])
        let text = try QEDProcess.run(["check", vault.root.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("wrong.md:6:10: error"), "\(text.stdout)")
        #expect(text.stdout.contains("wrong.md:8:3: error"), "\(text.stdout)")
        #expect(text.stdout.contains("counterexample"))
        #expect(text.stdout.contains("1 formula verified, 2 formulas failed"), "\(text.stdout)")

        let github = try QEDProcess.run(["check", "--format", "github", "."], in: vault.root)
        let errors = github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 2)
        #expect(errors.contains { $0.contains("file=wrong.md,line=6,col=10") && $0.contains("title=qed formula-failed") }, "\(github.stdout)")

        let junit = try QEDProcess.run(["check", "--format", "junit", vault.root.path])
        #expect(junit.stdout.contains("type=\"formula-failed\""))
        let parser = XMLParser(data: Data(junit.stdout.utf8))
        #expect(parser.parse(), "invalid XML: \(junit.stdout)")
        #expect(junit.stdout.contains("tests=\"3\" failures=\"2\""), "\(junit.stdout)")

        let json = try QEDProcess.run(["check", "--format", "json", vault.root.path])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        let failure = try #require(diagnostics.first { $0["code"] as? String == "formula-failed" })
        #expect(failure["line"] as? Int == 6)
        #expect(failure["column"] as? Int == 10)
        let note = try #require((object?["notes"] as? [[String: Any]])?.first)
        let claims = try #require(note["formula_claims"] as? [[String: Any]])
        let failed = claims.filter { $0["status"] as? String == "failed" }
        #expect(failed.count == 2)
        #expect(failed.allSatisfy { ($0["counterexample"] as? String)?.isEmpty == false })
        let optedOut = try #require(claims.first { ($0["tex"] as? String) == "I(X;Y) = H(X)" })
        #expect(optedOut["status"] as? String == "unchecked")
    }

    @Test func formulasFalseTurnsItOffForTheVaultOrOneNote() throws {
        let vault = try TemporaryVault(["qed.yml": "formulas: false\n", "wrong.md": Self.wrongNote])
        let off = try QEDProcess.run(["check", vault.root.path])
        #expect(off.status == 0, "\(off.stdout)")
        #expect(!off.stdout.contains("formula"))

        let perNote = Self.wrongNote.replacingOccurrences(of: "title: wrong\n", with: "title: wrong\nqed: {formulas: false}\n")
        let noteVault = try TemporaryVault(["wrong.md": perNote, "seed.md": Self.seedNote])
        let outcome = try QEDProcess.run(["check", noteVault.root.path])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("formulas verified"))
    }

    @Test func runListsEveryFormulaWithItsStatusAndReason() throws {
        let vault = try TemporaryVault(["wrong.md": Self.wrongNote])
        let outcome = try QEDProcess.run(["run", vault.path("wrong.md")])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("✗ failed"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("✓ verified"))
        #expect(outcome.stdout.contains("· unchecked: opted out with %%unchecked%%"))
        #expect(outcome.stdout.contains("counterexample: P(X, Y) = [["))
    }

    @Test func pagesMarkVerifiedAndFailedFormulas() throws {
        let vault = try TemporaryVault(["wrong.md": Self.wrongNote, "seed.md": Self.seedNote])
        let output = vault.root.appendingPathComponent("site")
        _ = try QEDProcess.run(["build", vault.root.path, "-o", output.path, "--keep-going"])
        let page = try String(contentsOf: output.appendingPathComponent("wrong.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"formula-mark formula-verified\" title=\"verified over 100 random distributions\">✓</span>"))
        #expect(page.contains("formula-failed"))
        #expect(page.contains("counterexample: P = ["))
        let seed = try String(contentsOf: output.appendingPathComponent("seed.html"), encoding: .utf8)
        #expect(seed.components(separatedBy: "formula-verified").count - 1 >= 6)
        #expect(!seed.contains("formula-failed"))
    }
}
