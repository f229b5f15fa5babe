/// The default theme's pages written directly, without Mustache: each function here and in
/// `NativePages+Note.swift` and `NativePages+Lists.swift` is one template of `templates/`
/// (named in its comment) turned into code, and writes exactly the bytes swift-mustache renders
/// from it: standalone section lines dropped, `{{x}}` escaped, `{{{body}}}` raw, the indented
/// `note-list` partial indented as swift-mustache does. `NativePageTests` holds the two to the
/// same bytes; a change to a template needs the same change here (or the theme's pages go
/// through Mustache: see `Theme.rendersNatively`).
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
