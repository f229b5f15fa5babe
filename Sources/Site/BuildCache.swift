import Diagnostics
import Foundation
import Storage
import Verification

/// What a build remembers about each page, kept in the output folder as
/// `.qed-cache/manifest.bin`, so the next build can skip what did not change.
///
/// A note's entry holds what the aggregate pages need (title, brief, tags, status…) and the
/// diagnostics its verification produced, so an unchanged note is neither re-run nor
/// re-rendered: its page is taken from the previous output as it is.
struct BuildManifest: Sendable, Equatable {
    static let path = ".qed-cache/manifest.bin"
    /// Bumped when the manifest's meaning or layout changes; an old manifest is then ignored.
    static let format = 5

    var format = BuildManifest.format
    /// Fingerprint of everything the build read: every note's and medium's bytes, `qed.yml`,
    /// the theme, the options and QED's version. Equal fingerprints mean an identical site.
    var inputs = ""
    /// What the build found, as it reported it: a build whose inputs are unchanged reports it
    /// again from this alone, without decoding the rest of the manifest.
    var outcome = Outcome()
    /// Problems that belong to no note (unreadable files, a bad `qed.yml`), as last reported.
    var vaultDiagnostics: [Diagnostic] = []
    /// Key of each note's verification: its content and everything its results depend on.
    var notes: [String: CachedNote] = [:]
    /// Key of every page written, by output path.
    var pages: [String: String] = [:]

    /// The manifest of the site in `output`, or nil when there is none or it does not read
    /// back cleanly (a damaged or older manifest only costs a full build).
    static func load(from output: String) -> BuildManifest? {
        guard let bytes = readFile(output + "/" + path) else { return nil }
        var reader = RecordReader(bytes)
        guard let manifest = try? BuildManifest(record: &reader), reader.isAtEnd else { return nil }
        return manifest
    }

    func write(to folder: String) throws(BuildError) {
        let file = folder + "/" + BuildManifest.path
        try? FileManager.default.createDirectory(atPath: folder + "/.qed-cache", withIntermediateDirectories: true)
        guard let out = RecordFile(path: file) else {
            throw .io(path: file, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        var writer = RecordWriter(capacity: 1 << 17)
        write(to: &writer) { w in if w.bytes.count >= 1 << 16 { out.append(&w) } }
        out.append(&writer)
        guard out.commit() else { throw .io(path: file, message: "cannot write the build manifest") }
    }
}

/// A build's counts and diagnostics (`BuildManifest.outcome`).
struct Outcome: Sendable, Equatable {
    var stats = BuildStats()
    /// Every diagnostic, in report order.
    var diagnostics: [Diagnostic] = []
}

/// One note as the previous build left it.
struct CachedNote: Sendable, Equatable {
    var verificationKey: String
    var summary: NoteSummary
}

/// The small per-note record the home page, tag pages, backlinks and search need.
/// Rendered note pages are written and dropped; only these stay in memory.
struct NoteSummary: Sendable, Equatable {
    var id: String
    var path: String
    var page: String
    var title: String
    var brief: String
    var type: String
    var domain: String
    var created: String
    var updated: String
    var tags: [String]
    /// Ids of the notes this one links to (resolved), sorted, without duplicates.
    var linksTo: [String]
    var status: VerificationStatus
    var claims: Int
    var failedClaims: Int
    /// Claims the note contains that never ran (after an error, or in a `skip` cell).
    var notRunClaims: Int = 0
    /// Formulas read as claims that held, and that failed.
    var verifiedFormulas: Int = 0
    var failedFormulas: Int = 0
    var diagnostics: [Diagnostic]
    /// Plain text for the search index, truncated.
    var text: String
    /// The note's headings (as text), ranked above its body by search.
    var headings: [String] = []
}
