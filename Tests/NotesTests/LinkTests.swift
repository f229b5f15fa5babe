import Diagnostics
import Testing
@testable import Notes

/// Wiki-link extraction and Obsidian-style resolution.
@Suite struct LinkTests {
    @Test func extractionForms() throws {
        let n = note("See [[t]], [[t|label]], [[AI/信息论#熵|entropy]], ![[diagram.png]], [[#Local]] and [[a\\|b]].\n`[[not]]` [not a link]\n")
        try #require(n.links.count == 6)
        #expect(n.links[0] == WikiLink(target: "t", heading: nil, label: nil, isEmbed: false,
                                       location: SourceLocation(file: "test.md", line: 1, column: 5), source: "[[t]]"))
        #expect(n.links[1].label == "label")
        #expect(n.links[2].target == "AI/信息论")
        #expect(n.links[2].heading == "熵")
        #expect(n.links[2].label == "entropy")
        #expect(n.links[2].location.column == 25)
        #expect(n.links[3].isEmbed)
        #expect(n.links[3].target == "diagram.png")
        #expect(n.links[3].location.column == 47)
        #expect(n.links[4].target.isEmpty)
        #expect(n.links[4].heading == "Local")
        #expect(n.links[5].target == "a")
        #expect(n.links[5].label == "b")
        #expect(n.body.holes == (0..<6).map { Hole.link($0) })
    }

    @Test func noLinksInCodeOrAcrossLines() {
        #expect(note("```\n[[x]]\n```\n\n`[[y]]`\n\n[[a\nb]] [[]] [[|x]]\n").links.isEmpty)
    }

    static let vault: [Note] = [
        note("---\naliases: [Information Theory]\n---\n# 信息论\n\n## 熵\n\n## Key Ideas\n", path: "AI/Math/信息论.md"),
        note("---\ntitle: Probability\n---\n# Probability\n", path: "AI/Math/概率.md"),
        note("---\ntitle: 概率 other\n---\n", path: "Other/概率.md"),
        note("# Foo Note\n", path: "a/Foo.md"),
        note("---\ntitle: Foo\n---\n", path: "b/Bar.md"),
        note("# Case\n", path: "X/CaseNote.md"),
        note("# Solo\n", path: "deep/er/Solo.md"),
    ]

    func resolve(_ target: String, heading: String? = nil, from: String? = nil) -> LinkResolution {
        let link = WikiLink(target: target, heading: heading, label: nil, isEmbed: false,
                            location: SourceLocation(file: "x.md", line: 1, column: 1), source: "[[\(target)]]")
        return LinkResolver(notes: Self.vault).resolve(link, from: from)
    }

    func id(_ r: LinkResolution) -> String? { if case .note(let id, _) = r { return id } else { return nil } }

    @Test func resolutionOrder() {
        #expect(id(resolve("AI/Math/信息论")) == "AI/Math/信息论")
        #expect(id(resolve("AI/Math/信息论.md")) == "AI/Math/信息论")
        #expect(id(resolve("信息论")) == "AI/Math/信息论")
        #expect(id(resolve("Information Theory")) == "AI/Math/信息论")
        #expect(id(resolve("Probability")) == "AI/Math/概率")
        #expect(id(resolve("Math/概率")) == "AI/Math/概率")
        #expect(id(resolve("er/Solo")) == "deep/er/Solo")
        // A file name beats another note's title.
        #expect(id(resolve("Foo")) == "a/Foo")
        #expect(id(resolve("casenote")) == "X/CaseNote")
        #expect(id(resolve("ai/math/信息论")) == "AI/Math/信息论")
        #expect(resolve("概率") == .ambiguous(["AI/Math/概率", "Other/概率"]))
        #expect(resolve("Nowhere") == .missingNote)
    }

    @Test func headings() {
        let resolver = LinkResolver(notes: Self.vault)
        func r(_ t: String, _ h: String) -> LinkResolution {
            resolver.resolve(WikiLink(target: t, heading: h, label: nil, isEmbed: false,
                                      location: SourceLocation(file: "x.md", line: 1, column: 1), source: ""), from: "AI/Math/信息论")
        }
        if case .note(_, let h) = r("信息论", "熵") { #expect(h?.anchor == "熵") } else { Issue.record("heading by text") }
        if case .note(_, let h) = r("信息论", "key-ideas") { #expect(h?.text == "Key Ideas") } else { Issue.record("heading by anchor") }
        if case .note(_, let h) = r("信息论", "key ideas") { #expect(h?.text == "Key Ideas") } else { Issue.record("case-insensitive heading") }
        if case .note(let id, let h) = r("", "熵") { #expect(id == "AI/Math/信息论"); #expect(h != nil) } else { Issue.record("same note") }
        #expect(r("信息论", "Missing") == .missingHeading(id: "AI/Math/信息论"))
    }

    @Test func whichHeadingALinkNames() {
        // "setup" is the text of the third heading and the anchor of the second; repeated
        // headings get numbered anchors.
        let notes = [note("# Intro\n\n## Set-up\n\n## setup\n\n## Intro\n\n## Notes\n\n## notes\n", path: "h.md")]
        let resolver = LinkResolver(notes: notes)
        func heading(_ h: String) -> Heading? {
            let link = WikiLink(target: "h", heading: h, label: nil, isEmbed: false,
                                location: SourceLocation(file: "x.md", line: 1, column: 1), source: "")
            if case .note(_, let found) = resolver.resolve(link) { return found }
            return nil
        }
        let all = notes[0].headings
        // An anchor beats a heading's text.
        #expect(heading("setup")?.anchor == all.first { $0.anchor == "setup" }?.anchor)
        #expect(heading("setup")?.location == all.first { $0.anchor == "setup" }?.location)
        // Of two headings with one text, the first.
        #expect(heading("Intro")?.location == all[0].location)
        // Exact text before text ignoring case; a lower-case link finds the first either way.
        #expect(heading("notes")?.location == all.first { $0.anchor == "notes" }?.location)
        #expect(heading("NOTES")?.location == all.first { $0.text == "Notes" }?.location)
        #expect(heading("nowhere") == nil)
    }

    @Test func diagnosticsWithHints() throws {
        let resolver = LinkResolver(notes: Self.vault)
        let source = note("Link to [[信息轮]] and [[信息论#Key Idea]] and [[概率]] and [[Zzzzzz]].\n", path: "n.md")
        let diagnostics = source.links.compactMap { resolver.diagnostic(for: $0, resolution: resolver.resolve($0, from: source.id)) }
        try #require(diagnostics.count == 4)
        #expect(diagnostics[0].code == .unresolvedLink)
        #expect(diagnostics[0].location == SourceLocation(file: "n.md", line: 1, column: 9))
        #expect(diagnostics[0].message == "no note named '信息轮'")
        #expect(diagnostics[0].hint == "did you mean '信息论'?")
        #expect(diagnostics[0].length == 7)
        #expect(diagnostics[1].code == .unresolvedHeading)
        #expect(diagnostics[1].hint == "did you mean '#Key Ideas'?")
        #expect(diagnostics[2].code == .ambiguousLink)
        #expect(diagnostics[3].hint == "create the note, or fix the link's path")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func manyLookupsStayFast() {
        // 3,000 notes, 3,000 lookups: dictionary work, not a scan per link.
        let notes = (0..<3000).map { note("# T\($0)\n", path: "d\($0 % 7)/n\($0).md") }
        let resolver = LinkResolver(notes: notes)
        var resolved = 0
        for k in 0..<3000 {
            let link = WikiLink(target: "n\(k)", heading: nil, label: nil, isEmbed: false,
                                location: SourceLocation(file: "x", line: 1, column: 1), source: "")
            if case .note = resolver.resolve(link) { resolved += 1 }
        }
        #expect(resolved == 3000)
    }
}

/// The cheap case folding used for link lookups folds exactly as `lowercased()` does.
@Suite struct LookupCaseFoldingTests {
    @Test func foldsLikeLowercased() {
        let samples = ["", "abc", "ABC", "Math/信息论", "熵", "İstanbul", "ΣΑΣ", "ǅemal", "ẞ", "mixed Ünïcode", "a\u{0}B", "😀X"]
        for sample in samples { #expect(sample.lowercasedForLookup == sample.lowercased(), "\(sample)") }
        var state: UInt64 = 99
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(state % 8) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pool: [UInt32] = [0x41, 0x5A, 0x61, 0x130, 0x3A3, 0x1C5, 0x4E2D, 0x1E9E, 0xC0, 0x10400]
                if let scalar = Unicode.Scalar(pool[Int(state >> 33) % pool.count]) { scalars.append(scalar) }
            }
            let text = String(scalars)
            #expect(text.lowercasedForLookup == text.lowercased(), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
