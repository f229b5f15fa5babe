import Foundation
import Storage
import Testing
@testable import Notes

/// The parse cache: a cached note is exactly the note parsing would give, and is used only
/// for the same bytes under the same settings.
@Suite struct NoteCacheTests {
    /// Every note QED ships and tests with, which between them use every field of the model.
    static func sampleNotes() -> [Note] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var notes: [Note] = []
        for folder in ["notes", "Tests"] {
            let root = repository.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".md") {
                if let bytes = FileManager.default.contents(atPath: root + "/" + relative) {
                    notes.append(Note.parse(bytes: [UInt8](bytes), path: relative))
                }
            }
        }
        return notes.sorted { $0.path < $1.path }
    }

    @Test func recordsRoundTripEveryNote() throws {
        let notes = NoteCacheTests.sampleNotes() + [note("""
            ---
            title: T
            created: 2024-01-02T03:04:05+08:00
            aliases: [a, b]
            qed: {tolerance: 1e-9, formulas: false}
            extra: {nested: [1, true, null, {k: v}], n: 2.5}
            ---
            # H $x$ [[L#h|lbl]] ![[img.png]] #tag ^block
            `= H([0.5, 0.5])` $$y$$ [^1] [^missing]

            ```qed hide
            1 +
            ```

            [^1]: note
            """)]
        #expect(notes.count > 10)
        for original in notes {
            var w = RecordWriter()
            original.write(to: &w)
            var r = RecordReader(w.bytes)
            let decoded = try Note(record: &r)
            #expect(decoded == original, "\(original.path) does not round-trip")
            #expect(r.isAtEnd)
        }
        let rich = notes.last!
        #expect(!rich.math.isEmpty && !rich.links.isEmpty && !rich.cells.isEmpty && !rich.inlineExpressions.isEmpty)
        #expect(!rich.diagnostics.isEmpty)
        #expect(rich.frontMatter.created != nil && !rich.frontMatter.extra.isEmpty && rich.frontMatter.qedFormulas == false)
    }

    @Test func cutRecordsThrow() {
        let original = note("# T\n\n$x$ [[a]] `= 1`\n\n```qed\n1\n```\n")
        var w = RecordWriter()
        original.write(to: &w)
        for cut in stride(from: 0, to: w.bytes.count, by: 3) {
            var r = RecordReader(Array(w.bytes[..<cut]))
            #expect((try? Note(record: &r)) == nil)
        }
    }

    /// Found by the `note-record` fuzzer: a record whose `qed.tolerance` is a NaN (which no
    /// front matter parses to) read back as a note unequal to itself. Refused now; a valid
    /// tolerance still reads back.
    @Test func aRecordWithAToleranceNoParserGivesIsRefused() {
        let found: [UInt8] = [0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0xF9, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        #expect(Note.fromRecord(found) == nil)
        for bad in [Double.nan, -1, .infinity] {
            var note = Note.parse(bytes: Array("---\nqed: {tolerance: 1e-6}\n---\nx\n".utf8), path: "t.md")
            #expect(note.frontMatter.qedTolerance == 1e-6)
            #expect(Note.fromRecord(note.record) == note)
            note.frontMatter.qedTolerance = bad
            #expect(Note.fromRecord(note.record) == nil, "\(bad)")
        }
    }

    @Test func anUnchangedNoteComesFromTheCacheAndAnEditedOneIsParsed() throws {
        let vault = TemporaryVault()
        vault.write("a.md", "# A\n\nsee [[b]]\n")
        vault.write("b.md", "# B\n")
        let file = vault.root + "/.cache/notes.bin"
        let first = NoteCache(loadingFrom: file)
        let loaded = try Vault.load(at: vault.root, cache: first)
        first.save(to: file)

        // A cached note that differs from its file would show: mark one in the file itself.
        try markCachedTitle(file, of: "b.md", as: "FROM CACHE")
        vault.write("a.md", "# A edited\n")
        let second = try Vault.load(at: vault.root, cache: NoteCache(loadingFrom: file))
        #expect(second.notes.map(\.title) == ["a", "FROM CACHE"])
        #expect(second.notes[0].headings.first?.text == "A edited")
        #expect(loaded.notes.count == 2)
    }

    @Test func aStampTrustingCacheSkipsUnchangedFilesAndSeesEveryWrite() throws {
        let vault = TemporaryVault()
        vault.write("a.md", "# A\n")
        vault.write("b.md", "# B\n\nold text\n")
        let cache = NoteCache(trustingFileStamps: true)
        _ = try Vault.load(at: vault.root, cache: cache)
        var info = stat()
        #expect(stat(vault.root + "/a.md", &info) == 0)
        #expect(cache.note(path: "a.md", stamp: FileStamp(info))?.path == "a.md")

        // Same size, modification time set back: the change time still tells.
        #expect(stat(vault.root + "/b.md", &info) == 0)
        let modified = info.st_mtim
        let file = open(vault.root + "/b.md", O_WRONLY | O_TRUNC)
        #expect(file >= 0)
        _ = Array("# B\n\nnew text\n".utf8).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        var times = [modified, modified]
        #expect(futimens(file, &times) == 0)
        close(file)
        let second = try Vault.load(at: vault.root, cache: cache)
        #expect(second.notes.first { $0.path == "b.md" }?.contentHash != nil)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: vault.root + "/b.md")), as: UTF8.self).contains("new"))
        let b = try #require(second.notes.first { $0.path == "b.md" })
        #expect(b.contentHash == Note.parse(bytes: Array("# B\n\nnew text\n".utf8), path: "b.md").contentHash)

        // A cache that does not trust stamps (the one on disk) never answers from them.
        let strict = NoteCache()
        _ = try Vault.load(at: vault.root, cache: strict)
        #expect(stat(vault.root + "/a.md", &info) == 0)
        #expect(strict.note(path: "a.md", stamp: FileStamp(info)) == nil)
    }

    @Test func otherSettingsOrADamagedFileParseAfresh() throws {
        let vault = TemporaryVault()
        vault.write("b.md", "# B\n")
        let file = vault.root + "/.cache/notes.bin"
        let cache = NoteCache(loadingFrom: file)
        _ = try Vault.load(at: vault.root, cache: cache)
        cache.save(to: file)
        try markCachedTitle(file, of: "b.md", as: "FROM CACHE")
        #expect(try Vault.load(at: vault.root, cache: NoteCache(loadingFrom: file)).notes[0].title == "FROM CACHE")

        // New settings: qed.yml changes what parsing gives, so the cache is not used.
        vault.write("qed.yml", "line_breaks: true\n")
        #expect(try Vault.load(at: vault.root, cache: NoteCache(loadingFrom: file)).notes[0].title == "b")
        try FileManager.default.removeItem(atPath: vault.root + "/qed.yml")

        // Damaged: truncated, or garbage.
        let bytes = try #require(FileManager.default.contents(atPath: file))
        for damaged in [bytes.prefix(bytes.count - 5), Data("not a cache".utf8), Data()] {
            try damaged.write(to: URL(fileURLWithPath: file))
            #expect(try Vault.load(at: vault.root, cache: NoteCache(loadingFrom: file)).notes[0].title == "b")
        }
    }

    /// Rewrites the cache file so the entry for `path` carries another title: proof of where
    /// a loaded note came from.
    private func markCachedTitle(_ file: String, of path: String, as title: String) throws {
        let key = NoteCache.key(settings: [nil, nil])
        let archive = try #require(RecordArchive(path: file, magic: NoteCache.magic(key: key)))
        var items: [RecordArchive.Item] = []
        for name in archive.ranges.keys.sorted() {
            var bytes = try #require(archive.read(archive.ranges[name]!))
            if name.split(separator: "\u{0}").dropFirst().first == Substring(path) {
                var note = try #require(Note.fromRecord(bytes))
                note.title = title
                bytes = name.hasPrefix("o") ? note.outline.record : note.record
            }
            items.append(RecordArchive.Item(key: name, length: bytes.count) { [bytes] in bytes })
        }
        #expect(RecordArchive.write(items, magic: NoteCache.magic(key: key), to: file))
    }
}
