/// Where each page lives in the output folder, and how pages link to each other.
///
/// Output paths mirror vault paths (`AI/信息论.md` → `AI/信息论.html`), so a reader who
/// knows the vault knows the site. Links between pages are always relative, so the site
/// works from `file://`, from a sub-path and from a domain root alike.
/// Pages QED generates itself live under `_qed/` (and `index.html`, `404.html`,
/// `sitemap.xml` at the root), out of the way of the notes' own folders.
public enum SitePaths {
    /// The home page.
    public static let home = "index.html"
    /// The page a web server shows for a missing path.
    public static let notFound = "404.html"
    /// Every page, for search engines.
    public static let sitemap = "sitemap.xml"
    /// Everything generated that is not a note: tags, search, assets.
    public static let generatedFolder = "_qed"
    /// The list of all tags.
    public static let tagsIndex = "_qed/tags.html"
    /// The search page; it reads its query from `?q=`.
    public static let search = "_qed/search.html"
    /// The search index as JSON, for tools.
    public static let searchIndexJSON = "_qed/search-index.json"
    /// The same index as a script, which also loads from `file://`.
    public static let searchIndexScript = "_qed/search-index.js"
    /// The theme's assets (CSS, the search script).
    public static let assetsFolder = "_qed/assets"

    /// The output path of a note's page: `.md` becomes `.html`. A note whose page would take
    /// the name of a generated page (`index.md` at the root, anything under `_qed/`) gets
    /// `-note` appended, so no note can overwrite the home page.
    public static func page(forNote notePath: String) -> String {
        var stem = notePath
        for suffix in [".md", ".markdown"] where stem.lowercased().hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        let segments = stem.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            // Vault paths never hold these, but a page must never climb out of the output folder.
            segment == "." || segment == ".." ? "_" : String(segment)
        }
        var path = segments.isEmpty ? "_" : segments.joined(separator: "/")
        let reserved = ["index", "404", "sitemap"]
        if reserved.contains(path.lowercased()) || path.lowercased() == generatedFolder
            || path.lowercased().hasPrefix(generatedFolder + "/") {
            path += "-note"
        }
        return path + ".html"
    }

    /// The page of a tag: `ai/foundations/math` → `_qed/tags/ai/foundations/math.html`.
    public static func page(forTag tag: String) -> String {
        let segments = tag.split(separator: "/", omittingEmptySubsequences: true).map { fileSafe(String($0)) }
        return "_qed/tags/" + (segments.isEmpty ? "_" : segments.joined(separator: "/")) + ".html"
    }

    /// A tag segment as a file name: no separators, no dot-only names, no control characters.
    static func fileSafe(_ segment: String) -> String {
        if segment == "." || segment == ".." { return "_" }
        var out = ""
        for scalar in segment.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\\" || scalar == "\u{7F}" { out += "_" } else { out.unicodeScalars.append(scalar) }
        }
        return out.isEmpty ? "_" : out
    }

    /// The relative URL from the page at `from` to the file at `to` (both output paths),
    /// percent-encoded, with an optional fragment.
    ///
    /// `relativeURL(from: "AI/信息论.html", to: "AI/KL.html")` is `KL.html`;
    /// from `AI/RL/x.html` to `index.html` it is `../../index.html`.
    public static func relativeURL(from: String, to: String, fragment: String? = nil) -> String {
        let fromDirs = Array(from.split(separator: "/", omittingEmptySubsequences: true).dropLast())
        let toParts = to.split(separator: "/", omittingEmptySubsequences: true)
        let toDirs = Array(toParts.dropLast())
        var common = 0
        while common < fromDirs.count, common < toDirs.count, fromDirs[common] == toDirs[common] { common += 1 }
        var parts = Array(repeating: "..", count: fromDirs.count - common)
        parts += toParts.dropFirst(common).map { percentEncode(String($0)) }
        var url = parts.joined(separator: "/")
        if url.isEmpty { url = "./" }
        // A first segment holding ':' would read as a URL scheme (`javascript:x.html`).
        if let first = parts.first, first != "..", first.contains(":") { url = "./" + url }
        if let fragment, !fragment.isEmpty { url += "#" + percentEncode(fragment) }
        return url
    }

    /// The prefix that leads from the page at `from` back to the site root: `""` or `"../../"`.
    public static func rootPrefix(from: String) -> String {
        let depth = max(0, from.split(separator: "/", omittingEmptySubsequences: true).count - 1)
        return String(repeating: "../", count: depth)
    }

    /// One path segment (or fragment) percent-encoded as UTF-8: every byte outside the
    /// unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`.
    public static func percentEncode(_ segment: String) -> String {
        let hex: [Character] = Array("0123456789ABCDEF")
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// A whole output path percent-encoded segment by segment (for sitemap URLs).
    public static func percentEncodePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).map { percentEncode(String($0)) }
            .joined(separator: "/")
    }
}
