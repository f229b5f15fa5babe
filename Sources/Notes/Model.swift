import Diagnostics

/// One Markdown note of a vault, fully read: metadata, Markdown with holes, and everything
/// the later stages (cells, links, math) need, each piece located in the original file.
///
/// A `Note` holds no C pointers: libcmark's tree lives only while the note is being read.
public struct Note: Sendable, Hashable {
    /// Vault-relative path with `/` separators, e.g. `AI/信息论.md`.
    public var path: String
    /// `path` without the `.md` extension: what wiki-links name.
    public var id: String
    /// Parsed front matter (empty when there is none or it did not parse).
    public var frontMatter: FrontMatter
    /// Front matter `title`, else the file name without `.md`, as Obsidian shows it.
    public var title: String
    /// cmark's HTML with holes for math, links, cells, inline values and heading anchors.
    public var body: MarkdownBody
    /// Math spans and ```` ```math ```` fences, in document order. `Hole.math(i)` indexes this.
    public var math: [MathSpan]
    /// Wiki-links and embeds in document order. `Hole.link(i)` indexes this.
    public var links: [WikiLink]
    /// ```` ```qed ```` cells in document order. `Hole.cell(i)` indexes this.
    public var cells: [Cell]
    /// `` `= EXPR` `` code spans in document order. `Hole.inlineValue(i)` indexes this.
    public var inlineExpressions: [InlineExpression]
    /// Headings in document order. `Hole.headingAnchor(i)` indexes this.
    public var headings: [Heading]
    /// Block ids (`^abc123` at the end of a block, without the caret), in document order:
    /// `[[note#^abc123]]` targets; each block carries the hidden anchor `^abc123`.
    public var blockIDs: [String] = []
    /// Inline `#tags` written in the text (without `#`), in document order, no duplicates.
    public var inlineTags: [String] = []
    /// Problems found while reading this note (never fatal).
    public var diagnostics: [Diagnostic]
    /// 64-bit FNV-1a of the file's raw bytes as 16 lowercase hex digits, for the build cache.
    public var contentHash: String
    /// The language of the note's opening (`NoteLanguage.of` its first `voteLimit` letters):
    /// its vote on the vault's language, worked out once when the note is parsed, so an
    /// outline (or a cached note) votes without its body.
    public var openingLanguage: SiteLanguage = .en
}

/// A YAML value kept as written, so templates can reach keys QED does not know.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    /// The value as display text: lists joined by ", ", maps and null as "".
    public var text: String {
        switch self {
        case .string(let s): return s
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        case .map, .null: return ""
        }
    }
}

/// The typed part of a note's front matter; everything else lands in `extra`.
public struct FrontMatter: Sendable, Hashable {
    /// `title:` as written.
    public var title: String?
    /// One-line summary, used as the page description.
    public var brief: String?
    /// `type:`, e.g. `concept`.
    public var type: String?
    /// `domain:`, a slash path such as `ai/foundations/math`.
    public var domain: String?
    /// `created:` (quoted or not, day or full timestamp).
    public var created: NoteDate?
    /// `updated:`.
    public var updated: NoteDate?
    /// Tags as written, without a leading `#`; `a/b` is a nested tag.
    public var tags: [String]
    /// Other names wiki-links may use for this note.
    public var aliases: [String]
    /// The note's default claim tolerance, from `qed: {tolerance: …}`.
    public var qedTolerance: Double?
    /// `qed: {formulas: false}`: this note's formulas are not checked as claims.
    public var qedFormulas: Bool? = nil
    /// Unknown keys, kept for templates.
    public var extra: [String: FrontMatterValue]

    public init(title: String? = nil, brief: String? = nil, type: String? = nil, domain: String? = nil,
                created: NoteDate? = nil, updated: NoteDate? = nil, tags: [String] = [],
                aliases: [String] = [], qedTolerance: Double? = nil,
                extra: [String: FrontMatterValue] = [:]) {
        self.title = title; self.brief = brief; self.type = type; self.domain = domain
        self.created = created; self.updated = updated; self.tags = tags; self.aliases = aliases
        self.qedTolerance = qedTolerance; self.extra = extra
    }
}

