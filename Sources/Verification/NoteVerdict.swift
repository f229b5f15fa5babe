import Cells
import Diagnostics
import Formulas

/// What reports need of one verified note, and nothing more: its path, title, status,
/// counts, claims and diagnostics.
///
/// A `VerifiedNote` also holds every cell's outputs and every formula's MathML, which pages
/// show and reports never do. A verdict is small enough to keep between runs
/// (`VerdictCache`), so `qed check` can report an unchanged note without running it again;
/// a report made from stored verdicts is byte for byte the report made from fresh ones.
public struct NoteVerdict: Sendable, Hashable {
    /// The note's vault-relative path.
    public var path: String
    public var title: String
    /// The note's ```` ```qed ```` cells, run or skipped.
    public var cellCount: Int
    /// Every claim of every cell that ran, in source order.
    public var claims: [ClaimVerdict]
    /// Every claim the note contains that never ran, in source order.
    public var notRunClaims: [UnrunClaim]
    /// The note's formulas read as claims.
    public var formulas: [FormulaClaim]
    /// The reader's diagnostics and the verifier's, in report order (after `--strict`).
    public var diagnostics: [Diagnostic]

    public init(path: String, title: String, cellCount: Int, claims: [ClaimVerdict], notRunClaims: [UnrunClaim],
                formulas: [FormulaClaim], diagnostics: [Diagnostic]) {
        self.path = path
        self.title = title
        self.cellCount = cellCount
        self.claims = claims
        self.notRunClaims = notRunClaims
        self.formulas = formulas
        self.diagnostics = diagnostics
    }

    /// The verdict of a note verified just now.
    public init(_ verified: VerifiedNote) {
        self.init(path: verified.note.path, title: verified.note.title, cellCount: verified.note.cells.count,
                  claims: verified.claims.map(ClaimVerdict.init), notRunClaims: verified.notRunClaims,
                  formulas: verified.formulas, diagnostics: verified.diagnostics)
    }

    public var passedClaims: Int { claims.count { $0.passed } }
    public var failedClaims: Int { claims.count { !$0.passed } }

    /// `verified` only when every claim the note contains ran and held.
    public var status: VerificationStatus {
        VerificationStatus(diagnostics: diagnostics, claims: claims.count, notRun: notRunClaims.count, formulas: formulas)
    }
}

/// A `check` or `forall` that ran, as reports show it.
public struct ClaimVerdict: Sendable, Hashable {
    /// Where the claim starts in the file.
    public var location: SourceLocation
    /// The claim's text as written.
    public var source: String
    public var passed: Bool
    /// For a failed claim: why, with the sides, their difference and the tolerance
    /// (`ClaimResult.message`); nil for a claim that held, whose message no report prints.
    public var failure: String?
    /// For a failed `forall`: the bindings that break it.
    public var counterexample: String?

    public init(location: SourceLocation, source: String, passed: Bool, failure: String? = nil, counterexample: String? = nil) {
        self.location = location
        self.source = source
        self.passed = passed
        self.failure = failure
        self.counterexample = counterexample
    }

    /// The verdict of a claim that ran; a passed claim's message is not rendered.
    public init(_ claim: ClaimResult) {
        self.init(location: claim.location, source: claim.source, passed: claim.passed,
                  failure: claim.passed ? nil : claim.message, counterexample: claim.passed ? nil : claim.counterexample)
    }

    /// The failure as the diagnostic the note's report lists (`ClaimResult.diagnostic`).
    public var diagnostic: Diagnostic? {
        guard !passed else { return nil }
        return Diagnostic.error(.claimFailed, failure ?? "", at: location, length: max(1, source.unicodeScalars.count))
            .with(detail: counterexample.map { "counterexample: \($0)" })
    }
}

extension VerificationStatus {
    /// The status rule, shared by fresh notes and stored verdicts: failed on any error;
    /// unverified when a claim did not run, or when nothing was checked at all.
    init(diagnostics: [Diagnostic], claims: Int, notRun: Int, formulas: [FormulaClaim]) {
        if diagnostics.hasErrors {
            self = .failed
        } else if notRun > 0 {
            self = .unverified
        } else {
            self = claims == 0 && !formulas.contains { $0.status == .verified } ? .unverified : .verified
        }
    }
}
