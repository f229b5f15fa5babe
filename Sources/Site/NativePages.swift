/// The default theme's pages written directly, without Mustache: each function below is one
/// template of `templates/` (named in its comment) turned into code, and writes exactly the
/// bytes swift-mustache renders from it: standalone section lines dropped, `{{x}}` escaped,
/// `{{{body}}}` raw, the indented `note-list` partial indented as swift-mustache does.
/// `NativePageTests` holds the two to the same bytes; a change to a template needs the same
/// change here (or the theme's pages go through Mustache: see `Theme.rendersNatively`).
extension PageHTML {
    /// `head.mustache`.
    mutating func head(_ c: PageChrome) {
        raw("<!DOCTYPE html>\n<html lang=\""); text(c.lang)
        raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"QED ")
        text(c.version)
        raw("\">\n<title>"); text(c.pageTitle)
        if c.hasSiteTitle { raw(" · "); text(c.siteTitle) }
        raw("</title>\n")
        if c.hasDescription { raw("<meta name=\"description\" content=\""); text(c.description); raw("\">\n") }
        raw("<link rel=\"stylesheet\" href=\""); text(c.assets)
        raw("style.css\">\n<link rel=\"stylesheet\" href=\""); text(c.assets)
        raw("math.css\">\n</head>\n")
    }

    /// `header.mustache`.
    mutating func header(_ c: PageChrome) {
        raw("<header class=\"site-header\" lang=\""); text(c.uiLang)
        raw("\">\n  <nav class=\"site-nav\" aria-label=\"site\">\n    <a class=\"site-title\" href=\""); text(c.homeURL)
        raw("\">")
        if c.hasSiteTitle { text(c.siteTitle) } else { raw("QED") }
        raw("</a>\n    <span class=\"site-links\">\n      <a href=\""); text(c.tagsURL)
        raw("\">"); text(c.word("tags"))
        raw("</a>\n      <a href=\""); text(c.searchURL)
        raw("\">"); text(c.word("search"))
        raw("</a>\n    </span>\n    <form class=\"site-search\" action=\""); text(c.searchURL)
        raw("\" method=\"get\" role=\"search\">\n      <input type=\"search\" name=\"q\" placeholder=\""); text(c.word("searchPlaceholder"))
        raw("\" aria-label=\""); text(c.word("search"))
        raw("\">\n    </form>\n  </nav>\n</header>\n")
    }

    /// `footer.mustache`.
    mutating func footer(_ c: PageChrome) {
        raw("<footer class=\"site-footer\" lang=\""); text(c.uiLang)
        raw("\">\n  <p>"); text(c.word("footer"))
        raw("</p>\n</footer>\n</body>\n</html>\n")
    }

    /// The start every page template shares: `{{> head}}`, `<body class="…">`, `{{> header}}`.
    mutating func opening(_ c: PageChrome, bodyClass: String) {
        head(c)
        raw("<body class=\""); raw(bodyClass); raw("\">\n")
        header(c)
    }

    /// `note-list.mustache`, called as `{{> note-list}}` after `indent` (which the caller
    /// has written): swift-mustache indents the partial's lines by token, see `token`.
    mutating func noteList(_ notes: [ListedNote], indent: String) {
        let indent = Array(indent.utf8)
        let partial = bytes.count
        token(indent: indent, since: partial) { $0.raw("<ul class=\"note-list\">\n") }
        token(indent: indent, since: partial) { html in
            for note in notes { html.noteEntry(note, indent: indent) }
        }
        token(indent: indent, since: partial) { $0.raw("</ul>\n") }
    }

    /// One `{{#notes}}` item of `note-list.mustache`, token by token.
    private mutating func noteEntry(_ note: ListedNote, indent: [UInt8]) {
        let item = bytes.count
        func put(_ write: (inout PageHTML) -> Void) { token(indent: indent, since: item, write) }
        put { $0.raw("  <li class=\"note-entry status-") }
        put { $0.text(note.status) }
        put { $0.raw("\">\n") }
        put { $0.raw("    <a class=\"note-link\" href=\"") }
        put { $0.text(note.url) }
        put { $0.raw("\">") }
        put { $0.text(note.title) }
        put { $0.raw("</a>\n") }
        put { $0.raw("    <span class=\"status-badge status-") }
        put { $0.text(note.status) }
        put { $0.raw("\" title=\"") }
        put { $0.text(note.statusText) }
        put { $0.raw("\">") }
        put { $0.text(note.statusMark) }
        put { $0.raw("</span>\n") }
        put { $0.raw("    ") }
        put { html in
            guard note.hasBrief else { return }
            let section = html.bytes.count
            html.token(indent: indent, since: section) { $0.raw("<p class=\"note-brief\">") }
            html.token(indent: indent, since: section) { $0.text(note.brief) }
            html.token(indent: indent, since: section) { $0.raw("</p>") }
        }
        put { $0.raw("\n") }
        put { $0.raw("  </li>\n") }
    }
}

