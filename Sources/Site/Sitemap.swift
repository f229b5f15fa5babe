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
    static func json(_ notes: [NoteSummary]) -> String {
        var out = "{\"notes\":["
        for (i, note) in notes.enumerated() {
            if i > 0 { out += ",\n" }
            out += "{\"title\":" + jsonString(note.title)
            out += ",\"brief\":" + jsonString(note.brief)
            out += ",\"path\":" + jsonString(note.path)
            out += ",\"url\":" + jsonString(SitePaths.percentEncodePath(note.page))
            out += ",\"tags\":[" + note.tags.map(jsonString).joined(separator: ",") + "]"
            out += ",\"status\":" + jsonString(note.status)
            out += ",\"text\":" + jsonString(note.text) + "}"
        }
        return out + "]}\n"
    }

    static func script(_ notes: [NoteSummary]) -> String {
        "window.QED_SEARCH_INDEX = " + HTML.escapeForScript(json(notes)).dropLast() + ";\n"
    }

    /// A JSON string literal; deterministic, escaping only what JSON requires (plus `/` after `<`
    /// is handled by the script form).
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
