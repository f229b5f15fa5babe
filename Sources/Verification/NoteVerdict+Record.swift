import Cells
import Diagnostics
import Formulas
import Storage

// A verdict as a binary record, for `VerdictCache`. `VerdictRecordTests` round-trips the
// verdicts of real vaults: a field added to NoteVerdict and forgotten here fails it.

extension NoteVerdict {
    /// Bumped whenever the record layout or the meaning of a field changes.
    static let recordFormat = 1

    func write(to w: inout RecordWriter) {
        w.write(path)
        w.write(title)
        w.write(cellCount)
        w.write(claims) { w, claim in
            claim.location.write(to: &w)
            w.write(claim.source)
            w.write(claim.passed)
            w.write(claim.failure)
            w.write(claim.counterexample)
        }
        w.write(notRunClaims) { w, claim in
            claim.location.write(to: &w)
            w.write(claim.source)
            w.write(claim.isProperty)
            claim.reason.write(to: &w)
        }
        w.write(formulas) { w, formula in
            w.write(formula.mathIndex)
            w.write(formula.tex)
            formula.location.write(to: &w)
            w.write(formula.status.rawValue)
            w.write(formula.reason)
            w.write(formula.counterexample)
            w.write(formula.cases)
        }
        w.write(diagnostics) { w, diagnostic in diagnostic.write(to: &w) }
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        let path = try r.string()
        let title = try r.string()
        let cellCount = try r.int()
        let claims = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            ClaimVerdict(location: try SourceLocation(record: &r), source: try r.string(), passed: try r.bool(),
                         failure: try r.optionalString(), counterexample: try r.optionalString())
        }
        let notRun = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            UnrunClaim(location: try SourceLocation(record: &r), source: try r.string(), isProperty: try r.bool(),
                       reason: try NotRunReason(record: &r))
        }
        let formulas = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            FormulaClaim(mathIndex: try r.int(), tex: try r.string(), location: try SourceLocation(record: &r),
                         status: try Self.formulaStatus(&r), reason: try r.string(),
                         counterexample: try r.optionalString(), cases: try r.int())
        }
        let diagnostics = try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) }
        self.init(path: path, title: title, cellCount: cellCount, claims: claims, notRunClaims: notRun,
                  formulas: formulas, diagnostics: diagnostics)
    }

    /// A status this version does not know means a record from another version: corrupt here.
    private static func formulaStatus(_ r: inout RecordReader) throws(CorruptRecord) -> FormulaStatus {
        let start = r.offset
        guard let status = FormulaStatus(rawValue: try r.string()) else { throw CorruptRecord(offset: start) }
        return status
    }

    /// Reads a verdict from the bytes of one cache record; nil when they are not a whole,
    /// valid record. Total on any bytes (the fuzz target `verdict-record` feeds it random ones).
    public static func fromRecord(_ bytes: [UInt8]) -> NoteVerdict? {
        var reader = RecordReader(bytes)
        return fromRecord(&reader)
    }

    /// Reads a verdict that fills `reader` to its end; nil when it does not read back whole.
    static func fromRecord(_ reader: inout RecordReader) -> NoteVerdict? {
        guard let verdict = try? NoteVerdict(record: &reader), reader.isAtEnd else { return nil }
        return verdict
    }

    /// The verdict as one cache record (what `fromRecord` reads).
    public var record: [UInt8] {
        var writer = RecordWriter(capacity: 512)
        write(to: &writer)
        return writer.bytes
    }
}

extension NotRunReason {
    func write(to w: inout RecordWriter) {
        switch self {
        case .stoppedAtError(let line):
            w.write(0)
            w.write(line)
        case .syntaxError: w.write(1)
        case .skipped: w.write(2)
        }
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        let start = r.offset
        switch try r.int() {
        case 0: self = .stoppedAtError(line: try r.int())
        case 1: self = .syntaxError
        case 2: self = .skipped
        default: throw CorruptRecord(offset: start)
        }
    }
}
