import InfoTheory
import Diagnostics
import Testing
@testable import Notes

/// Front matter composed with Yams's basic resolver and tagged by `YAMLTags` reads exactly as
/// it did with the default resolver: tags, values, diagnostics, duplicate keys.
@Suite struct YAMLTagsTests {
    /// Characters that matter to the default rules, YAML syntax and Unicode line terminators.
    static let alphabet: [String] = [
        "y", "Y", "e", "s", "n", "N", "o", "O", "t", "T", "r", "u", "f", "F", "a", "l", "x", "b", "E", "I", "i",
        "0", "1", "7", "9", "_", ".", "+", "-", ":", "<", "~", "=", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}",
        "\u{85}", "\u{2028}", "\u{2029}", "é", "熵", "Z", "q",
    ]

    @Test func plainScalarTagsMatchYams() {
        var rng = SeededGenerator(seed: 0x5EED)
        let fixed = ["", "true", "True", "yes", "off", "on", "null", "Null", "~", "=", "<<", "1", "-1", "0x1F", "0o17",
                     "1_000", "1e3", ".5", ".inf", "-.Inf", ".nan", "1:20", "2026-02-13", "2026-2-3 1:02:03",
                     "2026-02-13T09:30:00Z", "\n", "\u{85}", "\u{2028}", "\r\n", "yesterday", "熵", "Tom", "x",
                     "true\n", "NULL\r\n", "no\u{85}", "off\u{2028}", "truex", "TRUE ", "nullx", "tRue", "on\n\n",
                     "yes\u{0B}", "False\u{0C}", "type/method", "theory", "null\r", "o\nn"]
        var samples = fixed
        let words = Array(YAMLTags.boolWords) + Array(YAMLTags.nullWords)
        for _ in 0..<1000 {
            let word = words[Int(rng.next() % UInt64(words.count))]
            let tail = (0..<(rng.next() % 3)).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
            samples.append(word + tail)
        }
        for _ in 0..<3000 {
            let length = Int(rng.next() % 9)
            samples.append((0..<length).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined())
        }
        for sample in samples {
            #expect(YAMLTags.plain(sample) == YAMLTags.resolvedByYams(sample), "\(sample.debugDescription)")
        }
    }

    @Test func surelyTextOnlyForLettersOutsideTheRulesAndNonASCII() {
        #expect(YAMLTags.surelyText("a") && YAMLTags.surelyText("熵") && YAMLTags.surelyText("Z"))
        for c in ["y", "N", "t", "F", "o", "1", "-", ".", "<", "~", "=", "\n", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(!YAMLTags.surelyText(c.unicodeScalars.first!), "\(c.debugDescription)")
        }
    }

    static let seeds = [
        "title: 信息论\nbrief: \"熵\"\ntags: [a, b]\ncreated: 2026-02-13\nupdated: \"2026-02-14\"\nqed: {tolerance: 1e-6, formulas: true}\n",
        "a: true\nb: 'true'\nc: 1\nd: \"1\"\ne: ~\nf: null\ng:\nh: .inf\ni: 0x1F\nj: yes\nk: 1_000\n",
        "1: a\n'1': b\n", "true: a\n\"true\": b\n", "x: 1\nx: 2\n", "? {=: k}\n: v\n{=: w}: z\n",
        "tags: one, two\naliases:\n  - x\n  - ~\n  - [n]\n", "title: [a]\ntype: {b: c}\ncreated: yes\n",
        "qed: {tolerance: nan, formulas: 'yes', other: 1}\n", "m: {a: {b: [1, 2.5, off, =, <<]}}\n",
        "title: |\n  block\n  text\nbrief: >\n  folded\n", "date: 2026-02-13 09:30:00\nlastmod: 13.2.2026\n",
        "- a\n- b\n", "just text\n", "a: [1, 2\n", "a: 'unclosed\n", "a:\n  - b\n c: d\n", "=: x\ny: =\n",
    ]

    static let insertions = [
        "1", "true", "'", "\"", ":", ": ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "=", "~", "#", "x", "熵",
        "yes", "0x", ".", "<<", "?", "\t", "2026-01-02", "null",
    ]

    /// Mutated front matter reads the same with the fast resolver as with Yams's default one.
    @Test func basicAndDefaultResolverReadTheSame() {
        var rng = SeededGenerator(seed: 0xF00D)
        var inputs = Self.seeds
        for _ in 0..<1500 {
            var bytes = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
            for _ in 0...(rng.next() % 4) {
                let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
                switch rng.next() % 3 {
                case 0: bytes.insert(contentsOf: Array(Self.insertions[Int(rng.next() % UInt64(Self.insertions.count))].utf8), at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default:
                    let other = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
                    bytes.insert(contentsOf: other.prefix(Int(rng.next() % 24)), at: at)
                }
            }
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        var basicUsed = 0
        for yaml in inputs {
            var fast = FrontMatterParser(file: "n.md")
            var slow = FrontMatterParser(file: "n.md")
            slow.mayUseBasicResolver = false
            let a = fast.parse(yaml), b = slow.parse(yaml)
            #expect(a == b, "\(yaml.debugDescription)")
            #expect(fast.diagnostics == slow.diagnostics, "\(yaml.debugDescription)")
            if YAMLTags.mayComposeBasic(yaml) { basicUsed += 1 }
        }
        #expect(basicUsed > inputs.count / 2)
    }

    /// Keys equal as text but not as tags (`1` and `'1'`) are distinct under the default
    /// resolver; the basic one calls them duplicates, and the parser must not believe it.
    @Test func keysDistinctOnlyByTagAreNotDuplicates() {
        var parser = FrontMatterParser(file: "n.md")
        let fm = parser.parse("1: a\n'1': b\ntitle: T\n")
        #expect(parser.diagnostics.isEmpty, "\(parser.diagnostics)")
        #expect(fm.title == "T")
        var duplicate = FrontMatterParser(file: "n.md")
        _ = duplicate.parse("x: 1\nx: 2\n")
        #expect(duplicate.diagnostics.first?.message.contains("duplicated keys: x") == true)
    }
}
