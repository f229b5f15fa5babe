import Testing
import Diagnostics
import Storage

/// Diagnostics in cache records: every code reads back as written, and a code this version
/// does not know (a cache written by another version) is a corrupt record, never a guess.
@Suite struct DiagnosticRecordTests {
    @Test func everyCodeReadsBackAsWritten() throws {
        for code in DiagnosticCode.allCases {
            let d = Diagnostic.warning(code, "m", at: SourceLocation(file: "n.md", line: 3, column: 4), length: 2, hint: "h")
                .with(detail: "P = [0.5, 0.5]")
            var w = RecordWriter()
            d.write(to: &w)
            var r = RecordReader(w.bytes)
            #expect(try Diagnostic(record: &r) == d)
            #expect(r.isAtEnd)
        }
    }

    @Test func anUnknownCodeIsACorruptRecord() {
        let d = Diagnostic.error(.claimFailed, "claim does not hold", at: nil)
        var w = RecordWriter()
        d.write(to: &w)
        // Same length, so only the code's text changes: "claim-failed" → "claim-failex".
        let bytes = Self.replacing(Array("claim-failed".utf8), with: Array("claim-failex".utf8), in: w.bytes)
        #expect(bytes != w.bytes)
        var severityOnly = RecordWriter()
        severityOnly.write("error")
        var r = RecordReader(bytes)
        #expect(throws: CorruptRecord(offset: severityOnly.bytes.count)) { _ = try Diagnostic(record: &r) }
    }

    static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let start = (0...(bytes.count - old.count)).first(where: { Array(bytes[$0..<$0 + old.count]) == old }) else {
            return bytes
        }
        return Array(bytes[..<start]) + new + Array(bytes[(start + old.count)...])
    }
}
