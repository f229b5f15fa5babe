import Testing
import Markup
@testable import Site

@Suite struct PathsTests {
    @Test func notePagesMirrorVaultPaths() {
        #expect(SitePaths.page(forNote: "AI/信息论.md") == "AI/信息论.html")
        #expect(SitePaths.page(forNote: "a/b/c.md") == "a/b/c.html")
        #expect(SitePaths.page(forNote: "README.markdown") == "README.html")
    }

    @Test func notesCannotTakeGeneratedPagesOrClimbOut() {
        #expect(SitePaths.page(forNote: "index.md") == "index-note.html")
        #expect(SitePaths.page(forNote: "404.md") == "404-note.html")
        #expect(SitePaths.page(forNote: "_qed/search.md") == "_qed/search-note.html")
        #expect(SitePaths.page(forNote: "../../etc/passwd.md") == "_/_/etc/passwd.html")
        #expect(SitePaths.page(forNote: "/abs.md") == "abs.html")
    }

    /// Extensions and reserved names are matched in any letter case (file systems that
    /// ignore case would otherwise let `Index.MD` overwrite the home page), and only those.
    @Test func extensionsAndReservedNamesIgnoreLetterCase() {
        #expect(SitePaths.page(forNote: "A/Note.MD") == "A/Note.html")
        #expect(SitePaths.page(forNote: "Read.MarkDown") == "Read.html")
        #expect(SitePaths.page(forNote: "Index.MD") == "Index-note.html")
        #expect(SitePaths.page(forNote: "SITEMAP.md") == "SITEMAP-note.html")
        #expect(SitePaths.page(forNote: "_QED/x.md") == "_QED/x-note.html")
        #expect(SitePaths.page(forNote: "_qed.md") == "_qed-note.html")
        #expect(SitePaths.page(forNote: "_qedx/a.md") == "_qedx/a.html")
        #expect(SitePaths.page(forNote: "indexes.md") == "indexes.html")
        #expect(SitePaths.page(forNote: "notes.mdx") == "notes.mdx.html")
        #expect(SitePaths.page(forNote: "信息.md") == "信息.html")
        #expect(SitePaths.page(forNote: ".md") == "_.html")
    }

