import InfoTheory
import Testing
@testable import Notes

/// `firstIndex(ofASCII:)`, the wiki-link scanner's search for `|` and `#`, finds the same
/// character as `firstIndex(of:)`, including where a mark or a Prepend joins the byte to a
/// neighbour so that it is no character by itself.
@Suite struct ASCIIIndexTests {
    static let pieces = [
        "|", "#", "a", "Z", " ", "熵", "信", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{600}", "\u{93F}",
        "\u{3099}", "\u{302A}", "👍", "🇩", "🇪", "\r", "\n", "\\", "ü", "\u{1100}", "\u{1161}", "-",
    ]

    @Test func agreesWithTheCharacterSearch() {
        var rng = SeededGenerator(seed: 0xA5C11)
        var samples = ["", "|", "a|b", "熵|信", "|\u{301}x|y", "\u{600}|a|b", "#\u{FE0F}\u{20E3} x#y", "a#", "信息论-01456|信息论 1456"]
        for _ in 0..<4000 {
            let length = Int(rng.next() % 8)
            samples.append((0..<length).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined())
        }
        for s in samples {
            for byte in [UInt8(ascii: "|"), UInt8(ascii: "#")] {
                let fast = s.firstIndex(ofASCII: byte)
                let slow = s.firstIndex(of: Character(Unicode.Scalar(byte)))
                #expect(fast == slow, "\(s.debugDescription)")
                if let fast, let slow {
                    #expect(String(s[..<fast]) == String(s[..<slow]))
                    #expect(String(s[s.index(after: fast)...]) == String(s[s.index(after: slow)...]))
                }
            }
        }
    }

    @Test func aCombiningMarkMakesTheBarPartOfALabel() {
        let n = note("See [[Target|\u{301}x|Label]].\n")
        #expect(n.links.first?.target == "Target|\u{301}x")
        #expect(n.links.first?.label == "Label")
    }
}
