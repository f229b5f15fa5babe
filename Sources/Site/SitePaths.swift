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
        let stem = droppingNoteExtension(notePath)
        let segments = SitePaths.segments(of: stem).map { segment -> String in
            // Vault paths never hold these, but a page must never climb out of the output folder.
            segment == "." || segment == ".." ? "_" : String(segment)
        }
        var path = segments.isEmpty ? "_" : segments.joined(separator: "/")
        if isReserved(path) { path += "-note" }
        return path + ".html"
    }

    /// `path` without a final `.md` or `.markdown`, in any letter case. Only the suffix is
    /// compared: lower-casing whole paths was most of this function's time.
    private static func droppingNoteExtension(_ path: String) -> String {
        for suffix in [".md", ".markdown"] {
            let tail = path.utf8.suffix(suffix.utf8.count)
            if tail.count == suffix.utf8.count,
               zip(tail, suffix.utf8).allSatisfy({ asciiLowercased($0) == $1 }) {
                return String(decoding: path.utf8.dropLast(suffix.utf8.count), as: UTF8.self)
            }
        }
        return path
    }

    /// Whether a page path (no `.html` yet) would take a generated page's name: `index`,
    /// `404`, `sitemap`, or anything under `_qed/`, in any ASCII letter case (a file system
    /// may not tell the cases apart).
    private static func isReserved(_ path: String) -> Bool {
        let utf8 = path.utf8
        func isWord(_ bytes: some Collection<UInt8>, _ word: String) -> Bool {
            bytes.count == word.utf8.count && bytes.lazy.map(asciiLowercased).elementsEqual(word.utf8)
        }
        if ["index", "404", "sitemap", generatedFolder].contains(where: { isWord(utf8, $0) }) { return true }
        let folder = generatedFolder + "/"
        return isWord(utf8.prefix(folder.utf8.count), folder)
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
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
        // Built as bytes: every page asks for dozens of these (its chrome, tags, lists, links).
        let fromParts = segments(of: from)
        let toParts = segments(of: to)
        let fromDirs = max(0, fromParts.count - 1), toDirs = max(0, toParts.count - 1)
        var common = 0
        while common < fromDirs, common < toDirs, fromParts[common] == toParts[common] { common += 1 }
        var url: [UInt8] = []
        url.reserveCapacity(to.utf8.count + 3 * (fromDirs - common) + 16)
        for _ in common..<fromDirs {
            if !url.isEmpty { url.append(UInt8(ascii: "/")) }
            url.append(contentsOf: "..".utf8)
        }
        let climbs = !url.isEmpty
        for part in toParts[common...] {
            if !url.isEmpty { url.append(UInt8(ascii: "/")) }
            appendPercentEncoded(part.utf8, to: &url)
        }
        if url.isEmpty { url.append(contentsOf: "./".utf8) }
        // A first segment holding ':' would read as a URL scheme (`javascript:x.html`).
        else if !climbs, let colon = url.firstIndex(of: UInt8(ascii: ":")), !url[..<colon].contains(UInt8(ascii: "/")) {
            url.insert(contentsOf: "./".utf8, at: 0)
        }
        if let fragment, !fragment.isEmpty {
            url.append(UInt8(ascii: "#"))
            appendPercentEncoded(fragment.utf8, to: &url)
        }
        return String(decoding: url, as: UTF8.self)
    }

    /// `path.split(separator: "/")` (empty segments omitted), found on bytes when every `/`
    /// in the path stands alone as a Character; splitting by Characters (grapheme breaking)
    /// was most of `relativeURL`'s time.
    static func segments(of path: String) -> [Substring] {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) || slashesStandAlone(path) else {
            return path.split(separator: "/", omittingEmptySubsequences: true)
        }
        var parts: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "/") {
                if start != i { parts.append(path[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start != utf8.endIndex { parts.append(path[start..<utf8.endIndex]) }
        return parts
    }

    /// Whether each `/` in `path` is a Character of its own: the scalars either side of it are
    /// ASCII or from ranges with no combining, joining or prepended marks (CJK, Hangul, Latin
    /// letters, full-width forms). Anything else takes the slow, exact way.
    private static func slashesStandAlone(_ path: String) -> Bool {
        var previous: Unicode.Scalar? = nil
        var afterSlash = false
        for scalar in path.unicodeScalars {
            if afterSlash, !joinsNothing(scalar) { return false }
            if scalar == "/", let previous, !joinsNothing(previous) { return false }
            afterSlash = scalar == "/"
            previous = scalar
        }
        return true
    }

    private static func joinsNothing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xA0...0x2FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// The prefix that leads from the page at `from` back to the site root: `""` or `"../../"`.
    public static func rootPrefix(from: String) -> String {
        let depth = max(0, from.split(separator: "/", omittingEmptySubsequences: true).count - 1)
        return String(repeating: "../", count: depth)
    }

    /// One path segment (or fragment) percent-encoded as UTF-8: every byte outside the
    /// unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`.
    public static func percentEncode(_ segment: String) -> String {
        guard segment.utf8.contains(where: { !isUnreserved($0) }) else { return segment }
        var out: [UInt8] = []
        out.reserveCapacity(segment.utf8.count * 3)
        appendPercentEncoded(segment.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func appendPercentEncoded(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10 }
        for byte in bytes {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex(byte >> 4))
                out.append(hex(byte & 0x0F))
            }
        }
    }

    /// A whole output path percent-encoded segment by segment (for sitemap URLs).
    public static func percentEncodePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).map { percentEncode(String($0)) }
            .joined(separator: "/")
    }
}
