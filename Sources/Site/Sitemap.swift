import Markup

/// `sitemap.xml`: every page a reader can land on.
///
/// Search engines need absolute URLs, which only the site's public address can give, so
/// with no base URL the sitemap lists root-relative paths instead (still valid XML, and
/// useful to tools that know where the site lives).
enum Sitemap {
    /// `pages` are output paths; `baseURL` such as `https://example.org/notes`.
    static func xml(pages: [String], baseURL: String?) -> String {
        var base = baseURL ?? ""
        if !base.isEmpty && !base.hasSuffix("/") { base += "/" }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            var path = SitePaths.percentEncodePath(page)
            if path == "index.html" { path = "" } else if path.hasSuffix("/index.html") { path = String(path.dropLast("index.html".count)) }
            out += "  <url><loc>\(HTML.escape(base + path))</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}

/// The search page's data: one entry per note, as JSON and as a script assigning a global
/// (`window.QED_SEARCH_INDEX`), because browsers block `fetch` from `file://` pages.
enum SearchIndex {
    /// The two files that hold the index: the JSON, and the same data as a script. The JSON
    /// escapes `<`, `>`, `&` and the JavaScript line terminators, so it is a safe script
    /// literal, and the search page works from `file://` where it cannot fetch.
    enum Form: Sendable {
        case json, script
    }

    /// Writes the index in each of `forms` (`emit(piece, k)` for `forms[k]`, nil for all)
    /// a note at a time, so no build holds a whole copy (at 10,000 notes each is 40 MB), and
    /// each entry is made once for all forms.
    static func write(_ notes: [NoteSummary], forms: [Form], to emit: ([UInt8], Int?) -> Void) {
        for (k, form) in forms.enumerated() {
            emit(Array(((form == .script ? "window.QED_SEARCH_INDEX = " : "") + "{\"notes\":[").utf8), k)
        }
        var out: [UInt8] = []
        for (i, note) in notes.enumerated() {
            out.removeAll(keepingCapacity: true)
            if i > 0 { out += Array(",\n".utf8) }
            entry(note, to: &out)
            emit(out, nil)
        }
        for (k, form) in forms.enumerated() { emit(Array((form == .script ? "]};\n" : "]}\n").utf8), k) }
    }

    private static func entry(_ note: NoteSummary, to out: inout [UInt8]) {
        field("{\"title\":", note.title, &out)
        field(",\"brief\":", note.brief, &out)
        field(",\"path\":", note.path, &out)
        field(",\"url\":", SitePaths.percentEncodePath(note.page), &out)
        out += Array(",\"tags\":[".utf8)
        for (n, tag) in note.tags.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(tag, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        out += Array(",\"headings\":[".utf8)
        for (n, heading) in note.headings.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(heading, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        field(",\"status\":", note.status.rawValue, &out)
        field(",\"text\":", note.text, &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func field(_ name: String, _ value: String, _ out: inout [UInt8]) {
        out += Array(name.utf8)
        JSONText.append(value, to: &out)
    }
}
