#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes values as a compact binary record: integers as zig-zag varints, strings as a
/// length and their UTF-8, doubles as their bit pattern. Records are what QED's caches hold;
/// they are read back by `RecordReader` in the same order they were written.
///
/// Much cheaper than JSON for the thousands of parsed notes a build keeps, and a record has no
/// meaning without the code that wrote it: caches carry a format number and a content key,
/// and anything that does not read back cleanly is discarded.
public struct RecordWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: Int) {
        // Zig-zag, so small negative numbers stay short.
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func write(_ value: Double) {
        var v = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Writes `values` as a count and each element by `element`.
    public mutating func write<T>(_ values: [T], _ element: (inout RecordWriter, T) -> Void) {
        write(values.count)
        for value in values { element(&self, value) }
    }

    /// Appends bytes as they are, with no length before them (for file layouts with their
    /// own framing, such as `RecordArchive`'s).
    public mutating func append(raw more: some Collection<UInt8>) {
        bytes.append(contentsOf: more)
    }

    public mutating func append(raw byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends bytes written elsewhere, as a length and the bytes.
    public mutating func write(bytes more: some Collection<UInt8>) {
        write(more.count)
        bytes.append(contentsOf: more)
    }
}

/// A record that does not read back: truncated, or not what the reader expected.
public struct CorruptRecord: Error, Sendable, Equatable {
    /// Where in the record reading failed.
    public let offset: Int

    public init(offset: Int) {
        self.offset = offset
    }
}

/// Reads what a `RecordWriter` wrote. Total on any bytes: a truncated or damaged record
/// throws `CorruptRecord`, never traps, and never allocates more than the record could hold.
public struct RecordReader {
    /// Offsets are indices of `source`: of the whole buffer, for a slice of one.
    private let source: ArraySlice<UInt8>
    public private(set) var offset: Int
    private let end: Int

    public init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        source = bytes[...]
        self.end = min(end ?? bytes.count, bytes.count)
        offset = min(max(0, start), self.end)
    }

    /// Reads a record inside a larger buffer (a cache file read whole) without copying it out.
    public init(_ slice: ArraySlice<UInt8>) {
        source = slice
        end = slice.endIndex
        offset = slice.startIndex
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset >= end }

    public mutating func int() throws(CorruptRecord) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw CorruptRecord(offset: offset) }
            let byte = source[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(value)
    }

    public mutating func bool() throws(CorruptRecord) -> Bool {
        guard offset < end, source[offset] <= 1 else { throw CorruptRecord(offset: offset) }
        offset += 1
        return source[offset - 1] == 1
    }

    public mutating func double() throws(CorruptRecord) -> Double {
        guard end - offset >= 8 else { throw CorruptRecord(offset: offset) }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(source[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Double(bitPattern: v)
    }

    public mutating func string() throws(CorruptRecord) -> String {
        let count = try length()
        let start = offset - source.startIndex
        let text = source.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self)
        }
        offset += count
        return text
    }

    public mutating func optionalString() throws(CorruptRecord) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func strings() throws(CorruptRecord) -> [String] {
        try array { (reader: inout RecordReader) throws(CorruptRecord) in try reader.string() }
    }

    /// Reads a count and that many elements by `element`.
    public mutating func array<T>(_ element: (inout RecordReader) throws(CorruptRecord) -> T) throws(CorruptRecord) -> [T] {
        // Every element takes at least one byte: a damaged count cannot make a huge array.
        let count = try length()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    /// Reads bytes written by `RecordWriter.write(bytes:)`.
    public mutating func bytes() throws(CorruptRecord) -> [UInt8] {
        let count = try length()
        defer { offset += count }
        return Array(source[offset..<(offset + count)])
    }

    /// Skips bytes written by `RecordWriter.write(bytes:)`, returning where they are in the
    /// buffer (to read them later without copying the rest).
    public mutating func skipBytes() throws(CorruptRecord) -> Range<Int> {
        let count = try length()
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// A length no larger than what is left of the record.
    private mutating func length() throws(CorruptRecord) -> Int {
        let start = offset
        let count = try int()
        guard count >= 0, count <= end - offset else { throw CorruptRecord(offset: start) }
        return count
    }
}

extension RecordWriter {
    /// Empties the buffer, keeping its capacity, after its bytes were written out.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Writes a record file piece by piece, so a cache of 10,000 notes never sits in memory as one
/// buffer, and puts it in place atomically: readers see the old file or the whole new one.
public final class RecordFile {
    private let path: String
    private let temporary: String
    private var fd: Int32
    private var failed = false

    /// Starts writing `path` (through a temporary file beside it); nil when it cannot be created.
    public init?(path: String) {
        self.path = path
        temporary = path + ".\(getpid()).tmp"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
    }

    /// Appends what `writer` holds and empties it.
    public func append(_ writer: inout RecordWriter) {
        defer { writer.reset() }
        guard !failed else { return }
        writer.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += n
            }
        }
    }

    /// Closes the file and renames it into place; false (and nothing replaced) when any
    /// write failed.
    @discardableResult
    public func commit() -> Bool {
        let ok = !failed && close(fd) == 0
        fd = -1
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
