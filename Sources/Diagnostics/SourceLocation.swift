/// A position in a source file, as a person reads it in an editor.
///
/// Lines and columns are 1-based. Columns count Unicode scalars, so a Chinese
/// character is one column, as editors show it.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it or as it sits in the vault (e.g. `AI/信息论.md`).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form every editor and CI system understands.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A half-open region of source text, in the file's own coordinates.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourceLocation
    /// The position just past the last character; on the same line for most spans.
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}
