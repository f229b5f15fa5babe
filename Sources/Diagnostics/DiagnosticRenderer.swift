/// Renders diagnostics the way a good compiler does:
///
///     note.md:12:9: error: unknown function 'KLL'
///     check KLL(P ‖ Q) ≥ 0
///           ^~~
///     hint: did you mean 'KL'?
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the severity (only on a terminal, never with `NO_COLOR`).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// One diagnostic, with its source line and a caret when the source is known.
    public func render(_ diagnostic: Diagnostic, source: SourceText? = nil) -> String {
        var out = ""
        if let location = diagnostic.location { out += Self.terminalSafe("\(location)") + ": " }
        out += paint(diagnostic.severity) + ": " + Self.terminalSafe(diagnostic.message) + "\n"
        if let location = diagnostic.location, let source, let line = source.line(location.line) {
            let excerpt = Self.excerpt(of: line, column: location.column)
            let shown = Self.terminalSafe(excerpt.text, keepTabs: true)
            out += shown + "\n"
            out += caretLine(for: shown, column: location.column - excerpt.dropped, length: diagnostic.length) + "\n"
        }
        if let detail = diagnostic.detail {
            out += detail.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Self.terminalSafe(String($0), keepTabs: true) }.joined(separator: "\n") + "\n"
        }
        if let hint = diagnostic.hint { out += "hint: " + Self.terminalSafe(hint) + "\n" }
        return out
    }

    /// Source lines longer than this many characters are shown as a window around the column,
    /// so a diagnostic on a 700 KB line costs a line's width to print, not 700 KB.
    static let excerptWidth = 160

    /// The part of `line` shown for `column`, and how many characters before it were left out
    /// (the caret moves left by as many).
    static func excerpt(of line: String, column: Int) -> (text: String, dropped: Int) {
        let scalars = line.unicodeScalars
        guard scalars.count > excerptWidth else { return (line, 0) }
        let start = max(0, min(column - 1 - excerptWidth / 2, scalars.count - excerptWidth))
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: excerptWidth)
        let lead = start > 0 ? "…" : "", tail = to < scalars.endIndex ? "…" : ""
        return (lead + String(scalars[from..<to]) + tail, start - lead.unicodeScalars.count)
    }

    /// `text` with control characters (a file named with an escape sequence or a newline)
    /// shown as `\u{1B}` rather than sent raw to the terminal, where they would move the cursor,
    /// change colours or split a `file:line:col` line in two.
    public static func terminalSafe(_ text: String, keepTabs: Bool = false) -> String {
        func isControl(_ s: Unicode.Scalar) -> Bool {
            (s.value < 0x20 && !(keepTabs && s == "\t")) || (0x7F...0x9F).contains(s.value)
                || s.value == 0x2028 || s.value == 0x2029
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A line of spaces and a caret under `column`, keeping tabs so the caret lines up.
    /// Wide (CJK) characters take two cells on a terminal, so they get two spaces.
    func caretLine(for line: String, column: Int, length: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        var prefix = ""
        for scalar in scalars.prefix(max(0, column - 1)) {
            prefix += scalar == "\t" ? "\t" : (scalar.isWide ? "  " : " ")
        }
        // The underline spans the cells the flagged text takes on screen, two per wide character.
        let flagged = scalars.dropFirst(max(0, column - 1)).prefix(length)
        let cells = flagged.reduce(0) { $0 + ($1.isWide ? 2 : 1) } + max(0, length - flagged.count)
        return prefix + "^" + String(repeating: "~", count: max(0, cells - 1))
    }

    private func paint(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;35"
        case .note: code = "1;36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}

extension Unicode.Scalar {
    /// East Asian wide and fullwidth ranges that terminals draw two cells wide.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
