/// What a page shows, as typed values: `Pages` builds these, the default theme writes them
/// natively (`NativePages*.swift`), and a user's templates get them as a Mustache `Context`
/// with exactly the variables templates/README.md lists.
protocol PageModel: Sendable {
    /// The page template that renders this model (one of `Theme.pageTemplates`).
    static var template: String { get }
    /// The template variables.
    var context: Context { get }
    /// Writes the page as the default theme's template would render it, byte for byte.
    func write(to html: inout PageHTML)
}

/// Variables every page has: where the site root, the assets and the shared pages are.
struct PageChrome: Sendable, Equatable {
    var lang: String
    var uiLang: String
    /// The interface words, `{version}` filled in (the template variable `words`).
    var words: [String: String]
    var hasHighlighter: Bool
    var version: String
    var pageTitle: String
    var siteTitle: String
    var description: String
    var root: String
    var assets: String
    var homeURL: String
    var tagsURL: String
    var searchURL: String
    var searchIndexScript: String

    var hasSiteTitle: Bool { !siteTitle.isEmpty }
    var hasDescription: Bool { !description.isEmpty }

    /// `{{words.key}}`: a missing word renders as nothing, as in Mustache.
    func word(_ key: String) -> String { words[key] ?? "" }

    var context: Context {
        [
            "lang": lang, "uiLang": uiLang, "words": words, "hasHighlighter": hasHighlighter,
            "version": version, "pageTitle": pageTitle, "siteTitle": siteTitle, "hasSiteTitle": hasSiteTitle,
            "description": description, "hasDescription": hasDescription, "root": root, "assets": assets,
            "homeURL": homeURL, "tagsURL": tagsURL, "searchURL": searchURL, "searchIndexScript": searchIndexScript,
        ]
    }
}

/// A note in a list (home, tag pages, backlinks).
struct ListedNote: Sendable, Equatable {
    var title: String
    var url: String
    var path: String
    var brief: String
    var status: String
    var statusMark: String
    var statusText: String
    var claims: Int

    var hasBrief: Bool { !brief.isEmpty }

    var context: Context {
        [
            "title": title, "url": url, "path": path, "brief": brief, "hasBrief": hasBrief,
            "status": status, "statusMark": statusMark, "statusText": statusText, "claims": claims,
        ]
    }
}

/// A link to another page with its label: a tag (`name`), a neighbour note (`title`).
struct PageLink: Sendable, Equatable {
    var label: String
    var url: String
}

/// One authoring diagnostic shown on a note page (`show_diagnostics: true`).
struct ProblemEntry: Sendable, Equatable {
    var severity: String
    var code: String
    var message: String
    var place: String
    var line: Int
    var column: Int
    var hint: String?
    var detail: String?

    var context: Context {
        [
            "severity": severity, "code": code, "message": message, "place": place, "line": line,
            "column": column, "hint": hint ?? "", "hasHint": hint != nil, "detail": detail ?? "",
            "hasDetail": detail != nil,
        ]
    }
}

/// The note page: the note's front matter, verification, problems, links and navigation
/// around `body`, the note's HTML.
struct NotePageModel: PageModel {
    static let template = "note"

    struct Verification: Sendable, Equatable {
        var status: String
        var mark: String
        var text: String
        var claims: Int
        var failed: Int
        var notRun: Int
    }

    var chrome: PageChrome
    var id: String
    var path: String
    var title: String
    var brief: String
    var type: String
    var domain: String
    var created: String
    var createdText: String
    var updated: String
    var updatedText: String
    var tags: [PageLink]
    /// Front-matter keys QED does not read itself, as text.
    var extra: [String: String]
    var verification: Verification
    var problems: [ProblemEntry]
    var problemsText: String
    var backlinks: [ListedNote]
    var body: String = ""
    var contents: [NoteNavigation.Heading] = []
    var previous: PageLink? = nil
    var next: PageLink? = nil
    var breadcrumbs: [NoteNavigation.Crumb] = []
    /// The body's first `# Heading` only repeats the title (the page hides it).
    var titleRepeated = false

    var hasProblems: Bool { !problems.isEmpty }
    /// A short list of problems is shown open; a long one folded.
    var problemsOpen: Bool { !problems.isEmpty && problems.count <= 5 }

