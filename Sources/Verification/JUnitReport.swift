import Diagnostics
import Markup

extension ReportWriter {
    /// One `<testsuite>` per note; one `<testcase>` per claim, plus one named "note" for a
    /// note whose errors are not claims (a broken link, a cell that raised an error…).
    func junit(_ report: VerificationReport) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for verified in report.notes {
            let path = pathPrefix + verified.note.path
            var cases = ""
            var tests = 0, failures = 0
            for claim in verified.claims {
                tests += 1
                let name = "\(claim.location.line):\(claim.location.column) \(claim.source)"
                cases += "    <testcase classname=\"\(HTML.escape(path))\" name=\"\(HTML.escape(name))\""
                if claim.passed {
                    cases += "/>\n"
                } else {
                    failures += 1
                    cases += ">\n      <failure message=\"\(HTML.escape(claim.message))\" type=\"claim-failed\">"
                        + "\(HTML.escape(path)):\(claim.location.line):\(claim.location.column): \(HTML.escape(claim.message))</failure>\n    </testcase>\n"
                }
            }
            let otherErrors = verified.diagnostics.filter { $0.severity == .error && $0.code != "claim-failed" }
            if !otherErrors.isEmpty {
                tests += 1
                failures += 1
                let body = otherErrors.map { HTML.escape(displayed($0).description) }.joined(separator: "\n")
                cases += "    <testcase classname=\"\(HTML.escape(path))\" name=\"note\">\n"
                    + "      <failure message=\"\(otherErrors.count) error(s) in the note\" type=\"note-error\">\(body)</failure>\n    </testcase>\n"
            }
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"\(HTML.escape(path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
                + cases + "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"qed\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
            + suites + "</testsuites>\n"
    }
}
