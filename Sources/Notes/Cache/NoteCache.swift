import Foundation
import Storage
import Synchronization

/// Parsed notes kept between runs, so an unchanged note is not parsed again.
///
/// A cached note is used only when its file's bytes hash to what they hashed to when it was
/// parsed, under the same parse settings (`qed.yml`, the Obsidian settings) and the same QED
/// build; anything else parses afresh. The cache on disk holds the notes of the last run
/// only, so it never grows beyond the vault; a damaged or foreign file is ignored.
public final class NoteCache: Sendable {
    /// Where the cache is read from on first use, if anywhere.
    private let file: String?
    private let state: Mutex<State>

    struct State {
        /// The parse settings the stored notes were made with; nil before the first run.
        var key: String? = nil
        var stored: [String: Entry] = [:]
        /// What this run looked up or parsed: what `save(to:)` writes.
        var used: [String: Entry] = [:]
        /// How many notes the file held when read, and whether any note was parsed since:
        /// a run that parsed nothing and used all of them need not write the file again.
        var fileEntries: Int? = nil
        var parsedSinceRead = false
        /// The spool the notes of this run were written to (`hold(_:spooledAt:in:)`).
        var spool: RecordSpool? = nil
    }

    struct Entry: Sendable {
        var contentKey: String
        /// The file's identity and times when it was read, for a cache trusting them.
        var stamp: FileStamp? = nil
        /// The encoded note, decoded on first use: a slice of the cache file read whole.
        var record: ArraySlice<UInt8>?
        /// The encoded outline (`Note.outline`): what a build that spools notes decodes.
        var outline: ArraySlice<UInt8>? = nil
        var note: Note?
        /// Where in `State.spool` the encoded note is, once the vault keeps only its outline.
        var spooled: Range<Int>? = nil
    }

    /// A cache that starts from the one `save(to:)` wrote to `file`, if any; with no file, it
    /// starts empty and lives as long as this object (the preview server keeps one).
    public init(loadingFrom file: String? = nil) {
        self.file = file
        trustsFileStamps = false
        state = Mutex(State())
    }

    /// A cache in memory only that takes a file whose inode, size, modification and change
    /// times are as when it was read to be unchanged, without reading it: the preview server
    /// re-reads only what an edit touched. The change time is set by the kernel on every
    /// write and rename and cannot be set back, so a stamp is a safe witness within one
    /// process; across processes (the cache on disk) only content hashes are trusted.
    public init(trustingFileStamps: Bool) {
        file = nil
        trustsFileStamps = trustingFileStamps
        state = Mutex(State())
    }

    /// Whether `note(path:stamp:)` answers (see `init(trustingFileStamps:)`).
    let trustsFileStamps: Bool

    /// The folder, at a vault's root, where `qed check` and `qed build` keep what they can
    /// reuse (as pytest keeps `.pytest_cache`); hidden, so the vault walk never reads it.
    public static let folderName = ".qed-cache"

    /// The cache kept in the vault at `root`: read from, and saved back to,
    /// `root/.qed-cache/notes.bin`.
    public static func inVault(_ root: String) -> NoteCache {
        NoteCache(loadingFrom: folder(ofVault: root) + "/notes.bin")
    }

    /// The cache folder of the vault at `root` (which may not exist yet).
    public static func folder(ofVault root: String) -> String {
        (realPath(root) ?? root) + "/" + folderName
    }

    /// Saves to the file this cache was loaded from, if any, unless it holds what this run
    /// would write already (every note came from it and all of them were used); then forgets
    /// what it held, which the file now keeps. A cache with a file serves one vault load.
    public func save() {
        guard let file else { return }
        let unchanged = state.withLock { !$0.parsedSinceRead && $0.fileEntries == $0.used.count }
        if !unchanged { save(to: file) }
        // Released here, on the thread that saved, not when the whole build is over.
        state.withLock { $0 = State() }
    }

    /// Starts a run under parse settings `key`: the notes stored under other settings are
    /// dropped, and nothing is counted as used yet.
    func begin(key: String) {
        let current = state.withLock { $0.key }
        var loaded: [String: Entry]? = nil
        if current != key {
            loaded = file.map { NoteCache.read($0, key: key) } ?? [:]
        }
        state.withLock { s in
            if let loaded {
                s.key = key
                s.stored = loaded
                s.fileEntries = file == nil ? nil : loaded.count
                s.parsedSinceRead = false
            }
            s.used = [:]
        }
    }

    /// The key of a vault's parse settings: the bytes of its settings files and QED's build.
    static func key(settings: [[UInt8]?]) -> String {
        var hasher = ContentHasher()
        hasher.add("notes-\(Note.recordFormat)-outlined")
        hasher.add(NoteCache.buildIdentity)
        for file in settings {
            if let file { hasher.add("present"); hasher.add(file) } else { hasher.add("absent") }
        }
        return hasher.hex
    }

    /// The running executable's identity: a rebuilt QED parses again even when its version
    /// string did not change.
    static var buildIdentity: String { BuildIdentity.current }

    /// The note parsed from `bytes` at `path`, from the cache when it holds one for exactly
    /// these bytes, else parsed now by `parse` and remembered.
    /// The note stored for the file at `path` when this cache trusts stamps and the file's
    /// stamp is the one it had when the note was read.
    func note(path: String, stamp: FileStamp) -> Note? {
        guard trustsFileStamps else { return nil }
        return state.withLock { s -> Note? in
            guard let entry = s.stored[path], entry.stamp == stamp, let note = entry.note else { return nil }
            s.used[path] = entry
            return note
        }
    }

    /// The key a file's bytes are cached under.
    public static func contentKey(of bytes: some Sequence<UInt8>) -> String {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.hex
    }

