/// JSON string literals, written by hand so output is deterministic and fast.
///
/// Besides what JSON requires, `<`, `>`, `&`, U+2028 and U+2029 are escaped, so a literal is
/// also safe inside an HTML `<script>` (the search index) and in reports.
public enum JSONText {
    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (quotes included) to a UTF-8 buffer.
    ///
    /// Escapes `"`, `\\`, control characters, `<`, `>`, `&` and U+2028/U+2029, so the literal
    /// is also safe inside a `<script>`. Runs of bytes that need nothing are copied whole:
    /// search indexes are megabytes of prose that needs nothing.
    public static func append(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let isLineSeparator = byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
                    && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                guard needsEscape[Int(byte)] || isLineSeparator else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if isLineSeparator {
                    escaped(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    i += 3
                } else {
                    escape(byte, to: &out)
                    i += 1
                }
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Bytes that never stand for themselves in the literal (0xE2 is checked apart: only
    /// U+2028 and U+2029 among the characters it starts need escaping).
    private static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26
    }

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default: escaped(UInt32(byte), to: &out)
        }
    }

    private static func escaped(_ value: UInt32, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)],
                hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]]
    }
}
