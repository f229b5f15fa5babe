import Markup
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

/// What verification contributed to a note's body, hole by hole: math, cells and inline
/// values. Links are left out because they show other notes' titles; they are filled when the
/// page is rendered. Kept in the build cache, so a page whose neighbours changed is rendered
/// again without running its cells.
struct NoteFills: Sendable, Equatable {
    var math: [String]
    var cells: [String]
    var inlineValues: [String]

    init(math: [String], cells: [String], inlineValues: [String]) {
        self.math = math
        self.cells = cells
        self.inlineValues = inlineValues
    }

    init(_ verified: VerifiedNote) {
        let note = verified.note
        let marks = FormulaMark.marks(verified.formulas)
        math = note.math.indices.map { i in
            let span = note.math[i]
            if verified.math.indices.contains(i), !verified.math[i].mathML.isEmpty {
                let mathML = verified.math[i].mathML + (marks[i] ?? "")
                return span.display ? "<div class=\"math-display\">\(mathML)</div>" : mathML
            }
            // No conversion (should not happen): show the TeX, escaped and marked.
            return "<code class=\"math-error\">\(HTML.escape(span.tex))</code>"
        }
        cells = verified.cells.map { CellHTML(run: $0).render() }
        inlineValues = note.inlineExpressions.indices.map { i in
            let expression = note.inlineExpressions[i]
            guard verified.inlineValues.indices.contains(i) else {
                return "<code>\(HTML.escape(expression.expression))</code>"
            }
            let result = verified.inlineValues[i]
            if let diagnostic = result.diagnostic {
                return "<span class=\"inline-error\" title=\"\(HTML.escape(diagnostic.message))\">\(HTML.escape("= " + expression.expression)) ⚠</span>"
            }
            return "<span class=\"inline-value\" title=\"\(HTML.escape("= " + expression.expression))\">\(NumberSpans.html(result.text))</span>"
        }
    }
}

/// Renders one note's body: cmark's HTML with every hole filled.
///
/// Math becomes MathML, wiki-links relative `<a>` elements (or a visibly broken span),
/// inline `= EXPR` spans their value, headings get anchors and cells their highlighted code,
/// outputs and claim badges. Everything that comes from the note is escaped.
struct NoteFragment {
    let note: Note
    let fills: NoteFills
    /// `resolutions[k]` resolves `note.links[k]`.
    let resolutions: [LinkResolution]
    /// The output path of the page the fragment will sit on; links are relative to it.
    let page: String
    /// Link targets by note id.
    let targets: [String: LinkTarget]
    /// Site pages give every heading a linkable anchor; the bare fragment keeps cmark's HTML.
    var headingAnchors = true
    /// The vault's notes, for embeds shown in place (`![[note]]`); nil: embeds are cards.
    var graph: LinkGraph? = nil
    /// Notes being shown around this one (the page's note first), against embed cycles.
    var visited: [String] = []
    var budget = TransclusionBudget()
    /// Inside a transclusion: heading anchors become markers that sections are cut at.
    var sectionMarkers = false

    func render() -> String {
        note.body.render { hole in
            switch hole {
            case .math(let i): return fills.math.indices.contains(i) ? fills.math[i] : ""
            case .link(let i): return link(i)
            case .cell(let i): return fills.cells.indices.contains(i) ? fills.cells[i] : ""
            case .inlineValue(let i): return fills.inlineValues.indices.contains(i) ? fills.inlineValues[i] : ""
            case .tag(let i):
                guard note.inlineTags.indices.contains(i) else { return "" }
                let tag = note.inlineTags[i]
                let url = SitePaths.relativeURL(from: page, to: SitePaths.page(forTag: TagTree.normalize(tag) ?? tag))
                return "<a class=\"tag inline-tag\" href=\"\(HTML.escape(url))\">#\(HTML.escape(tag))</a>"
            case .headingAnchor(let i):
                if sectionMarkers { return Transclusion.marker(i) }
                guard headingAnchors, note.headings.indices.contains(i) else { return "" }
                let anchor = note.headings[i].anchor
                return "<a class=\"heading-anchor\" id=\"\(HTML.escape(anchor))\" href=\"#\(HTML.escape(SitePaths.percentEncode(anchor)))\" aria-label=\"link to this section\"></a>"
            }
        }
    }

