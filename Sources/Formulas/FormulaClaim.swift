import Diagnostics

/// What checking one formula gave.
public enum FormulaStatus: String, Sendable, Hashable, Codable {
    /// The relation held on every random case (for `≠`: the sides differed on some case).
    case verified
    /// The translation is certain and a case breaks it.
    case failed
    /// Not a claim QED can read with certainty; never a failure.
    case unchecked
}

/// One formula of a note read as a claim.
public struct FormulaClaim: Sendable, Hashable {
    /// Index into the note's math spans.
    public var mathIndex: Int
    /// The TeX as written.
    public var tex: String
    /// Where the TeX starts in the file.
    public var location: SourceLocation
    public var status: FormulaStatus
    /// Why it is unchecked, what failed, or what was verified.
    public var reason: String
    /// The shrunk failing case (failed), or the case where the sides differ (a verified `≠`).
    public var counterexample: String?
    /// Random cases run (0 when unchecked).
    public var cases: Int

    public init(mathIndex: Int, tex: String, location: SourceLocation, status: FormulaStatus, reason: String,
                counterexample: String? = nil, cases: Int = 0) {
        self.mathIndex = mathIndex
        self.tex = tex
        self.location = location
        self.status = status
        self.reason = reason
        self.counterexample = counterexample
        self.cases = cases
    }
}

/// Counts of a set of formula claims.
public struct FormulaCounts: Sendable, Hashable {
    public var verified = 0
    public var failed = 0
    public var unchecked = 0

    public init(_ claims: [FormulaClaim] = []) {
        for claim in claims { add(claim.status) }
    }

    public mutating func add(_ status: FormulaStatus) {
        switch status {
        case .verified: verified += 1
        case .failed: failed += 1
        case .unchecked: unchecked += 1
        }
    }

    public static func + (a: FormulaCounts, b: FormulaCounts) -> FormulaCounts {
        var c = a
        c.verified += b.verified
        c.failed += b.failed
        c.unchecked += b.unchecked
        return c
    }
}
