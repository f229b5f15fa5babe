import Diagnostics
import Foundation
import Testing
@testable import Notes

/// Every kind of bad input gives a located diagnostic, and the rest of the vault still loads.
@Suite struct BadInputTests {
    @Test func invalidUTF8IsDecodedLossily() throws {
        var bytes = Array("# Title\n\nok line\nbad \u{00E9}".utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array(" rest $x$\n".utf8)
        let n = Note.parse(bytes: bytes, path: "bad.md")
        let d = try #require(n.diagnostics.first { $0.code == .invalidUTF8 })
        #expect(d.location == SourceLocation(file: "bad.md", line: 4, column: 6))
        #expect(d.message.contains("2 bytes"))
        #expect(n.body.html.contains("\u{FFFD}\u{FFFD} rest"))
        #expect(n.math.first?.location == SourceLocation(file: "bad.md", line: 4, column: 15))
    }

    @Test func byteOrderMarkIsStripped() {
        let n = note("\u{FEFF}---\ntitle: T\n---\nText $x$\n")
        #expect(n.title == "T")
        #expect(n.math.first?.location == SourceLocation(file: "test.md", line: 4, column: 7))
        #expect(!n.body.html.contains("\u{FEFF}"))
    }

    @Test func crlfLineEndings() throws {
        let text = "---\r\ntitle: T\r\n---\r\n\r\nSome $x$\r\n\r\n```qed\r\n1\r\n```\r\n\r\n## H\r\n"
        let n = note(text)
        #expect(n.title == "T")
        #expect(n.math.first?.location == SourceLocation(file: "test.md", line: 5, column: 7))
        let cell = try #require(n.cells.first)
        #expect(cell.firstLine == 8)
        #expect(cell.code == "1\n")
        #expect(n.headings.first?.location.line == 11)
        #expect(plainRender(n) == plainRender(note(text.replacingOccurrences(of: "\r\n", with: "\n"))))
    }

    @Test func emptyFile() {
        let n = note("", path: "folder/空.md")
        #expect(n.title == "空")
        #expect(n.diagnostics.map(\.code.rawValue) == ["empty-note"])
        #expect(n.diagnostics.first?.location == SourceLocation(file: "folder/空.md", line: 1, column: 1))
        #expect(n.body.html.isEmpty)
    }

    @Test func binaryFileIsSkippedWithDiagnostic() throws {
        let v = TemporaryVault()
        v.write("good.md", "# Good\n")
        v.write("image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01, 0x02])
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.map(\.path) == ["good.md"])
        let d = try #require(vault.diagnostics.first { $0.code == .binaryFile })
        #expect(d.location == SourceLocation(file: "image.md", line: 2, column: 1))
    }

    @Test func symlinkLoopsAreReportedNotFollowedForever() throws {
        let v = TemporaryVault()
        v.write("sub/a.md", "# A\n")
        symlink(v.root, v.root + "/sub/back-to-root")
        symlink(v.root + "/sub", v.root + "/sub/self")
        symlink(v.root + "/x.md", v.root + "/y.md")
        symlink(v.root + "/y.md", v.root + "/x.md")
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.map(\.path) == ["sub/a.md"])
        let loops = vault.diagnostics.filter { $0.code == .symlinkLoop }.compactMap { $0.location?.file }.sorted()
        #expect(loops == ["sub/back-to-root", "sub/self", "x.md", "y.md"])
    }

