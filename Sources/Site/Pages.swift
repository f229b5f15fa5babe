import Diagnostics
import Storage
import Notes
import Verification

/// Builds each page's model (`PageModel`): what the page shows, as typed values. Every value
/// is plain text (escaped where it is written) except the note page's `body`, which is HTML
/// QED built itself. templates/README.md lists the variables a template receives.
struct Pages: Sendable {
    let siteTitle: String
    let version: String
    /// Show each note's authoring diagnostics on its page (`show_diagnostics: true`); off by
    /// default: they are for the author's terminal and reports, not for readers.
    let showDiagnostics: Bool
    /// The interface words, in the vault's language.
    let words: Words
    /// Whether the site's assets hold `highlight.js` (other languages' code highlighted).
    let highlighter: Bool
    /// The template variable `words` (every entry, `{version}` filled in), made once for all pages.
    private let wordTexts: [String: String]

    /// Changes when any setting above does: part of the key of every page made here.
    var key: String {
        ContentHasher.hash(siteTitle, version, String(showDiagnostics), words.key, String(highlighter))
    }

    init(siteTitle: String, version: String, showDiagnostics: Bool = false, words: Words = Words(.en),
         highlighter: Bool = false) {
        self.siteTitle = siteTitle
        self.version = version
        self.showDiagnostics = showDiagnostics
        self.words = words
        self.highlighter = highlighter
        self.wordTexts = words.context(version: version)
    }

    /// What every page has: where the site root, the assets and the shared pages are.
    func chrome(page: String, title: String, description: String, lang: String) -> PageChrome {
        PageChrome(
            lang: lang, uiLang: words.language.rawValue, words: wordTexts, hasHighlighter: highlighter,
            version: version, pageTitle: title, siteTitle: siteTitle, description: description,
            root: SitePaths.rootPrefix(from: page),
            assets: String(SitePaths.relativeURL(from: page, to: SitePaths.assetsFolder + "/x").dropLast(1)),
            homeURL: SitePaths.relativeURL(from: page, to: SitePaths.home),
            tagsURL: SitePaths.relativeURL(from: page, to: SitePaths.tagsIndex),
            searchURL: SitePaths.relativeURL(from: page, to: SitePaths.search),
            searchIndexScript: SitePaths.relativeURL(from: page, to: SitePaths.searchIndexScript))
    }

    static func statusMark(_ status: VerificationStatus) -> String {
        switch status {
        case .verified: return "✓"
        case .failed: return "✗"
        case .unverified: return "○"
        }
    }

    /// "14 claims verified", "2 of 14 claims failed", "No claims to check". `claims` counts
    /// the claims that ran; with some that never ran every claim of the note is counted:
    /// "1 of 6 claims failed · 3 not run · 1 other error", "2 of 3 claims verified · 1 not run".
    /// With formulas: "8 formulas verified", "14 claims verified · 8 formulas verified",
    /// "1 of 9 formulas failed" (a failed formula's error is counted there, not as another error).
    static func verificationText(claims: Int, failed: Int, errors: Int, notRun: Int = 0,
                                 formulas: Int, failedFormulas: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let base = claimsText(claims: claims, failed: failed, errors: errors - failedFormulas, notRun: notRun)
        guard formulas + failedFormulas > 0 else { return base ?? noClaims }
        let checked = formulas + failedFormulas
        let text = failedFormulas > 0 ? "\(failedFormulas) of \(plural(checked, "formula")) failed" : "\(plural(formulas, "formula")) verified"
        return base.map { $0 + " · " + text } ?? text
    }

    static func verificationText(claims: Int, failed: Int, errors: Int, notRun: Int = 0) -> String {
        claimsText(claims: claims, failed: failed, errors: errors, notRun: notRun) ?? noClaims
    }

    static let noClaims = "No claims to check"

    /// The claims part of the line; nil when there is nothing to say (no claims, no errors).
    private static func claimsText(claims: Int, failed: Int, errors: Int, notRun: Int) -> String? {
        guard notRun > 0 else { return ranClaimsText(claims: claims, failed: failed, errors: errors) }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let total = claims + notRun
        var text = failed > 0 ? "\(failed) of \(plural(total, "claim")) failed" : "\(claims) of \(plural(total, "claim")) verified"
        text += " · \(notRun) not run"
        let otherErrors = errors - failed
        if otherErrors > 0 { text += " · " + plural(otherErrors, failed > 0 ? "other error" : "error") }
        return text
    }

