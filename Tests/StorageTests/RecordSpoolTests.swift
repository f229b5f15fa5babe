import Foundation
import Testing
import Storage
import Synchronization

@Suite struct RecordSpoolTests {
    /// Records read back as appended, from several threads at once, and the spool leaves no
    /// file behind: it has no name from the moment it is opened.
    @Test func recordsReadBackAndNoFileIsLeft() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/qed-spool-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = try #require(RecordSpool(path: folder + "/scratch"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let records = (0..<200).map { i in (0..<(i * 37 % 500)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }
        let ranges = appendConcurrently(records, to: spool)
        for (record, range) in zip(records, ranges) {
            #expect(range?.count == record.count)
            #expect(range.flatMap(spool.read) == record)
        }
        // Ranges never overlap: each record has its own bytes.
        let sorted = ranges.compactMap { $0 }.sorted { $0.lowerBound < $1.lowerBound }
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.upperBound <= b.lowerBound) }
    }

    /// A range the spool never gave reads as nil, not as garbage or a trap.
    @Test func rangesOutsideTheSpoolReadAsNil() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let spool = try #require(RecordSpool(path: folder + "/qed-spool-\(UUID().uuidString)"))
        let range = try #require(spool.append([1, 2, 3]))
        #expect(spool.read(range) == [1, 2, 3])
        #expect(spool.read(0..<4) == nil)
        #expect(spool.read(10..<12) == nil)
        #expect(spool.read(3..<3) == [])
    }

    @Test func aSpoolThatCannotBeCreatedIsNil() {
        #expect(RecordSpool(path: "/nonexistent-folder-\(UUID().uuidString)/spool") == nil)
    }
}

/// Appends each record on several threads at once; where each went, by record.
private func appendConcurrently(_ records: [[UInt8]], to spool: RecordSpool) -> [Range<Int>?] {
    let ranges = Mutex([Range<Int>?](repeating: nil, count: records.count))
    DispatchQueue.concurrentPerform(iterations: records.count) { i in
        let range = spool.append(records[i])
        ranges.withLock { $0[i] = range }
    }
    return ranges.withLock { $0 }
}
