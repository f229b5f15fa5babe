import Foundation
import Markup
import Notes
import TeXMath

/// `![[note]]`, `![[note#Heading]]`, `![[note#^block]]`: the embedded note's content shown in
/// place (its math converted, its links relative to the embedding page), with a link to the
/// source. Nested embeds go `maxDepth` deep; a note already being shown (a cycle, a note
/// embedding itself) becomes a card instead.
struct Transclusion {
    static let maxDepth = 3
    /// Embeds shown in full per page; more become cards (a page stays a bounded size).
    static let maxPerPage = 64

    let graph: LinkGraph
    let page: String

    /// The HTML of `target` (a note of the graph), or nil when it cannot be shown.
    func html(of id: String, heading: Heading?, link: WikiLink, visited: [String], budget: TransclusionBudget) -> String? {
        guard visited.count <= Self.maxDepth, !visited.contains(id), budget.take(),
              let index = graph.index(of: id), let note = try? graph.fullNote(index) else { return nil }
        let fills = NoteFills(transcluding: note)
        let fragment = NoteFragment(note: note, fills: fills, resolutions: graph.resolutions[index], page: page,
                                    targets: graph.targets, headingAnchors: false, graph: graph,
                                    visited: visited + [id], budget: budget, sectionMarkers: true)
        var body = fragment.render()
        if let heading {
            guard let section = heading.level == 0 ? Self.block(heading.anchor, in: body) : Self.section(heading, of: note, in: body) else { return nil }
            body = section
        }
        body = Self.removeBlockAnchors(Self.removeMarkers(body))
        let url = SitePaths.relativeURL(from: page, to: graph.targets[id]?.page ?? page, fragment: heading?.anchor)
        var title = graph.targets[id]?.title ?? id
        if let heading { title += " › " + heading.text }
        if let label = link.label, !label.isEmpty { title = label }
        return "<div class=\"transclusion\"><div class=\"transclusion-source\"><a href=\"\(HTML.escape(url))\">\(HTML.escape(title))</a></div><div class=\"transclusion-body\">\n\(body)</div></div>"
    }

    /// A marker standing for heading `i`'s anchor in a transcluded body (private-use, so no
    /// note text can contain it: notes have those scalars replaced when read).
    static func marker(_ i: Int) -> String { "\u{E01E}\(i)\u{E01F}" }

    static func removeMarkers(_ html: String) -> String {
        guard html.unicodeScalars.contains(where: { $0 == "\u{E01E}" }) else { return html }
        var out = String.UnicodeScalarView()
        var skipping = false
        for s in html.unicodeScalars {
            if s == "\u{E01E}" { skipping = true; continue }
            if s == "\u{E01F}" { skipping = false; continue }
            if !skipping { out.append(s) }
        }
        return String(out)
    }

    /// Block anchors belong to the embedded note's own page; here they would repeat its ids.
    static func removeBlockAnchors(_ html: String) -> String {
        let open = "<span class=\"block-anchor\" id=\""
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: open) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "\"></span>") else { rest = rest[start.lowerBound...]; break }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// From the heading's `<hN>` to the next heading of the same or a higher level.
    static func section(_ heading: Heading, of note: Note, in html: String) -> String? {
        guard let i = note.headings.firstIndex(where: { $0.anchor == heading.anchor }),
              let markerRange = html.range(of: marker(i)),
              let start = html[..<markerRange.lowerBound].range(of: "<h", options: .backwards)?.lowerBound else { return nil }
        var end = html.endIndex
        for j in (i + 1)..<max(i + 1, note.headings.count) where note.headings[j].level <= heading.level {
            if let next = html.range(of: marker(j)), let open = html[..<next.lowerBound].range(of: "<h", options: .backwards) {
                end = open.lowerBound
            }
            break
        }
        return start < end ? String(html[start..<end]) : nil
    }

    /// The block holding the anchor `id="^x"`: its `<p>` or `<li>`, or the element after a
    /// standalone anchor (a table, a list).
    static func block(_ anchor: String, in html: String) -> String? {
        let needle = "<span class=\"block-anchor\" id=\"\(HTML.escape(anchor))\"></span>"
        guard let found = html.range(of: needle) else { return nil }
        let before = html[..<found.lowerBound]
        for tag in ["p", "li"] where before.hasSuffix("<\(tag)>") {
            let start = html.index(found.lowerBound, offsetBy: -(tag.count + 2))
            return element(tag, from: start, in: html)
        }
        // A standalone anchor names the element that follows it.
        var rest = html[found.upperBound...]
        while let first = rest.first, first == "\n" { rest = rest.dropFirst() }
        guard rest.hasPrefix("<") else { return nil }
        let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber }
        guard !name.isEmpty else { return nil }
        return element(String(name), from: rest.startIndex, in: html)
    }

    /// The element `<tag…>` starting at `start`, to its matching close tag.
    static func element(_ tag: String, from start: String.Index, in html: String) -> String? {
        var depth = 0
        var i = start
        while i < html.endIndex {
            let rest = html[i...]
            if rest.hasPrefix("</\(tag)>") {
                depth -= 1
                if depth == 0 { return String(html[start..<html.index(i, offsetBy: tag.count + 3)]) }
                i = html.index(i, offsetBy: tag.count + 3)
                continue
            }
            if rest.hasPrefix("<\(tag)>") || rest.hasPrefix("<\(tag) ") { depth += 1 }
            i = html.index(after: i)
        }
        return nil
    }
}

/// How many more embeds a page may show in full (shared by its nested fragments).
final class TransclusionBudget: @unchecked Sendable {
    // Used by one page's rendering on one thread at a time.
    private var remaining: Int
    init(_ count: Int = Transclusion.maxPerPage) { remaining = count }
    func take() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}

extension NoteFills {
    /// Fills for a note shown inside another: math converted here, cells shown as code
    /// (they run on their own page), inline values as their expression.
    init(transcluding note: Note) {
        let converter = TeXMathConverter()
        math = note.math.map { span in
            let mathML = converter.convert(span.tex, display: span.display).mathML
            if mathML.isEmpty { return "<code class=\"math-error\">\(HTML.escape(span.tex))</code>" }
            return span.display ? "<div class=\"math-display\">\(mathML)</div>" : mathML
        }
        cells = note.cells.map { "<pre class=\"cell-source\"><code class=\"language-qed\">\(HTML.escape($0.code))</code></pre>" }
        inlineValues = note.inlineExpressions.map { "<code>\(HTML.escape("= " + $0.expression))</code>" }
    }
}