extension NotePageModel {
    /// `note.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-note")
        html.raw("<main class=\"note\">\n")
        if !breadcrumbs.isEmpty {
            html.raw("  <nav class=\"breadcrumbs\" aria-label=\""); html.text(c.word("location"))
            html.raw("\" lang=\""); html.text(c.uiLang)
            html.raw("\"><a href=\""); html.text(c.homeURL)
            html.raw("\">"); html.text(c.word("home")); html.raw("</a>")
            for crumb in breadcrumbs {
                html.raw(" <span class=\"crumb-sep\">/</span> <span class=\"crumb\">"); html.text(crumb.name); html.raw("</span>")
            }
            html.raw("</nav>\n")
        }
        html.raw("  <article>\n    <header class=\"note-header\">\n      <h1 class=\"note-title\">"); html.text(title)
        html.raw("</h1>\n      ")
        if !brief.isEmpty { html.raw("<p class=\"note-brief\">"); html.text(brief); html.raw("</p>") }
        html.raw("\n      <dl class=\"note-meta\" lang=\""); html.text(c.uiLang); html.raw("\">\n")
        writeMeta(to: &html)
        html.raw("      </dl>\n")
        if !tags.isEmpty {
            html.raw("      <ul class=\"tag-list\">\n        ")
            for tag in tags {
                html.raw("<li><a class=\"tag\" href=\""); html.text(tag.url); html.raw("\">#"); html.text(tag.label); html.raw("</a></li>")
            }
            html.raw("\n      </ul>\n")
        }
        html.raw("      <p class=\"verification status-"); html.text(verification.status)
        html.raw("\" lang=\""); html.text(c.uiLang)
        html.raw("\">\n        <span class=\"status-badge status-"); html.text(verification.status)
        html.raw("\">"); html.text(verification.mark)
        html.raw("</span>\n        "); html.text(verification.text)
        html.raw("\n      </p>\n")
        writeProblems(to: &html)
        html.raw("    </header>\n")
        writeContents(to: &html)
        html.raw("    <div class=\"note-body")
        if titleRepeated { html.raw(" title-repeated") }
        html.raw("\">\n"); html.raw(body)
        html.raw("\n    </div>\n  </article>\n")
        writeBacklinks(to: &html)
        writeFolderNav(to: &html)
        html.raw("  <p class=\"note-source\" lang=\""); html.text(c.uiLang)
        html.raw("\">"); html.text(c.word("source"))
        html.raw(": <code>"); html.text(path)
        html.raw("</code></p>\n</main>\n")
        if c.hasHighlighter { html.raw("<script src=\""); html.text(c.assets); html.raw("highlight.js\"></script>\n") }
        html.raw("<script src=\""); html.text(c.assets)
        html.raw("code.js\" data-copy=\""); html.text(c.word("copy"))
        html.raw("\" data-copied=\""); html.text(c.word("copied"))
        html.raw("\"></script>\n")
        html.footer(c)
    }

    /// The `note-meta` rows: type, domain, created, updated (each line kept when empty).
    private func writeMeta(to html: inout PageHTML) {
        html.raw("        ")
        if !type.isEmpty {
            html.raw("<div><dt>"); html.text(chrome.word("type")); html.raw("</dt><dd>"); html.text(type); html.raw("</dd></div>")
        }
        html.raw("\n        ")
        if !domain.isEmpty {
            html.raw("<div><dt>"); html.text(chrome.word("domain")); html.raw("</dt><dd>"); html.text(domain); html.raw("</dd></div>")
        }
        html.raw("\n        ")
        if !created.isEmpty { writeDate(chrome.word("created"), created, createdText, to: &html) }
        html.raw("\n        ")
        if !updated.isEmpty { writeDate(chrome.word("updated"), updated, updatedText, to: &html) }
        html.raw("\n")
    }

    private func writeDate(_ label: String, _ date: String, _ shown: String, to html: inout PageHTML) {
        html.raw("<div><dt>"); html.text(label)
        html.raw("</dt><dd><time datetime=\""); html.text(date)
        html.raw("\">"); html.text(shown)
        html.raw("</time></dd></div>")
    }

    private func writeProblems(to html: inout PageHTML) {
        guard hasProblems else { return }
        html.raw("      <details class=\"problems\"")
        if problemsOpen { html.raw(" open") }
        html.raw(">\n        <summary>"); html.text(problemsText)
        html.raw("</summary>\n        <ul>\n          ")
        for problem in problems {
            html.raw("<li class=\"problem severity-"); html.text(problem.severity)
            html.raw("\"><span class=\"where\">"); html.text(problem.place)
            html.raw("</span> <span class=\"severity\">"); html.text(problem.severity)
            html.raw("</span> "); html.text(problem.message)
            if let detail = problem.detail { html.raw(" <span class=\"detail\">"); html.text(detail); html.raw("</span>") }
            if let hint = problem.hint { html.raw(" <span class=\"hint\">("); html.text(hint); html.raw(")</span>") }
            html.raw("</li>")
        }
        html.raw("\n        </ul>\n      </details>\n")
    }

    private func writeContents(to html: inout PageHTML) {
        guard !contents.isEmpty else { return }
        html.raw("    <details class=\"toc toc-inline\">\n      <summary lang=\""); html.text(chrome.uiLang)
        html.raw("\">"); html.text(chrome.word("contents"))
        html.raw("</summary>\n      <ol>"); writeContentsList(to: &html)
        html.raw("</ol>\n    </details>\n    <nav class=\"toc toc-side\" aria-label=\""); html.text(chrome.word("contents"))
        html.raw("\">\n      <p class=\"toc-title\" lang=\""); html.text(chrome.uiLang)
        html.raw("\">"); html.text(chrome.word("contents"))
        html.raw("</p>\n      <ol>"); writeContentsList(to: &html)
        html.raw("</ol>\n    </nav>\n")
    }

    private func writeContentsList(to html: inout PageHTML) {
        for heading in contents {
            html.raw("<li class=\"toc-depth-"); html.number(heading.depth)
            html.raw("\"><a href=\""); html.text(heading.anchor)
            html.raw("\">"); html.text(heading.text)
            html.raw("</a></li>")
        }
    }

    private func writeBacklinks(to html: inout PageHTML) {
        guard !backlinks.isEmpty else { return }
        html.raw("  <aside class=\"backlinks\" aria-label=\""); html.text(chrome.word("linkedFrom"))
        html.raw("\">\n    <h2 lang=\""); html.text(chrome.uiLang)
        html.raw("\">"); html.text(chrome.word("linkedFrom"))
        html.raw("</h2>\n    <ul>\n      ")
        for link in backlinks {
            html.raw("<li><a href=\""); html.text(link.url); html.raw("\">"); html.text(link.title); html.raw("</a>")
            if link.hasBrief { html.raw("<span class=\"backlink-brief\"> — "); html.text(link.brief); html.raw("</span>") }
            html.raw("</li>")
        }
        html.raw("\n    </ul>\n  </aside>\n")
    }

    private func writeFolderNav(to html: inout PageHTML) {
        guard previous != nil || next != nil else { return }
        html.raw("  <nav class=\"folder-nav\" aria-label=\""); html.text(chrome.word("folderNotes"))
        html.raw("\">\n    ")
        if let previous {
            html.raw("<a class=\"folder-prev\" rel=\"prev\" href=\""); html.text(previous.url)
            html.raw("\"><span class=\"folder-nav-label\" lang=\""); html.text(chrome.uiLang)
            html.raw("\">← "); html.text(chrome.word("previous"))
            html.raw("</span> <span class=\"folder-nav-title\">"); html.text(previous.label)
            html.raw("</span></a>")
        }
        html.raw("\n    ")
        if let next {
            html.raw("<a class=\"folder-next\" rel=\"next\" href=\""); html.text(next.url)
            html.raw("\"><span class=\"folder-nav-label\" lang=\""); html.text(chrome.uiLang)
            html.raw("\">"); html.text(chrome.word("next"))
            html.raw(" →</span> <span class=\"folder-nav-title\">"); html.text(next.label)
            html.raw("</span></a>")
        }
        html.raw("\n  </nav>\n")
    }
}

