import Foundation
import Diagnostics
import Synchronization

/// Where a wiki-link leads.
public enum LinkResolution: Sendable, Hashable {
    /// The note (by id) and, when the link named one that exists, the heading.
    case note(id: String, heading: Heading?)
    /// No note matches the target.
    case missingNote
    /// The note exists but has no such heading.
    case missingHeading(id: String)
    /// Several notes match equally well (their ids, sorted).
    case ambiguous([String])
    /// A file of the vault that is not a note (an image, audio, video, PDF), by vault path.
    case file(path: String)
}

extension LinkResolution {
    /// Whether the resolution names one of `ids`: a link that may resolve differently when
    /// one of those notes' headings change.
    public func mentions(_ ids: Set<String>) -> Bool {
        switch self {
        case .note(let id, _), .missingHeading(let id): return ids.contains(id)
        case .ambiguous(let candidates): return candidates.contains(where: ids.contains)
        case .missingNote, .file: return false
        }
    }
}

/// Resolves wiki-links Obsidian-style with dictionary lookups (O(1) per link):
/// exact vault path (with or without `.md`), then a unique file name, then a unique path
/// suffix (`Math/信息论`), then a title or alias; then the same, ignoring case.
public struct LinkResolver: Sendable {
    private struct Table: Sendable {
        var byPath: [String: String] = [:]
        var byName: [String: [String]] = [:]
        var bySuffix: [String: [String]] = [:]
        var byTitle: [String: [String]] = [:]

        init() {}

        /// The table of `notes`, with keys lower-cased for lookup when `fold` is set.
        init(_ notes: [Note], fold: Bool) {
            // Sized up front: growing four tables of a vault's names one rehash at a time was
            // a fifth of building them.
            byPath.reserveCapacity(notes.count)
            byName.reserveCapacity(notes.count)
            bySuffix.reserveCapacity(notes.count)
            byTitle.reserveCapacity(notes.count)
            for note in notes {
                let id = note.id
                let parts = id.split(separator: "/").map(String.init)
                LinkResolver.add(id: id, name: parts.last ?? id, parts: parts,
                                 titles: [note.title] + note.frontMatter.aliases, to: &self, fold: fold)
            }
        }
    }
    private var exact = Table()
    private var folded = Table()
    /// Per note id: its headings, searched only for links that name one (most never do, and
    /// indexing every heading of a vault was a third of building the resolver).
    private var headings: [String: [Heading]] = [:]
    /// Per note id: its block ids (`^abc123`, without the caret).
    private var blocks: [String: Set<String>] = [:]
    /// Note names, paths and titles a reader might have meant, for "did you mean" hints.
    private var suggestions = LazySuggestions(names: [])
    /// Hints already computed: a vault's See-Also lists repeat the same missing targets.
    private let hintCache = HintCache()
    /// The vault's other files (images, audio, video, PDF) that embeds and links may name.
    private var files = FileTable(paths: [])

    /// Obsidian's "relative path" link format: `[[sub/x]]` is read from the linking note's folder first.
    private var relativeLinks = false

