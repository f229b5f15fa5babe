/// Colour values accepted by `\color` and `\textcolor`. Only names from a fixed list
/// and strictly formed hex values pass, so a formula can never smuggle markup or
/// CSS into the `mathcolor` attribute.
enum Colors {
    /// CSS named colours (which include the LaTeX/xcolor base names).
    static let names: Set<String> = [
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black",
        "blanchedalmond", "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse",
        "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue",
        "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki",
        "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon",
        "darkseagreen", "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise",
        "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey", "dodgerblue",
        "firebrick", "floralwhite", "forestgreen", "fuchsia", "gainsboro", "ghostwhite", "gold",
        "goldenrod", "gray", "green", "greenyellow", "grey", "honeydew", "hotpink", "indianred",
        "indigo", "ivory", "khaki", "lavender", "lavenderblush", "lawngreen", "lemonchiffon",
        "lightblue", "lightcoral", "lightcyan", "lightgoldenrodyellow", "lightgray",
        "lightgreen", "lightgrey", "lightpink", "lightsalmon", "lightseagreen", "lightskyblue",
        "lightslategray", "lightslategrey", "lightsteelblue", "lightyellow", "lime",
        "limegreen", "linen", "magenta", "maroon", "mediumaquamarine", "mediumblue",
        "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue",
        "mediumspringgreen", "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream",
        "mistyrose", "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab",
        "orange", "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise",
        "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue",
        "purple", "rebeccapurple", "red", "rosybrown", "royalblue", "saddlebrown", "salmon",
        "sandybrown", "seagreen", "seashell", "sienna", "silver", "skyblue", "slateblue",
        "slategray", "slategrey", "snow", "springgreen", "steelblue", "tan", "teal", "thistle",
        "tomato", "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow",
        "yellowgreen", "currentcolor",
    ]

    /// The attribute value for a colour, or nil when it is not acceptable.
    static func validated(_ raw: String, model: String?) -> String? {
        let value = raw.trimmingSpaces
        switch model?.trimmingSpaces.lowercased() {
        case nil:
            if value.hasPrefix("#") {
                let digits = value.dropFirst()
                return isHex(digits) && [3, 4, 6, 8].contains(digits.count) ? value.uppercased() : nil
            }
            let name = value.lowercased()
            return names.contains(name) ? name : nil
        case "html"?:
            return isHex(Substring(value)) && value.count == 6 ? "#" + value.uppercased() : nil
        case "rgb"?:
            let parts = value.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            var hex = "#"
            for part in parts {
                guard let component = Double(part.trimmingSpaces), component >= 0, component <= 1 else { return nil }
                hex += byteHex(Int(component * 255 + 0.5))
            }
            return hex
        case "rgb255"?, "rgb256"?:
            let parts = value.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            var hex = "#"
            for part in parts {
                guard let component = Int(part.trimmingSpaces), component >= 0, component <= 255 else { return nil }
                hex += byteHex(component)
            }
            return hex
        default:
            return nil
        }
    }

    private static func isHex(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        }
    }

    private static func byteHex(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[(value >> 4) & 0xF], digits[value & 0xF]])
    }
}

extension StringProtocol {
    /// Without leading and trailing ASCII spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
