import Testing
@testable import Site

/// The shortcut for tags already in normal form answers as the full normalization would.
@Suite struct TagNormalizeTests {
    /// `normalize` as it is defined, without the shortcut.
    static func reference(_ raw: String) -> String? {
        var tag = Substring(raw).drop { $0 == "#" || $0.isWhitespace }
        while let last = tag.last, last.isWhitespace { tag = tag.dropLast() }
        let segments = tag.split(separator: "/", omittingEmptySubsequences: true)
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    @Test func theShortcutAgreesWithTheDefinitionOnRandomTags() {
        let alphabet: [String] = ["a", "Z", "1", "#", "/", " ", "\t", "\u{3000}", "信", "息", "-", "_", "é", "e\u{301}", "\r\n", "\u{A0}"]
        var generator = SplitMix64(seed: 14)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 9)
            let tag = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(TagTree.normalize(tag) == Self.reference(tag), "\(tag.debugDescription)")
        }
    }

    @Test func normalTagsTakeTheShortcutAndOthersDoNot() {
        #expect(TagTree.isNormalized("ai/foundations/math"))
        #expect(TagTree.isNormalized("信息论/熵"))
        #expect(!TagTree.isNormalized("#ai"))
        #expect(!TagTree.isNormalized("ai//math"))
        #expect(!TagTree.isNormalized("ai/"))
        #expect(!TagTree.isNormalized("/ai"))
        #expect(!TagTree.isNormalized("信息\u{3000}论"))
        #expect(!TagTree.isNormalized(""))
    }
}

/// The tree built from numbered tags is the tree as defined: every prefix, its notes, its children.
@Suite struct TagTreeEquivalenceTests {
    /// The definition, one string at a time.
    static func reference(_ tagsPerNote: [[String]]) -> [TagTree.Tag] {
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
        return all.keys.sorted().map { name in
            TagTree.Tag(name: name, direct: (direct[name] ?? []).sorted(), all: (all[name] ?? []).sorted(),
                        children: (children[name] ?? []).sorted())
        }
    }

    @Test func randomVaultsGiveTheDefinedTree() {
        let pieces = ["ai", "math", "信息论", "#ai", " ai ", "ai/math", "ai//math/", "/x", "type/concept", "", "#", "ai/math/熵"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let notes = (0..<Int(generator.next() % 12)).map { _ in
                (0..<Int(generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            }
            #expect(TagTree(tagsPerNote: notes).tags == Self.reference(notes), "\(notes)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
