import Foundation
import Storage

/// Feeds arbitrary bytes, as a file, to the reader of record archives (the build's fills
/// pack): a damaged or hand-edited `.qed-cache/fills.bin` must be refused or read within its
/// bounds, never trap or allocate what its index claims. An archive that opens is written
/// again from its records and must read back the same.
func fuzzRecordArchive(_ bytes: [UInt8]) {
    let folder = FileManager.default.temporaryDirectory.path
    let path = folder + "/qed-fuzz-archive-\(getpid()).bin"
    defer { unlink(path) }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)),
          let archive = RecordArchive(path: path, magic: "QED fills 3") else { return }
    let keys = archive.ranges.keys.sorted()
    let records = keys.map { archive.ranges[$0].flatMap(archive.read) }
    guard records.allSatisfy({ $0 != nil }) else { fatalError("an opened archive has a record that does not read") }
    let copy = path + ".copy"
    defer { unlink(copy) }
    let items = zip(keys, records).map { key, record in RecordArchive.Item(key: key, length: record!.count) { record } }
    guard RecordArchive.write(items, magic: "QED fills 3", to: copy),
          let again = RecordArchive(path: copy, magic: "QED fills 3"),
          keys.allSatisfy({ again.ranges[$0].flatMap(again.read) == archive.ranges[$0].flatMap(archive.read) }) else {
        fatalError("an archive does not round-trip")
    }
}