    var context: Context {
        var context = chrome.context
        context["note"] = [
            "id": id, "path": path, "title": title,
            "brief": brief, "hasBrief": !brief.isEmpty,
            "type": type, "hasType": !type.isEmpty,
            "domain": domain, "hasDomain": !domain.isEmpty,
            "created": created, "hasCreated": !created.isEmpty, "createdText": createdText,
            "updated": updated, "hasUpdated": !updated.isEmpty, "updatedText": updatedText,
            "tags": tags.map { ["name": $0.label, "url": $0.url] as Context } as [Any],
            "hasTags": !tags.isEmpty,
            "extra": extra,
        ] as Context
        context["verification"] = [
            "status": verification.status, "mark": verification.mark, "text": verification.text,
            "claims": verification.claims, "failed": verification.failed, "notRun": verification.notRun,
        ] as Context
        context["hasProblems"] = hasProblems
        context["problemsOpen"] = problemsOpen
        context["problemsText"] = problemsText
        context["problems"] = problems.map(\.context) as [Any]
        context["hasBacklinks"] = !backlinks.isEmpty
        context["backlinks"] = backlinks.map(\.context) as [Any]
        context["body"] = body
        context["hasContents"] = !contents.isEmpty
        context["contents"] = contents.map(\.context) as [Any]
        context["previous"] = previous.map { ["title": $0.label, "url": $0.url] as Context }
        context["next"] = next.map { ["title": $0.label, "url": $0.url] as Context }
        context["hasPrevious"] = previous != nil
        context["hasNext"] = next != nil
        context["hasFolderNav"] = previous != nil || next != nil
        context["hasBreadcrumbs"] = !breadcrumbs.isEmpty
        context["breadcrumbs"] = breadcrumbs.map(\.context) as [Any]
        if titleRepeated { context["titleRepeated"] = true }
        return context
    }
}

/// The home page: notes grouped by domain, then by folder, with totals.
struct HomePageModel: PageModel {
    static let template = "home"

    struct Domain: Sendable, Equatable {
        /// The domain, or the words' "Other notes" for notes without one.
        var name: String
        var hasDomain: Bool
        var count: Int
        var folders: [Folder]
    }

    struct Folder: Sendable, Equatable {
        /// The folder's path in the vault; empty at the root.
        var name: String
        var notes: [ListedNote]
    }

    struct Totals: Sendable, Equatable {
        var notes: Int
        var claims: Int
        var failedClaims: Int
        var notRunClaims: Int
        var verifiedNotes: Int
        var failedNotes: Int
        var status: String
        var mark: String
        var text: String
    }

    var chrome: PageChrome
    var domains: [Domain]
    var totals: Totals

    var context: Context {
        var context = chrome.context
        context["domains"] = domains.map { domain -> Context in
            [
                "name": domain.name, "hasDomain": domain.hasDomain, "count": domain.count,
                "folders": domain.folders.map { folder -> Context in
                    ["name": folder.name, "hasName": !folder.name.isEmpty, "notes": folder.notes.map(\.context) as [Any]]
                } as [Any],
            ]
        } as [Any]
        context["totals"] = [
            "notes": totals.notes, "claims": totals.claims, "failedClaims": totals.failedClaims,
            "notRunClaims": totals.notRunClaims, "verifiedNotes": totals.verifiedNotes,
            "failedNotes": totals.failedNotes, "status": totals.status, "mark": totals.mark, "text": totals.text,
        ] as Context
        return context
    }
}

/// The tags index: every tag, parents before children.
struct TagsPageModel: PageModel {
    static let template = "tags"

    struct Entry: Sendable, Equatable {
        var name: String
        var leaf: String
        var depth: Int
        var count: Int
        var url: String
        /// The depth as a CSS class, capped: deeper tags all indent alike.
        var depthClass: Int { min(depth, 5) }
    }

    var chrome: PageChrome
    var tags: [Entry]

    var context: Context {
        var context = chrome.context
        context["hasTags"] = !tags.isEmpty
        context["tags"] = tags.map { tag -> Context in
            ["name": tag.name, "leaf": tag.leaf, "depth": tag.depth, "depthClass": tag.depthClass,
             "count": tag.count, "url": tag.url]
        } as [Any]
        return context
    }
}

/// One tag's page: its ancestors, its child tags and the notes under it.
struct TagPageModel: PageModel {
    static let template = "tag"

    /// A tag linked from this page: an ancestor (`leaf` shown) or a child (`name` and `count`).
    struct Linked: Sendable, Equatable {
        var name: String
        var leaf: String
        var count: Int
        var url: String
    }

    var chrome: PageChrome
    var name: String
    var leaf: String
    var count: Int
    var url: String
    var ancestors: [Linked]
    var children: [Linked]
    var notes: [ListedNote]

    var context: Context {
        var context = chrome.context
        context["tag"] = [
            "name": name, "leaf": leaf, "count": count, "url": url,
            "ancestors": ancestors.map { ["name": $0.name, "leaf": $0.leaf, "url": $0.url] as Context } as [Any],
            "hasChildren": !children.isEmpty,
            "children": children.map { ["name": $0.name, "leaf": $0.leaf, "count": $0.count, "url": $0.url] as Context } as [Any],
        ] as Context
        context["notes"] = notes.map(\.context) as [Any]
        return context
    }
}

/// The search page: the chrome only (the script does the rest).
struct SearchPageModel: PageModel {
    static let template = "search"
    var chrome: PageChrome
    var context: Context { chrome.context }
}

/// The 404 page: the chrome only, with absolute links when the site has a base URL.
struct NotFoundPageModel: PageModel {
    static let template = "404"
    var chrome: PageChrome
    var context: Context { chrome.context }
}
