import Foundation
import Notes
import Storage
import Verification

/// Who links to whom, resolved once for the whole vault before any note is verified, so
/// cache keys can say which pages another note's title or links show up on.
struct LinkGraph: Sendable {
    /// The vault's notes: whole, or their outlines when `spooled` holds the rest.
    let notes: [Note]
    /// Where the whole notes are when `notes` are outlines (`Vault.load(spool:)`).
    let spooled: SpooledNotes?
    /// The vault's resolver, shared with the verifier so it is built once per build.
    let resolver: LinkResolver
    /// `resolutions[i][k]` resolves `notes[i].links[k]`.
    let resolutions: [[LinkResolution]]
    /// Indices of the notes each note links to (other than itself), ascending, no duplicates.
    let outgoing: [[Int]]
    /// Indices of the notes linking to each note, ascending.
    let incoming: [[Int]]
    /// Each note's page and what links to it show.
    let targets: [String: LinkTarget]
    /// Each note's page (`SitePaths.page(forNote:)`).
    let pages: [String]
    /// When this graph was made from the previous one after a body-only edit: the notes whose
    /// links were resolved again (the others' resolutions are the previous graph's). Nil when
    /// every link was resolved afresh.
    let reResolved: Set<Int>?
    /// A hash of what a page shows of each note when it links to it (id, page, title, brief).
    private let shown: [String]
    /// Each note's previous and next note in its folder (`NoteNavigation.folderNeighbours`).
    let folderNeighbours: [(previous: Int?, next: Int?)]
    private let index: [String: Int]
    /// What the resolver was built from besides the notes, to tell whether it still stands.
    private let files: [String]
    private let obsidian: ObsidianSettings?

    /// - Parameter previous: The graph of the same vault before an edit. When no note was
    ///   added, removed, renamed or retitled and the media and settings are the same, only
    ///   the links of the edited notes and of the notes that point at them are resolved again.
    /// - Parameter jobs: Notes whose links are resolved at once; the graph does not depend on it.
    init(notes: [Note], files: [String] = [], obsidian: ObsidianSettings? = nil, spooled: SpooledNotes? = nil,
         reusing previous: LinkGraph? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.notes = notes
        self.spooled = spooled
        self.files = files
        self.obsidian = obsidian
        if let previous, let changed = previous.bodyOnlyChanges(to: notes, files: files, obsidian: obsidian) {
            // Ids, paths and titles as before: so are the index, the pages and the folder order.
            index = previous.index
            pages = previous.pages
            folderNeighbours = previous.folderNeighbours
            resolver = previous.resolver.updating(changed.map { notes[$0] })
            let changedIDs = Set(changed.map { notes[$0].id })
            var again = Set(changed)
            for (i, links) in previous.resolutions.enumerated() where links.contains(where: { $0.mentions(changedIDs) }) {
                again.insert(i)
            }
            reResolved = again
            var resolutions = previous.resolutions
            for i in again { resolutions[i] = notes[i].links.map { [resolver] in resolver.resolve($0, from: notes[i].id) } }
            self.resolutions = resolutions
            var targets = previous.targets
            var shown = previous.shown
            for i in changed {
                targets[notes[i].id] = LinkTarget(page: pages[i], title: notes[i].title, brief: notes[i].frontMatter.brief ?? "")
                shown[i] = Self.shown(notes[i], page: pages[i])
            }
            self.targets = targets
            self.shown = shown
        } else {
            reResolved = nil
            var index: [String: Int] = [:]
            for (i, note) in notes.enumerated() where index[note.id] == nil { index[note.id] = i }
            self.index = index
            let pages = notes.concurrentMap(jobs: jobs) { SitePaths.page(forNote: $0.path) }
            self.pages = pages
            folderNeighbours = NoteNavigation.folderNeighbours(of: notes)
            let resolver = LinkResolver(notes: notes, files: files, obsidian: obsidian)
            self.resolver = resolver
            resolutions = notes.concurrentMap(jobs: jobs) { note in note.links.map { resolver.resolve($0, from: note.id) } }
            var targets: [String: LinkTarget] = [:]
            for (note, page) in zip(notes, pages) {
                targets[note.id] = LinkTarget(page: page, title: note.title, brief: note.frontMatter.brief ?? "")
            }
            self.targets = targets
            shown = Array(notes.indices).concurrentMap(jobs: jobs) { Self.shown(notes[$0], page: pages[$0]) }
        }
        (outgoing, incoming) = Self.edges(resolutions, index: index)
    }

