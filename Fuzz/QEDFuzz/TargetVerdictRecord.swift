import Verification

/// Feeds arbitrary bytes to the reader of the verdict cache's records (a damaged or
/// hand-edited `.qed-cache/verdicts.bin` must be refused, never trap), and checks that a
/// record that reads back writes the same verdict again.
func fuzzVerdictRecord(_ bytes: [UInt8]) {
    guard let verdict = NoteVerdict.fromRecord(bytes) else { return }
    if NoteVerdict.fromRecord(verdict.record) != verdict { fatalError("a verdict record does not round-trip") }
    // What reports compute from a verdict must not trap on any values a record can hold.
    _ = (verdict.status, verdict.passedClaims, verdict.failedClaims, verdict.claims.map(\.diagnostic))
}
