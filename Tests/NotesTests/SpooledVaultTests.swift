import Diagnostics
import Foundation
import Storage
import Synchronization
import Testing
@testable import Notes

/// A vault loaded through a spool keeps outlines in memory and gives every note back whole,
/// with and without the parse cache, and the parse cache it saves is the one a whole load saves.
@Suite struct SpooledVaultTests {
    private func sampleVault() -> TemporaryVault {
        let v = TemporaryVault()
        for k in 0..<30 {
            v.write("d\(k % 4)/n\(k).md", """
                ---
                title: Note \(k)
                tags: [t\(k % 3)]
                ---
                # Heading \(k)

                \(k % 2 == 0 ? "信息论里熵度量不确定性，交叉熵与相对熵衡量两个分布之间的差别。" : "Entropy measures uncertainty.") $H(P) = -\\sum_i p_i \\log p_i$ and [[n\(k + 1)]] ![[n\((k + 2) % 30)#Heading \((k + 2) % 30)]].

                $$D_{KL}(P \\| Q) \\ge 0$$

                ```qed
                check 1 + \(k) == \(k + 1)
                ```

                Inline `= 2 * \(k)` #tag\(k) ^block\(k)
                """)
        }
        v.write("broken.md", bytes: [0x23, 0x20, 0x00, 0x01])  // binary: a vault diagnostic, no note
        return v
    }

    private func spool(in v: TemporaryVault) throws -> RecordSpool {
        try #require(RecordSpool(path: v.root + "/.scratch-\(UUID().uuidString)"))
    }

    @Test func outlinesInMemoryAndWholeNotesFromTheSpool() throws {
        let v = sampleVault()
        let whole = try Vault.load(at: v.root)
        let spooled = try Vault.load(at: v.root, spool: try spool(in: v))
        #expect(spooled.notes.count == 30)
        #expect(spooled.notes == whole.notes.map(\.outline))
        // Outlines vote on the vault's language as the whole notes do.
        #expect(spooled.notes.map(\.openingLanguage) == whole.notes.map(\.openingLanguage))
        #expect(whole.notes.contains { $0.openingLanguage == .zh } && whole.notes.contains { $0.openingLanguage == .en })
        #expect(spooled.diagnostics == whole.diagnostics)
        for i in whole.notes.indices {
            #expect(spooled.notes[i].math.isEmpty && spooled.notes[i].body.segments.isEmpty)
            #expect(spooled.notes[i].links == whole.notes[i].links && spooled.notes[i].headings == whole.notes[i].headings)
            #expect(spooled.fullNote(i) == whole.notes[i])
        }
        #expect(whole.fullNote(3) == whole.notes[3])
        #expect(whole.fullNote(99) == nil)
    }

    /// Through the parse cache: the first run parses and spools, the second takes every note
    /// from the cache file and spools its stored record as it is; the file saved after a
    /// spooled run holds whole notes (a later load without a spool gets them whole).
    @Test func theParseCacheSavesWholeNotesFromTheSpool() throws {
        let v = sampleVault()
        let whole = try Vault.load(at: v.root)
        let first = NoteCache.inVault(v.root)
        let parsed = try Vault.load(at: v.root, cache: first, spool: try spool(in: v))
        first.save()
        let cached = try Vault.load(at: v.root, cache: NoteCache.inVault(v.root), spool: try spool(in: v))
        let plain = try Vault.load(at: v.root, cache: NoteCache.inVault(v.root))
        #expect(plain.notes == whole.notes)
        for i in whole.notes.indices {
            #expect(parsed.fullNote(i) == whole.notes[i])
            #expect(cached.fullNote(i) == whole.notes[i])
        }
        // One edited note: parsed again and spooled; the others come from the cache.
        v.write("d1/n5.md", "# Edited\n\n$x$ [[n6]]\n")
        let cache = NoteCache.inVault(v.root)
        let edited = try Vault.load(at: v.root, cache: cache, spool: try spool(in: v))
        cache.save()
        let reference = try Vault.load(at: v.root)
        for i in reference.notes.indices { #expect(edited.fullNote(i) == reference.notes[i]) }
        #expect(try Vault.load(at: v.root, cache: NoteCache.inVault(v.root)).notes == reference.notes)
    }

    /// With the files' content keys (as `qed build` hashes them), an unchanged note's outline
    /// is decoded from the cache alone and its whole note from the cache's record; an edited
    /// note is parsed and spooled. A note given a wrong key is read, and its bytes' own key
    /// finds it in the cache.
    @Test func unchangedNotesAreOutlinedFromTheCacheWithoutDecodingTheirBodies() throws {
        let v = sampleVault()
        let first = NoteCache.inVault(v.root)
        _ = try Vault.load(at: v.root, cache: first, spool: try spool(in: v))
        first.save()
        v.write("d2/n6.md", "# Edited\n\n$y$ [[n7]]\n")
        let reference = try Vault.load(at: v.root)
        var keys: [String: String] = [:]
        for note in reference.notes { keys[note.path] = NoteCache.contentKey(of: try #require(readFile(v.root + "/" + note.path))) }
        keys["d3/n7.md"] = "not the key of its bytes"
        let vault = try Vault.load(at: v.root, cache: NoteCache.inVault(v.root), contentKeys: keys, spool: try spool(in: v))
        #expect(vault.notes == reference.notes.map(\.outline))
        let places = try #require(vault.spooled?.places)
        for (i, note) in reference.notes.enumerated() {
            #expect(vault.fullNote(i) == note)
            let fromCache = if case .archived = places[i] { true } else { false }
            #expect(fromCache == (note.path != "d2/n6.md"), "\(note.path)")
        }
    }

    /// A record that does not read back gives no note (never the outline in its place), and
    /// the error callers report then is located at the note.
    @Test func aRecordThatDoesNotReadBackGivesNoNote() throws {
        let v = sampleVault()
        var vault = try Vault.load(at: v.root, spool: try spool(in: v))
        let outline = vault.notes[0]
        vault.spooled = SpooledNotes(places: [.bytes([1, 2, 3])] + vault.notes.dropFirst().map { _ in nil })
        #expect(vault.fullNote(0) == nil)
        #expect(vault.fullNote(of: outline) == nil)
        let error = outline.notReadBack
        #expect(error.severity == .error && error.location == SourceLocation(file: outline.path, line: 1, column: 1))
    }
}
