import Diagnostics
import Foundation

/// Line starts of a byte buffer, to turn offsets into (line, column) quickly.
struct LineIndex {
    /// Offset of the first byte of each line; line k (1-based) starts at `starts[k-1]`.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { b in
            var from = 0
            while let newline = LineIndex.newline(in: b, from: from) {
                starts.append(newline + 1)
                from = newline + 1
            }
        }
        self.starts = starts
    }

    /// Offset of the first `\n` at or after `from`, found with `memchr` (a byte loop with
    /// bounds checks was most of the cost of indexing a note's lines).
    static func newline(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress, from < b.count,
              let hit = memchr(base + from, 0x0A, b.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// 1-based line of a byte offset.
    func line(ofOffset offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Offset of a 1-based line and 1-based byte column (as cmark reports them), clamped.
    func offset(line: Int, byteColumn: Int, count: Int) -> Int {
        let l = min(max(1, line), starts.count)
        return min(max(0, starts[l - 1] + max(0, byteColumn - 1)), count)
    }
}

/// Turns byte offsets of the decoded note into `SourceLocation`s (columns in scalars).
///
/// Remembers the last answer so that queries in increasing order cost amortised O(1):
/// a note with thousands of spans on one long line stays linear.
struct Locator {
    let file: String
    let bytes: [UInt8]
    let lines: LineIndex
    private var lastOffset = 0, lastLine = 1, lastColumn = 1

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    mutating func location(ofOffset raw: Int) -> SourceLocation {
        let offset = min(max(0, raw), bytes.count)
        var line: Int, column: Int, i: Int
        let lineOfLast = lastLine
        if offset >= lastOffset, lineOfLast - 1 < lines.starts.count,
           lineOfLast >= lines.starts.count || lines.starts[lineOfLast] > offset {
            line = lastLine; column = lastColumn; i = lastOffset
        } else {
            line = lines.line(ofOffset: offset); column = 1; i = lines.starts[line - 1]
        }
        bytes.withUnsafeBufferPointer { b in
            while i < offset {
                if b[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        lastOffset = offset; lastLine = line; lastColumn = column
        return SourceLocation(file: file, line: line, column: column)
    }
}
