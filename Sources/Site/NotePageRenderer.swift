import Diagnostics
import Foundation
import Notes
import Verification

/// Verifies one note and renders its page.
struct NotePageRenderer: Sendable {
    let theme: Theme
    let pages: Pages
    let graph: LinkGraph
    let vault: Vault
    let options: VerificationOptions
    /// Built up front only when some note is known to need verifying (building one resolves
    /// every link of the vault again); otherwise made on the spot in the rare case it is needed.
    let verifier: Verifier?

    /// Runs the note's cells, evaluates its inline values and converts its math.
    func verify(_ i: Int) throws(BuildError) -> (VerifiedNote, NoteFills, NoteSummary) {
        let note = try graph.fullNote(i)
        let verifier = self.verifier ?? Verifier(vault: vault, options: options)
        let verified = verifier.verify(note, resolutions: graph.resolutions[i])
        let summary = NotePageRenderer.summary(of: verified, page: graph.pages[i],
                                               linksTo: graph.outgoing[i].map { graph.notes[$0].id })
        return (verified, NoteFills(verified), summary)
    }

    /// The note's page from what verification gave (fresh or from the cache): written natively
    /// when the note templates are the default theme's, else through the user's `note.mustache`.
    /// `note` is note `i` whole when the caller has it (it just verified it), else read here.
    func render(_ i: Int, note: Note? = nil, fills: NoteFills, summary: NoteSummary) throws(BuildError) -> String {
        theme.render(try page(i, note: note, fills: fills, summary: summary))
    }

    /// What the note's page shows.
    func page(_ i: Int, note given: Note? = nil, fills: NoteFills, summary: NoteSummary) throws(BuildError) -> NotePageModel {
        let note: Note
        if let given { note = given } else { note = try graph.fullNote(i) }
        let page = graph.pages[i]
        let backlinks = graph.incoming[i].map { j -> NoteSummary in
            let source = graph.notes[j]
            var entry = placeholderSummary(j)
            entry.brief = source.frontMatter.brief ?? ""
            return entry
        }
        var extra: [String: String] = [:]
        for (key, value) in note.frontMatter.extra { extra[key] = value.text }
        var model = pages.note(summary, extra: extra, backlinks: backlinks, lang: NoteLanguage.of(note))
        model.body = NoteFragment(note: note, fills: fills, resolutions: graph.resolutions[i], page: page,
                                  targets: graph.targets, headingAnchors: true, graph: graph).render()
        addNavigation(note, i, page: page, to: &model)
        // A first `# Heading` that only repeats the page title is hidden; any other stays.
        if let first = note.headings.first, first.level == 1, first.text == note.title { model.titleRepeated = true }
        return model
    }

    /// Table of contents, previous and next in the folder, breadcrumbs (see `NoteNavigation`).
    /// What they show of other notes enters the page's key through `LinkGraph.neighbourhoodKey`.
    private func addNavigation(_ note: Note, _ i: Int, page: String, to model: inout NotePageModel) {
        model.contents = NoteNavigation.contents(of: note)
        func neighbour(_ j: Int?) -> PageLink? {
            guard let j, graph.notes.indices.contains(j) else { return nil }
            let other = graph.notes[j]
            return PageLink(label: other.title, url: SitePaths.relativeURL(from: page, to: graph.pages[j]))
        }
        let (previous, next) = graph.folderNeighbours.indices.contains(i) ? graph.folderNeighbours[i] : (nil, nil)
        model.previous = neighbour(previous)
        model.next = neighbour(next)
        model.breadcrumbs = NoteNavigation.breadcrumbs(of: note.path)
    }

    /// A summary from the note alone (no verification): enough for a backlink entry.
    func placeholderSummary(_ i: Int) -> NoteSummary {
        let note = graph.notes[i]
        return NoteSummary(
            id: note.id, path: note.path, page: graph.pages[i], title: note.title,
            brief: note.frontMatter.brief ?? "", type: "", domain: "", created: "", updated: "", tags: [],
            linksTo: [], status: .unverified, claims: 0, failedClaims: 0,
            notRunClaims: 0, diagnostics: [], text: "")
    }

    static func summary(of verified: VerifiedNote, page: String, linksTo: [String]) -> NoteSummary {
        let note = verified.note
        let front = note.frontMatter
        var tags: [String] = []
        // Inline `#tags` join the front matter's, as in Obsidian.
        for raw in front.tags + note.inlineTags {
            if let tag = TagTree.normalize(raw), !tags.contains(tag) { tags.append(tag) }
        }
        return NoteSummary(
            id: note.id, path: note.path, page: page, title: note.title,
            brief: front.brief ?? "", type: front.type ?? "", domain: front.domain ?? "",
            created: front.created.map(dateText) ?? "", updated: front.updated.map(dateText) ?? "",
            tags: tags, linksTo: linksTo, status: verified.status,
            claims: verified.claims.count, failedClaims: verified.failedClaims,
            notRunClaims: verified.notRunClaims.count,
            verifiedFormulas: verified.formulas.count { $0.status == .verified },
            failedFormulas: verified.formulas.count { $0.status == .failed },
            diagnostics: verified.diagnostics, text: plainText(of: verified),
            headings: note.headings.map { NoteNavigation.readable($0.text) })
    }

    static func dateText(_ date: NoteDate) -> String {
        date.description
    }

    /// The note as plain text for the search index: prose, each formula's text form (read off
    /// its MathML, not its TeX source), link labels, inline values; no markup, whitespace
    /// collapsed, at most `limit` scalars.
    static func plainText(of verified: VerifiedNote, limit: Int = 4000) -> String {
        let note = verified.note
        var text = PlainText(limit: limit)
        // Holes sit between tags, never inside one, so each HTML segment strips on its own.
        for segment in note.body.segments where !text.isFull {
            switch segment {
            case .html(let html):
                text.append(html: html)
            case .hole(.math(let i)):
                if verified.math.indices.contains(i) {
                    text.append(text: " " + verified.math[i].text + " ")
                }
            case .hole(.link(let i)):
                if note.links.indices.contains(i) { text.append(text: note.links[i].displayText) }
            case .hole(.inlineValue(let i)):
                if verified.inlineValues.indices.contains(i) { text.append(text: verified.inlineValues[i].text) }
            case .hole(.tag(let i)):
                if note.inlineTags.indices.contains(i) { text.append(text: "#" + note.inlineTags[i]) }
            case .hole(.cell), .hole(.headingAnchor):
                text.append(text: " ")
            }
        }
        return text.finished
    }
}

/// One note's HTML without a page around it, for `qed render`.
///
/// The note is verified against `vault` (for links and the default tolerance); links are
/// relative to where the note's page would sit in a built site. With `headingAnchors` false
/// (the default), Markdown with no math, wiki-links or cells comes out exactly as cmark
/// renders it.
public func renderFragment(note: Note, vault: Vault, strict: Bool = false, headingAnchors: Bool = false) -> String {
    let verifier = Verifier(vault: vault, options: VerificationOptions(strict: strict, jobs: 1))
    let verified = verifier.verify(note)
    var targets: [String: LinkTarget] = [:]
    for other in vault.notes {
        targets[other.id] = LinkTarget(page: SitePaths.page(forNote: other.path), title: other.title,
                                       brief: other.frontMatter.brief ?? "")
    }
    return NoteFragment(note: note, fills: NoteFills(verified), resolutions: verified.links,
                        page: SitePaths.page(forNote: note.path), targets: targets,
                        headingAnchors: headingAnchors).render()
}
