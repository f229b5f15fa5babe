import Notes

/// Who links to whom, resolved once for the whole vault before any note is verified, so
/// cache keys can say which pages another note's title or links show up on.
struct LinkGraph: Sendable {
    let notes: [Note]
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
    /// Each note's previous and next note in its folder (`NoteNavigation.folderNeighbours`).
    let folderNeighbours: [(previous: Int?, next: Int?)]
    private let index: [String: Int]

    init(notes: [Note], files: [String] = [], obsidian: ObsidianSettings? = nil) {
        self.notes = notes
        let resolver = LinkResolver(notes: notes, files: files, obsidian: obsidian)
        self.resolver = resolver
        let resolutions = notes.map { note in note.links.map { resolver.resolve($0, from: note.id) } }
        var index: [String: Int] = [:]
        for (i, note) in notes.enumerated() where index[note.id] == nil { index[note.id] = i }
        var outgoing: [[Int]] = []
        var incoming = Array(repeating: [Int](), count: notes.count)
        for (i, links) in resolutions.enumerated() {
            var targets = Set<Int>()
            for resolution in links {
                if case .note(let id, _) = resolution, let j = index[id], j != i { targets.insert(j) }
            }
            let sorted = targets.sorted()
            outgoing.append(sorted)
            for j in sorted { incoming[j].append(i) }
        }
        var targets: [String: LinkTarget] = [:]
        for note in notes {
            targets[note.id] = LinkTarget(page: SitePaths.page(forNote: note.path), title: note.title,
                                          brief: note.frontMatter.brief ?? "")
        }
        self.resolutions = resolutions
        self.outgoing = outgoing
        self.incoming = incoming
        self.targets = targets
        self.index = index
        self.folderNeighbours = NoteNavigation.folderNeighbours(of: notes)
    }

    /// What a note's verification depends on besides its own bytes: where its links lead,
    /// and the hints of the warnings of those that lead nowhere (`LinkResolver.verificationKey`,
    /// which `qed check`'s verdict cache keys by too).
    func resolutionKey(_ i: Int) -> String {
        resolver.verificationKey(links: notes[i].links, resolutions: resolutions[i])
    }

    /// The index of the note with this id.
    func index(of id: String) -> Int? { index[id] }

    /// The content hashes of the notes a note's page shows in place (`![[note]]`), nested
    /// embeds included, so a page is rendered again when an embedded note changes.
    func embedKey(_ i: Int) -> String {
        var seen: Set<Int> = [i]
        var frontier = [i]
        var hashes: [String] = []
        for _ in 0...Transclusion.maxDepth {
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
        return hashes.sorted().joined(separator: ",")
    }

    /// What a note's page shows of other notes: the titles and briefs of the notes it links
    /// to, and of those linking to it, the content of notes it embeds, and the previous and
    /// next notes of its folder.
    func neighbourhoodKey(_ i: Int) -> String {
        func describe(_ j: Int) -> String {
            let t = targets[notes[j].id]
            return [notes[j].id, t?.page ?? "", t?.title ?? "", t?.brief ?? ""].joined(separator: "\u{1F}")
        }
        return "out:" + outgoing[i].map(describe).joined(separator: "\u{1E}")
            + "\nin:" + incoming[i].map(describe).joined(separator: "\u{1E}")
            + "\nembeds:" + embedKey(i)
            + "\nfolder:" + [folderNeighbours[i].previous, folderNeighbours[i].next].map { $0.map(describe) ?? "" }.joined(separator: "\u{1E}")
    }
}