/// A span of TeX cut out of the Markdown before cmark saw it.
public struct MathSpan: Sendable, Hashable {
    /// The TeX between the delimiters, with block-quote `>` prefixes of continuation lines removed.
    public var tex: String
    /// `$$…$$` or a ```` ```math ```` fence.
    public var display: Bool
    /// Where the first character of the TeX sits in the file (after the opening `$`/`$$`).
    public var location: SourceLocation
    /// Start of each line piece of `tex`: UTF-8 offset into `tex`, and the file line/column there.
    var pieces: [MathPiece]
    /// The note's own text just before the opening delimiter: the rest of its line and, for
    /// display math, the line before it (at most a few hundred bytes). Formula claims read
    /// conditions such as "if" or "当且仅当" here.
    public var proseBefore: String = ""
    /// The text just after the closing delimiter, to the end of the line and, for display
    /// math, the next line; where a `%%unchecked%%` opt-out of formula claims is written.
    public var proseAfter: String = ""

    /// The file location of a UTF-8 offset into `tex`, so TeX diagnostics point into the note.
    /// Offsets past the end clamp to the end.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let utf8 = Array(tex.utf8)
        let target = min(max(0, offset), utf8.count)
        guard var piece = pieces.first else { return location }
        // Pieces are few (one per line of the formula), so a linear walk is fine.
        for p in pieces where p.texOffset <= target { piece = p }
        var column = piece.column
        var i = piece.texOffset
        while i < target {
            if utf8[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: location.file, line: piece.line, column: column)
    }
}

/// Where one line's worth of a math span's TeX starts.
struct MathPiece: Sendable, Hashable {
    var texOffset: Int
    var line: Int
    var column: Int
}

/// `[[target#heading|label]]` or `![[target]]` as written in a note.
public struct WikiLink: Sendable, Hashable {
    /// The target as written (a vault path with or without `.md`, a file name, a title or alias);
    /// empty for `[[#heading]]`, a link into the same note.
    public var target: String
    /// The part after `#`, if any.
    public var heading: String?
    /// The part after `|`, if any.
    public var label: String?
    /// `![[…]]` rather than `[[…]]`.
    public var isEmbed: Bool
    /// Location of the opening `[[` (or `!` for an embed).
    public var location: SourceLocation
    /// The link as written, e.g. `[[a|b]]`, for diagnostics and plain-text contexts.
    public var source: String

    public init(target: String, heading: String? = nil, label: String? = nil, isEmbed: Bool = false,
                location: SourceLocation, source: String) {
        self.target = target; self.heading = heading; self.label = label
        self.isEmbed = isEmbed; self.location = location; self.source = source
    }

    /// What a reader sees: the label, else the target (and heading).
    public var displayText: String {
        if let label, !label.isEmpty { return label }
        if let heading, !heading.isEmpty { return target.isEmpty ? heading : "\(target) > \(heading)" }
        return target
    }
}

/// Options in a qed fence's info string, e.g. ```` ```qed hide ````.
public struct CellOptions: Sendable, Hashable {
    /// Run, but do not show the code.
    public var hide: Bool = false
    /// Do not run.
    public var skip: Bool = false
    /// The cell must fail (a claim fails or an error occurs).
    public var expectError: Bool = false
    /// Options QED does not know (each also produced a warning).
    public var unknown: [String] = []

    public init(hide: Bool = false, skip: Bool = false, expectError: Bool = false, unknown: [String] = []) {
        self.hide = hide; self.skip = skip; self.expectError = expectError; self.unknown = unknown
    }
}

/// An executable ```` ```qed ```` (or `~~~qed`) fence.
public struct Cell: Sendable, Hashable {
    /// Position among the note's cells, from 0.
    public var index: Int
    /// The code as cmark gives it (container indentation removed, trailing newline kept).
    public var code: String
    /// Options from the info string.
    public var options: CellOptions
    /// Location of the opening fence.
    public var location: SourceLocation
    /// File line of the first code line.
    public var firstLine: Int
    /// Columns of container indentation (list items, block quotes) before each code line.
    public var columnOffset: Int
    /// The info string as written (`qed hide`), for rendering.
    public var info: String
}

/// An inline code span `` `= EXPR` `` whose value replaces it in the page.
public struct InlineExpression: Sendable, Hashable {
    /// The expression after `=`, trimmed.
    public var expression: String
    /// Location of the expression's first character.
    public var location: SourceLocation
    /// The code span's content as cmark shows it (`= H(P)`), to render it unevaluated.
    public var codeText: String
}

/// A heading of a note, with its anchor for links and tables of contents.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// Plain text (math as TeX, links as their labels).
    public var text: String
    /// Slug unique within the note: lower-cased, spaces as `-`, CJK kept, duplicates `-1`, `-2`.
    public var anchor: String
    /// Location of the heading's first character (its `#`).
    public var location: SourceLocation
}