    /// What a wiki-link reads, whether it resolves or not: its label as written, else the
    /// target note's title (the target as written when there is no such note), then
    /// ` › heading`; a link to a heading of the same note (`[[#Heading]]`) reads the heading.
    static func linkText(_ link: WikiLink, title: String?, heading: String?) -> String {
        if let written = link.label, !written.isEmpty { return written }
        let name = title ?? link.target
        guard let heading, !heading.isEmpty else { return name }
        return link.target.isEmpty ? heading : name + " › " + heading
    }

    private func link(_ i: Int) -> String {
        guard note.links.indices.contains(i) else { return "" }
        let link = note.links[i]
        let resolution: LinkResolution = resolutions.indices.contains(i) ? resolutions[i] : .missingNote
        func broken(_ why: String, title: String? = nil) -> String {
            // Reads as the resolved link would: only the style says it is broken.
            let text = NoteFragment.linkText(link, title: title, heading: link.heading)
            if link.isEmbed {
                return "<span class=\"embed-card broken-link\" title=\"\(HTML.escape(why))\"><span class=\"embed-title\">\(HTML.escape(text))</span><span class=\"embed-brief\">\(HTML.escape(why))</span></span>"
            }
            return "<span class=\"broken-link\" title=\"\(HTML.escape(why))\">\(HTML.escape(text))</span>"
        }
        switch resolution {
        case .file(let path):
            let url = SitePaths.relativeURL(from: page, to: path)
            return link.isEmbed ? MediaEmbed(link: link, path: path, url: url).html
                : "<a class=\"wiki-link file-link\" href=\"\(HTML.escape(url))\">\(HTML.escape(link.label ?? link.target))</a>"
        case .missingNote where VaultPath.isMediaFile(link.target):
            return broken("no file named “\(link.target)” in the vault")
        case .note(let id, let heading):
            let ownPage = id == note.id && !sectionMarkers
            guard let target = ownPage ? LinkTarget(page: page, title: note.title, brief: note.frontMatter.brief ?? "")
                    : targets[id] else {
                return broken("no page for \(id)")
            }
            let url: String
            if ownPage, let heading {
                url = "#" + SitePaths.percentEncode(heading.anchor)
            } else {
                url = SitePaths.relativeURL(from: page, to: target.page, fragment: heading?.anchor)
            }
            let label = NoteFragment.linkText(link, title: target.title, heading: heading?.text)
            if link.isEmbed, let graph {
                let shown = visited.isEmpty ? [note.id] : visited
                if let html = Transclusion(graph: graph, page: page).html(of: id, heading: heading, link: link,
                                                                          visited: shown, budget: budget) {
                    return html
                }
            }
            if link.isEmbed {
                let brief = target.brief.isEmpty ? "" : "<span class=\"embed-brief\">\(HTML.escape(target.brief))</span>"
                return "<a class=\"embed-card\" href=\"\(HTML.escape(url))\"><span class=\"embed-title\">\(HTML.escape(label))</span>\(brief)</a>"
            }
            return "<a class=\"wiki-link\" href=\"\(HTML.escape(url))\">\(HTML.escape(label))</a>"
        case .missingNote:
            return broken("no note named “\(link.target)”")
        case .missingHeading(let id):
            return broken("“\(targets[id]?.title ?? id)” has no heading “\(link.heading ?? "")”", title: targets[id]?.title)
        case .ambiguous(let ids):
            return broken("“\(link.target)” could mean \(ids.joined(separator: ", ")); write the full path")
        }
    }
}
