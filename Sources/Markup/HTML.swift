/// Escaping for everything that comes from a note, on pages, in SVG plots and in JUnit reports.
///
/// One function serves HTML and XML, text and attribute values alike: it escapes `&`, `<`, `>`, `"` and `'`,
/// so an escaped string is safe between tags and inside a quoted attribute. Control characters
/// other than tab and newline are dropped, because browsers treat some of them (NUL, the C1
/// controls) in surprising ways and no note needs them on a page.
public enum HTML {
    /// `text` made safe to place between tags or inside a double- or single-quoted attribute.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String in
            // Most text (titles, words, numbers) needs nothing: hand it back without copying.
            guard needsEscaping(utf8) else { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + utf8.count / 8 + 16)
            appendEscaping(utf8, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `escape(text)`'s UTF-8 bytes to `out` without making a String of them: pages
    /// written natively are built as bytes.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            if needsEscaping(utf8) { appendEscaping(utf8, to: &out) } else { out.append(contentsOf: utf8) }
        }
    }

    /// The escaping itself, byte by byte (UTF-8 in, UTF-8 out).
    private static func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20, 0x7F: break  // C0 controls and DEL are dropped
            case 0xC2 where i + 1 < utf8.count && (0x80...0x9F).contains(utf8[i + 1]):
                i += 1  // C1 controls (U+0080–U+009F) are dropped
            default: out.append(byte)
            }
            i += 1
        }
    }

    /// Whether any byte of `utf8` is one `escape` changes.
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F: return true
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: return true
            case 0x80...0x9F where previous == 0xC2: return true
            default: break
            }
            previous = byte
        }
        return false
    }

    /// `text` for a `<script>` block holding JSON: `<`, `>`, `&` and the line separators that
    /// end a JavaScript string become `\u` escapes, so `</script>` in a note cannot close the block.
    public static func escapeForScript(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
