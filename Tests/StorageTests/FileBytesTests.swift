import Foundation
import Testing
import Storage

@Suite struct FileBytesTests {
    @Test func wholeFilesOfEverySizeReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/qed-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for size in [0, 1, 4095, 4096, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ size) }
            let path = folder + "/f\(size)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(readFile(path) == bytes, "\(size) bytes")
            #expect(readFile(path, limit: size) == bytes, "\(size) bytes, at the limit")
            if size > 0 {
                #expect(readFile(path, limit: size - 1) == nil, "\(size) bytes, one over the limit")
                #expect(errno == EFBIG)
            }
        }
    }

    /// Files whose size `stat` does not tell (proc files say 0) are read to their end, and
    /// one that never ends stops at the limit.
    @Test func filesOfUnknownOrEndlessSize() {
        let status = readFile("/proc/self/status")
        #expect(status.map { String(decoding: $0, as: UTF8.self).contains("Name:") } == true)
        #expect(readFile("/dev/zero", limit: 100_000) == nil)
        #expect(errno == EFBIG)
        #expect(readFile("/nonexistent-\(UUID().uuidString)") == nil)
        #expect(readFile("/") == nil, "a folder is not a file")
    }

    /// A FIFO (a `.md` name in a vault can be one) is refused at once: opening it for
    /// reading would otherwise wait for a writer forever.
    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let path = FileManager.default.temporaryDirectory.path + "/qed-fifo-\(UUID().uuidString).md"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(readFile(path) == nil)
        #expect(errno == EINVAL)
    }
}
