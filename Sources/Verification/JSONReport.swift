import Diagnostics
import Foundation

/// The `--format json` document. Field names are part of QED's interface: add, never rename.
struct JSONReport: Encodable {
    struct Claims: Encodable {
        let passed: Int
        let failed: Int
        /// Claims the note contains that never ran: a note with any is never `verified`.
        let notRun: Int
        enum CodingKeys: String, CodingKey { case passed, failed, notRun = "not_run" }
    }
    struct NoteEntry: Encodable {
        let path: String
        let title: String
        let status: String
        let claims: Claims
        let cells: Int
        let formulaClaims: [FormulaEntry]

        enum CodingKeys: String, CodingKey {
            case path, title, status, claims, cells
            case formulaClaims = "formula_claims"
        }
    }
    /// One formula read as a claim; `counterexample` is null unless there is one.
    struct FormulaEntry: Encodable {
        let line: Int
        let column: Int
        let tex: String
        let status: String
        let reason: String
        let counterexample: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(tex, forKey: .tex)
            try c.encode(status, forKey: .status)
            try c.encode(reason, forKey: .reason)
            try c.encode(counterexample, forKey: .counterexample)
        }

        enum CodingKeys: String, CodingKey { case line, column, tex, status, reason, counterexample }
    }
    struct FormulaCountsEntry: Encodable { let verified: Int; let failed: Int; let unchecked: Int }
    struct Entry: Encodable {
        let file: String?
        let line: Int?
        let column: Int?
        let severity: String
        let code: String
        let message: String
        let hint: String?
        /// Facts beyond the message, such as a property's counterexample.
        let detail: String?
    }
    struct Summary: Encodable {
        let notes: Int
        let claims: Claims
        let formulas: FormulaCountsEntry
        let errors: Int
        let warnings: Int
        let ok: Bool
    }
    let version = 1
    let summary: Summary
    let notes: [NoteEntry]
    let diagnostics: [Entry]
}

extension ReportWriter {
    func json(_ report: VerificationReport) -> String {
        let document = JSONReport(
            summary: .init(
                notes: report.notes.count,
                claims: .init(passed: report.passedClaims, failed: report.failedClaims, notRun: report.notRunClaims),
                formulas: .init(verified: report.formulaCounts.verified, failed: report.formulaCounts.failed,
                                unchecked: report.formulaCounts.unchecked),
                errors: report.errorCount, warnings: report.warningCount, ok: report.succeeded),
            notes: report.notes.map { verified in
                .init(path: pathPrefix + verified.path, title: verified.title,
                      status: verified.status.rawValue,
                      claims: .init(passed: verified.passedClaims, failed: verified.failedClaims,
                                    notRun: verified.notRunClaims.count),
                      cells: verified.cellCount,
                      formulaClaims: verified.formulas.map { f in
                          .init(line: f.location.line, column: f.location.column, tex: f.tex, status: f.status.rawValue,
                                reason: f.reason, counterexample: f.counterexample)
                      })
            },
            diagnostics: report.diagnostics.map(displayed).map { d in
                .init(file: d.location?.file, line: d.location?.line, column: d.location?.column,
                      severity: d.severity.rawValue, code: d.code.rawValue, message: d.message, hint: d.hint,
                      detail: d.detail)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