    @Test func symlinkedFolderInsideVaultIsReadOnce() throws {
        let v = TemporaryVault()
        v.write("real/n.md", "# N\n")
        v.mkdir("elsewhere")
        let outside = TemporaryVault()
        outside.write("shared.md", "# Shared\n")
        symlink(outside.root, v.root + "/linked")
        v.write("qed.yml", "allow_outside: [\(outside.root)]\n")
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.map(\.path) == ["linked/shared.md", "real/n.md"])
        #expect(vault.diagnostics.isEmpty)
    }

    /// Issue 17 #7: `passwd.md -> /etc/passwd` became a page and entered the search index.
    @Test func symlinksOutOfTheVaultAreSkippedWithAWarning() throws {
        let v = TemporaryVault()
        v.write("real/n.md", "# N\n")
        let outside = TemporaryVault()
        outside.write("secret.md", "# Secret\n")
        outside.write("folder/inner.md", "# Inner\n")
        symlink(outside.root + "/secret.md", v.root + "/passwd.md")
        symlink(outside.root + "/folder", v.root + "/real/linked")
        symlink(v.root + "/real/n.md", v.root + "/alias.md")  // inside: still read
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.map(\.path) == ["alias.md", "real/n.md"])
        let outsideWarnings = vault.diagnostics.filter { $0.code == .outsideVault }
        #expect(outsideWarnings.compactMap { $0.location?.file }.sorted() == ["passwd.md", "real/linked"])
        #expect(outsideWarnings.allSatisfy { $0.severity == .warning && $0.hint?.contains("allow_outside") == true })
    }

    @Test func unreadableFile() throws {
        let v = TemporaryVault()
        v.write("ok.md", "# OK\n")
        let secret = v.write("secret.md", "# Secret\n")
        chmod(secret, 0)
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.contains { $0.path == "ok.md" })
        if getuid() != 0 {
            // Root reads anything, so only a normal user sees the failure.
            #expect(vault.diagnostics.contains { $0.code == .unreadableFile && $0.location?.file == "secret.md" })
        }
        // A folder where a note should be cannot be read as a note, whoever runs the test.
        v.mkdir("folder.md")
        #expect(throws: NoteError.self) { try Note.read(path: v.root + "/folder.md", relativePath: "folder.md") }
        do {
            _ = try Note.read(path: v.root + "/missing.md", relativePath: "missing.md")
            Issue.record("reading a missing file must fail")
        } catch {
            #expect(error.diagnostic.code == .unreadableFile)
            #expect(error.diagnostic.location == SourceLocation(file: "missing.md", line: 1, column: 1))
        }
    }

    @Test func noteOutsideTheVault() throws {
        let v = TemporaryVault()
        let inside = v.write("in/n.md", "# In\n")
        let other = TemporaryVault()
        let outside = other.write("stray.md", "# Stray\n")
        let vault = try Vault.load(at: v.root, only: [inside, outside, v.root + "/nope.md"])
        #expect(vault.notes.map(\.path) == ["in/n.md"])
        let d = try #require(vault.diagnostics.first { $0.code == .outsideVault })
        #expect(d.location == SourceLocation(file: outside, line: 1, column: 1))
        #expect(d.severity == .error)
        #expect(vault.diagnostics.contains { $0.code == .fileNotFound })
    }

    @Test func oneBadNoteDoesNotStopTheOthers() throws {
        let v = TemporaryVault()
        v.write("a.md", "---\ntitle: [\n---\n# A\n")
        v.write("b.md", "---\ntitle: B\n")
        v.write("c.md", "```qed\nnever closed\n")
        v.write("d.md", "$$ never closed\n")
        v.write("e.md", "")
        v.write("f.md", "# Fine\n")
        let vault = try Vault.load(at: v.root)
        #expect(vault.notes.count == 6)
        let codes = vault.notes.map { $0.diagnostics.map(\.code.rawValue) }
        #expect(codes == [["front-matter-yaml"], ["front-matter-unclosed"], ["unclosed-fence"],
                          ["unclosed-math"], ["empty-note"], []])
        #expect(vault.notes.flatMap(\.diagnostics).allSatisfy { $0.location != nil })
    }

    @Test func largeNoteLoadsWithoutQuadraticBehaviour() {
        // About 10 MB: long paragraphs with some math, links, inline values and cells, plus a
        // line full of openers that never close (the worst case for a scanner that searches ahead).
        var text = "---\ntitle: big\n---\n"
        let prose = String(repeating: "Plain prose about entropy and coding, 中文也在这里。 ", count: 20)
        let block = prose + "Then $x_1 + y$ and [[Link|l]] and `= H(P)`.\n\n```qed\nP = [0.5, 0.5]\n```\n\n"
        let repeats = 10_000_000 / block.utf8.count
        text.reserveCapacity(10_500_000)
        for _ in 0..<repeats { text += block }
        text += String(repeating: "$a `` <!-- [[x ", count: 20_000) + "\n"
        let n = note(text)
        #expect(n.math.count == repeats)
        #expect(n.links.count == repeats)
        #expect(n.cells.count == repeats)
        #expect(n.inlineExpressions.count == repeats)
        #expect(n.cells.last?.firstLine == 3 + 6 * (repeats - 1) + 3 + 1)
    }

    @Test func deepNestingIsSurvived() {
        let yaml = note("---\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n---\n# Deep\n")
        #expect(yaml.title == "test")
        #expect(yaml.diagnostics.first?.code == .frontMatterYAML)
        #expect(yaml.diagnostics.first?.location?.line == 2)
        let quotes = note(String(repeating: "> ", count: 5000) + "x $a$\n" + String(repeating: "- ", count: 3000) + "y\n")
        #expect(quotes.math.map(\.tex) == ["a"])
    }
}
