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
    }

    struct Entry: Sendable {
        var contentKey: String
        /// The file's identity and times when it was read, for a cache trusting them.
        var stamp: FileStamp? = nil
        /// The encoded note, decoded on first use: in the cache file, or in a build's spool.
        var whole: EncodedNote?
        /// The encoded outline (`Note.outline`): what a build that spools notes decodes.
        var outline: EncodedNote? = nil
        var note: Note?
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
        if entry.note == nil { entry.note = entry.whole?.note() }
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
        let entry = Entry(contentKey: contentKey, stamp: trustsFileStamps ? stamp : nil, whole: nil, note: note)
        state.withLock { s in
            s.parsedSinceRead = true
            s.stored[path] = entry
            s.used[path] = entry
        }
        return note
    }

    /// Where the encoded note this cache read from its file for `path` is, when this run used
    /// it as it was: a spooling load points at it instead of encoding the note again.
    func archived(_ path: String) -> EncodedNote? {
        state.withLock { s in
            guard let whole = s.used[path]?.whole, case .archived = whole else { return nil }
            return whole
        }
    }

    /// Lets go of the note parsed or decoded for `path`: `whole` says where its record is
    /// (where saving reads it back), and `outline` is its encoded outline. A vault loaded with
    /// a spool keeps no whole note in memory.
    func hold(_ path: String, as whole: EncodedNote, outline: [UInt8]) {
        state.withLock { s in
            for table in [\State.used, \State.stored] where s[keyPath: table][path] != nil {
                s[keyPath: table][path]?.note = nil
                s[keyPath: table][path]?.whole = whole
                s[keyPath: table][path]?.outline = .bytes(outline)
            }
        }
    }

    /// The outline of the note stored for `path` under `contentKey`, and the note's whole
    /// record, with only the outline decoded: an unchanged note costs a build its links,
    /// titles and headings, not its body. Nil when the cache holds no such note.
    func outline(path: String, contentKey: String) -> (outline: Note, whole: EncodedNote)? {
        guard let entry = state.withLock({ $0.stored[path] }), entry.contentKey == contentKey,
              let whole = entry.whole, let outline = entry.outline?.note(), outline.path == path else { return nil }
        state.withLock { $0.used[path] = entry }
        return (outline, whole)
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

    /// The archive's magic: the layout's, and the parse settings' key (notes stored under
    /// other settings or by another build of QED do not open).
    static func magic(key: String) -> String { "QED note cache 2 " + key }

    /// A note's two records in the archive: its outline and the whole note, each under its
    /// path and content key (a path holds no NUL).
    private static func archiveKey(_ kind: String, path: String, contentKey: String) -> String {
        kind + "\u{0}" + path + "\u{0}" + contentKey
    }

    /// The entries `save(to:)` wrote to `file` under `key`; none when the file is missing,
    /// damaged, or was written for other settings or another build of QED. Only the file's
    /// index is read: each record is read when its note is asked for.
    private static func read(_ file: String, key: String) -> [String: Entry] {
        guard let archive = RecordArchive(path: file, magic: magic(key: key)) else { return [:] }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(archive.ranges.count / 2)
        for (name, range) in archive.ranges {
            let parts = name.split(separator: "\u{0}", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "n" || parts[0] == "o" else { return [:] }
            let (path, contentKey) = (String(parts[1]), String(parts[2]))
            var entry = entries[path] ?? Entry(contentKey: contentKey, whole: nil, note: nil)
            guard entry.contentKey == contentKey else { return [:] }
            if parts[0] == "n" { entry.whole = .archived(archive, range) } else { entry.outline = .archived(archive, range) }
            entries[path] = entry
        }
        return entries.filter { $0.value.whole != nil && $0.value.outline != nil }
    }

    /// Writes the notes this run used, in path order, replacing `file` atomically, a record
    /// at a time. A cache is an optimisation: when it cannot be written the next run parses
    /// again, so failures are not reported.
    public func save(to file: String) {
        let (key, used) = state.withLock { ($0.key, $0.used) }
        guard let key else { return }
        NoteCache.makeFolder((file as NSString).deletingLastPathComponent)
        var items: [RecordArchive.Item] = []
        items.reserveCapacity(used.count * 2)
        for path in used.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let entry = used[path]!
            guard let whole = entry.whole ?? entry.note.map({ .bytes($0.record) }),
                  let outline = entry.outline ?? entry.note.map({ .bytes($0.outline.record) }) else { continue }
            items.append(RecordArchive.Item(key: NoteCache.archiveKey("n", path: path, contentKey: entry.contentKey),
                                            length: whole.length, bytes: whole.read))
            items.append(RecordArchive.Item(key: NoteCache.archiveKey("o", path: path, contentKey: entry.contentKey),
                                            length: outline.length, bytes: outline.read))
        }
        RecordArchive.write(items, magic: NoteCache.magic(key: key), to: file)
    }
}

/// Where an encoded note (a `Note` record) is: in the parse cache's file, in a build's
/// spool, or in memory. Read when the note is needed.
enum EncodedNote: Sendable {
    case archived(RecordArchive, Range<Int>)
    case spooled(RecordSpool, Range<Int>)
    case bytes([UInt8])

    var length: Int {
        switch self {
        case .archived(_, let range), .spooled(_, let range): range.count
        case .bytes(let bytes): bytes.count
        }
    }

    func read() -> [UInt8]? {
        switch self {
        case .archived(let archive, let range): archive.read(range)
        case .spooled(let spool, let range): spool.read(range)
        case .bytes(let bytes): bytes
        }
    }

    /// The note decoded; nil when its bytes cannot be read or are not a whole record.
    func note() -> Note? {
        read().flatMap(Note.fromRecord)
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