    /// - Parameters:
    ///   - files: Vault-relative paths of the vault's media files (`Vault.files`).
    ///   - obsidian: The vault's Obsidian settings: the link format and attachment folder.
    public init(notes: [Note], files: [String] = [], obsidian: ObsidianSettings? = nil) {
        self.files = FileTable(paths: files, attachmentFolder: obsidian?.attachmentFolder)
        self.relativeLinks = obsidian?.linkFormat == "relative"
        // The exact and the case-folded tables are independent: built on two cores.
        let tables = Mutex<[Table]>([Table(), Table()])
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let table = Table(notes, fold: k == 1)
            tables.withLock { $0[k] = table }
        }
        (exact, folded) = tables.withLock { ($0[0], $0[1]) }
        var names = Set<String>()
        names.reserveCapacity(notes.count * 3)
        headings.reserveCapacity(notes.count)
        blocks.reserveCapacity(notes.count)
        for note in notes {
            let id = note.id
            headings[id] = note.headings
            blocks[id] = Set(note.blockIDs)
            names.insert(id); names.insert(String(id.split(separator: "/").last ?? Substring(id))); names.insert(note.title)
        }
        suggestions = LazySuggestions(names: names)
    }

    /// The resolver for the same notes after some of them changed in their body only: their
    /// ids, titles and aliases are as before (so every name table stands), their headings and
    /// block ids may differ. Costs a table per changed note instead of one per vault note.
    public func updating(_ changed: [Note]) -> LinkResolver {
        var copy = self
        for note in changed {
            copy.headings[note.id] = note.headings
            copy.blocks[note.id] = Set(note.blockIDs)
        }
        return copy
    }

    /// The heading `key` names in `headings`: the first whose anchor is `key`, else the first
    /// whose text, or text ignoring case, is `key`.
    private static func heading(_ key: String, in headings: [Heading]) -> Heading? {
        headings.first { $0.anchor == key } ?? headings.first { $0.text == key || $0.text.lowercasedForLookup == key }
    }

    private static func add(id: String, name: String, parts: [String], titles: [String], to table: inout Table, fold: Bool) {
        func key(_ s: String) -> String { fold ? s.lowercasedForLookup : s }
        if table.byPath[key(id)] == nil { table.byPath[key(id)] = id }
        table.byName[key(name), default: []].append(id)
        if parts.count > 2 {
            for start in 1..<(parts.count - 1) {
                table.bySuffix[key(parts[start...].joined(separator: "/")), default: []].append(id)
            }
        }
        for title in Set(titles.map(\.trimmingSpaces)) where !title.isEmpty {
            table.byTitle[key(title), default: []].append(id)
        }
    }

    /// Resolves `link`; `sourceID` is the linking note, for `[[#heading]]`.
    public func resolve(_ link: WikiLink, from sourceID: String? = nil) -> LinkResolution {
        var target = link.target.trimmingSpaces
        let folder = sourceID.map(VaultPath.folder(of:)) ?? ""
        if VaultPath.hasFileExtension(target) {
            if let path = files.lookup(target, from: folder) { return .file(path: path) }
            if VaultPath.isMediaFile(target) { return .missingNote }
        }
        // Obsidian's "relative path" link format: `[[../tools/kubectl]]`, `[[./x]]`.
        if target.hasPrefix("./") || target.hasPrefix("../"), let joined = VaultPath.join(folder, target) {
            target = joined
        } else if relativeLinks, !folder.isEmpty, let joined = VaultPath.join(folder, target),
                  exact.byPath[joined] != nil || folded.byPath[joined.lowercasedForLookup] != nil {
            target = joined
        }
        while target.hasPrefix("/") { target.removeFirst() }
        if target.hasPrefix("./") { target.removeFirst(2) }
        if target.lowercasedForLookup.hasSuffix(".md") { target.removeLast(3) }
        let id: String
        if target.isEmpty {
            guard let sourceID, headings[sourceID] != nil else { return .missingNote }
            id = sourceID
        } else {
            switch lookup(target) {
            case .note(let found, _): id = found
            case let other: return other
            }
        }
        guard var heading = link.heading else { return .note(id: id, heading: nil) }
        // `[[note#A#B]]` names nested headings; the last one is the target. `^id` is a block.
        if let last = heading.split(separator: "#").last { heading = String(last).trimmingSpaces }
        if heading.hasPrefix("^") {
            // A block id (`^abc123`): its hidden anchor is `^abc123` on the note's page.
            guard blocks[id]?.contains(String(heading.dropFirst())) == true else { return .missingHeading(id: id) }
            return .note(id: id, heading: Heading(level: 0, text: heading, anchor: heading, location: link.location))
        }
        let candidates = headings[id] ?? []
        if let h = Self.heading(heading, in: candidates) ?? Self.heading(heading.lowercasedForLookup, in: candidates)
            ?? Self.heading(slug(heading), in: candidates) {
            return .note(id: id, heading: h)
        }
        return .missingHeading(id: id)
    }

    private func lookup(_ target: String) -> LinkResolution {
        var ambiguity: [String]?
        if let found = Self.lookup(target, in: exact, ambiguity: &ambiguity) { return found }
        if let found = Self.lookup(target.lowercasedForLookup, in: folded, ambiguity: &ambiguity) { return found }
        if let ambiguity { return .ambiguous(ambiguity) }
        return .missingNote
    }

    /// The note `key` names in `table` by path, then unique name, suffix or title; the
    /// first set of several candidates met is kept in `ambiguity`.
    private static func lookup(_ key: String, in table: Table, ambiguity: inout [String]?) -> LinkResolution? {
        if let id = table.byPath[key] { return .note(id: id, heading: nil) }
        for candidates in [table.byName[key], table.bySuffix[key], table.byTitle[key]] {
            guard let candidates else { continue }
            if candidates.count == 1 { return .note(id: candidates[0], heading: nil) }
            let unique = Array(Set(candidates)).sorted()
            if unique.count == 1 { return .note(id: unique[0], heading: nil) }
            if ambiguity == nil { ambiguity = unique }
        }
        return nil
    }

    /// A located diagnostic for a link that did not resolve (nil when it did), with a
    /// "did you mean" hint drawn from note names, paths and titles.
    public func diagnostic(for link: WikiLink, resolution: LinkResolution) -> Diagnostic? {
        let length = link.source.unicodeScalars.count
        switch resolution {
        case .note, .file:
            return nil
        case .missingNote where VaultPath.isMediaFile(link.target):
            return .warning(.missingFile, "no file named '\(link.target)' in the vault", at: link.location, length: length,
                            hint: "put the file in the vault (beside the note, or under its attachment folder), or fix the path")
        case .missingNote:
            let what = link.target.isEmpty ? "this note" : "'\(link.target)'"
            let hint = hintCache.value(for: link.target) { suggestions.closest(to: $0) }.map { "did you mean '\($0)'?" }
                ?? "create the note, or fix the link's path"
            return .warning(.unresolvedLink, "no note named \(what)", at: link.location, length: length, hint: hint)
        case .missingHeading(let id):
            let heading = link.heading ?? ""
            let texts = Array(Set((headings[id] ?? []).map(\.text))).sorted()
            let hint = SuggestionIndex(names: texts).closest(to: heading).map { "did you mean '#\($0)'?" }
                ?? (texts.isEmpty ? "'\(id)' has no headings" : "headings there: \(texts.prefix(5).joined(separator: ", "))")
            return .warning(.unresolvedHeading, "note '\(id)' has no heading '\(heading)'", at: link.location,
                          length: length, hint: hint)
        case .ambiguous(let ids):
            return .warning(.ambiguousLink, "'\(link.target)' matches \(ids.count) notes: \(ids.joined(separator: ", "))",
                          at: link.location, length: length,
                          hint: "write the vault path, e.g. [[\(ids.first ?? "")]]")
        }
    }
}

/// A small thread-safe memo of "did you mean" answers.
/// The "did you mean" index, built on the first unresolved link: most builds have none, and
/// indexing every name was a tenth of resolving a 2,000-note vault's links.
final class LazySuggestions: Sendable {
    private let names: Set<String>
    private let index = Mutex<SuggestionIndex?>(nil)

    init(names: Set<String>) {
        self.names = names
    }

    func closest(to word: String) -> String? {
        let built = index.withLock { index -> SuggestionIndex in
            if let index { return index }
            let made = SuggestionIndex(names: names.sorted())
            index = made
            return made
        }
        return built.closest(to: word)
    }
}

final class HintCache: @unchecked Sendable {
    // Guarded by `lock`; values are immutable Strings.
    private var answers: [String: String?] = [:]
    private let lock = NSLock()

    func value(for key: String, compute: (String) -> String?) -> String? {
        lock.lock()
        if let known = answers[key] { lock.unlock(); return known }
        lock.unlock()
        let answer = compute(key)
        lock.lock()
        answers[key] = .some(answer)
        lock.unlock()
        return answer
    }
}
