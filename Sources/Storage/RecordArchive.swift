#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of records found by key without reading the others: an index of every record's key
/// and length first, then the records. Opening one reads the index only; a record is read
/// when asked for, so a build that needs a few of a cache's 10,000 records neither reads nor
/// holds the rest.
///
/// Layout: the index's byte length (8 bytes, little-endian), the index (a `RecordWriter`
/// record: the magic string, the entry count, then each key and record length, in order),
/// then the records back to back in index order. Anything else (cut short, grown, another
/// magic) does not open.
public final class RecordArchive: Sendable {
    private let fd: Int32
    /// Each record's place in the file, by key.
    public let ranges: [String: Range<Int>]

    /// Opens the archive at `path` written with `magic`; nil when there is none or it does not
    /// read back whole.
    public init?(path: String, magic: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let ranges = Self.index(fd: fd, size: Int(info.st_size), magic: magic) else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.ranges = ranges
    }

    deinit {
        close(fd)
    }

    private static func index(fd: Int32, size: Int, magic: String) -> [String: Range<Int>]? {
        guard size >= 8, let head = read(fd, 0..<8) else { return nil }
        let length = head.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length >= 0, length <= size - 8, let bytes = read(fd, 8..<(8 + length)) else { return nil }
        var reader = RecordReader(bytes)
        var ranges: [String: Range<Int>] = [:]
        var offset = 8 + length
        do throws(CorruptRecord) {
            guard try reader.string() == magic else { return nil }
            let count = try reader.int()
            guard count >= 0, count <= length else { return nil }
            ranges.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.string()
                let recordLength = try reader.int()
                guard recordLength >= 0, recordLength <= size - offset else { return nil }
                ranges[key] = offset..<(offset + recordLength)
                offset += recordLength
            }
        } catch {
            return nil
        }
        guard reader.isAtEnd, offset == size else { return nil }
        return ranges
    }

    /// The record at `range` (one of `ranges`); nil when it cannot be read.
    public func read(_ range: Range<Int>) -> [UInt8]? {
        Self.read(fd, range)
    }

    private static func read(_ fd: Int32, _ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0 else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, filled in
            while filled < range.count {
                let n = pread(fd, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                if n == 0 { failed = true; return }
                filled += n
            }
        }
        return failed ? nil : bytes
    }

    /// One record to write: its key, its length, and how to get its bytes when its turn
    /// comes (nil when they cannot be had: the archive is then not written).
    public struct Item {
        public let key: String
        public let length: Int
        public let bytes: () -> [UInt8]?

        public init(key: String, length: Int, bytes: @escaping () -> [UInt8]?) {
            self.key = key
            self.length = length
            self.bytes = bytes
        }
    }

    /// Writes `items` as an archive at `path` (atomically: readers see the old file or the
    /// whole new one), in the order given, one record in memory at a time. False when it
    /// could not be written.
    @discardableResult
    public static func write(_ items: [Item], magic: String, to path: String) -> Bool {
        guard let out = RecordFile(path: path) else { return false }
        var index = RecordWriter(capacity: 64 + items.count * 48)
        index.write(magic)
        index.write(items.count)
        for item in items {
            index.write(item.key)
            index.write(item.length)
        }
        var w = RecordWriter(capacity: 1 << 16)
        var length = UInt64(index.bytes.count)
        for _ in 0..<8 {
            w.append(raw: UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        w.append(raw: index.bytes)
        out.append(&w)
        for item in items {
            guard let bytes = item.bytes(), bytes.count == item.length else { return false }
            w.append(raw: bytes)
            out.append(&w)
        }
        return out.commit()
    }
}
