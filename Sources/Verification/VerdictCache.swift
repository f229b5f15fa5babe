import Foundation
import Notes
import Storage
import Synchronization

/// Verdicts of notes kept between runs of `qed check`, so a note whose verification inputs
/// did not change is reported without running its cells again.
///
/// Each verdict is stored under its note's path with the verification key it was made
/// under (`Verifier.verificationKey(of:)`: the note's bytes, its path, the settings the
/// verifier reads, how its links resolve); it is used only when the key is the same now.
/// A file written by another build of QED, damaged, truncated or not a verdict cache at all
/// is ignored, never fatal: every note is then verified afresh.
public final class VerdictCache: Sendable {
    /// Where the cache is read from on first use, if anywhere.
    private let file: String?
    private let state: Mutex<State>

    private struct State {
        var loaded = false
        var stored: [String: Entry] = [:]
        /// The paths the file held when read (nil before): a run that verified nothing and
        /// keeps exactly these need not write the file again.
        var filePaths: Set<String>? = nil
        /// Paths of the notes verified (not taken from the cache) since `begin()`.
        var verified: [String] = []
        var reused = 0
    }

    private struct Entry: Sendable {
        var key: String
        /// The verdict, or where its record is in `bytes` (decoded on first use).
        var verdict: NoteVerdict?
        var record: Range<Int>?
        var bytes: [UInt8]?
        /// The fingerprint of the record's bytes as written: a record damaged on disk since
        /// would otherwise read back as a valid verdict saying something else.
        var checksum: String = ""
    }

    /// The file name in the vault's `.qed-cache` folder.
    public static let fileName = "verdicts.bin"

    /// A cache that starts from the one `save` wrote to `file`, if any; with no file, it starts
    /// empty and lives as long as this object.
    public init(loadingFrom file: String? = nil) {
        self.file = file
        state = Mutex(State())
    }

    /// The cache kept in the vault at `root`: `root/.qed-cache/verdicts.bin`.
    public static func inVault(_ root: String) -> VerdictCache {
        let real = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        return VerdictCache(loadingFrom: real + "/" + NoteCache.folderName + "/" + fileName)
    }

    /// What the last run did: the notes it verified, in path order, and how many verdicts it
    /// took from the cache. Tests and benchmarks read it; reports do not depend on it.
    public var lastRun: (verified: [String], reused: Int) {
        state.withLock { s in
            (s.verified.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, s.reused)
        }
    }

    /// Starts counting a new run, reading the file first (once, before lookups run in parallel).
    func begin() {
        loadIfNeeded()
        state.withLock { s in
            s.verified = []
            s.reused = 0
        }
    }

    /// The verdict stored for `path` under exactly `key`, if any reads back.
    func verdict(path: String, key: String) -> NoteVerdict? {
        loadIfNeeded()
        guard let entry = state.withLock({ $0.stored[path] }), entry.key == key else { return nil }
        var verdict = entry.verdict
        if verdict == nil, let range = entry.record, let bytes = entry.bytes,
           VerdictCache.checksum(bytes[range]) == entry.checksum {
            var reader = RecordReader(bytes, from: range.lowerBound, to: range.upperBound)
            verdict = NoteVerdict.fromRecord(&reader)
        }
        // A verdict stored under another note's path is not this note's, whatever its key says.
        guard let verdict, verdict.path == path else { return nil }
        // The entry keeps its record as read: saving copies those bytes, not a re-encoding.
        state.withLock { $0.reused += 1 }
        return verdict
    }

    /// Remembers the verdict of a note verified now under `key`.
    func store(_ verdict: NoteVerdict, key: String) {
        state.withLock { s in
            s.stored[verdict.path] = Entry(key: key, verdict: verdict, record: nil, bytes: nil)
            s.verified.append(verdict.path)
        }
    }

    // MARK: On disk

    private static let magic = "QED verdict cache"

    /// The header of a file this build writes and reads: a file with any other header is
    /// foreign, from an older format or from another build of QED.
    private static var header: String { "\(NoteVerdict.recordFormat) \(BuildIdentity.current)" }

    private func loadIfNeeded() {
        guard state.withLock({ !$0.loaded }) else { return }
        let entries = file.map(VerdictCache.read) ?? [:]
        state.withLock { s in
            guard !s.loaded else { return }
            s.loaded = true
            s.filePaths = Set(entries.keys)
            // Verdicts stored this run before the first lookup win over the file's.
            s.stored.merge(entries) { current, _ in current }
        }
    }

    private static func checksum(_ record: ArraySlice<UInt8>) -> String {
        var hasher = ContentHasher()
        hasher.add(record)
        return hasher.hex
    }

    /// The entries in `file`; none when it is missing, damaged or foreign.
    private static func read(_ file: String) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let bytes = [UInt8](data)
        var reader = RecordReader(bytes)
        do throws(CorruptRecord) {
            guard try reader.string() == magic, try reader.string() == header else { return [:] }
            let entries = try reader.array { (r: inout RecordReader) throws(CorruptRecord) in
                (try r.string(), Entry(key: try r.string(), verdict: nil, record: try r.skipBytes(), bytes: bytes,
                                       checksum: try r.string()))
            }
            guard reader.isAtEnd else { return [:] }
            return Dictionary(entries, uniquingKeysWith: { _, last in last })
        } catch {
            return [:]
        }
    }

    /// Saves to the file this cache was loaded from, if any, keeping the verdicts of the notes
    /// at `paths` (the vault's notes: verdicts of notes that are gone are dropped). When this
    /// run verified nothing and no note is gone, the file already says this and is left alone.
    public func save(keeping paths: [String]) {
        guard let file else { return }
        let unchanged = state.withLock { s in
            s.verified.isEmpty && s.filePaths.map { $0 == Set(paths).intersection(s.stored.keys) } == true
        }
        if !unchanged { save(to: file, keeping: paths) }
    }

    /// Writes the verdicts of the notes at `paths`, in path order, replacing `file`
    /// atomically. A cache is an optimisation: a failure to write it is not reported, and
    /// the next run verifies again.
    public func save(to file: String, keeping paths: [String]) {
        loadIfNeeded()
        let stored = state.withLock { $0.stored }
        let kept = Set(paths).filter { stored[$0] != nil }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        NoteCache.makeFolder((file as NSString).deletingLastPathComponent)
        guard let out = RecordFile(path: file) else { return }
        var writer = RecordWriter(capacity: 1 << 16)
        writer.write(VerdictCache.magic)
        writer.write(VerdictCache.header)
        writer.write(kept.count)
        for path in kept {
            let entry = stored[path]!
            writer.write(path)
            writer.write(entry.key)
            let record: [UInt8]
            if let verdict = entry.verdict {
                record = verdict.record
            } else if let range = entry.record, let bytes = entry.bytes {
                record = Array(bytes[range])
            } else {
                record = []
            }
            writer.write(bytes: record)
            // A record read from the last file keeps the checksum it came with: one damaged
            // there stays refused rather than being blessed with a fresh checksum.
            writer.write(entry.verdict == nil ? entry.checksum : VerdictCache.checksum(record[...]))
            out.append(&writer)
        }
        out.append(&writer)
        out.commit()
    }
}
