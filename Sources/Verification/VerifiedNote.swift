import Cells
import Diagnostics
import Formulas
import Notes
import TeXMath

/// Everything QED computed from one note: its cells run, its inline values evaluated,
/// its links resolved and its math converted, with every problem found on the way.
///
/// Arrays run parallel to the note's own: `cells[i]` belongs to `note.cells[i]`,
/// `links[i]` to `note.links[i]`, and so on, so pages can be filled hole by hole.
public struct VerifiedNote: Sendable {
    public let note: Note
    public let cells: [CellRun]
    public let inlineValues: [InlineResult]
    public let links: [LinkResolution]
    public let math: [MathConversion]
    /// The reader's diagnostics and ours, in report order.
    public let diagnostics: [Diagnostic]
    /// The note's formulas read as claims, parallel to `math` (empty when formula claims are off).
    public var formulas: [FormulaClaim] = []

    /// Every claim of every cell that ran, in source order.
    public var claims: [ClaimResult] { cells.flatMap { $0.result?.claims ?? [] } }
    public var passedClaims: Int { claims.count { $0.passed } }
    public var failedClaims: Int { claims.count { !$0.passed } }
    /// Every claim the note contains that never ran (after an error, in a cell that did not
    /// parse, or in a `skip` cell), in source order.
    public var notRunClaims: [UnrunClaim] { cells.flatMap(\.notRun) }

    /// `verified` only when every claim the note contains ran and held.
    public var status: VerificationStatus {
        VerificationStatus(diagnostics: diagnostics, claims: claims.count, notRun: notRunClaims.count, formulas: formulas)
    }
}

/// A note's verdict, as the home page and reports show it.
public enum VerificationStatus: String, Sendable, Codable {
    /// Every claim holds and nothing is broken.
    case verified
    /// A claim failed, a cell errored or a link is broken (with `--strict`, any warning).
    case failed
    /// Nothing is broken, but the note makes no checked claim, or some of its claims did not run.
    case unverified
}

/// One cell and what running it gave; `result` is nil for a `skip` cell.
public struct CellRun: Sendable {
    public let cell: Cell
    public let result: CellResult?
    /// For an `expect-error` cell: the errors it raised, which count as its success.
    public let expectedErrors: [Diagnostic]
    /// The cell's claims that never ran: after an error, in a cell that did not parse, or all
    /// of a `skip` cell's.
    public let notRun: [UnrunClaim]

    public var skipped: Bool { result == nil }

    /// - Parameter notRun: the claims that did not run; by default those `result` lists.
    public init(cell: Cell, result: CellResult?, expectedErrors: [Diagnostic], notRun: [UnrunClaim]? = nil) {
        self.cell = cell
        self.result = result
        self.expectedErrors = expectedErrors
        self.notRun = notRun ?? result?.notRun ?? []
    }
}
