/// A file's text with a line index, to turn offsets into locations and show source lines.
///
/// Offsets are UTF-8 byte offsets into `text`. Line breaks are `\n`, `\r\n` or a lone `\r`;
/// a `\r\n` pair counts as one break, so CRLF files get the same line numbers as LF files.
public struct SourceText: Sendable {
    public let file: String
    public let text: String
    /// UTF-8 offset of the first byte of each line.
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(file: String, text: String) {
        self.file = file
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                starts.append(i + 1)
            case UInt8(ascii: "\r"):
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                starts.append(i + 1)
            default:
                break
            }
            i += 1
        }
        self.lineStarts = starts
        self.bytes = bytes
    }

    /// The number of lines (a trailing newline does not start a new line of text).
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The location of a UTF-8 offset; offsets past the end clamp to the end.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let offset = min(max(0, offset), bytes.count)
        // Binary search for the last line start ≤ offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: lo + 1, column: column)
    }

    /// The text of a 1-based line without its line break, or nil when out of range.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
