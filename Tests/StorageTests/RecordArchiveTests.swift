import Foundation
import Testing
import Storage

@Suite struct RecordArchiveTests {
    private func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/qed-archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every record reads back by key, empty ones included, and only what is asked for is read.
    @Test func recordsReadBackByKey() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = (0..<300).map { i in (key: "note-\(i)", bytes: (0..<(i * 53 % 900)).map { UInt8(truncatingIfNeeded: $0 ^ i) }) }
        let items = records.map { record in RecordArchive.Item(key: record.key, length: record.bytes.count) { record.bytes } }
        #expect(RecordArchive.write(items, magic: "test 1", to: folder + "/a.bin"))
        let archive = try #require(RecordArchive(path: folder + "/a.bin", magic: "test 1"))
        #expect(archive.ranges.count == records.count)
        for record in records.shuffled() {
            #expect(archive.ranges[record.key].flatMap(archive.read) == record.bytes)
        }
        #expect(RecordArchive(path: folder + "/a.bin", magic: "test 2") == nil, "another magic")
    }

    /// A damaged archive (cut anywhere, grown, garbage) does not open; a length that lies
    /// aborts the write and leaves nothing.
    @Test func damagedArchivesDoNotOpen() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a.bin"
        let items = ["x", "y", "z"].map { key in RecordArchive.Item(key: key, length: 5) { Array(key.utf8) + [1, 2, 3, 4] } }
        #expect(RecordArchive.write(items, magic: "m", to: path))
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        for cut in 0..<good.count {
            try good.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(RecordArchive(path: path, magic: "m") == nil, "cut at \(cut)")
        }
        try (good + Data([0])).write(to: URL(fileURLWithPath: path))
        #expect(RecordArchive(path: path, magic: "m") == nil)
        var huge = good
        huge.replaceSubrange(0..<8, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        try huge.write(to: URL(fileURLWithPath: path))
        #expect(RecordArchive(path: path, magic: "m") == nil)
        let lying = [RecordArchive.Item(key: "x", length: 9) { [1, 2, 3] }]
        #expect(!RecordArchive.write(lying, magic: "m", to: folder + "/b.bin"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/b.bin"))
        #expect(RecordArchive(path: folder + "/missing.bin", magic: "m") == nil)
    }
}
