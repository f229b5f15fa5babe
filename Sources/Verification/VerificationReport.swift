import Diagnostics
import Formulas

/// The outcome of verifying a vault: per-note verdicts and every diagnostic, in report order.
///
/// Made of `NoteVerdict`s rather than whole verified notes, so the verdicts of unchanged
/// notes can come from `VerdictCache` and the report still reads the same.
public struct VerificationReport: Sendable {
    public let notes: [NoteVerdict]
    /// Problems that belong to no single note's content (unreadable files, a bad `qed.yml`…).
    public let vaultDiagnostics: [Diagnostic]

    public init(verdicts: [NoteVerdict], vaultDiagnostics: [Diagnostic], strict: Bool) {
        self.notes = verdicts
        self.vaultDiagnostics = (strict ? vaultDiagnostics.map { $0.promotingWarnings() } : vaultDiagnostics)
            .sortedForReport()
    }

    public init(notes: [VerifiedNote], vaultDiagnostics: [Diagnostic], strict: Bool) {
        self.init(verdicts: notes.map(NoteVerdict.init), vaultDiagnostics: vaultDiagnostics, strict: strict)
    }

    /// Every diagnostic: vault-level first, then each note's, in path order.
    public var diagnostics: [Diagnostic] { vaultDiagnostics + notes.flatMap(\.diagnostics) }

    public var passedClaims: Int { notes.reduce(0) { $0 + $1.passedClaims } }
    public var failedClaims: Int { notes.reduce(0) { $0 + $1.failedClaims } }
    /// Claims the notes contain that never ran (after an error, or in a `skip` cell).
    public var notRunClaims: Int { notes.reduce(0) { $0 + $1.notRunClaims.count } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// Formula claims of every note, by status.
    public var formulaCounts: FormulaCounts { notes.reduce(FormulaCounts()) { $0 + FormulaCounts($1.formulas) } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// 0 when every claim holds and nothing is an error, 1 otherwise.
    public var succeeded: Bool { failedClaims == 0 && errorCount == 0 }

    /// "12 notes, 84 claims verified, 0 failed, 0 errors, 1 warning"; claims that never ran
    /// are counted after the failed ones ("1 failed, 2 not run, …") whenever there are any.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let notRun = notRunClaims > 0 ? "\(notRunClaims) not run, " : ""
        return "\(plural(notes.count, "note")), \(plural(passedClaims, "claim")) verified, "
            + "\(failedClaims) failed, \(formulaSummary)\(notRun)\(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }

    /// "8 formulas verified, " (and how many failed), or nothing when no formula was checked.
    private var formulaSummary: String {
        let counts = formulaCounts
        guard counts.verified + counts.failed > 0 else { return "" }
        let verified = "\(counts.verified) formula\(counts.verified == 1 ? "" : "s") verified, "
        return counts.failed == 0 ? verified : verified + "\(counts.failed) formula\(counts.failed == 1 ? "" : "s") failed, "
    }
}
