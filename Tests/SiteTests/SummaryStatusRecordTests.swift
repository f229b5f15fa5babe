import Diagnostics
import Storage
import Testing
import Verification
@testable import Site

/// A note's status in the build manifest is one of `VerificationStatus`'s names; any other
/// text (a manifest from another version) makes the record corrupt, so the build ignores it.
@Suite struct SummaryStatusRecordTests {
    static func summary(_ status: VerificationStatus) -> NoteSummary {
        NoteSummary(id: "n", path: "n.md", page: "n.html", title: "N", brief: "", type: "", domain: "",
                    created: "", updated: "", tags: [], linksTo: [], status: status, claims: 1, failedClaims: 0,
                    diagnostics: [], text: "", headings: [])
    }

    @Test func everyStatusReadsBackAsWritten() throws {
        for status in [VerificationStatus.verified, .failed, .unverified] {
            var w = RecordWriter()
            Self.summary(status).write(to: &w)
            var r = RecordReader(w.bytes)
            #expect(try NoteSummary(record: &r) == Self.summary(status))
            #expect(r.isAtEnd)
        }
    }

    @Test func anUnknownStatusIsACorruptRecord() {
        var w = RecordWriter()
        Self.summary(.verified).write(to: &w)
        let old = Array("verified".utf8), new = Array("verifies".utf8)
        let at = (0...(w.bytes.count - old.count)).filter { Array(w.bytes[$0..<$0 + old.count]) == old }
        #expect(at.count == 1, "the sample holds the status text once")
        guard let start = at.first else { return }
        let bytes = Array(w.bytes[..<start]) + new + Array(w.bytes[(start + old.count)...])
        var r = RecordReader(bytes)
        // The status's string starts one length byte before its text.
        #expect(throws: CorruptRecord(offset: start - 1)) { _ = try NoteSummary(record: &r) }
    }
}
