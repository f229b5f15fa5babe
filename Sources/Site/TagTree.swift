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
    public init(tagsPerNote: [[String]]) {
        var direct: [String: Set<Int>] = [:]
        var all: [String: Set<Int>] = [:]
        var children: [String: Set<String>] = [:]
        for (index, tags) in tagsPerNote.enumerated() {
            for raw in tags {
                guard let tag = TagTree.normalize(raw) else { continue }
                direct[tag, default: []].insert(index)
                var prefix = ""
                for segment in tag.split(separator: "/") {
                    let parent = prefix
                    prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
                    all[prefix, default: []].insert(index)
                    if !parent.isEmpty { children[parent, default: []].insert(prefix) }
                }
            }
        }
        tags = all.keys.sorted().map { name in
            Tag(name: name, direct: (direct[name] ?? []).sorted(), all: (all[name] ?? []).sorted(),
                children: (children[name] ?? []).sorted())
        }
        var index: [String: Int] = [:]
        for (i, tag) in tags.enumerated() { index[tag.name] = i }
        self.index = index
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
