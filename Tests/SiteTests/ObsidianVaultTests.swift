import Foundation
import Testing
@testable import Site

/// The fixture vault under Tests/Fixtures/ObsidianVault (every Obsidian and GFM construct QED
/// supports) builds, and its pages show each construct, embeds with their files copied.
@Suite struct ObsidianVaultTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/ObsidianVault").path

    func buildFixture() throws -> (TemporaryVault, BuildResult) {
        let vault = try TemporaryVault()
        try? FileManager.default.removeItem(atPath: vault.root)
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: vault.root)
        return (vault, try vault.build())
    }

    @Test func fixtureBuildsWithOnlyTheIntendedWarnings() throws {
        let (vault, result) = try buildFixture()
        defer { vault.remove() }
        #expect(result.succeeded)
        let codes = Set(result.diagnostics.map(\.code.rawValue))
        #expect(codes == ["missing-file", "unclosed-math", "table-columns", "unresolved-link", "raw-html", "undefined-footnote", "unclosed-comment", "self-embed"], "\(result.diagnostics)")
    }

    @Test func embedsResolveAndTheirFilesAreCopied() throws {
        let (vault, _) = try buildFixture()
        defer { vault.remove() }
        let page = vault.read("Embeds.html")
        #expect(page.contains("<img class=\"embed-image\" src=\"attachments/Pasted%20image%2020240101120000.png\" alt=\"Pasted image 20240101120000.png\" width=\"300\" loading=\"lazy\">"))
        #expect(page.contains("src=\"images/photo.png\" alt=\"photo.png\" width=\"120\" height=\"60\""))
        #expect(page.contains("<audio class=\"embed-audio\" controls preload=\"metadata\" src=\"media/sound.mp3\">"))
        #expect(page.contains("<video class=\"embed-video\" controls preload=\"metadata\" src=\"media/clip.mp4\" width=\"320\">"))
        #expect(page.contains("<a class=\"embed-file\" href=\"docs/paper.pdf\">"))
        #expect(!page.contains("<iframe"))
        #expect(page.contains("class=\"embed-card broken-link\" title=\"no file named “does-not-exist.png” in the vault\""))
        for file in ["attachments/Pasted image 20240101120000.png", "images/diagram.svg", "media/sound.mp3", "docs/paper.pdf"] {
            #expect(vault.exists(file), "\(file) copied")
        }
        let relative = vault.read("notes/deep/Relative links.html")
        #expect(relative.contains("<a class=\"wiki-link\" href=\"../../tools/kubectl.html\">kubectl</a>"))
        #expect(relative.contains("href=\"../../tools/kubectl.html#%5Ectx-switch\">switching contexts</a>"))
        #expect(relative.contains("<img class=\"embed-image\" src=\"../../images/diagram.svg\""))
    }

    @Test func pagesShowNoAuthoringDiagnosticsUnlessAsked() throws {
        let (vault, _) = try buildFixture()
        defer { vault.remove() }
        #expect(!vault.read("Embeds.html").contains("class=\"problems\""))
        try vault.write("qed.yml", "title: Obsidian syntax fixture\nshow_diagnostics: true\n")
        _ = try vault.build()
        #expect(vault.read("Embeds.html").contains("class=\"problems\""))
    }

    @Test func inlineTagsJoinTheNotesTagsAndTitlesAreFileNames() throws {
        let (vault, _) = try buildFixture()
        defer { vault.remove() }
        let gfm = vault.read("GFM.html")
        #expect(gfm.contains("<a class=\"tag inline-tag\" href=\"_qed/tags/area/sub-topic.html\">#area/sub-topic</a>"))
        #expect(gfm.contains("href=\"_qed/tags/topic.html\">#topic</a></li>"), "inline tag listed with the note's tags")
        #expect(vault.exists("_qed/tags/area/sub-topic.html"))
        #expect(vault.read("_qed/tags/topic.html").contains("GFM and Obsidian inline syntax"))
        #expect(vault.read("Tables.html").contains("<h1 class=\"note-title\">Tables</h1>"))
        #expect(!gfm.contains("hidden comment"))
        #expect(!vault.read("_qed/search-index.json").contains("hidden comment"))
    }

    @Test func notesAreTranscludedWithCyclesAndSelfEmbedsStopped() throws {
        let (vault, _) = try buildFixture()
        defer { vault.remove() }
        let page = vault.read("Transclusion.html")
        // A whole note, shown as a block with a link to its page; its block anchors stay on its page.
        #expect(page.contains("<p>Embedding a whole note:</p>\n<div class=\"transclusion\"><div class=\"transclusion-source\"><a href=\"tools/kubectl.html\">kubectl</a></div>"))
        #expect(page.contains("<p>kubectl talks to a Kubernetes cluster.</p>"))
        #expect(!page.contains("id=\"^ctx-switch\""))
        // A section: from its heading to the next heading of the same level, math converted.
        #expect(page.contains("<a href=\"Math%20blocks.html#a-heading-after-it\">Math blocks › A heading after it</a></div><div class=\"transclusion-body\">\n<h2>A heading after it</h2>"))
        #expect(page.contains("<annotation encoding=\"application/x-tex\"> z = 2 </annotation>"))
        #expect(!page.contains("An unclosed block recovers"))
        // A block.
        #expect(page.contains("kubectl › ^ctx-switch</a></div><div class=\"transclusion-body\">\n<p>Switch with <code>kubectl config use-context</code>.</p></div></div>"))
        // Cycle: Cycle embeds Transclusion, which is already being shown: a card there.
        #expect(page.contains("embedding its embedder: <a class=\"embed-card\" href=\"Transclusion.html\">"))
        #expect(page.contains("<p>Itself: <a class=\"embed-card\" href=\"Transclusion.html\">"))
        // The embedding page changes when the embedded note does.
        try vault.write("tools/kubectl.md", "Changed text.\n")
        _ = try vault.build()
        #expect(vault.read("Transclusion.html").contains("<p>Changed text.</p>"))
    }

    @Test func ignoredMediaIsNotPublished() throws {
        let vault = try TemporaryVault(["qed.yml": "ignore: [private]\n", "a.md": "![[pic.png]]\n", "img/pic.png": "x",
                                        "private/secret.png": "x"])
        defer { vault.remove() }
        _ = try vault.build()
        #expect(vault.exists("img/pic.png"))
        #expect(!vault.exists("private/secret.png"))
    }
}
