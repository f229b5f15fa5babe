import Diagnostics
import Foundation
import Storage
import Verification

// The manifest as a binary record: JSON decoding of a 2,000-note manifest was a tenth of a
// one-note rebuild. `BuildCacheRecordTests` round-trips summaries made by real builds, so a
// field added to NoteSummary and forgotten here fails it.

extension BuildManifest {
    private static let magic = "QED build manifest"

    func write(to w: inout RecordWriter) {
        w.write(BuildManifest.magic)
        w.write(format)
        w.write(inputs)
        w.write(vaultDiagnostics) { w, diagnostic in diagnostic.write(to: &w) }
        let notePaths = notes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.write(notePaths) { w, path in
            let entry = notes[path]!
            w.write(path)
            w.write(entry.verificationKey)
            entry.summary.write(to: &w)
        }
        let pagePaths = pages.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.write(pagePaths) { w, path in
            w.write(path)
            w.write(pages[path]!)
        }
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        guard try r.string() == BuildManifest.magic, try r.int() == BuildManifest.format else {
            throw CorruptRecord(offset: r.offset)
        }
        self.init()
        inputs = try r.string()
        vaultDiagnostics = try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) }
        let noteEntries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            (try r.string(), CachedNote(verificationKey: try r.string(), summary: try NoteSummary(record: &r)))
        }
        notes = Dictionary(noteEntries, uniquingKeysWith: { _, last in last })
        let pageEntries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in (try r.string(), try r.string()) }
        pages = Dictionary(pageEntries, uniquingKeysWith: { _, last in last })
    }
}

extension NoteSummary {
    func write(to w: inout RecordWriter) {
        for text in [id, path, page, title, brief, type, domain, created, updated] { w.write(text) }
        w.write(tags)
        w.write(linksTo)
        w.write(status.rawValue)
        for count in [claims, failedClaims, notRunClaims, verifiedFormulas, failedFormulas] { w.write(count) }
        w.write(diagnostics) { w, diagnostic in diagnostic.write(to: &w) }
        w.write(text)
        w.write(headings)
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init(id: try r.string(), path: try r.string(), page: try r.string(), title: try r.string(),
                  brief: try r.string(), type: try r.string(), domain: try r.string(), created: try r.string(),
                  updated: try r.string(), tags: try r.strings(), linksTo: try r.strings(), status: try Self.status(&r),
                  claims: try r.int(), failedClaims: try r.int(), notRunClaims: try r.int(),
                  verifiedFormulas: try r.int(), failedFormulas: try r.int(),
                  diagnostics: try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) },
                  text: try r.string(), headings: try r.strings())
    }

    /// A status this version does not know means a manifest from another version: corrupt here.
    private static func status(_ r: inout RecordReader) throws(CorruptRecord) -> VerificationStatus {
        let start = r.offset
        guard let status = VerificationStatus(rawValue: try r.string()) else { throw CorruptRecord(offset: start) }
        return status
    }
}

extension NoteFills {
    /// The fills as a record, for the cache file of the note's verification key.
    var record: Data {
        var w = RecordWriter(capacity: 4096)
        w.write("QED fills 1")
        w.write(math)
        w.write(cells)
        w.write(inlineValues)
        return Data(w.bytes)
    }

    /// The fills cached in `file`, or nil when it is missing or does not read back cleanly.
    static func read(_ file: String) -> NoteFills? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        var r = RecordReader([UInt8](data))
        guard (try? r.string()) == "QED fills 1", let math = try? r.strings(), let cells = try? r.strings(),
              let inlineValues = try? r.strings(), r.isAtEnd else { return nil }
        return NoteFills(math: math, cells: cells, inlineValues: inlineValues)
    }
}