    private static func ranClaimsText(claims: Int, failed: Int, errors: Int) -> String? {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if failed > 0 { return "\(failed) of \(plural(claims, "claim")) failed" + (errors > failed ? " · \(plural(errors - failed, "other error"))" : "") }
        if errors > 0 { return (claims > 0 ? "\(plural(claims, "claim")) verified · " : "") + plural(errors, "error") }
        if claims > 0 { return "\(plural(claims, "claim")) verified" }
        return nil
    }

    func tagLink(_ tag: String, from page: String) -> PageLink {
        PageLink(label: tag, url: SitePaths.relativeURL(from: page, to: SitePaths.page(forTag: tag)))
    }

    func entry(_ note: NoteSummary, from page: String) -> ListedNote {
        ListedNote(
            title: note.title, url: SitePaths.relativeURL(from: page, to: note.page), path: note.path,
            brief: note.brief, status: note.status.rawValue, statusMark: Pages.statusMark(note.status),
            statusText: words.verificationText(claims: note.claims, failed: note.failedClaims,
                                               errors: note.diagnostics.count { $0.severity == .error },
                                               notRun: note.notRunClaims, formulas: note.verifiedFormulas,
                                               failedFormulas: note.failedFormulas),
            claims: note.claims)
    }

    /// The note page's model apart from its body and navigation (`NotePageRenderer` adds them).
    /// `lang` is the note's own language (`NoteLanguage`), which may differ from the interface's.
    func note(_ note: NoteSummary, extra: [String: String], backlinks: [NoteSummary], lang: SiteLanguage) -> NotePageModel {
        let page = note.page
        let errors = note.diagnostics.count { $0.severity == .error }
        let problems = showDiagnostics ? note.diagnostics.filter { $0.severity != .note } : []
        return NotePageModel(
            chrome: chrome(page: page, title: note.title, description: note.brief, lang: lang.rawValue),
            id: note.id, path: note.path, title: note.title, brief: note.brief, type: note.type, domain: note.domain,
            created: note.created, createdText: words.date(note.created),
            updated: note.updated, updatedText: words.date(note.updated),
            tags: note.tags.map { tagLink($0, from: page) }, extra: extra,
            verification: .init(
                status: note.status.rawValue, mark: Pages.statusMark(note.status),
                text: words.verificationText(claims: note.claims, failed: note.failedClaims, errors: errors,
                                             notRun: note.notRunClaims, formulas: note.verifiedFormulas,
                                             failedFormulas: note.failedFormulas),
                claims: note.claims, failed: note.failedClaims, notRun: note.notRunClaims),
            problems: problems.map { d in
                ProblemEntry(severity: d.severity.rawValue, code: d.code.rawValue, message: d.message,
                             place: d.location.map { "line \($0.line):\($0.column)" } ?? "",
                             line: d.location?.line ?? 0, column: d.location?.column ?? 0, hint: d.hint, detail: d.detail)
            },
            problemsText: words.problemsText(errors: errors, warnings: problems.count - errors),
            backlinks: backlinks.map { entry($0, from: page) })
    }

