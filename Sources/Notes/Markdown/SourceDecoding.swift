import Foundation
import Diagnostics

/// A note's bytes made safe to parse: BOM stripped, line breaks normalised to `\n`,
/// invalid UTF-8 replaced by U+FFFD, and placeholder characters neutralised.
///
/// Every step keeps line numbers, so locations in the result are locations in the file.
struct DecodedSource {
    var bytes: [UInt8]
    var diagnostics: [Diagnostic]

    /// Whether the bytes look like a binary file rather than text (a NUL byte).
    static func looksBinary(_ raw: [UInt8]) -> Bool {
        raw.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return false }
            return memchr(base, 0, buf.count) != nil
        }
    }

    init(raw: [UInt8], file: String) {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var diagnostics: [Diagnostic] = []
        var invalidCount = 0, invalidLine = 0, invalidColumn = 0
        var forgedCount = 0, forgedLine = 0, forgedColumn = 0
        let n = raw.count
        var i = 0
        if n >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
        // Bytes that stay as they are are copied a run at a time; only a CR, an invalid
        // sequence or a reserved character ends a run. Lines and columns are needed only
        // for the first of each problem, so they are counted then, from the output so far.
        raw.withUnsafeBufferPointer { b in
            var runStart = i
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<end])) }
            }
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x0D {
                        flush(i)
                        out.append(0x0A)
                        i += i + 1 < n && b[i + 1] == 0x0A ? 2 : 1
                        runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                let length = DecodedSource.validSequenceLength(b, i)
                if length == 0 {
                    flush(i)
                    if invalidCount == 0 { (invalidLine, invalidColumn) = DecodedSource.position(after: out) }
                    invalidCount += 1
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i += 1
                    runStart = i
                } else if length == 3, c == 0xEE, b[i + 1] == 0x80, b[i + 2] <= 0x9F {
                    // U+E000…U+E01F: the characters QED's placeholders are made of.
                    flush(i)
                    if forgedCount == 0 { (forgedLine, forgedColumn) = DecodedSource.position(after: out) }
                    forgedCount += 1
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i += 3
                    runStart = i
                } else {
                    i += length
                }
            }
            flush(n)
        }
        if invalidCount > 0 {
            diagnostics.append(.warning(
                .invalidUTF8,
                "file is not valid UTF-8: \(invalidCount) byte\(invalidCount == 1 ? "" : "s") replaced with U+FFFD",
                at: SourceLocation(file: file, line: invalidLine, column: invalidColumn),
                hint: "save the file as UTF-8"))
        }
        if forgedCount > 0 {
            diagnostics.append(.warning(
                .reservedCharacter,
                "\(forgedCount) private-use character\(forgedCount == 1 ? "" : "s") in U+E000…U+E01F replaced with U+FFFD (QED reserves them)",
                at: SourceLocation(file: file, line: forgedLine, column: forgedColumn)))
        }
        self.bytes = out
        self.diagnostics = diagnostics
    }

    /// The 1-based line and column (in scalars) of what comes after `decoded`, which is
    /// valid UTF-8 with `\n` line breaks.
    static func position(after decoded: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in decoded {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        let c = b[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && b[i + k] >= lo && b[i + k] <= hi
        }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

