import Containment
import Diagnostics
import Dispatch
import Foundation
import Storage

/// Why a vault could not be loaded at all (a problem with one note never makes this happen).
public enum VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    case unreadable(String, reason: String)

    /// What went wrong, with the path.
    public var description: String {
        switch self {
        case .notFound(let p): return "vault not found: \(p)"
        case .notADirectory(let p): return "vault is not a folder: \(p)"
        case .unreadable(let p, let reason): return "cannot read vault \(p): \(reason)"
        }
    }
}

/// A folder tree of Markdown notes, read in full.
public struct Vault: Sendable {
    /// Absolute, symlink-free path of the vault folder.
    public var root: String
    /// Settings from `qed.yml` (defaults when absent).
    public var config: VaultConfig
    /// Every note, sorted by `path` in byte order. For a vault loaded with a spool, each is
    /// its outline (`Note.outline`), and `fullNote(_:)` gives the whole note.
    public var notes: [Note]
    /// Where the whole notes are when `notes` holds outlines (`load(spool:)`); nil when
    /// `notes` holds them whole.
    public var spooled: SpooledNotes?
    /// The other files notes can embed (images, audio, video, PDF; `VaultPath.mediaExtensions`),
    /// vault-relative, sorted; found by the same walk, so `ignore:` applies to them too.
    public var files: [String] = []
    /// Vault-level problems: unreadable or binary files, symlink loops, a bad `qed.yml`,
    /// paths outside the vault. Per-note problems are in each `Note.diagnostics`.
    public var diagnostics: [Diagnostic]
    /// The key of everything parsing a note depends on besides its bytes (`qed.yml`, the
    /// Obsidian settings, QED's build), for caches of what is computed from notes; nil for a
    /// vault assembled in memory.
    public var settingsKey: String?

    /// The name of the optional settings file at the vault root.
    public static let configFileName = "qed.yml"

