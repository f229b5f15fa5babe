import Diagnostics
import Testing
@testable import Notes

/// The vault's `.obsidian/app.json` and `line_breaks:` in `qed.yml`.
@Suite struct ObsidianSettingsTests {
    @Test func lineBreaksFollowTheVault() throws {
        let plain = TemporaryVault()
        plain.write("a.md", "one\ntwo\n")
        #expect(try Vault.load(at: plain.root).notes[0].body.html == "<p>one\ntwo</p>\n", "no app.json: CommonMark, as cmark")

        let obsidian = TemporaryVault()
        obsidian.write(".obsidian/app.json", "{\"attachmentFolderPath\": \"assets\"}")
        obsidian.write("a.md", "one\ntwo\n")
        let loaded = try Vault.load(at: obsidian.root)
        #expect(loaded.config.obsidian?.attachmentFolder == "assets")
        #expect(loaded.notes[0].body.html == "<p>one<br />\ntwo</p>\n", "Obsidian's default: a newline is a line break")

        obsidian.write(".obsidian/app.json", "{\"strictLineBreaks\": true}")
        #expect(try Vault.load(at: obsidian.root).notes[0].body.html == "<p>one\ntwo</p>\n")

        obsidian.write("qed.yml", "line_breaks: obsidian\n")
        #expect(try Vault.load(at: obsidian.root).notes[0].body.html == "<p>one<br />\ntwo</p>\n", "qed.yml wins")
    }

    @Test func badSettingsAreReported() throws {
        let vault = TemporaryVault()
        vault.write(".obsidian/app.json", "[1, 2")
        vault.write("qed.yml", "line_breaks: sometimes\n")
        vault.write("a.md", "x\n")
        let loaded = try Vault.load(at: vault.root)
        #expect(loaded.diagnostics.contains { $0.code == .obsidianSettings && $0.location?.file == ".obsidian/app.json" })
        #expect(loaded.diagnostics.contains { $0.code == .configType && $0.location?.line == 1 })
        #expect(loaded.config.hardLineBreaks == true, "a broken app.json still means an Obsidian vault")
    }

    @Test func linkFormatAndAttachmentFolder() {
        let notes = [note("x\n", path: "a/sub/x.md"), note("x\n", path: "sub/x.md"), note("y\n", path: "a/n.md")]
        let files = ["assets/p.png", "other/p.png"]
        let link = WikiLink(target: "sub/x", location: SourceLocation(file: "a/n.md", line: 1, column: 1), source: "[[sub/x]]")
        let relative = LinkResolver(notes: notes, files: files, obsidian: ObsidianSettings(attachmentFolder: "assets", linkFormat: "relative"))
        #expect(relative.resolve(link, from: "a/n") == .note(id: "a/sub/x", heading: nil))
        let absolute = LinkResolver(notes: notes, files: files, obsidian: ObsidianSettings(linkFormat: "absolute"))
        #expect(absolute.resolve(link, from: "a/n") == .note(id: "sub/x", heading: nil))
        let image = WikiLink(target: "p.png", isEmbed: true, location: SourceLocation(file: "a/n.md", line: 1, column: 1), source: "![[p.png]]")
        #expect(relative.resolve(image, from: "a/n") == .file(path: "assets/p.png"), "the attachment folder first")
    }
}
