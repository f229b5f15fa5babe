import Diagnostics
import Markup

extension ReportWriter {
    /// One `<testsuite>` per note; one `<testcase>` per claim, plus one named "note" for a
    /// note whose errors are not claims (a broken link, a cell that raised an error…). Files
    /// that never became notes (unreadable, binary, outside the vault) get a suite of their own,
    /// so a CI dashboard shows every failure `qed check` exits 1 for.
    func junit(_ report: VerificationReport) -> String {
        var suites: [(name: String, tests: Int, failures: Int, cases: String)] = []
        for verified in report.notes {
            let path = pathPrefix + verified.path
            var cases = ""
            var failures = 0
            for claim in verified.claims {
                let name = "\(claim.location.line):\(claim.location.column) \(claim.source)"
                cases += "    <testcase classname=\"\(HTML.escape(path))\" name=\"\(HTML.escape(name))\""
                if let diagnostic = claim.diagnostic {
                    failures += 1
                    let message = diagnostic.message + (diagnostic.detail.map { "; \($0)" } ?? "")
                    cases += ">\n      <failure message=\"\(HTML.escape(message))\" type=\"claim-failed\">"
                        + "\(HTML.escape(path)):\(claim.location.line):\(claim.location.column): \(HTML.escape(message))</failure>\n    </testcase>\n"
                } else {
                    cases += "/>\n"
                }
            }
            // A claim that never ran is a skipped test, not a passed one.
            for claim in verified.notRunClaims {
                let name = "\(claim.location.line):\(claim.location.column) \(claim.source)"
                cases += "    <testcase classname=\"\(HTML.escape(path))\" name=\"\(HTML.escape(name))\">"
                    + "<skipped message=\"\(HTML.escape(claim.reason.explanation))\"/></testcase>\n"
            }
            // Formulas that were checked are test cases too; unchecked ones are not tests.
            var formulaCases = 0
            for formula in verified.formulas where formula.status != .unchecked {
                formulaCases += 1
                let name = "\(formula.location.line):\(formula.location.column) formula $\(formula.tex)$"
                cases += "    <testcase classname=\"\(HTML.escape(path))\" name=\"\(HTML.escape(name))\""
                if formula.status == .verified {
                    cases += "/>\n"
                } else {
                    failures += 1
                    let message = formula.reason + (formula.counterexample.map { "; counterexample: \($0)" } ?? "")
                    cases += ">\n      <failure message=\"\(HTML.escape(message))\" type=\"formula-failed\">"
                        + "\(HTML.escape(path)):\(formula.location.line):\(formula.location.column): \(HTML.escape(message))</failure>\n    </testcase>\n"
                }
            }
            let otherErrors = verified.diagnostics.filter {
                $0.severity == .error && !$0.code.isClaimOutcome
            }
            if !otherErrors.isEmpty {
                failures += 1
                cases += errorCase(classname: path, name: "note", errors: otherErrors)
            }
            suites.append((path, verified.claims.count + verified.notRunClaims.count + formulaCases + (otherErrors.isEmpty ? 0 : 1),
                           failures, cases))
        }
        let vaultErrors = report.vaultDiagnostics.filter { $0.severity == .error }
        for file in Set(vaultErrors.map { $0.location?.file ?? "" }).sorted() {
            let path = file.isEmpty ? "vault" : pathPrefix + file
            let errors = vaultErrors.filter { ($0.location?.file ?? "") == file }
            suites.append((path, 1, 1, errorCase(classname: path, name: "file", errors: errors)))
        }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"qed\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(HTML.escape(suite.name))\" tests=\"\(suite.tests)\" failures=\"\(suite.failures)\" errors=\"0\">\n"
                + suite.cases + "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private func errorCase(classname: String, name: String, errors: [Diagnostic]) -> String {
        let body = errors.map { HTML.escape(displayed($0).description) }.joined(separator: "\n")
        return "    <testcase classname=\"\(HTML.escape(classname))\" name=\"\(name)\">\n"
            + "      <failure message=\"\(errors.count) error(s)\" type=\"\(HTML.escape(errors[0].code.rawValue))\">\(body)</failure>\n    </testcase>\n"
    }
}
