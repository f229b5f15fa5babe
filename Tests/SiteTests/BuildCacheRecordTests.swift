import Foundation
import Storage
import Testing
@testable import Site

/// The build's caches on disk: what a build wrote reads back as it was, and a damaged cache
/// costs time, never correctness.
@Suite struct BuildCacheRecordTests {
    static let files = [
        "A.md": "---\ntitle: Alpha\nbrief: b\ntype: concept\ndomain: d\ncreated: 2024-01-02\nupdated: 2024-02-03\ntags: [x/y]\n---\n# A\n\nSee [[B]] and [[Nowhere]]. $H(P) = 1$ #inline\n\n```qed\nP = [0.5, 0.5]\ncheck H(P) == 0.7\nentorpy(P)\ncheck 1 == 1\n```\n",
        "B.md": "# B\n\n```qed\ncheck 2 + 2 == 4\n```\n\n$$\\frac{1}{2}$$\n",
    ]

    /// Every field of a summary a real build made survives the manifest's record.
    @Test func theManifestReadsBackAsWritten() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let manifest = try #require(BuildManifest.load(from: vault.output))
        let alpha = try #require(manifest.notes["A.md"]?.summary)
        #expect(alpha.title == "Alpha", "\(alpha)")
        #expect(alpha.failedClaims >= 1 && alpha.notRunClaims >= 1 && !alpha.diagnostics.isEmpty, "\(alpha)")
        #expect(!alpha.created.isEmpty && !alpha.tags.isEmpty && !alpha.linksTo.isEmpty && !alpha.text.isEmpty && !alpha.headings.isEmpty)
        // Every text and list field is filled, so a field the record forgets cannot hide
        // behind an empty default.
        for field in Mirror(reflecting: alpha).children {
            if let text = field.value as? String { #expect(!text.isEmpty, "\(field.label ?? "?") is empty in the sample") }
            if let list = field.value as? [Any] { #expect(!list.isEmpty, "\(field.label ?? "?") is empty in the sample") }
        }
        var writer = RecordWriter()
        manifest.write(to: &writer)
        var reader = RecordReader(writer.bytes)
        #expect(try BuildManifest(record: &reader) == manifest)
        #expect(reader.isAtEnd)
    }

    @Test func aDamagedManifestOrNoteCacheOnlyCostsAFullBuild() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        let before = vault.snapshot()
        for path in [vault.output + "/" + BuildManifest.path, vault.root + "/.qed-cache/notes.bin"] {
            let data = try #require(FileManager.default.contents(atPath: path))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        }
        try vault.write("B.md", Self.files["B.md"]! + "\nMore.\n")
        let result = try vault.build(keepGoing: true)
        #expect(result.stats.notesVerified == 2)
        try vault.write("B.md", Self.files["B.md"]!)
        _ = try vault.build(keepGoing: true)
        #expect(vault.snapshot() == before)
    }

    @Test func cachedFillsReadBackAndDamagedOnesAreRefused() throws {
        let fills = NoteFills(math: ["<math/>"], cells: ["<div>1</div>", ""], inlineValues: ["0.5"])
        let other = NoteFills(math: [], cells: [], inlineValues: ["x"])
        let folder = FileManager.default.temporaryDirectory.path + "/qed-fills-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/.qed-cache", withIntermediateDirectories: true)
        let file = URL(fileURLWithPath: folder + "/" + FillsPack.path)
        let spool = try #require(RecordSpool(path: folder + "/spool"))
        _ = spool.append([1, 2, 3])  // records need not start at the spool's beginning
        let k2 = try #require(spool.append(other.record)), k1 = try #require(spool.append(fills.record))
        #expect(FillsPack.write([("k2", .spooled(k2)), ("k1", .spooled(k1))], spool: spool, to: file.path))
        let data = try Data(contentsOf: file)
        let pack = FillsPack(loadingFrom: folder)
        #expect(pack.fills(for: "k1") == fills && pack.fills(for: "k2") == other && pack.fills(for: "k3") == nil)
        // The next pack takes records from this one; keys in order, whatever order they came
        // in: the same site gives the same bytes.
        let next = folder + "/next.bin"
        let kept = try ["k1", "k2"].map { key in (key: key, source: try #require(pack.record(for: key))) }
        #expect(FillsPack.write(kept, previous: pack, spool: nil, to: next))
        #expect(try Data(contentsOf: URL(fileURLWithPath: next)) == data)
        // A record of the previous pack that cannot be read leaves no pack.
        #expect(!FillsPack.write([("k1", .previous(0..<3))], spool: nil, to: folder + "/broken.bin"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/broken.bin"))
        var grown = data
        grown.append(0)
        for damaged in [data.dropLast(), grown, Data("not a pack".utf8), Data()] {
            try damaged.write(to: file)
            #expect(FillsPack(loadingFrom: folder).fills(for: "k1") == nil)
        }
    }
}
