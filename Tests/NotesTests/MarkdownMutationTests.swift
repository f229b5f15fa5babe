import InfoTheory
import Foundation
import Testing
@testable import Notes

/// A bounded, seeded, in-process mutation run over the Markdown extensions: thousands of
/// mutated notes through `MarkdownFuzzing.run`, the body of the `fuzzMarkdown` fuzz target.
/// A crash or a hang fails the run; each one found becomes a named regression test below.
@Suite struct MarkdownMutationTests {
    static let seeds: [String] = [
        "| a | b |\n|:--|--:|\n| $x$ | [[n\\|l]] |\n| \\| | ~~s~~ |\n",
        "> [!tip]- Title $y$\n> > [!note]\n> > - [ ] task\n> | t |\n> |---|\n",
        "Text[^1] and[^2].\n\n[^1]: One.\n\n    Two.\n[^2]: ==hi==\n",
        "![[a.png|300x200]] ![[../img/a.png]] ![[missing.png]] [[other#^blk]] [[../x]]\n",
        "para ^id-1\n\n#tag #a/b https://x.org/(a) www.y.com. %%c%% ==m== ~x~\n",
        "$$\na\n\nb\n$$\n\n$$\nunclosed\n\n# H\n",
        "<div align=\"center\"><img src=x onerror=y><script>z</script></div>\n<font color=red>r</font> </span>\n",
        "- [x] done ^blk\n1. [ ] no\n\n%%\nblock\n%%\n<details><summary>s</summary>\n\nx\n</details>\n",
    ]
    static let fragments: [String] = ["|", "---", ":-:", "> ", "[!", "]", "[^", "]:", "    ", "\n", "\n\n", "$$", "$",
                                      "![[", "]]", "#", "^", "%%", "==", "~~", "~", "<", ">", "</", "<!--", "-->", "\"",
                                      "'", "=", "https://", "www.", "(", ")", "\\", "`", "- [ ] ", "+", "-", "中", "\u{E000}"]

    @Test func mutatedNotesNeverCrashOrHang() {
        var rng = SeededGenerator(seed: 2026)
        let start = Date()
        var runs = 0
        for round in 0..<2000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
                switch rng.next() % 4 {
                case 0: bytes.insert(contentsOf: Array(Self.fragments[Int(rng.next() % UInt64(Self.fragments.count))].utf8), at: at)
                case 1: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 2: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 8))) }
                default:
                    let other = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
                    let from = Int(rng.next() % UInt64(other.count))
                    bytes.insert(contentsOf: other[from..<min(other.count, from + 40)], at: at)
                }
            }
            MarkdownFuzzing.run(bytes)
            runs += 1
        }
        #expect(runs == 2000)
        #expect(Date().timeIntervalSince(start) < 20, "2,000 small notes must stay fast")
    }

    /// Large repetitive inputs stay linear-ish: thousands of constructs in one note.
    @Test func manyConstructsStayFast() {
        let start = Date()
        let big = String(repeating: "| a | b |\n|---|---|\n| ~~x~~ | [^n] |\n\n> [!note] t\n> x ^id\n\n", count: 1500)
            + String(repeating: "<div><span style=\"color:red\">", count: 2000) + "[^n]: d\n"
        let n = note(big)
        #expect(n.diagnostics.contains { $0.code == .rawHTMLUnclosed })
        let urls = note("https://a.org/" + String(repeating: ")", count: 50_000) + " " + String(repeating: "~a ", count: 50_000))
        #expect(urls.links.isEmpty)
        let unclosed = note(String(repeating: "%%", count: 1) + String(repeating: "$$ a\n\nb ", count: 3000))
        #expect(!unclosed.diagnostics.isEmpty)
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
