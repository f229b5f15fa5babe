#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Records appended to a scratch file as a build makes them (in whatever order its jobs
/// finish) and read back when needed: a build of 10,000 notes never holds every parsed note,
/// or every note's rendered formulas and outputs, at once. The file is unlinked as soon as it
/// is opened: it has no name a build could publish or leave behind, even when killed.
public final class RecordSpool: Sendable {
    private let fd: Int32
    /// The end of the file: where the next record goes.
    private let size = Mutex(0)

    /// A new, empty spool in a file created at `path` and unlinked at once (on the disk of
    /// that folder, not in memory as a file in /tmp might be); nil when it cannot be created.
    public init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        unlink(path)
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Appends `record`; where it is, or nil when the write failed.
    public func append(_ record: some Collection<UInt8>) -> Range<Int>? {
        size.withLock { size -> Range<Int>? in
            let start = size
            let written = record.withContiguousStorageIfAvailable { buffer in
                transfer(buffer.count, at: start) { pwrite(fd, buffer.baseAddress! + $0, buffer.count - $0, $1) }
            } ?? Array(record).withUnsafeBufferPointer { buffer in
                transfer(buffer.count, at: start) { pwrite(fd, buffer.baseAddress! + $0, buffer.count - $0, $1) }
            }
            guard written else { return nil }
            size += record.count
            return start..<size
        }
    }

    /// The bytes `append` put at `range`; nil when they cannot be read back. Reads take no
    /// lock: what `append` returned a range for is on file and never written again.
    public func read(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= size.withLock({ $0 }) else { return nil }
        var bytes = [UInt8](repeating: 0, count: range.count)
        let ok = bytes.withUnsafeMutableBytes { buffer in
            transfer(buffer.count, at: range.lowerBound) { pread(fd, buffer.baseAddress! + $0, buffer.count - $0, $1) }
        }
        return ok ? bytes : nil
    }

    /// Runs a `pread`/`pwrite` until `count` bytes moved (retrying interrupted calls); false on
    /// an error or an early end of file. `move` gets the bytes done so far and the file offset.
    private func transfer(_ count: Int, at start: Int, _ move: (Int, off_t) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = move(done, off_t(start + done))
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            done += n
        }
        return true
    }
}