    /// The byte-compared `page(forNote:)` gives what the former one, which lower-cased whole
    /// paths (kept here as the reference), gave on random paths.
    @Test func notePagesMatchTheLowerCasingDefinition() {
        func reference(_ notePath: String) -> String {
            var stem = notePath
            for suffix in [".md", ".markdown"] where notePath.lowercased().hasSuffix(suffix) {
                stem = String(stem.dropLast(suffix.count))
                break
            }
            let segments = stem.split(separator: "/", omittingEmptySubsequences: true)
                .map { $0 == "." || $0 == ".." ? "_" : String($0) }
            var path = segments.isEmpty ? "_" : segments.joined(separator: "/")
            let lower = path.lowercased()
            if ["index", "404", "sitemap"].contains(lower) || lower == "_qed" || lower.hasPrefix("_qed/") { path += "-note" }
            return path + ".html"
        }
        let pieces = ["index", "Index", "INDEX", "404", "sitemap", "SiteMap", "_qed", "_QED", "_Qed", "/", "/", ".md", ".MD",
                      ".Md", ".markdown", ".MARKDOWN", ".mdx", "信息论", "é", "e\u{301}", ".", "..", "a", "x.md", "md", " "]
        var state: UInt64 = 0x5EED_FA7E
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<5000 {
            let path = (0..<(1 + next() % 5)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(SitePaths.page(forNote: path) == reference(path), "\(path)")
        }
    }

    @Test func chinesePathsArePercentEncodedAsUTF8PerSegment() {
        #expect(SitePaths.percentEncode("信息论.html") == "%E4%BF%A1%E6%81%AF%E8%AE%BA.html")
        #expect(SitePaths.percentEncode("a b?c#d%e/f") == "a%20b%3Fc%23d%25e%2Ff")
        #expect(SitePaths.percentEncodePath("AI/信息 论.html") == "AI/%E4%BF%A1%E6%81%AF%20%E8%AE%BA.html")
    }

    @Test func relativeURLsWorkFromAnyDepth() {
        #expect(SitePaths.relativeURL(from: "AI/信息论.html", to: "AI/KL.html") == "KL.html")
        #expect(SitePaths.relativeURL(from: "AI/RL/x.html", to: "index.html") == "../../index.html")
        #expect(SitePaths.relativeURL(from: "index.html", to: "AI/信息论.html") == "AI/%E4%BF%A1%E6%81%AF%E8%AE%BA.html")
        #expect(SitePaths.relativeURL(from: "AI/a/x.html", to: "AI/b/y.html") == "../b/y.html")
        #expect(SitePaths.relativeURL(from: "x.html", to: "x.html", fragment: "熵") == "x.html#%E7%86%B5")
        #expect(SitePaths.rootPrefix(from: "a/b/c.html") == "../../")
        #expect(SitePaths.rootPrefix(from: "index.html") == "")
    }

    /// The byte-built `relativeURL` and `percentEncode` give what the former String-built ones
    /// gave (kept here as the reference) on random paths: folders in common or not, `..`-like,
    /// empty and non-ASCII segments, canonically equivalent folder names, fragments.
    @Test func byteBuiltURLsMatchTheStringBuiltOnes() {
        func encode(_ segment: String) -> String {
            let hex: [Character] = Array("0123456789ABCDEF")
            var out = ""
            for byte in segment.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    out.append("%"); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)])
                }
            }
            return out
        }
        func reference(_ from: String, _ to: String, _ fragment: String?) -> String {
            let fromDirs = Array(from.split(separator: "/", omittingEmptySubsequences: true).dropLast())
            let toParts = to.split(separator: "/", omittingEmptySubsequences: true)
            let toDirs = Array(toParts.dropLast())
            var common = 0
            while common < fromDirs.count, common < toDirs.count, fromDirs[common] == toDirs[common] { common += 1 }
            var parts = Array(repeating: "..", count: fromDirs.count - common)
            parts += toParts.dropFirst(common).map { encode(String($0)) }
            var url = parts.joined(separator: "/")
            if url.isEmpty { url = "./" }
            if let first = parts.first, first != "..", first.contains(":") { url = "./" + url }
            if let fragment, !fragment.isEmpty { url += "#" + encode(fragment) }
            return url
        }
        let segments = ["a", "AI", "信息论", "x.html", "", "..", ".", "a b", "é", "e\u{301}", "javascript:x", "%", "#", "~_-."]
        var state: UInt64 = 0x9A7E_5EED
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func path() -> String { (0..<(next() % 5)).map { _ in segments[next() % segments.count] }.joined(separator: "/") }
        for _ in 0..<3000 {
            let (from, to) = (path(), path())
            let fragment: String? = next() % 3 == 0 ? nil : segments[next() % segments.count]
            #expect(SitePaths.relativeURL(from: from, to: to, fragment: fragment) == reference(from, to, fragment),
                    "\(from) → \(to) # \(fragment ?? "nil")")
            #expect(SitePaths.percentEncode(to) == encode(to))
        }
    }

    /// The byte split of paths is the Character split, also where a `/` joins a neighbour
    /// (a combining mark after it, a prepended mark before it, a ZWJ, CR LF).
    @Test func pathSegmentsAreTheCharacterSplit() {
        let pieces = ["/", "/", "//", "a", "信息", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{0600}", "\u{093F}",
                      "\r", "\n", "\u{3099}", "🙂", "\u{1F3FB}", "한", "\u{1100}", "Ａ", ".", " "]
        var state: UInt64 = 0x5E6_0E17
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<5000 {
            let path = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
            let expected = path.split(separator: "/", omittingEmptySubsequences: true)
            let found = SitePaths.segments(of: path)
            #expect(found.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) }, "\(path.debugDescription)")
        }
    }

    @Test func aSegmentWithAColonCannotBecomeAScheme() {
        let url = SitePaths.relativeURL(from: "index.html", to: "javascript:alert(1).html")
        #expect(url == "javascript%3Aalert%281%29.html")
        #expect(!url.lowercased().hasPrefix("javascript:"))
    }

    @Test func tagPagesNest() {
        #expect(SitePaths.page(forTag: "ai/foundations/math") == "_qed/tags/ai/foundations/math.html")
        #expect(SitePaths.page(forTag: "../x") == "_qed/tags/_/x.html")
    }

    @Test func tagsRollUpToTheirParents() {
        let tree = TagTree(tagsPerNote: [["ai/foundations/math", "type/concept"], ["#ai/foundations"], ["ai"], ["  /  "]])
        #expect(tree.tags.map(\.name) == ["ai", "ai/foundations", "ai/foundations/math", "type", "type/concept"])
        #expect(tree["ai"]?.all == [0, 1, 2])
        #expect(tree["ai"]?.direct == [2])
        #expect(tree["ai/foundations"]?.all == [0, 1])
        #expect(tree["ai/foundations"]?.children == ["ai/foundations/math"])
        #expect(tree["ai/foundations/math"]?.parent == "ai/foundations")
        #expect(tree["ai/foundations/math"]?.leaf == "math")
        #expect(tree.roots.map(\.name) == ["ai", "type"])
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("a\u{0}b\u{85}c\n") == "abc\n")
        #expect(HTML.escapeForScript("{\"t\":\"</script>\"}") == "{\"t\":\"\\u003c/script\\u003e\"}")
    }

    @Test func sitemapIsRelativeWithoutBaseURLAndAbsoluteWithIt() {
        let relative = Sitemap.xml(pages: ["index.html", "AI/信息论.html"], baseURL: nil)
        #expect(relative.contains("<loc>AI/%E4%BF%A1%E6%81%AF%E8%AE%BA.html</loc>"))
        #expect(!relative.contains("http"  + "s://"))
        let absolute = Sitemap.xml(pages: ["index.html", "AI/信息论.html"], baseURL: "https://example.org/notes")
        #expect(absolute.contains("<loc>https://example.org/notes/</loc>"))
        #expect(absolute.contains("<loc>https://example.org/notes/AI/%E4%BF%A1%E6%81%AF%E8%AE%BA.html</loc>"))
    }
}

@Suite struct PlainTextTests {
    @Test func stripsTagsDecodesEntitiesAndCollapsesSpace() {
        var text = PlainText(limit: 100)
        text.append(html: "<h1>熵 &amp; KL</h1>\n<p>a&lt;b  &quot;c&#39;</p>")
        text.append(text: " x ")
        #expect(text.finished == "熵 & KL a<b \"c' x")
    }

    @Test func stopsAtTheLimit() {
        var text = PlainText(limit: 5)
        text.append(html: "<p>abcdefgh</p>")
        #expect(text.isFull)
        #expect(text.finished == "abcde")
    }
}