extension HomePageModel {
    /// `home.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-home")
        html.raw("<main class=\"home\">\n  <h1>")
        if c.hasSiteTitle { html.text(c.siteTitle) } else { html.text(c.word("notes")) }
        html.raw("</h1>\n  <p class=\"totals status-"); html.text(totals.status)
        html.raw("\">\n    <span class=\"status-badge status-"); html.text(totals.status)
        html.raw("\">"); html.text(totals.mark)
        html.raw("</span>\n    "); html.text(totals.text)
        html.raw("\n  </p>\n")
        for domain in domains {
            html.raw("  <section class=\"domain\">\n    <h2 class=\"domain-title\">"); html.text(domain.name)
            html.raw(" <span class=\"count\">"); html.number(domain.count)
            html.raw("</span></h2>\n")
            for folder in domain.folders {
                html.raw("    ")
                if !folder.name.isEmpty { html.raw("<h3 class=\"folder-title\">"); html.text(folder.name); html.raw("</h3>") }
                html.raw("\n    ")
                html.noteList(folder.notes, indent: "    ")
            }
            html.raw("  </section>\n")
        }
        html.raw("  ")
        if domains.isEmpty { html.raw("<p>"); html.text(c.word("noNotes")); html.raw("</p>") }
        html.raw("\n</main>\n")
        html.footer(c)
    }
}