    /// Notes grouped by domain, then by folder, with totals.
    func home(_ notes: [NoteSummary]) -> HomePageModel {
        let page = SitePaths.home
        var byDomain: [String: [NoteSummary]] = [:]
        for note in notes { byDomain[note.domain, default: []].append(note) }
        // Notes without a domain come last, under "Other notes".
        let domains = byDomain.keys.filter { !$0.isEmpty }.sorted() + (byDomain[""] == nil ? [] : [""])
        let grouped = domains.map { domain -> HomePageModel.Domain in
            let members = byDomain[domain] ?? []
            var byFolder: [String: [NoteSummary]] = [:]
            for note in members {
                let folder = note.path.split(separator: "/").dropLast().joined(separator: "/")
                byFolder[folder, default: []].append(note)
            }
            let folders = byFolder.keys.sorted().map { folder -> HomePageModel.Folder in
                let sorted = (byFolder[folder] ?? []).sorted { ($0.title, $0.path) < ($1.title, $1.path) }
                return .init(name: folder, notes: sorted.map { entry($0, from: page) })
            }
            return .init(name: domain.isEmpty ? words["otherNotes"] : domain, hasDomain: !domain.isEmpty,
                         count: members.count, folders: folders)
        }
        let claims = notes.reduce(0) { $0 + $1.claims }
        let failed = notes.reduce(0) { $0 + $1.failedClaims }
        let notRun = notes.reduce(0) { $0 + $1.notRunClaims }
        let failedNotes = notes.count { $0.status == .failed }
        let verifiedNotes = notes.count { $0.status == .verified }
        let status: VerificationStatus = failedNotes > 0 ? .failed : (claims > 0 && notRun == 0 ? .verified : .unverified)
        let text = words.totalsText(notes: notes.count, claims: claims, failed: failed, notRun: notRun, failedNotes: failedNotes)
        return HomePageModel(
            chrome: chrome(page: page, title: siteTitle.isEmpty ? words["notes"] : siteTitle, description: "",
                           lang: words.language.rawValue),
            domains: grouped,
            totals: .init(notes: notes.count, claims: claims, failedClaims: failed, notRunClaims: notRun,
                          verifiedNotes: verifiedNotes, failedNotes: failedNotes, status: status.rawValue,
                          mark: Pages.statusMark(status), text: text))
    }

    func tagsIndex(_ tree: TagTree) -> TagsPageModel {
        let page = SitePaths.tagsIndex
        return TagsPageModel(
            chrome: chrome(page: page, title: words["tags"], description: "", lang: words.language.rawValue),
            tags: tree.tags.map { tag in
                .init(name: tag.name, leaf: tag.leaf, depth: tag.depth, count: tag.all.count,
                      url: SitePaths.relativeURL(from: page, to: SitePaths.page(forTag: tag.name)))
            })
    }

    func tag(_ tag: TagTree.Tag, tree: TagTree, notes: [NoteSummary]) -> TagPageModel {
        let page = SitePaths.page(forTag: tag.name)
        var ancestors: [TagPageModel.Linked] = []
        var prefix = ""
        for segment in tag.name.split(separator: "/").dropLast() {
            prefix = prefix.isEmpty ? String(segment) : prefix + "/" + segment
            ancestors.append(.init(name: prefix, leaf: String(segment), count: tree[prefix]?.all.count ?? 0,
                                   url: SitePaths.relativeURL(from: page, to: SitePaths.page(forTag: prefix))))
        }
        let members = tag.all.compactMap { notes.indices.contains($0) ? notes[$0] : nil }
            .sorted { ($0.title, $0.path) < ($1.title, $1.path) }
        return TagPageModel(
            chrome: chrome(page: page, title: "#" + tag.name, description: "", lang: words.language.rawValue),
            name: tag.name, leaf: tag.leaf, count: tag.all.count, url: SitePaths.relativeURL(from: page, to: page),
            ancestors: ancestors,
            children: tag.children.map { child in
                .init(name: child, leaf: tree[child]?.leaf ?? child, count: tree[child]?.all.count ?? 0,
                      url: SitePaths.relativeURL(from: page, to: SitePaths.page(forTag: child)))
            },
            notes: members.map { entry($0, from: page) })
    }

    func search() -> SearchPageModel {
        SearchPageModel(chrome: chrome(page: SitePaths.search, title: words["search"], description: "",
                                       lang: words.language.rawValue))
    }

    /// The 404 page is served at any missing address, so relative links cannot work there;
    /// with a base URL its links are absolute.
    func notFound(baseURL: String?) -> NotFoundPageModel {
        var chrome = chrome(page: SitePaths.notFound, title: words["notFound"], description: "", lang: words.language.rawValue)
        if var base = baseURL, !base.isEmpty {
            if !base.hasSuffix("/") { base += "/" }
            chrome.root = base
            chrome.assets = base + SitePaths.assetsFolder + "/"
            chrome.homeURL = base
            chrome.tagsURL = base + SitePaths.tagsIndex
            chrome.searchURL = base + SitePaths.search
        }
        return NotFoundPageModel(chrome: chrome)
    }
}
