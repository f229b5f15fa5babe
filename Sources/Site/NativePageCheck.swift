/// Natively written pages held against the default theme's Mustache templates on models made
/// from arbitrary text: the `native-pages` fuzz target and `NativePageTests` drive it. Any
/// difference in bytes is a bug in `NativePages*.swift`.
public enum NativePageCheck {
    /// The default theme without highlight.js (which only adds an asset).
    static let theme: Theme? = try? Theme.load(userFolder: nil, highlighter: nil)

    /// Makes one model of every page from `text` (cut at `|` into the values: titles, briefs,
    /// words, list lengths; each at most `ModelSource.pieceLimit` scalars) and renders each
    /// natively and through Mustache; returns the templates whose bytes differ (empty when
    /// all agree).
    public static func mismatches(_ text: String) -> [String] {
        guard let theme else { return ["theme"] }
        var source = ModelSource(text)
        var failed: [String] = []
        func check<Page: PageModel>(_ page: Page) {
            if !agrees(page, theme: theme) { failed.append(Page.template) }
        }
        check(source.notePage())
        check(source.homePage())
        check(source.tagPage())
        check(source.tagsPage())
        check(SearchPageModel(chrome: source.chrome()))
        check(NotFoundPageModel(chrome: source.chrome()))
        return failed
    }

    /// Whether the page written natively is the page the default templates render.
    static func agrees<Page: PageModel>(_ page: Page, theme: Theme) -> Bool {
        var html = PageHTML()
        page.write(to: &html)
        return html.bytes.elementsEqual(theme.render(Page.template, page.context).utf8)
    }
}

/// Values for page models taken in turn from the pieces of a text, so any text makes models
/// of every shape: empty and long lists, missing words, values with markup, newlines, controls.
struct ModelSource {
    private let pieces: [String]
    private var next = 0

    /// Longer values add nothing the checks need and make each check slow (the fuzz target
    /// runs thousands of them under AddressSanitizer).
    static let pieceLimit = 48

    init(_ text: String) {
        pieces = text.split(separator: "|", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0.unicodeScalars.prefix(ModelSource.pieceLimit)))
        }
    }

    /// The next piece (the pieces repeat).
    mutating func string() -> String {
        defer { next += 1 }
        return pieces.isEmpty ? "" : pieces[next % pieces.count]
    }

    /// A number in `0...limit` from the next piece's length.
    mutating func count(_ limit: Int) -> Int { string().utf8.count % (limit + 1) }

    mutating func flag() -> Bool { count(1) == 1 }

    mutating func list<T>(_ limit: Int, _ make: (inout ModelSource) -> T) -> [T] {
        (0..<count(limit)).map { _ in make(&self) }
    }

    mutating func chrome() -> PageChrome {
        var words: [String: String] = [:]
        switch count(2) {
        case 0: words = Words(.en).context(version: "0.1.0")
        case 1: words = Words(.zh).context(version: string())
        default: for key in Words.english.keys.sorted() where flag() { words[key] = string() }
        }
        return PageChrome(lang: string(), uiLang: string(), words: words, hasHighlighter: flag(), version: string(),
                          pageTitle: string(), siteTitle: string(), description: string(), root: string(),
                          assets: string(), homeURL: string(), tagsURL: string(), searchURL: string(),
                          searchIndexScript: string())
    }

    mutating func listed() -> ListedNote {
        ListedNote(title: string(), url: string(), path: string(), brief: string(), status: string(),
                   statusMark: string(), statusText: string(), claims: count(20))
    }

    mutating func link() -> PageLink { PageLink(label: string(), url: string()) }

    mutating func notePage() -> NotePageModel {
        var page = NotePageModel(
            chrome: chrome(), id: string(), path: string(), title: string(), brief: string(), type: string(),
            domain: string(), created: string(), createdText: string(), updated: string(), updatedText: string(),
            tags: list(4) { $0.link() }, extra: [string(): string()],
            verification: .init(status: string(), mark: string(), text: string(), claims: count(9),
                                failed: count(9), notRun: count(9)),
            problems: list(7) { source in
                ProblemEntry(severity: source.string(), code: source.string(), message: source.string(),
                             place: source.string(), line: source.count(99), column: source.count(99),
                             hint: source.flag() ? source.string() : nil, detail: source.flag() ? source.string() : nil)
            },
            problemsText: string(), backlinks: list(3) { $0.listed() })
        page.body = string()
        page.contents = list(4) { NoteNavigation.Heading(text: $0.string(), anchor: $0.string(), depth: $0.count(3)) }
        page.previous = flag() ? link() : nil
        page.next = flag() ? link() : nil
        page.breadcrumbs = list(3) { NoteNavigation.Crumb(name: $0.string(), path: $0.string()) }
        page.titleRepeated = flag()
        return page
    }

    mutating func homePage() -> HomePageModel {
        HomePageModel(
            chrome: chrome(),
            domains: list(3) { source in
                HomePageModel.Domain(name: source.string(), hasDomain: source.flag(), count: source.count(50),
                                     folders: source.list(3) { .init(name: $0.string(), notes: $0.list(4) { $0.listed() }) })
            },
            totals: .init(notes: count(9), claims: count(9), failedClaims: count(9), notRunClaims: count(9),
                          verifiedNotes: count(9), failedNotes: count(9), status: string(), mark: string(), text: string()))
    }

    mutating func tagPage() -> TagPageModel {
        func linked(_ source: inout ModelSource) -> TagPageModel.Linked {
            .init(name: source.string(), leaf: source.string(), count: source.count(30), url: source.string())
        }
        return TagPageModel(chrome: chrome(), name: string(), leaf: string(), count: count(30), url: string(),
                            ancestors: list(3, linked), children: list(3, linked), notes: list(4) { $0.listed() })
    }

    mutating func tagsPage() -> TagsPageModel {
        TagsPageModel(chrome: chrome(), tags: list(5) { source in
            .init(name: source.string(), leaf: source.string(), depth: source.count(8), count: source.count(30),
                  url: source.string())
        })
    }
}