extension TagsPageModel {
    /// `tags.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-tags")
        html.raw("<main class=\"tags-index\">\n  <h1>"); html.text(c.word("tags"))
        html.raw("</h1>\n")
        if !tags.isEmpty {
            html.raw("  <ul class=\"tag-tree\">\n    ")
            for tag in tags {
                html.raw("<li class=\"tag-depth-"); html.number(tag.depthClass)
                html.raw("\" style=\"--depth: "); html.number(tag.depth)
                html.raw("\"><a class=\"tag\" href=\""); html.text(tag.url)
                html.raw("\">#"); html.text(tag.name)
                html.raw("</a> <span class=\"count\">"); html.number(tag.count)
                html.raw("</span></li>")
            }
            html.raw("\n  </ul>\n")
        }
        html.raw("  ")
        if tags.isEmpty { html.raw("<p>"); html.text(c.word("noTags")); html.raw("</p>") }
        html.raw("\n</main>\n")
        html.footer(c)
    }
}

extension TagPageModel {
    /// `tag.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-tag")
        html.raw("<main class=\"tag-page\">\n  <nav class=\"breadcrumbs\" aria-label=\""); html.text(c.word("tagPath"))
        html.raw("\"><a href=\""); html.text(c.tagsURL)
        html.raw("\">"); html.text(c.word("tags")); html.raw("</a>")
        for ancestor in ancestors {
            html.raw(" / <a href=\""); html.text(ancestor.url); html.raw("\">"); html.text(ancestor.leaf); html.raw("</a>")
        }
        html.raw(" / <span>"); html.text(leaf)
        html.raw("</span></nav>\n  <h1>#"); html.text(name)
        html.raw(" <span class=\"count\">"); html.number(count)
        html.raw("</span></h1>\n")
        if !children.isEmpty {
            html.raw("  <ul class=\"tag-list\">\n    ")
            for child in children {
                html.raw("<li><a class=\"tag\" href=\""); html.text(child.url)
                html.raw("\">#"); html.text(child.name)
                html.raw("</a> <span class=\"count\">"); html.number(child.count)
                html.raw("</span></li>")
            }
            html.raw("\n  </ul>\n")
        }
        html.raw("  ")
        html.noteList(notes, indent: "  ")
        html.raw("</main>\n")
        html.footer(c)
    }
}

extension SearchPageModel {
    /// `search.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-search")
        html.raw("<main class=\"search\">\n  <h1>"); html.text(c.word("search"))
        html.raw("</h1>\n  <form class=\"search-form\" action=\"\" method=\"get\" role=\"search\">\n    <input id=\"search-input\" type=\"search\" name=\"q\" placeholder=\"")
        html.text(c.word("searchPagePlaceholder"))
        html.raw("\" aria-label=\""); html.text(c.word("search"))
        html.raw("\" autofocus>\n  </form>\n  <p id=\"search-status\" class=\"search-status\" aria-live=\"polite\"></p>\n  <ol id=\"search-results\" class=\"search-results\" data-root=\"")
        html.text(c.root)
        html.raw("\" data-count=\""); html.text(c.word("searchCount"))
        html.raw("\"\n      data-none=\""); html.text(c.word("searchNone"))
        html.raw("\" data-one=\""); html.text(c.word("searchOne"))
        html.raw("\" data-many=\""); html.text(c.word("searchMany"))
        html.raw("\"></ol>\n  <noscript><p>"); html.text(c.word("searchNeedsScript"))
        html.raw(" <a href=\""); html.text(c.homeURL)
        html.raw("\">"); html.text(c.word("homeListsAll"))
        html.raw("</a></p></noscript>\n</main>\n<script src=\""); html.text(c.searchIndexScript)
        html.raw("\"></script>\n<script src=\""); html.text(c.assets)
        html.raw("search.js\"></script>\n")
        html.footer(c)
    }
}

extension NotFoundPageModel {
    /// `404.mustache`.
    func write(to html: inout PageHTML) {
        let c = chrome
        html.opening(c, bodyClass: "page-404")
        html.raw("<main class=\"not-found\" lang=\""); html.text(c.uiLang)
        html.raw("\">\n  <h1>"); html.text(c.word("notFound"))
        html.raw("</h1>\n  <p>"); html.text(c.word("notFoundText"))
        html.raw("</p>\n  <ul>\n    <li><a href=\""); html.text(c.homeURL)
        html.raw("\">"); html.text(c.word("goHome"))
        html.raw("</a></li>\n    <li><a href=\""); html.text(c.searchURL)
        html.raw("\">"); html.text(c.word("goSearch"))
        html.raw("</a></li>\n  </ul>\n</main>\n")
        html.footer(c)
    }
}