    /// The note stored for `path` under `contentKey`, if any (decoded on first use).
    func note(path: String, contentKey: String, stamp: FileStamp? = nil) -> Note? {
        guard var entry = state.withLock({ $0.stored[path] }), entry.contentKey == contentKey else { return nil }
        if entry.note == nil, let record = entry.record {
            var reader = RecordReader(record)
            entry.note = try? Note(record: &reader)
            if !reader.isAtEnd { entry.note = nil }
        }
        guard let note = entry.note, note.path == path else { return nil }
        entry.stamp = trustsFileStamps ? stamp : nil
        state.withLock { s in
            s.used[path] = entry
            s.stored[path] = entry
        }
        return note
    }

    func note(path: String, bytes: [UInt8], stamp: FileStamp? = nil, parse: () -> Note) -> Note {
        let contentKey = NoteCache.contentKey(of: bytes)
        if let note = note(path: path, contentKey: contentKey, stamp: stamp) { return note }
        let note = parse()
        let entry = Entry(contentKey: contentKey, stamp: trustsFileStamps ? stamp : nil, record: nil, note: note)
        state.withLock { s in
            s.parsedSinceRead = true
            s.stored[path] = entry
            s.used[path] = entry
        }
        return note
    }

    /// The encoded note this cache read from its file for `path`, when this run used it as it
    /// was: what a spool can take without encoding the note again.
    func record(of path: String) -> ArraySlice<UInt8>? {
        state.withLock { $0.used[path]?.record }
    }

    /// Lets go of the note parsed or decoded for `path`: its record is at `range` in `spool`,
    /// where saving reads it back, and `outline` is its encoded outline. A vault loaded with a
    /// spool keeps no whole note in memory.
    func hold(_ path: String, spooledAt range: Range<Int>, in spool: RecordSpool, outline: ArraySlice<UInt8>) {
        state.withLock { s in
            s.spool = spool
            for table in [\State.used, \State.stored] where s[keyPath: table][path] != nil {
                s[keyPath: table][path]?.note = nil
                s[keyPath: table][path]?.spooled = range
                s[keyPath: table][path]?.outline = outline
            }
        }
    }

    /// The outline of the note stored for `path` under `contentKey`, and the note's whole
    /// record, with only the outline decoded: an unchanged note costs a build its links,
    /// titles and headings, not its body. Nil when the cache holds no such note.
    func outline(path: String, contentKey: String) -> (outline: Note, record: ArraySlice<UInt8>)? {
        guard let entry = state.withLock({ $0.stored[path] }), entry.contentKey == contentKey,
              let record = entry.record, let bytes = entry.outline else { return nil }
        var reader = RecordReader(bytes)
        guard let outline = try? Note(record: &reader), reader.isAtEnd, outline.path == path else { return nil }
        state.withLock { $0.used[path] = entry }
        return (outline, record)
    }

    // MARK: On disk

    /// Creates a cache folder (when it can) that git ignores: every cache of the vault's
    /// `.qed-cache` is written through this, so none is ever committed by accident.
    public static func makeFolder(_ folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ignore = folder + "/.gitignore"
        if !FileManager.default.fileExists(atPath: ignore) {
            _ = FileManager.default.createFile(atPath: ignore, contents: Data("# QED's cache: safe to delete.\n*\n".utf8))
        }
    }

    private static let magic = "QED note cache"

    /// The entries `save(to:)` wrote to `file` under `key`; none when the file is missing,
    /// damaged, or was written for other settings or another build of QED.
    private static func read(_ file: String, key: String) -> [String: Entry] {
        guard let bytes = readFile(file) else { return [:] }
        var reader = RecordReader(bytes)
        do throws(CorruptRecord) {
            guard try reader.string() == magic, try reader.string() == key else { return [:] }
            let entries = try reader.array { (r: inout RecordReader) throws(CorruptRecord) in
                (try r.string(), Entry(contentKey: try r.string(), record: bytes[try r.skipBytes()],
                                       outline: bytes[try r.skipBytes()], note: nil))
            }
            guard reader.isAtEnd else { return [:] }
            return Dictionary(entries, uniquingKeysWith: { _, last in last })
        } catch {
            return [:]
        }
    }

    /// Writes the notes this run used, in path order, replacing `file` atomically. A cache
    /// is an optimisation: when it cannot be written the next run parses again, so failures
    /// are not reported.
    public func save(to file: String) {
        let (key, used, spool) = state.withLock { ($0.key, $0.used, $0.spool) }
        guard let key else { return }
        NoteCache.makeFolder((file as NSString).deletingLastPathComponent)
        guard let out = RecordFile(path: file) else { return }
        // Entry by entry: the whole cache never sits in memory as one buffer.
        var writer = RecordWriter(capacity: 1 << 16)
        writer.write(NoteCache.magic)
        writer.write(key)
        writer.write(used.count)
        for path in used.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let entry = used[path]!
            writer.write(path)
            writer.write(entry.contentKey)
            if let record = entry.record {
                writer.write(bytes: record)
            } else if let range = entry.spooled {
                // The spool is the build's own scratch file: unreadable, it leaves no cache.
                guard let record = spool?.read(range) else { return }
                writer.write(bytes: record)
            } else {
                writer.write(bytes: entry.note?.record ?? [])
            }
            writer.write(bytes: entry.outline ?? (entry.note?.outline.record ?? [])[...])
            out.append(&writer)
        }
        out.append(&writer)
        out.commit()
    }
}

/// What identifies one version of a file without reading it: device, inode, size, and the
/// modification and change times to the nanosecond.
struct FileStamp: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: timespec
    let changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
