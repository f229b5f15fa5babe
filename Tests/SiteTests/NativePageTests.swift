import Foundation
import Testing
@testable import Site

/// The default theme's pages are written natively (NativePages*.swift); they must be the bytes
/// the default Mustache templates render, and a theme that replaces any template a page uses
/// must still get Mustache.
@Suite struct NativePageTests {
    static let repository = DefaultThemeTests.repository

    /// A theme folder holding every default template unchanged: every page goes through
    /// Mustache, with the same theme hash.
    static func mustacheTheme(in base: String, extra: [String: String] = [:]) throws -> String {
        let folder = base + "/mustache-theme"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, text) in DefaultTheme.files where path.hasSuffix(".mustache") {
            try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8)
        }
        for (path, text) in extra { try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8) }
        return folder
    }

    /// Every `.html` file of a built site, by path.
    static func pages(_ site: String) -> [String: Data] {
        var pages: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: site) else { return pages }
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            pages[relative] = FileManager.default.contents(atPath: site + "/" + relative)
        }
        return pages
    }

    /// Builds the vault natively and through Mustache; every page must be the same bytes.
    /// Returns how many pages were compared.
    @discardableResult
    static func expectSameSites(vault: String, base: String, showDiagnostics: Bool = false,
                                themeExtra: [String: String] = [:]) throws -> Int {
        let mustache = try mustacheTheme(in: base, extra: themeExtra)
        var nativeTheme: String? = nil
        if !themeExtra.isEmpty {
            // Only words.json / assets: the pages stay native.
            nativeTheme = base + "/words-theme"
            try FileManager.default.createDirectory(atPath: nativeTheme!, withIntermediateDirectories: true)
            for (path, text) in themeExtra { try text.write(toFile: nativeTheme! + "/" + path, atomically: true, encoding: .utf8) }
            #expect(try Theme.load(userFolder: nativeTheme).rendersNatively("note"))
        }
        #expect(try !Theme.load(userFolder: mustache).rendersNatively("note"))
        for (output, templates) in [(base + "/native", nativeTheme), (base + "/mustache", mustache)] {
            var options = BuildOptions(vault: vault, output: output, templates: templates, keepGoing: true, jobs: 2)
            options.showDiagnostics = showDiagnostics
            options.useCache = false
            _ = try SiteBuilder(options: options).build()
        }
        let native = pages(base + "/native"), viaMustache = pages(base + "/mustache")
        #expect(native.count == viaMustache.count)
        #expect(native.count > 3)
        for (path, data) in viaMustache.sorted(by: { $0.key < $1.key }) {
            #expect(native[path] == data, "\(path): the native page differs from Mustache's")
        }
        return native.count
    }

    static func temporaryFolder() throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("qed-native-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        return base
    }

    /// A copy of a vault of the repository (building writes a note cache into the vault).
    static func copy(_ vault: String, into base: String) throws -> String {
        try FileManager.default.copyItem(atPath: vault, toPath: base + "/vault")
        return base + "/vault"
    }

    @Test func defaultPartialsAreTheTemplatesPartials() throws {
        let texts = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.text) })
        func partials(of name: String) -> [String] {
            let text = texts[name + ".mustache"] ?? ""
            var found: [String] = []
            var rest = Substring(text)
            while let open = rest.range(of: "{{>") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let partial = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                found += [partial] + partials(of: partial)
                rest = rest[close.upperBound...]
            }
            return found
        }
        for name in Theme.pageTemplates {
            #expect(Set(partials(of: name)) == Set(Theme.defaultPartials[name] ?? []), "\(name).mustache")
        }
        #expect(Set(Theme.defaultPartials.keys) == Set(Theme.pageTemplates))
    }

    @Test func repositoryNotesAreByteIdentical() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let vault = try Self.copy(Self.repository.appendingPathComponent("notes").path, into: base)
        #expect(try Self.expectSameSites(vault: vault, base: base) > 14)
    }

    @Test func obsidianFixtureIsByteIdenticalWithDiagnosticsShown() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let vault = try Self.copy(ObsidianVaultTests.fixture, into: base)
        try Self.expectSameSites(vault: vault, base: base, showDiagnostics: true)
    }

    /// Markup characters everywhere a note puts text on a page, failing claims, problems,
    /// backlinks, contents, neighbours, deep folders and tags, extra front-matter keys.
    static let hostileVault: [String: String] = [
        "qed.yml": "title: \"<Site> & 'Co'\"\n",
        "a/b/c/<Tag&Title>.md": """
        ---
        title: "<script>alert('x')</script> & \\"quoted\\""
        brief: "a < b & c > d 'single' \\"double\\""
        type: "ty<pe>"
        domain: "do&main"
        created: 2026-02-13
        updated: "2026-02-14"
        tags: ["x<y>", "a&b/c'd", "deep/er/est/most/very/deep"]
        custom_key: "<b>extra</b>"
        listy: [1, "<two>"]
        ---
        # First <heading>

        Links to [[Other & <note>]] and [[missing note]].

        ## Second & "heading"

        ## Third 'heading' $x^2$

        ### Fourth

        ```qed
        let p = 0.5
        claim p == 0.6
        ```

        Text with #inline<tag> and #ok/tag.
        """,
        "a/b/c/Other & <note>.md": """
        ---
        title: Other & <note>
        brief: "brief with \\"quotes\\" and <b>"
        tags: [x<y>]
        ---
        Back to [[<Tag&Title>]]. A bad cell:

        ```qed
        let q = undefined_name + 1
        ```
        """,
        "a/b/c/Zed.md": "No front matter, no tags, nothing.\n",
        "root note.md": "---\ntitle: \"  \"\n---\nEmpty-looking title.\n",
        "其他/中文笔记.md": "---\ntitle: 熵与“引号”\nbrief: 中文简介 <b>\ndomain: 数学\n---\n# 熵与“引号”\n\n中文正文。\n",
    ]

    @Test func hostileVaultIsByteIdentical() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/vault", withIntermediateDirectories: true)
        for (path, text) in Self.hostileVault {
            let full = base + "/vault/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        try Self.expectSameSites(vault: base + "/vault", base: base, showDiagnostics: true)
        let note = try String(contentsOfFile: base + "/native/a/b/c/<Tag&Title>.html", encoding: .utf8)
        #expect(note.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(note.contains("class=\"problems\""))
        #expect(note.contains("class=\"backlinks\""))
        #expect(note.contains("class=\"toc toc-inline\""))
        #expect(note.contains("class=\"folder-nav\""))
        #expect(note.contains("class=\"breadcrumbs\""))
        #expect(!note.contains("<script>alert"))
    }

    @Test func wordsAndAssetsKeepPagesNative() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/vault", withIntermediateDirectories: true)
        for (path, text) in Self.hostileVault where !path.contains("/") || path.hasPrefix("a/") {
            let full = base + "/vault/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        let words = "{\"en\": {\"linkedFrom\": \"<Linked> & 'from'\", \"footer\": \"QED {version} <b>\"}}"
        try Self.expectSameSites(vault: base + "/vault", base: base, themeExtra: ["words.json": words])
        #expect(try String(contentsOfFile: base + "/native/index.html", encoding: .utf8).contains("&lt;b&gt;"))
    }

    /// A user's note.mustache or header partial replaces the native pages that use it, and
    /// only those.
    @Test func overriddenTemplatesGoThroughMustache() throws {
        let vault = try TemporaryVault(["AI/One.md": "---\ntitle: One\ntags: [t]\n---\nText.\n", "AI/Two.md": "# Two\n"])
        defer { vault.remove() }
        let theme = vault.base + "/theme"
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)

        try "<p>custom note {{note.title}}</p>".write(toFile: theme + "/note.mustache", atomically: true, encoding: .utf8)
        var loaded = try Theme.load(userFolder: theme)
        #expect(!loaded.rendersNatively("note") && loaded.rendersNatively("home") && loaded.rendersNatively("tag"))
        _ = try vault.build(templates: theme)
        #expect(vault.read("AI/One.html") == "<p>custom note One</p>")
        #expect(vault.read("index.html").contains("<body class=\"page-home\">"))

        try "<header>MY HEADER</header>\n".write(toFile: theme + "/header.mustache", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: theme + "/note.mustache")
        loaded = try Theme.load(userFolder: theme)
        #expect(Theme.pageTemplates.allSatisfy { !loaded.rendersNatively($0) })
        _ = try vault.build(templates: theme)
        for page in ["AI/One.html", "AI/Two.html", "index.html", "_qed/tags.html", "_qed/search.html", "404.html"] {
            #expect(vault.read(page).contains("<header>MY HEADER</header>"), "\(page)")
            #expect(!vault.read(page).contains("site-header"), "\(page)")
        }

        try FileManager.default.removeItem(atPath: theme + "/header.mustache")
        try "<ol>{{#notes}}<li>{{title}}</li>{{/notes}}</ol>\n".write(toFile: theme + "/note-list.mustache", atomically: true, encoding: .utf8)
        loaded = try Theme.load(userFolder: theme)
        #expect(loaded.rendersNatively("note") && !loaded.rendersNatively("home") && !loaded.rendersNatively("tag"))
        #expect(loaded.isDefault(template: "note") && !loaded.isDefault(template: "note-list"))
        _ = try vault.build(templates: theme)
        #expect(vault.read("index.html").contains("<ol><li>One</li><li>Two</li></ol>"))
        #expect(vault.read("_qed/tags/t.html").contains("<ol><li>One</li></ol>"))
        #expect(vault.read("AI/One.html").contains("<body class=\"page-note\">"))
    }

    /// Models of every page from random text made of markup, newlines (the indented note
    /// list adds its indentation by token after them), controls and words; the same entry
    /// as the `native-pages` fuzz target.
    @Test func randomModelsAgree() {
        let alphabet = ["<", ">", "&", "\"", "'", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{85}", "{{x}}",
                        "a", "b", "熵", "é", "e\u{301}", "|", "|", "|", "", " ", "  ", "🙂", "\\", "/", "#"]
        var state: UInt64 = 0x0A71_7E00_0014
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let start = Date()
        var failures: [String] = []
        for _ in 0..<400 {
            let text = (0..<(next() % 60)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let failed = NativePageCheck.mismatches(text)
            if !failed.isEmpty, failures.count < 5 { failures.append("\(failed) for \(text.debugDescription)") }
        }
        #expect(failures.isEmpty, "\(failures)")
        // A bound against runaway time, loose because the test machines are shared and busy.
        #expect(Date().timeIntervalSince(start) < 30)
    }

    /// Breadcrumbs are the folders' prefixes, as the former string-joining code made them, and
    /// a path of 50,000 folders (the page-readers fuzz input) takes linear memory: each crumb
    /// holding its own copy of its prefix took 13 GB there.
    @Test func breadcrumbsAreThePrefixesInLinearMemory() {
        for path in ["a.md", "AI/信息论.md", "AI/Math/熵.md", "a//b/c.md", "/x/y/z.md", "e\u{301}/\u{301}/q.md", "a/b/"] {
            var prefix = ""
            let expected = NoteNavigation.folder(of: path).split(separator: "/").map { segment -> [String] in
                prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
                return [String(segment), prefix]
            }
            #expect(NoteNavigation.breadcrumbs(of: path).map { [$0.name, String($0.path)] } == expected, "\(path)")
        }
        let start = Date()
        let crumbs = NoteNavigation.breadcrumbs(of: String(repeating: "<a>x</a>", count: 50_000))
        #expect(crumbs.count == 50_000)
        #expect(crumbs.last.map { $0.path.utf8.count } == 50_000 * 8 - 3)  // all but the last "/a>"
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// Shapes the random test reaches only by chance, kept as named cases.
    @Test(arguments: [
        "",
        "|||||||||||||||||||||||||||||||||||||||||",
        "title ends a line\n|brief\n|x\n|y\r\n|\n|\r\n|<&>\n",
        "\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n|\n",
        "\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n|\r\n",
        "aa|bbbb|c|dd|eee|ffff|g|<b>|'|\"|&amp;|\u{1}\u{9F}|x\n",
    ])
    func namedShapesAgree(_ text: String) {
        #expect(NativePageCheck.mismatches(text).isEmpty)
    }

    /// The check can fail: a page whose native writer is off by one byte is caught.
    @Test func checkCatchesADifference() throws {
        let theme = try #require(NativePageCheck.theme)
        var source = ModelSource("a|b|c|d")
        let page = source.notePage()
        #expect(NativePageCheck.agrees(page, theme: theme))
        #expect(!NativePageCheck.agrees(OffByOne(page: page), theme: theme))
    }

    struct OffByOne: PageModel {
        static let template = "note"
        let page: NotePageModel
        var context: Context { page.context }
        func write(to html: inout PageHTML) {
            page.write(to: &html)
            html.raw(" ")
        }
    }
}

/// A user theme still gets every documented variable with the values it had before pages
/// became typed models (the expected text was checked against the Mustache-only QED).
@Suite struct UserThemeVariableTests {
    static let templates: [String: String] = [
        "note.mustache": """
        {{lang}}|{{uiLang}}|{{words.linkedFrom}}|{{#hasHighlighter}}HL{{/hasHighlighter}}|{{version}}|{{pageTitle}}|{{siteTitle}}|{{#hasSiteTitle}}ST{{/hasSiteTitle}}|{{description}}|{{#hasDescription}}HD{{/hasDescription}}|{{root}}|{{assets}}|{{homeURL}}|{{tagsURL}}|{{searchURL}}|{{searchIndexScript}}
        id={{note.id}}|path={{note.path}}|title={{note.title}}|brief={{note.brief}}|{{#note.hasBrief}}HB{{/note.hasBrief}}|type={{note.type}}{{#note.hasType}}T{{/note.hasType}}|domain={{note.domain}}{{#note.hasDomain}}D{{/note.hasDomain}}|created={{note.created}}{{#note.hasCreated}}C{{/note.hasCreated}}|ct={{note.createdText}}|updated={{note.updated}}{{#note.hasUpdated}}U{{/note.hasUpdated}}|ut={{note.updatedText}}|tags={{#note.hasTags}}HT{{/note.hasTags}}{{#note.tags}}[{{name}}>{{url}}]{{/note.tags}}|extra={{note.extra.author}},{{note.extra.listy}}
        v={{verification.status}},{{verification.mark}},{{verification.text}},{{verification.claims}},{{verification.failed}},{{verification.notRun}}
        problems={{#hasProblems}}{{problemsText}}{{/hasProblems}}{{#problemsOpen}}open{{/problemsOpen}}{{#problems}}[{{severity}} {{code}} {{message}} {{place}} {{line}}:{{column}} {{#hasHint}}hint{{/hasHint}}{{#hasDetail}}detail{{/hasDetail}}]{{/problems}}
        back={{#hasBacklinks}}HBL{{/hasBacklinks}}{{#backlinks}}[{{title}} {{url}} {{path}} {{brief}} {{#hasBrief}}hb{{/hasBrief}} {{status}} {{statusMark}} {{statusText}} {{claims}}]{{/backlinks}}
        toc={{#hasContents}}HC{{/hasContents}}{{#contents}}[{{depth}} {{anchor}} {{text}}]{{/contents}}
        nav={{#hasFolderNav}}FN{{/hasFolderNav}}{{#hasPrevious}}{{previous.title}}@{{previous.url}}{{/hasPrevious}}|{{#hasNext}}{{next.title}}@{{next.url}}{{/hasNext}}
        crumbs={{#hasBreadcrumbs}}HBC{{/hasBreadcrumbs}}{{#breadcrumbs}}[{{name}}:{{path}}]{{/breadcrumbs}}|tr={{#titleRepeated}}yes{{/titleRepeated}}

        """,
        "home.mustache": """
        {{pageTitle}}|{{root}}|{{homeURL}}
        {{#domains}}D[{{name}} {{#hasDomain}}hd{{/hasDomain}} {{count}} {{#folders}}F[{{name}} {{#hasName}}hn{{/hasName}} {{#notes}}N[{{title}} {{url}} {{path}} {{brief}} {{#hasBrief}}hb{{/hasBrief}} {{status}} {{statusMark}} {{statusText}} {{claims}}]{{/notes}}]{{/folders}}]{{/domains}}
        T[{{totals.notes}} {{totals.claims}} {{totals.failedClaims}} {{totals.notRunClaims}} {{totals.verifiedNotes}} {{totals.failedNotes}} {{totals.status}} {{totals.mark}} {{totals.text}}]

        """,
        "tags.mustache": "{{pageTitle}}|{{#hasTags}}HT{{/hasTags}}{{#tags}}[{{name}} {{leaf}} {{depth}} {{depthClass}} {{count}} {{url}}]{{/tags}}\n",
        "tag.mustache": "{{pageTitle}}|{{tag.name}} {{tag.leaf}} {{tag.count}} {{tag.url}} {{#tag.ancestors}}A[{{name}} {{leaf}} {{url}}]{{/tag.ancestors}} {{#tag.hasChildren}}HC{{/tag.hasChildren}}{{#tag.children}}C[{{name}} {{leaf}} {{count}} {{url}}]{{/tag.children}} {{#notes}}N[{{title}} {{url}} {{statusText}}]{{/notes}}\n",
        "404.mustache": "{{pageTitle}}|{{root}}|{{assets}}|{{homeURL}}|{{tagsURL}}|{{searchURL}}|{{searchIndexScript}}|{{words.searchCount}}\n",
    ]

    @Test func everyDocumentedVariableKeepsItsValue() throws {
        let vault = try TemporaryVault([
            "qed.yml": "title: \"Vars <site>\"\nshow_diagnostics: true\nbase_url: https://example.org/sub\n",
            "AI/Math/Alpha.md": "---\ntitle: Alpha & co\nbrief: \"the <brief>\"\ntype: concept\ndomain: ai/math\ncreated: 2026-02-13\nupdated: \"2026-02-14T08:30:00Z\"\ntags: [ai/math/deep, x]\nauthor: Ann\nlisty: [1, two]\n---\n# Alpha & co\n\nSee [[Beta]] and [[nowhere]].\n\n## One\n\n## Two $x$\n\n### Three\n",
            "AI/Math/Beta.md": "---\ntitle: Beta\nbrief: b\ntags: [ai/math]\n---\nBack to [[Alpha & co]].\n",
            "AI/Math/Gamma.md": "Plain, links [[Alpha & co]].\n",
            "Root.md": "---\ntitle: Root\ndomain: other\n---\nx\n",
        ])
        defer { vault.remove() }
        let theme = vault.base + "/theme"
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        for (name, text) in Self.templates { try text.write(toFile: theme + "/" + name, atomically: true, encoding: .utf8) }
        _ = try vault.build { $0.templates = theme; $0.keepGoing = true; $0.highlighter = nil }
        #expect(vault.read("AI/Math/Alpha.html") == """
            en|en|Linked from||0.1.0|Alpha &amp; co|Vars &lt;site&gt;|ST|the &lt;brief&gt;|HD|../../|../../_qed/assets/|../../index.html|../../_qed/tags.html|../../_qed/search.html|../../_qed/search-index.js
            id=AI/Math/Alpha|path=AI/Math/Alpha.md|title=Alpha &amp; co|brief=the &lt;brief&gt;|HB|type=conceptT|domain=ai/mathD|created=2026-02-13C|ct=2026-02-13|updated=2026-02-14T08:30:00ZU|ut=2026-02-14T08:30:00Z|tags=HT[ai/math/deep>../../_qed/tags/ai/math/deep.html][x>../../_qed/tags/x.html]|extra=Ann,1, two
            v=unverified,○,No claims to check,0,0,0
            problems=1 warningopen[warning unresolved-link no note named &#39;nowhere&#39; line 14:18 14:18 hint]
            back=HBL[Beta Beta.html AI/Math/Beta.md b hb unverified ○ No claims to check 0][Gamma Gamma.html AI/Math/Gamma.md   unverified ○ No claims to check 0]
            toc=HC[0 #one One][0 #two-x Two x][1 #three Three]
            nav=FN|Beta@Beta.html
            crumbs=HBC[AI:AI][Math:AI/Math]|tr=yes

            """)
        #expect(vault.read("index.html") == """
            Vars &lt;site&gt;||index.html
            D[ai/math hd 1 F[AI/Math hn N[Alpha &amp; co AI/Math/Alpha.html AI/Math/Alpha.md the &lt;brief&gt; hb unverified ○ No claims to check 0]]]D[other hd 1 F[  N[Root Root.html Root.md   unverified ○ No claims to check 0]]]D[Other notes  2 F[AI/Math hn N[Beta AI/Math/Beta.html AI/Math/Beta.md b hb unverified ○ No claims to check 0]N[Gamma AI/Math/Gamma.html AI/Math/Gamma.md   unverified ○ No claims to check 0]]]
            T[4 0 0 0 0 0 unverified ○ 4 notes · 0 claims verified]

            """)
        #expect(vault.read("_qed/tags/ai/math.html") == "#ai/math|ai/math math 2 math.html A[ai ai ../ai.html] HCC[ai/math/deep deep 1 math/deep.html] N[Alpha &amp; co ../../../AI/Math/Alpha.html No claims to check]N[Beta ../../../AI/Math/Beta.html No claims to check]\n")
        #expect(vault.read("_qed/tags.html").hasPrefix("Tags|HT[ai ai 0 0 2 tags/ai.html][ai/math math 1 1 2 tags/ai/math.html]"))
        #expect(vault.read("404.html") == "Page not found|https://example.org/sub/|https://example.org/sub/_qed/assets/|https://example.org/sub/|https://example.org/sub/_qed/tags.html|https://example.org/sub/_qed/search.html|_qed/search-index.js|{n} notes. Type to search.\n")
    }
}