    /// Loads every `.md` file under `root`, skipping hidden folders, a top-level `output/`,
    /// the folders in `excluding` (e.g. the build's output folder) and `ignore:` globs.
    ///
    /// - Parameters:
    ///   - only: When given, load just these files (paths absolute or relative to the
    ///     current directory); a path outside the vault becomes a located error diagnostic.
    ///   - cache: Parsed notes from an earlier run: a note whose bytes and parse settings are
    ///     unchanged is taken from it instead of parsed; every note read is recorded in it.
    ///   - contentKeys: Each note's content hash (`NoteCache.contentKey`) by vault path,
    ///     when the caller has just read the files (`qed build`'s no-change check): a note the
    ///     cache holds for that hash is taken without reading its file again.
    ///   - spool: When given, each note is written to it as a record and the vault keeps only
    ///     its outline (`spooled` says where the rest is): a vault of 10,000 notes is not held
    ///     in memory whole. A note the spool cannot take is kept whole.
    public static func load(at root: String, excluding: [String] = [],
                            only: [String]? = nil, cache: NoteCache? = nil,
                            contentKeys: [String: String] = [:], spool: RecordSpool? = nil) throws(VaultError) -> Vault {
        let (realRoot, config, configProblems, settingsKey) = try settings(at: root)
        cache?.begin(key: settingsKey)
        var diagnostics = configProblems
        var files: [(absolute: String, relative: String)] = []
        var walker = VaultWalker(root: realRoot, config: config, excluding: excluding)
        // The walk also finds the media embeds resolve against, even when only some notes are
        // read; then it is bounded, as the "vault" may be a home folder or /tmp.
        if only != nil { walker.entryBudget = 20_000 }
        walker.walk()
        if let only {
            for given in only {
                let at = SourceLocation(file: given, line: 1, column: 1)
                guard let real = realPath(given) else {
                    diagnostics.append(.error(.fileNotFound, "no such file: \(given)", at: at))
                    continue
                }
                guard real.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(.outsideVault, "\(given) is not inside the vault \(realRoot)", at: at,
                                              hint: "pass a note inside the vault, or point the vault at the note's folder"))
                    continue
                }
                files.append((real, String(real.dropFirst(realRoot.count + 1))))
            }
        } else {
            files = walker.files
            diagnostics += walker.diagnostics
        }
        files.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.relative).inserted }
        files = files.filter { file in
            guard Containment.quarantined.contains(file.relative) else { return true }
            diagnostics.append(.error(
                .internalError, "qed crashed while working on this note; it is left out of this run",
                at: SourceLocation(file: file.relative, line: 1, column: 1),
                hint: "this is a bug in qed, not in the note: please report it with the note attached"))
            return false
        }

        let results = readAll(files, config: config, cache: cache, contentKeys: contentKeys, spool: spool)
        var notes: [Note] = []
        var places: [EncodedNote?] = []
        notes.reserveCapacity(files.count)
        for result in results {
            switch result {
            case .success(let read):
                notes.append(read.note)
                places.append(read.whole)
            case .failure(let error): diagnostics.append(error.diagnostic)
            case .none: break
            }
        }
        var vault = Vault(root: realRoot, config: config, notes: notes, diagnostics: diagnostics)
        if spool != nil { vault.spooled = SpooledNotes(places: places) }
        vault.files = walker.media.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        vault.settingsKey = settingsKey
        return vault
    }

    /// The files `load(at:excluding:)` would read, and the media it would list, as
    /// vault-relative paths in byte order, without reading or parsing any: with `qed.yml`,
    /// enough to tell whether a vault changed. The same walk as `load`, so both agree on what
    /// the vault holds (`ignore:` included).
    public static func noteFiles(at root: String, excluding: [String] = []) throws(VaultError)
        -> (root: String, paths: [String], media: [String]) {
        let (realRoot, config, _, _) = try settings(at: root)
        var walker = VaultWalker(root: realRoot, config: config, excluding: excluding)
        walker.walk()
        let paths = Set(walker.files.map(\.relative)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (realRoot, paths, walker.media.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// The vault's real path and its `qed.yml` settings, with the problems found in them.
    /// The vault's real path, its settings, the problems found in them, and the key of what
    /// parsing a note depends on besides its bytes.
    private static func settings(at root: String) throws(VaultError) -> (String, VaultConfig, [Diagnostic], String) {
        var info = stat()
        guard stat(root, &info) == 0 else { throw .notFound(root) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory(root) }
        guard let realRoot = realPath(root) else { throw .unreadable(root, reason: String(cString: strerror(errno))) }
        let configBytes = readFile(realRoot + "/" + configFileName)
        var (config, problems) = configBytes.map {
            VaultConfig.parse(String(decoding: $0, as: UTF8.self), file: configFileName)
        } ?? (VaultConfig(), [])
        let appBytes = readFile(realRoot + "/.obsidian/app.json")
        if let app = appBytes {
            let (settings, appProblems) = ObsidianSettings.parse(app)
            config.obsidian = settings
            problems += appProblems
        }
        return (realRoot, config, problems, NoteCache.key(settings: [configBytes, appBytes]))
    }

    /// A note as `readAll` gives it: whole, or its outline and where in the spool the rest is.
    struct ReadNote: Sendable {
        var note: Note
        /// Where the whole note is when `note` is its outline.
        var whole: EncodedNote?
    }

    /// Reads files on all cores; the result order is the input order.
    static func readAll(_ files: [(absolute: String, relative: String)], config: VaultConfig,
                        cache: NoteCache? = nil, contentKeys: [String: String] = [:],
                        spool: RecordSpool? = nil) -> [Result<ReadNote, NoteError>?] {
        final class Slots: @unchecked Sendable {
            // Each index is written by exactly one iteration, under the lock.
            var values: [Result<ReadNote, NoteError>?]
            let lock = NSLock()
            init(_ n: Int) { values = Array(repeating: nil, count: n) }
        }
        let slots = Slots(files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let file = files[k]
            let result: Result<ReadNote, NoteError>
            do throws(NoteError) {
                result = .success(try Containment.working(on: file.relative) { () throws(NoteError) -> ReadNote in
                    // A spooling load takes an unchanged note's outline from the cache, its body
                    // left encoded where the cache read it.
                    var key = contentKeys[file.relative]
                    if spool != nil, let cache {
                        key = key ?? contentKey(ofNoteAt: file.absolute, config: config)
                        if let key, let held = cache.outline(path: file.relative, contentKey: key) {
                            return ReadNote(note: held.outline, whole: held.whole)
                        }
                    }
                    let note = try Note.read(path: file.absolute, relativePath: file.relative, config: config,
                                             cache: cache, contentKey: key)
                    return spooling(note, to: spool, cache: cache)
                })
            } catch {
                result = .failure(error)
            }
            slots.lock.lock()
            slots.values[k] = result
            slots.lock.unlock()
        }
        return slots.values
    }

    /// The cache key of the bytes of the regular file at `path` (within the note size limit);
    /// nil for anything else, which `Note.read` then reports.
    private static func contentKey(ofNoteAt path: String, config: VaultConfig) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let bytes = readFile(path, limit: config.limits.noteBytes) else { return nil }
        return NoteCache.contentKey(of: bytes)
    }

    /// The note's outline, with its record appended to `spool` (or, when the cache read it
    /// unchanged from its file, left there); the whole note when there is no spool or it
    /// cannot take it.
    private static func spooling(_ note: Note, to spool: RecordSpool?, cache: NoteCache?) -> ReadNote {
        guard let spool else { return ReadNote(note: note) }
        let whole: EncodedNote
        if let archived = cache?.archived(note.path) {
            whole = archived
        } else {
            guard let range = spool.append(note.record) else { return ReadNote(note: note) }
            whole = .spooled(spool, range)
        }
        let outline = note.outline
        cache?.hold(note.path, as: whole, outline: outline.record)
        return ReadNote(note: outline, whole: whole)
    }
}

/// `realpath(3)`, or nil when the path does not resolve (errno set).
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Depth-first walk over the vault with an explicit stack (no recursion), following folder
/// symlinks but never entering the same folder twice.
struct VaultWalker {
    let root: String
    let ignore: [Glob]
    var excludedRealPaths: Set<String> = []
    var files: [(absolute: String, relative: String)] = []
    /// Vault-relative paths of media files (see `VaultPath.mediaExtensions`).
    var media: [String] = []
    /// Folder entries the walk may look at before it stops.
    var entryBudget = Int.max
    var diagnostics: [Diagnostic] = []

    struct Identity: Hashable { var device: UInt64; var inode: UInt64 }

    /// Real paths outside the vault that `allow_outside:` in qed.yml lets links lead to.
    let allowedOutside: [String]

    init(root: String, config: VaultConfig, excluding: [String]) {
        self.root = root
        self.ignore = config.ignore.map(Glob.init)
        self.allowedOutside = config.allowOutside.compactMap { path in
            realPath(path.hasPrefix("/") ? path : root + "/" + path)
        }
        for path in excluding {
            if let real = realPath(path) { excludedRealPaths.insert(real) }
            if !path.hasPrefix("/"), let real = realPath(root + "/" + path) { excludedRealPaths.insert(real) }
        }
    }

    mutating func walk() {
        var visited: Set<Identity> = []
        var info = stat()
        if stat(root, &info) == 0 { visited.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))) }
        var stack: [(absolute: String, relative: String)] = [(root, "")]
        while let (directory, relativeDirectory) = stack.popLast() {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                diagnostics.append(.error(.unreadableFolder, "cannot read folder: \(relativeDirectory.isEmpty ? "." : relativeDirectory)",
                                          at: SourceLocation(file: relativeDirectory.isEmpty ? "." : relativeDirectory, line: 1, column: 1)))
                continue
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                guard entryBudget > 0 else { return }
                entryBudget -= 1
                let absolute = directory + "/" + name
                let relative = relativeDirectory.isEmpty ? name : relativeDirectory + "/" + name
                let at = SourceLocation(file: relative, line: 1, column: 1)
                var linkInfo = stat()
                guard lstat(absolute, &linkInfo) == 0 else { continue }
                let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
                var target = linkInfo
                if isLink, stat(absolute, &target) != 0 {
                    let loop = errno == ELOOP
                    if name.hasSuffix(".md") || loop {
                        diagnostics.append(.warning(loop ? .symlinkLoop : .brokenSymlink,
                                                    loop ? "symbolic link loop; skipped" : "symbolic link points nowhere; skipped", at: at))
                    }
                    continue
                }
                let isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                if ignore.contains(where: { $0.matches(path: relative, isDirectory: isDirectory) }) { continue }
                if isLink, !leadsInside(absolute, isDirectory: isDirectory || name.hasSuffix(".md"), at: at) { continue }
                if isDirectory {
                    if relativeDirectory.isEmpty, name == "output" { continue }
                    if !excludedRealPaths.isEmpty, let real = realPath(absolute), excludedRealPaths.contains(real) { continue }
                    let identity = Identity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))
                    guard visited.insert(identity).inserted else {
                        if isLink {
                            diagnostics.append(.warning(.symlinkLoop, "symbolic link leads back to a folder already read; skipped", at: at,
                                                        hint: "remove the link or add it to ignore: in qed.yml"))
                        }
                        continue
                    }
                    stack.append((absolute, relative))
                } else if name.hasSuffix(".md") {
                    files.append((absolute, relative))
                } else if VaultPath.isMediaFile(name) {
                    media.append(relative)
                }
            }
        }
    }
}

extension VaultWalker {
    /// Whether a symbolic link resolves inside the vault (or inside a folder that
    /// `allow_outside:` names). A link out of the vault would publish whatever it points at
    /// (`passwd.md -> /etc/passwd`), so it is skipped with a warning instead.
    mutating func leadsInside(_ link: String, isDirectory worthReporting: Bool, at: SourceLocation) -> Bool {
        guard let real = realPath(link) else { return false }
        func within(_ folder: String) -> Bool { real == folder || real.hasPrefix(folder == "/" ? "/" : folder + "/") }
        if within(root) || allowedOutside.contains(where: within) { return true }
        if worthReporting {
            diagnostics.append(.warning(.outsideVault, "symbolic link leads outside the vault (to \(real)); skipped", at: at,
                                        hint: "move the target into the vault, or list its folder under allow_outside: in qed.yml"))
        }
        return false
    }
}

extension Vault {
    /// A vault assembled in memory, e.g. for a single note read from standard input.
    public init(assembledAt root: String, config: VaultConfig = VaultConfig(), notes: [Note], diagnostics: [Diagnostic] = []) {
        self.root = root
        self.config = config
        self.notes = notes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.diagnostics = diagnostics
    }
}
