import Cells
import Notes
import TeXMath
import Verification

/// What a page needs to know about a link target.
struct LinkTarget: Sendable, Equatable {
    var page: String
    var title: String
    var brief: String
}

/// Renders one verified note's body: cmark's HTML with every hole filled.
///
/// Math becomes MathML, wiki-links relative `<a>` elements (or a visibly broken span),
/// inline `= EXPR` spans their value, headings get anchors and cells their highlighted code,
/// outputs and claim badges. Everything that comes from the note is escaped here.
struct NoteFragment {
    let verified: VerifiedNote
    /// The output path of the page the fragment will sit on; links are relative to it.
    let page: String
    /// Link targets by note id.
    let targets: [String: LinkTarget]
    /// Site pages give every heading a linkable anchor; the bare fragment keeps cmark's HTML.
    var headingAnchors = true

    func render() -> String {
        let note = verified.note
        return note.body.render { hole in
            switch hole {
            case .math(let i): return math(i)
            case .link(let i): return link(i)
            case .cell(let i):
                guard verified.cells.indices.contains(i) else { return "" }
                return CellHTML(run: verified.cells[i]).render()
            case .inlineValue(let i): return inlineValue(i)
            case .headingAnchor(let i):
                guard headingAnchors, note.headings.indices.contains(i) else { return "" }
                let anchor = note.headings[i].anchor
                return "<a class=\"heading-anchor\" id=\"\(HTML.escape(anchor))\" href=\"#\(HTML.escape(SitePaths.percentEncode(anchor)))\" aria-label=\"link to this section\"></a>"
            }
        }
    }

    private func math(_ i: Int) -> String {
        let note = verified.note
        guard note.math.indices.contains(i) else { return "" }
        let span = note.math[i]
        if verified.math.indices.contains(i), !verified.math[i].mathML.isEmpty {
            let mathML = verified.math[i].mathML
            return span.display ? "<div class=\"math-display\">\(mathML)</div>" : mathML
        }
        // No conversion (should not happen): show the TeX, escaped and marked.
        return "<code class=\"math-error\">\(HTML.escape(span.tex))</code>"
    }

    private func link(_ i: Int) -> String {
        let note = verified.note
        guard note.links.indices.contains(i) else { return "" }
        let link = note.links[i]
        let resolution: LinkResolution = verified.links.indices.contains(i) ? verified.links[i] : .missingNote
        func broken(_ why: String) -> String {
            if link.isEmbed {
                return "<span class=\"embed-card broken-link\" title=\"\(HTML.escape(why))\"><span class=\"embed-title\">\(HTML.escape(link.displayText))</span><span class=\"embed-brief\">\(HTML.escape(why))</span></span>"
            }
            return "<span class=\"broken-link\" title=\"\(HTML.escape(why))\">\(HTML.escape(link.displayText))</span>"
        }
        switch resolution {
        case .note(let id, let heading):
            guard let target = id == note.id ? LinkTarget(page: page, title: note.title, brief: note.frontMatter.brief ?? "")
                    : targets[id] else {
                return broken("no page for \(id)")
            }
            let url: String
            if id == note.id, let heading {
                url = "#" + SitePaths.percentEncode(heading.anchor)
            } else {
                url = SitePaths.relativeURL(from: page, to: target.page, fragment: heading?.anchor)
            }
            var label = target.title
            if let heading { label = link.target.isEmpty ? heading.text : target.title + " › " + heading.text }
            if let written = link.label, !written.isEmpty { label = written }
            if link.isEmbed {
                let brief = target.brief.isEmpty ? "" : "<span class=\"embed-brief\">\(HTML.escape(target.brief))</span>"
                return "<a class=\"embed-card\" href=\"\(HTML.escape(url))\"><span class=\"embed-title\">\(HTML.escape(label))</span>\(brief)</a>"
            }
            return "<a class=\"wiki-link\" href=\"\(HTML.escape(url))\">\(HTML.escape(label))</a>"
        case .missingNote:
            return broken("no note named “\(link.target)”")
        case .missingHeading(let id):
            return broken("“\(targets[id]?.title ?? id)” has no heading “\(link.heading ?? "")”")
        case .ambiguous(let ids):
            return broken("“\(link.target)” could mean \(ids.joined(separator: ", ")); write the full path")
        }
    }

    private func inlineValue(_ i: Int) -> String {
        let note = verified.note
        guard note.inlineExpressions.indices.contains(i) else { return "" }
        let expression = note.inlineExpressions[i]
        guard verified.inlineValues.indices.contains(i) else {
            return "<code>\(HTML.escape(expression.expression))</code>"
        }
        let result = verified.inlineValues[i]
        if let diagnostic = result.diagnostic {
            return "<span class=\"inline-error\" title=\"\(HTML.escape(diagnostic.message))\">\(HTML.escape("= " + expression.expression)) ⚠</span>"
        }
        return "<span class=\"inline-value\" title=\"\(HTML.escape("= " + expression.expression))\">\(HTML.escape(result.text))</span>"
    }
}
