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
