/// Nested tags rolled up: a note tagged `ai/foundations/math` also appears under
/// `ai/foundations` and `ai`, as Obsidian and Quartz readers expect.
public struct TagTree: Sendable, Equatable {
    /// One tag and the notes under it.
    public struct Tag: Sendable, Equatable {
        /// The full tag, such as `ai/foundations`.
        public let name: String
        /// Notes carrying exactly this tag, as indices into the list given to `init`, ascending.
        public let direct: [Int]
        /// Notes carrying this tag or any tag below it, ascending.
        public let all: [Int]
        /// Full names of the tags one level below, sorted.
        public let children: [String]
        /// The enclosing tag (`ai` for `ai/foundations`), nil at the top.
        public var parent: String? {
            guard let slash = name.lastIndex(of: "/") else { return nil }
            return String(name[..<slash])
        }
        /// The last segment, for display under a parent.
        public var leaf: String {
            guard let slash = name.lastIndex(of: "/") else { return name }
            return String(name[name.index(after: slash)...])
        }
        /// How deep the tag sits: 0 for `ai`, 2 for `ai/foundations/math`.
        public var depth: Int { name.count { $0 == "/" } }
    }

    /// Every tag, sorted by name (so parents come before their children).
    public let tags: [Tag]
    private let index: [String: Int]

    /// `tagsPerNote[i]` are the tags of note `i`, as written in front matter.
    ///
    /// Each distinct tag is normalized and split into its prefixes once, then notes are
    /// added by number: vaults repeat a few dozen tags over thousands of notes.
    public init(tagsPerNote: [[String]]) {
        var builder = Builder()
        for (note, tags) in tagsPerNote.enumerated() {
            for raw in tags { builder.add(note: note, tag: raw) }
        }
        tags = builder.tags()
        var index: [String: Int] = [:]
        for (i, tag) in tags.enumerated() { index[tag.name] = i }
        self.index = index
    }

    /// Tags by number while notes are added.
    private struct Builder {
        var number: [String: Int] = [:]
        var names: [String] = []
        var direct: [[Int]] = []
        var all: [[Int]] = []
        var children: [Set<Int>] = []
        /// Each raw tag's prefixes' numbers, the tag itself last; empty for no tag.
        var chains: [String: [Int]] = [:]

        mutating func add(note: Int, tag raw: String) {
            let chain = chains[raw] ?? makeChain(raw)
            guard let own = chain.last else { return }
            // Notes come in ascending order: a repeat can only be the last one added.
            if direct[own].last != note { direct[own].append(note) }
            for tag in chain where all[tag].last != note { all[tag].append(note) }
        }

        private mutating func makeChain(_ raw: String) -> [Int] {
            var chain: [Int] = []
            if let tag = TagTree.normalize(raw) {
                var prefix = ""
                for segment in tag.split(separator: "/") {
                    let parent = chain.last
                    prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
                    let tag = numbered(prefix)
                    if let parent { children[parent].insert(tag) }
                    chain.append(tag)
                }
            }
            chains[raw] = chain
            return chain
        }

        private mutating func numbered(_ name: String) -> Int {
            if let known = number[name] { return known }
            number[name] = names.count
            names.append(name)
            direct.append([])
            all.append([])
            children.append([])
            return names.count - 1
        }

        func tags() -> [Tag] {
            names.indices.sorted { names[$0] < names[$1] }.map { i in
                Tag(name: names[i], direct: direct[i], all: all[i], children: children[i].map { names[$0] }.sorted())
            }
        }
    }

    /// The tag as QED files it: no leading `#`, no surrounding spaces or slashes, no empty
    /// segments; nil when nothing is left.
    public static func normalize(_ raw: String) -> String? {
        // Most tags (every summary's) are normalized already: say so without building pieces.
        if isNormalized(raw) { return raw }
        var tag = Substring(raw).drop { $0 == "#" || $0.isWhitespace }
        while let last = tag.last, last.isWhitespace { tag = tag.dropLast() }
        let segments = tag.split(separator: "/", omittingEmptySubsequences: true)
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    /// Whether `normalize` would return `tag` as it is: no `#` in front, no whitespace, no
    /// empty segment.
    static func isNormalized(_ tag: String) -> Bool {
        guard tag.utf8.first != UInt8(ascii: "#") else { return false }
        var previous: Unicode.Scalar = "/"
        for scalar in tag.unicodeScalars {
            if scalar.properties.isWhitespace || (scalar == "/" && previous == "/") { return false }
            previous = scalar
        }
        return previous != "/"
    }

    /// The tag with this full name, if any note carries it (or a tag below it).
    public subscript(name: String) -> Tag? {
        index[name].map { tags[$0] }
    }

    /// The tags with no parent.
    public var roots: [Tag] { tags.filter { $0.parent == nil } }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
