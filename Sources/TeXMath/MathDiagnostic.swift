/// One problem found in a formula, located by UTF-8 byte offsets into the TeX source.
///
/// Byte offsets (not characters) are used because callers map them onto the note
/// with `MathSpan.location(ofUTF8Offset:)`, which works in bytes; a formula full of
/// CJK text would otherwise be misplaced.
public struct MathDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable category, so callers can decide severity
    /// (the CLI fails on `.unknownCommand`, the site build only warns).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unknownCommand = "unknown-command"
        case unknownEnvironment = "unknown-environment"
        case environmentMismatch = "environment-mismatch"
        case unbalancedBraces = "unbalanced-braces"
        case missingArgument = "missing-argument"
        case missingDelimiter = "missing-delimiter"
        case unmatchedLeft = "unmatched-left"
        case unmatchedRight = "unmatched-right"
        case misplacedCommand = "misplaced-command"
        case misplacedAlignment = "misplaced-alignment"
        case doubleScript = "double-script"
        case invalidColor = "invalid-color"
        case invalidLength = "invalid-length"
        case nestingTooDeep = "nesting-too-deep"
        case trailingBackslash = "trailing-backslash"
        /// A macro definition that cannot be read, a missing macro argument, or an
        /// expansion that does not end (a recursive or exponentially growing macro).
        case macro = "macro"
        /// The summary that stands for the problems past the per-formula cap.
        case tooManyProblems = "too-many-problems"
    }

    public var kind: Kind
    /// A complete sentence fragment such as `unknown command '\fracc'; did you mean '\frac'?`.
    public var message: String
    /// UTF-8 byte offsets into the TeX source (lower bound inclusive, upper exclusive).
    public var range: Range<Int>
    /// The command involved, with its backslash (`\fracc`), when there is one.
    public var command: String?
    /// The closest known command when `command` is unknown (`\frac`), for editors and hints.
    public var suggestion: String?

    public init(kind: Kind, message: String, range: Range<Int>, command: String? = nil,
                suggestion: String? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.command = command
        self.suggestion = suggestion
    }

    /// `kind: message (bytes a..<b)`, enough to read in a test failure.
    public var description: String {
        "\(kind.rawValue): \(message) (bytes \(range.lowerBound)..<\(range.upperBound))"
    }

    /// A compiler-style report against the formula itself, for `qed math`:
    ///
    ///     1:7: unknown command '\fracc'; did you mean '\frac'?
    ///       x + \fracc{1}{2}
    ///           ^~~~~~
    ///
    /// Columns count Unicode scalars, lines are split on `\n`, both 1-based.
    public func formatted(in tex: String) -> String {
        let bytes = Array(tex.utf8)
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        var lineStart = 0
        var line = 1
        for index in 0..<lower where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lower
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let column = Self.scalarCount(bytes[lineStart..<lower]) + 1
        let excerpt = Self.excerpt(bytes, line: lineStart..<lineEnd, flagged: lower..<max(lower, min(upper, lineEnd)))
        return "\(line):\(column): \(message)\n  \(excerpt.text)\n  \(excerpt.caret)"
    }

    /// Scalars of context shown on each side of the flagged part of a long line.
    public static let excerptContext = 40

    /// The line with a caret line under `flagged`; a long line is cut to a window around
    /// the flagged part (marked with `…`), so a report costs the same on a 700 KB line.
    public static func excerpt(_ bytes: [UInt8], line: Range<Int>, flagged: Range<Int>) -> (text: String, caret: String) {
        var start = flagged.lowerBound
        var scalars = 0
        while start > line.lowerBound, scalars < excerptContext {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { scalars += 1 }
        }
        var flaggedEnd = flagged.upperBound
        var flaggedScalars = Self.scalarCount(bytes[flagged.lowerBound..<flaggedEnd])
        if flaggedScalars > excerptContext {
            flaggedEnd = flagged.lowerBound
            flaggedScalars = 0
            while flaggedEnd < flagged.upperBound, flaggedScalars < excerptContext {
                flaggedEnd += 1
                while flaggedEnd < flagged.upperBound, bytes[flaggedEnd] & 0xC0 == 0x80 { flaggedEnd += 1 }
                flaggedScalars += 1
            }
        }
        var end = flaggedEnd
        scalars = 0
        while end < line.upperBound, scalars < excerptContext {
            end += 1
            while end < line.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
            scalars += 1
        }
        let head = start > line.lowerBound ? "…" : ""
        let tail = end < line.upperBound ? "…" : ""
        let text = head + String(decoding: bytes[start..<end], as: UTF8.self) + tail
        let indent = Self.scalarCount(bytes[start..<flagged.lowerBound]) + head.count
        let caret = String(repeating: " ", count: indent) + "^" + String(repeating: "~", count: max(1, flaggedScalars) - 1)
        return (text, caret)
    }

    /// Unicode scalars in UTF-8 bytes (continuation bytes 10xxxxxx start none).
    public static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        // Continuation bytes (10xxxxxx) do not start a scalar.
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

/// The result of converting one formula: always usable MathML, plus what went wrong.
public struct MathConversion: Hashable, Sendable {
    /// A complete `<math …>…</math>` element; never empty, even for broken input.
    public var mathML: String
    /// The formula as text a reader recognises (`−∑_x P(x) log 1/P(x)`), for search indexes
    /// and snippets: token contents in order, `/` between a fraction's parts, `_` and `^`
    /// before scripts, `√(…)` around roots, spaces around relations; at most a few thousand
    /// scalars.
    public var text: String
    /// Problems in source order; empty when the formula was fully understood.
    public var diagnostics: [MathDiagnostic]

    public init(mathML: String, text: String = "", diagnostics: [MathDiagnostic]) {
        self.mathML = mathML
        self.text = text
        self.diagnostics = diagnostics
    }

    /// Whether a command or environment was not recognised (what `qed math` fails on).
    public var hasUnknownCommands: Bool {
        diagnostics.contains { $0.kind == .unknownCommand || $0.kind == .unknownEnvironment }
    }
}
