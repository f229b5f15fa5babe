/// Escaping for everything that comes from a note, on pages, in SVG plots and in JUnit reports.
///
/// One function serves HTML and XML, text and attribute values alike: it escapes `&`, `<`, `>`, `"` and `'`,
/// so an escaped string is safe between tags and inside a quoted attribute. Control characters
/// other than tab and newline are dropped, because browsers treat some of them (NUL, the C1
/// controls) in surprising ways and no note needs them on a page.
public enum HTML {
    /// `text` made safe to place between tags or inside a double- or single-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