    /// What a page linking to `note` shows of it, hashed.
    private static func shown(_ note: Note, page: String) -> String {
        ContentHasher.hash(note.id, page, note.title, note.frontMatter.brief ?? "")
    }

    /// Each note's outgoing and incoming links by note index: ascending, no duplicates, no self-links.
    private static func edges(_ resolutions: [[LinkResolution]], index: [String: Int]) -> (outgoing: [[Int]], incoming: [[Int]]) {
        var outgoing: [[Int]] = []
        outgoing.reserveCapacity(resolutions.count)
        var incoming = Array(repeating: [Int](), count: resolutions.count)
        for (i, links) in resolutions.enumerated() {
            var targets = Set<Int>()
            for resolution in links {
                if case .note(let id, _) = resolution, let j = index[id], j != i { targets.insert(j) }
            }
            let sorted = targets.sorted()
            outgoing.append(sorted)
            for j in sorted { incoming[j].append(i) }
        }
        return (outgoing, incoming)
    }

    /// The indices of the notes whose bytes changed, when nothing a link is resolved by
    /// besides headings and block ids changed (ids, paths, titles, aliases, media, settings);
    /// nil when the resolver must be built again.
    private func bodyOnlyChanges(to new: [Note], files: [String], obsidian: ObsidianSettings?) -> [Int]? {
        // Two notes with one id (`a.md`, `a.markdown`): rare, and simplest built afresh.
        guard new.count == notes.count, index.count == notes.count, files == self.files, obsidian == self.obsidian else {
            return nil
        }
        var changed: [Int] = []
        for i in new.indices where notes[i].contentHash != new[i].contentHash || notes[i].path != new[i].path {
            let (old, note) = (notes[i], new[i])
            guard old.id == note.id, old.path == note.path, old.title == note.title,
                  old.frontMatter.aliases == note.frontMatter.aliases else { return nil }
            changed.append(i)
        }
        return changed
    }

    /// What a note's verification depends on besides its own bytes: where its links lead,
    /// and the hints of the warnings of those that lead nowhere (`LinkResolver.verificationKey`,
    /// which `qed check`'s verdict cache keys by too).
    func resolutionKey(_ i: Int) -> String {
        resolver.verificationKey(links: notes[i].links, resolutions: resolutions[i])
    }

    /// The index of the note with this id.
    func index(of id: String) -> Int? { index[id] }

    /// Note `i` whole, for its own page and for pages embedding it.
    func fullNote(_ i: Int) throws(BuildError) -> Note {
        guard let spooled else { return notes[i] }
        guard let note = spooled.note(i, outline: notes[i]) else {
            throw .io(path: notes[i].path, message: "the parsed note could not be read back from the build's scratch file")
        }
        return note
    }

    /// Adds the content hashes of the notes a note's page shows in place (`![[note]]`),
    /// nested embeds included, so a page is rendered again when an embedded note changes.
    private func addEmbeds(of i: Int, to hasher: inout ContentHasher) {
        var seen: Set<Int> = [i]
        var frontier = [i]
        var hashes: [String] = []
        for _ in 0...Transclusion.maxDepth where !frontier.isEmpty {
            var next: [Int] = []
            for k in frontier {
                for (link, resolution) in zip(notes[k].links, resolutions[k]) where link.isEmbed {
                    guard case .note(let id, _) = resolution, let j = index[id], seen.insert(j).inserted else { continue }
                    hashes.append(notes[j].id + ":" + notes[j].contentHash)
                    next.append(j)
                }
            }
            frontier = next
        }
        for hash in hashes.sorted() { hasher.add(hash) }
    }

    /// What a note's page shows of other notes: the titles and briefs of the notes it links
    /// to, and of those linking to it, the content of notes it embeds, and the previous and
    /// next notes of its folder.
    func neighbourhoodKey(_ i: Int) -> String {
        var hasher = ContentHasher()
        hasher.add("out")
        for j in outgoing[i] { hasher.add(shown[j]) }
        hasher.add("in")
        for j in incoming[i] { hasher.add(shown[j]) }
        hasher.add("embeds")
        addEmbeds(of: i, to: &hasher)
        hasher.add("folder")
        for j in [folderNeighbours[i].previous, folderNeighbours[i].next] { hasher.add(j.map { shown[$0] } ?? "") }
        return hasher.hex
    }
}
