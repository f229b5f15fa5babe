/// The pages that list notes or tags, and the search and 404 pages, written natively (see
/// `NativePages.swift`).
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
