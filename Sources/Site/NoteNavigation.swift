import Notes

/// What a note page shows to move around: its table of contents, the previous and next notes
/// of its folder, and the folders it sits in.
enum NoteNavigation {
    /// A table of contents is shown from this many headings on.
    static let minimumHeadings = 3

    /// Each note's previous and next note within its folder, in the order the home page lists
    /// a folder: by title, then by path (titles are what a reader sees; the path breaks ties).
    static func folderNeighbours(of notes: [Note]) -> [(previous: Int?, next: Int?)] {
        var result = Array(repeating: (previous: Int?.none, next: Int?.none), count: notes.count)
        var byFolder: [String: [Int]] = [:]
        for (i, note) in notes.enumerated() { byFolder[folder(of: note.path), default: []].append(i) }
        for members in byFolder.values {
            let sorted = members.sorted { (notes[$0].title, notes[$0].path) < (notes[$1].title, notes[$1].path) }
            for (k, i) in sorted.enumerated() {
                result[i] = (k > 0 ? sorted[k - 1] : nil, k + 1 < sorted.count ? sorted[k + 1] : nil)
            }
        }
        return result
    }

    /// `AI/Math/熵.md` → `AI/Math`; `""` at the root.
    static func folder(of path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    }

    /// An entry of a table of contents.
    struct Heading: Sendable, Equatable {
        /// The heading's text, readable (`NoteNavigation.readable`).
        var text: String
        /// For `href`: `#` and the heading's percent-encoded anchor.
        var anchor: String
        /// 0 for the shallowest level listed, at most 3.
        var depth: Int

        var context: Context { ["text": text, "anchor": anchor, "depth": depth] }
    }

    /// A folder above a note: `name` (`Math`) and `path` (`AI/Math`).
    struct Crumb: Sendable, Equatable {
        var name: String
        /// The note's whole folder path, which every crumb of the note shares, and how many
        /// of its bytes are this crumb's path: memory grows with the path's length, not with
        /// its square (a crumb holding its own copy of its prefix took 13 GB for 50,000 folders).
        private let folders: String
        private let pathBytes: Int

        init(name: String, path: String) {
            self.init(name: name, folders: path, pathBytes: path.utf8.count)
        }

        fileprivate init(name: String, folders: String, pathBytes: Int) {
            self.name = name
            self.folders = folders
            self.pathBytes = pathBytes
        }

        var path: String { String(decoding: folders.utf8.prefix(pathBytes), as: UTF8.self) }

        var context: Context { ["name": name, "path": path] }

        static func == (a: Crumb, b: Crumb) -> Bool { a.name == b.name && a.path == b.path }
    }

    /// The headings a table of contents lists: all of the note's, but a first `# Heading` that
    /// repeats the page title (the page hides it). Empty below `minimumHeadings`.
    static func contents(of note: Note) -> [Heading] {
        var headings = note.headings
        if let first = headings.first, first.level == 1, first.text == note.title { headings.removeFirst() }
        guard headings.count >= minimumHeadings else { return [] }
        let top = headings.map(\.level).min() ?? 1
        return headings.map { heading in
            Heading(text: readable(heading.text), anchor: "#" + SitePaths.percentEncode(heading.anchor),
                    depth: min(heading.level - top, 3))
        }
    }

    /// A heading's text for the contents list: `$…$` delimiters dropped, so `熵 $H(X)$` reads `熵 H(X)`.
    static func readable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "$" }))
    }

    /// The folders above a note, outermost first (`AI`, then `Math` / `AI/Math`).
    static func breadcrumbs(of path: String) -> [Crumb] {
        let segments = folder(of: path).split(separator: "/")
        let joined = segments.joined(separator: "/")
        var crumbs: [Crumb] = []
        crumbs.reserveCapacity(segments.count)
        var bytes = 0
        for (k, segment) in segments.enumerated() {
            bytes += (k > 0 ? 1 : 0) + segment.utf8.count  // the "/" between segments, then the segment
            crumbs.append(Crumb(name: String(segment), folders: joined, pathBytes: bytes))
        }
        return crumbs
    }
}
