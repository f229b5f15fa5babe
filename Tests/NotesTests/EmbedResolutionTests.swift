import Diagnostics
import Testing
@testable import Notes

/// Embeds and links of vault files, relative-path links and block targets, resolved as
/// Obsidian resolves them.
@Suite struct EmbedResolutionTests {
    static let notes: [Note] = [
        note("text\n", path: "tools/kubectl.md"),
        note("Para ^blk1\n\n## Contexts\n", path: "tools/helm.md"),
        note("x\n", path: "notes/deep/here.md"),
    ]
    static let files = ["attachments/Pasted image 2024.png", "images/x.svg", "notes/deep/local.png",
                        "other/local.png", "media/a.mp3", "docs/p.pdf"]
    let resolver = LinkResolver(notes: notes, files: files)

    func resolve(_ target: String, heading: String? = nil, from: String = "notes/deep/here", embed: Bool = true) -> LinkResolution {
        resolver.resolve(WikiLink(target: target, heading: heading, isEmbed: embed,
                                  location: SourceLocation(file: "notes/deep/here.md", line: 1, column: 1),
                                  source: "![[\(target)]]"), from: from)
    }

    @Test func filesByNamePathAndRelativePath() {
        #expect(resolve("Pasted image 2024.png") == .file(path: "attachments/Pasted image 2024.png"))
        #expect(resolve("images/x.svg") == .file(path: "images/x.svg"))
        #expect(resolve("../../images/x.svg") == .file(path: "images/x.svg"))
        #expect(resolve("./local.png") == .file(path: "notes/deep/local.png"))
        // Two files share a name: the one nearest the note wins.
        #expect(resolve("local.png") == .file(path: "notes/deep/local.png"))
        #expect(resolve("local.png", from: "other/n") == .file(path: "other/local.png"))
        #expect(resolve("A.MP3".lowercased()) == .file(path: "media/a.mp3"))
        #expect(resolve("p.pdf", embed: false) == .file(path: "docs/p.pdf"))
    }

    @Test func missingFilesGetALocatedWarning() throws {
        let link = WikiLink(target: "nope.png", isEmbed: true, location: SourceLocation(file: "n.md", line: 3, column: 5),
                            source: "![[nope.png]]")
        let resolution = resolver.resolve(link, from: "n")
        #expect(resolution == .missingNote)
        let d = try #require(resolver.diagnostic(for: link, resolution: resolution))
        #expect(d.code == .missingFile)
        #expect(d.location == SourceLocation(file: "n.md", line: 3, column: 5))
        // Climbing above the vault never resolves.
        #expect(resolve("../../../../images/x.svg") == .file(path: "images/x.svg"), "falls back to the unique name")
        #expect(resolve("../../../../nothing.svg") == .missingNote)
    }

    @Test func relativeNoteLinksAndBlockTargets() {
        if case .note(let id, _) = resolve("../../tools/kubectl", embed: false) { #expect(id == "tools/kubectl") } else {
            Issue.record("relative link")
        }
        if case .note(let id, let h) = resolve("../../tools/helm", heading: "^blk1", embed: false) {
            #expect(id == "tools/helm")
            #expect(h?.anchor == "^blk1")
        } else { Issue.record("block link") }
        #expect(resolve("tools/helm", heading: "^missing", embed: false) == .missingHeading(id: "tools/helm"))
        #expect(resolve("../../../x", embed: false) == .missingNote)
    }

    @Test func vaultWalkFindsMediaAndHonoursIgnore() throws {
        let vault = TemporaryVault()
        vault.write("qed.yml", "ignore: [private]\n")
        vault.write("a.md", "![[pic.png]] ![[secret.png]]\n")
        vault.write("img/pic.png", "x")
        vault.write("private/secret.png", "x")
        vault.write("notes.txt", "x")
        let loaded = try Vault.load(at: vault.root)
        #expect(loaded.files == ["img/pic.png"])
        let only = try Vault.load(at: vault.root, only: [vault.root + "/a.md"])
        #expect(only.files == ["img/pic.png"])
    }

    @Test func pathHelpers() {
        #expect(VaultPath.join("a/b", "../c") == "a/c")
        #expect(VaultPath.join("a", "../../c") == nil)
        #expect(VaultPath.kind(of: "x/Y.PNG") == .image)
        #expect(VaultPath.kind(of: "v.webm") == .video)
        #expect(VaultPath.kind(of: "s.flac") == .audio)
        #expect(VaultPath.kind(of: "d.pdf") == .document)
        #expect(VaultPath.fileExtension(".hidden") == "")
    }

    /// The scanning `fileExtension` against its definition (the last non-empty part of the
    /// path, after its last dot unless that dot starts the part), on every short path over
    /// an alphabet of separators, dots, letters and a multi-byte character.
    @Test func fileExtensionMatchesItsDefinition() {
        func definition(_ path: String) -> String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
            return name[name.index(after: dot)...].lowercased()
        }
        let alphabet = ["/", ".", "a", "P", "中"]
        var level = [""]
        var paths = [""]
        for _ in 0..<6 {
            level = level.flatMap { p in alphabet.map { p + $0 } }
            paths += level
        }
        #expect(paths.count > 5000)
        for path in paths + ["x/Y.PNG", "a.b/c", "a/.b", "a/b.", "../x.md", "中/图.JPG/"] {
            #expect(VaultPath.fileExtension(path) == definition(path), "\(path)")
        }
    }
}
