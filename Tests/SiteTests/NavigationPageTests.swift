import Foundation
import Testing
import Notes
@testable import Site

/// Table of contents, previous / next within a folder, breadcrumbs.
@Suite struct NavigationPageTests {
    static func note(_ title: String, headings: [String] = []) -> String {
        "---\ntitle: \"\(title)\"\n---\n# \(title)\n\nIntro.\n\n" + headings.map { "## \($0)\n\nText.\n\n" }.joined()
    }

    static let files: [String: String] = [
        // File names sort the other way round from titles: the order must follow titles.
        "Topic/c.md": note("Alpha", headings: ["One", "Two & 3 < 4", "Three $H(X)$"]),
        "Topic/b.md": note("Beta", headings: ["One", "Two"]),
        "Topic/a.md": note("Gamma"),
        "Topic/Deep/d.md": note("Delta"),
        "Other.md": note("Other"),
    ]

    @Test func threeHeadingsGetAContentsListInTheMarginAndCollapsible() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        let alpha = vault.read("Topic/c.html")
        // Collapsible on narrow screens (a <details>, no script), a side list on wide ones.
        #expect(alpha.contains("<details class=\"toc toc-inline\">"))
        #expect(alpha.contains("<nav class=\"toc toc-side\""))
        #expect(alpha.contains("<a href=\"#one\">One</a>"))
        // Heading text is escaped; the page title (a repeated `# Alpha`) is not listed.
        #expect(alpha.contains(">Two &amp; 3 &lt; 4</a>"))
        #expect(!alpha.contains("3 < 4"))
        #expect(alpha.contains(">Three H(X)</a>"))
        #expect(!alpha.contains("<a href=\"#alpha\">"))
        // Two headings are not enough.
        #expect(!vault.read("Topic/b.html").contains("class=\"toc"))
        #expect(!vault.read("Topic/a.html").contains("class=\"toc"))
        // The side list is hidden on narrow screens, the <details> on wide ones.
        let css = try #require(Theme.load(userFolder: nil).assets.first { $0.path == "style.css" }).data
        let style = String(decoding: css, as: UTF8.self)
        #expect(style.contains(".toc-side { display: none; }"))
        #expect(style.contains("@media (min-width: 76rem) {\n  .toc-inline { display: none; }\n  .toc-side { display: block;"))
    }

    @Test func previousAndNextFollowTitlesWithinTheFolder() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        let beta = vault.read("Topic/b.html")
        #expect(beta.contains("rel=\"prev\" href=\"c.html\""))
        #expect(beta.contains("<span class=\"folder-nav-title\">Alpha</span>"))
        #expect(beta.contains("rel=\"next\" href=\"a.html\""))
        #expect(beta.contains("<span class=\"folder-nav-title\">Gamma</span>"))
        let alpha = vault.read("Topic/c.html")
        #expect(!alpha.contains("rel=\"prev\""))
        #expect(alpha.contains("rel=\"next\" href=\"b.html\""))
        #expect(!vault.read("Topic/a.html").contains("rel=\"next\""))
        // Alone in its folder: no previous / next at all; other folders do not count.
        #expect(!vault.read("Topic/Deep/d.html").contains("folder-nav"))
        #expect(!vault.read("Other.html").contains("folder-nav"))
    }

    @Test func breadcrumbsFollowTheFolderPath() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        let delta = vault.read("Topic/Deep/d.html")
        #expect(delta.contains("<nav class=\"breadcrumbs\" aria-label=\"Location\" lang=\"en\"><a href=\"../../index.html\">Home</a> <span class=\"crumb-sep\">/</span> <span class=\"crumb\">Topic</span> <span class=\"crumb-sep\">/</span> <span class=\"crumb\">Deep</span></nav>"))
        #expect(!vault.read("Other.html").contains("class=\"breadcrumbs\""))
    }

    @Test func aNeighboursNewTitleReRendersThePagesShowingIt() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        // Gamma → Gamma Two: Beta shows it as "next"; Alpha (two away) and Delta do not.
        try vault.write("Topic/a.md", Self.note("Gamma Two"))
        let second = try vault.build()
        #expect(second.renderedPages.contains("Topic/b.html"))
        #expect(second.renderedPages.contains("Topic/a.html"))
        #expect(!second.renderedPages.contains("Topic/c.html"))
        #expect(!second.renderedPages.contains("Topic/Deep/d.html"))
        #expect(vault.read("Topic/b.html").contains("<span class=\"folder-nav-title\">Gamma Two</span>"))
        // A fresh build gives the same bytes.
        let fresh = vault.base + "/fresh"
        _ = try vault.build(output: fresh)
        #expect(vault.snapshot(fresh) == vault.snapshot())
    }

    @Test func aNewNoteInTheFolderChangesItsNeighboursLinks() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        try vault.write("Topic/z.md", Self.note("Beta Prime"))
        let second = try vault.build()
        #expect(second.renderedPages.contains("Topic/b.html"))
        #expect(second.renderedPages.contains("Topic/a.html"))
        #expect(vault.read("Topic/b.html").contains("rel=\"next\" href=\"z.html\""))
        #expect(vault.read("Topic/a.html").contains("rel=\"prev\" href=\"z.html\""))
    }

    @Test func neighbourOrderIsDeterministicForEqualTitles() {
        let notes = ["x/b.md", "x/a.md", "x/c.md"].map { path in
            Note.parse(bytes: Array("---\ntitle: Same\n---\nBody\n".utf8), path: path)
        }
        let neighbours = NoteNavigation.folderNeighbours(of: notes)
        // Equal titles: by path, a < b < c.
        #expect(neighbours[1].previous == nil && neighbours[1].next == 0)
        #expect(neighbours[0].previous == 1 && neighbours[0].next == 2)
        #expect(neighbours[2].previous == 0 && neighbours[2].next == nil)
    }
}
