/// The note page written natively (see `NativePages.swift`).
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
