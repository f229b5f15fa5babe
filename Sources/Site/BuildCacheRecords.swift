import Diagnostics
import Foundation
import Storage
import Synchronization
import Verification

// The manifest as a binary record: JSON decoding of a 2,000-note manifest was a tenth of a
// one-note rebuild. `BuildCacheRecordTests` round-trips summaries made by real builds, so a
// field added to NoteSummary and forgotten here fails it.

extension BuildManifest {
    fileprivate static let magic = "QED build manifest"

    /// Writes the manifest; `flush` is offered the writer after each entry, to pass its
    /// bytes on (a 10,000-note manifest is 40 MB, not worth holding twice).
    func write(to w: inout RecordWriter, flush: (inout RecordWriter) -> Void = { _ in }) {
        w.write(BuildManifest.magic)
        w.write(format)
        w.write(inputs)
        outcome.write(to: &w)
        w.write(vaultDiagnostics) { w, diagnostic in diagnostic.write(to: &w) }
        let notePaths = notes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.write(notePaths) { w, path in
            let entry = notes[path]!
            w.write(path)
            w.write(entry.verificationKey)
            entry.summary.write(to: &w)
            flush(&w)
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
        outcome = try Outcome(record: &r)
        vaultDiagnostics = try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) }
        let noteEntries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            (try r.string(), CachedNote(verificationKey: try r.string(), summary: try NoteSummary(record: &r)))
        }
        notes = Dictionary(noteEntries, uniquingKeysWith: { _, last in last })
        let pageEntries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in (try r.string(), try r.string()) }
        pages = Dictionary(pageEntries, uniquingKeysWith: { _, last in last })
    }
}

extension BuildManifest {
    /// The outcome recorded in the manifest of the site in `output` when that site was made
    /// from exactly `inputs`; nil otherwise (or when the manifest does not read back).
    static func outcome(in output: String, ifInputsAre inputs: String) -> Outcome? {
        guard let bytes = readFile(output + "/" + path) else { return nil }
        var r = RecordReader(bytes)
        guard (try? r.string()) == magic, (try? r.int()) == format, (try? r.string()) == inputs else { return nil }
        return try? Outcome(record: &r)
    }
}

extension Outcome {
    func write(to w: inout RecordWriter) {
        for count in [stats.notes, stats.pagesReused + stats.pagesWritten, stats.claims, stats.failedClaims, stats.notRunClaims,
                      stats.verifiedFormulas, stats.failedFormulas, stats.errors, stats.warnings] {
            w.write(count)
        }
        w.write(diagnostics) { w, diagnostic in diagnostic.write(to: &w) }
    }

    /// Pages are read back as reused: a site taken over as it is rewrites none.
    init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init()
        stats.notes = try r.int()
        stats.pagesReused = try r.int()
        stats.claims = try r.int()
        stats.failedClaims = try r.int()
        stats.notRunClaims = try r.int()
        stats.verifiedFormulas = try r.int()
        stats.failedFormulas = try r.int()
        stats.errors = try r.int()
        stats.warnings = try r.int()
        diagnostics = try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) }
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
    /// The fills as a record.
    var record: [UInt8] {
        var w = RecordWriter(capacity: 4096)
        w.write(math)
        w.write(cells)
        w.write(inlineValues)
        return w.bytes
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init(math: try r.strings(), cells: try r.strings(), inlineValues: try r.strings())
    }
}

/// Every note's fills (its formulas, cell outputs and inline values as HTML) by verification
/// key, in one file of the output's cache: a page whose neighbours changed is rendered again
/// from them without running the note's cells again. One file rather than one per note: a
/// full build of 2,000 notes spent a sixth of its time creating files.
struct FillsPack: Sendable {
    static let path = ".qed-cache/fills.bin"
    private static let magic = "QED fills 3"

    /// The previous build's pack, read a record at a time; nil when there is none.
    private let archive: RecordArchive?

    init() {
        archive = nil
    }

    /// The pack in the site at `output`; empty when there is none or it does not read back.
    /// Only its index is read now: a build after one edit needs a handful of its records.
    init(loadingFrom output: String) {
        archive = RecordArchive(path: output + "/" + FillsPack.path, magic: FillsPack.magic)
    }

    /// Where the record stored for `key` is, if there is one.
    func record(for key: String) -> Source? {
        archive?.ranges[key].map { .previous($0) }
    }

    /// The fills stored for `key`, or nil when there are none or they do not read back.
    func fills(for key: String) -> NoteFills? {
        guard let range = archive?.ranges[key], let bytes = archive?.read(range) else { return nil }
        var r = RecordReader(bytes)
        guard let fills = try? NoteFills(record: &r), r.isAtEnd else { return nil }
        return fills
    }

    /// Where a note's fills record is while a build runs: in the previous pack, or spooled.
    enum Source: Sendable {
        case previous(Range<Int>)
        case spooled(Range<Int>)

        var length: Int {
            switch self {
            case .previous(let range), .spooled(let range): range.count
            }
        }
    }

    /// Writes the pack of `records` (verification key, where its record is) to `file`, in key
    /// order, record by record, reading kept records from `previous` and fresh ones from
    /// `spool`. False when it could not be written.
    @discardableResult
    static func write(_ records: [(key: String, source: Source)], previous: FillsPack = FillsPack(), spool: RecordSpool?,
                      to file: String) -> Bool {
        let items = records.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { entry in
            RecordArchive.Item(key: entry.key, length: entry.source.length) {
                switch entry.source {
                case .previous(let range): previous.archive?.read(range)
                case .spooled(let range): spool?.read(range)
                }
            }
        }
        return RecordArchive.write(items, magic: magic, to: file)
    }
}
