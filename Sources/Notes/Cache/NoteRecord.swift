import Diagnostics
import Storage

/// A parsed note as a binary record, so a build can take an unchanged note from its cache
/// instead of parsing it again. `NoteRecordTests` round-trips every note of the test vaults:
/// a field added to the model and forgotten here fails it.
extension Note {
    /// Bumped whenever the record layout or the meaning of a parsed field changes.
    static let recordFormat = 3

    func write(to w: inout RecordWriter) {
        w.write(path)
        w.write(id)
        frontMatter.write(to: &w)
        w.write(title)
        w.write(body.segments) { w, segment in
            switch segment {
            case .html(let html):
                w.write(0)
                w.write(html)
            case .hole(let hole):
                let (kind, index) = Placeholder.kindScalar(hole)
                w.write(Int(kind))
                w.write(index)
            }
        }
        w.write(math) { w, span in
            w.write(span.tex)
            w.write(span.display)
            span.location.write(to: &w)
            w.write(span.pieces) { w, piece in
                w.write(piece.texOffset)
                w.write(piece.line)
                w.write(piece.column)
            }
            w.write(span.proseBefore)
            w.write(span.proseAfter)
        }
        w.write(links) { w, link in
            w.write(link.target)
            w.write(link.heading)
            w.write(link.label)
            w.write(link.isEmbed)
            link.location.write(to: &w)
            w.write(link.source)
        }
        w.write(cells) { w, cell in
            w.write(cell.index)
            w.write(cell.code)
            w.write(cell.options.hide)
            w.write(cell.options.skip)
            w.write(cell.options.expectError)
            w.write(cell.options.unknown)
            cell.location.write(to: &w)
            w.write(cell.firstLine)
            w.write(cell.columnOffset)
            w.write(cell.info)
        }
        w.write(inlineExpressions) { w, expression in
            w.write(expression.expression)
            expression.location.write(to: &w)
            w.write(expression.codeText)
        }
        w.write(headings) { w, heading in
            w.write(heading.level)
            w.write(heading.text)
            w.write(heading.anchor)
            heading.location.write(to: &w)
        }
        w.write(blockIDs)
        w.write(inlineTags)
        w.write(diagnostics) { w, diagnostic in diagnostic.write(to: &w) }
        w.write(contentHash)
        w.write(openingLanguage.rawValue)
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        let path = try r.string()
        let id = try r.string()
        let frontMatter = try FrontMatter(record: &r)
        let title = try r.string()
        let segments = try r.array { (r: inout RecordReader) throws(CorruptRecord) -> MarkdownBody.Segment in
            let start = r.offset
            let kind = try r.int()
            if kind == 0 { return .html(try r.string()) }
            let index = try r.int()
            guard let kind = UInt32(exactly: kind), let hole = Placeholder.hole(kind: kind, index: index) else {
                throw CorruptRecord(offset: start)
            }
            return .hole(hole)
        }
        let math = try r.array { (r: inout RecordReader) throws(CorruptRecord) -> MathSpan in
            var span = MathSpan(tex: try r.string(), display: try r.bool(), location: try SourceLocation(record: &r), pieces: [])
            span.pieces = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
                MathPiece(texOffset: try r.int(), line: try r.int(), column: try r.int())
            }
            span.proseBefore = try r.string()
            span.proseAfter = try r.string()
            return span
        }
        let links = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            WikiLink(target: try r.string(), heading: try r.optionalString(), label: try r.optionalString(),
                     isEmbed: try r.bool(), location: try SourceLocation(record: &r), source: try r.string())
        }
        let cells = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            Cell(index: try r.int(), code: try r.string(),
                 options: CellOptions(hide: try r.bool(), skip: try r.bool(), expectError: try r.bool(), unknown: try r.strings()),
                 location: try SourceLocation(record: &r), firstLine: try r.int(), columnOffset: try r.int(), info: try r.string())
        }
        let expressions = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            InlineExpression(expression: try r.string(), location: try SourceLocation(record: &r), codeText: try r.string())
        }
        let headings = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            Heading(level: try r.int(), text: try r.string(), anchor: try r.string(), location: try SourceLocation(record: &r))
        }
        let blockIDs = try r.strings()
        let inlineTags = try r.strings()
        let diagnostics = try r.array { (r: inout RecordReader) throws(CorruptRecord) in try Diagnostic(record: &r) }
        self.init(path: path, id: id, frontMatter: frontMatter, title: title, body: MarkdownBody(segments: segments),
                  math: math, links: links, cells: cells, inlineExpressions: expressions, headings: headings,
                  blockIDs: blockIDs, inlineTags: inlineTags, diagnostics: diagnostics, contentHash: try r.string())
        let offset = r.offset
        guard let language = SiteLanguage(rawValue: try r.string()) else { throw CorruptRecord(offset: offset) }
        openingLanguage = language
    }
}

extension Note {
    /// Reads a note from the bytes of one cache record; nil when they are not a whole, valid
    /// record. Total on any bytes (the fuzz target `note-record` feeds it random ones).
    public static func fromRecord(_ bytes: [UInt8]) -> Note? {
        var reader = RecordReader(bytes)
        guard let note = try? Note(record: &reader), reader.isAtEnd else { return nil }
        return note
    }

    /// The note as one cache record (what `fromRecord` reads).
    public var record: [UInt8] {
        var writer = RecordWriter(capacity: 4096)
        write(to: &writer)
        return writer.bytes
    }
}

extension FrontMatter {
    func write(to w: inout RecordWriter) {
        w.write(title)
        w.write(brief)
        w.write(type)
        w.write(domain)
        for date in [created, updated] {
            w.write(date != nil)
            if let date { date.write(to: &w) }
        }
        w.write(tags)
        w.write(aliases)
        w.write(qedTolerance != nil)
        if let qedTolerance { w.write(qedTolerance) }
        w.write(qedFormulas.map { $0 ? 2 : 1 } ?? 0)
        // Sorted, so the same front matter always makes the same bytes.
        let keys = extra.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.write(keys) { w, key in
            w.write(key)
            extra[key, default: .null].write(to: &w)
        }
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init(title: try r.optionalString(), brief: try r.optionalString(), type: try r.optionalString(),
                  domain: try r.optionalString())
        created = try r.bool() ? try NoteDate(record: &r) : nil
        updated = try r.bool() ? try NoteDate(record: &r) : nil
        tags = try r.strings()
        aliases = try r.strings()
        qedTolerance = try r.bool() ? try Self.tolerance(&r) : nil
        switch try r.int() {
        case 0: qedFormulas = nil
        case 1: qedFormulas = false
        case 2: qedFormulas = true
        default: throw CorruptRecord(offset: r.offset)
        }
        let entries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
            (try r.string(), try FrontMatterValue(record: &r, depth: 0))
        }
        extra = Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// A tolerance as the front matter parser gives one (finite, not negative); anything
    /// else is a damaged record. NaN would also make a note unequal to itself.
    private static func tolerance(_ r: inout RecordReader) throws(CorruptRecord) -> Double {
        let value = try r.double()
        guard value.isFinite, value >= 0 else { throw CorruptRecord(offset: r.offset) }
        return value
    }
}

extension FrontMatterValue {
    func write(to w: inout RecordWriter) {
        switch self {
        case .string(let s): w.write(0); w.write(s)
        case .number(let d): w.write(1); w.write(d)
        case .bool(let b): w.write(2); w.write(b)
        case .list(let items):
            w.write(3)
            w.write(items) { w, item in item.write(to: &w) }
        case .map(let entries):
            w.write(4)
            let keys = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            w.write(keys) { w, key in
                w.write(key)
                entries[key, default: .null].write(to: &w)
            }
        case .null: w.write(5)
        }
    }

    /// Front matter is depth-limited when parsed; a record deeper than that is damaged.
    init(record r: inout RecordReader, depth: Int) throws(CorruptRecord) {
        let start = r.offset
        guard depth <= 256 else { throw CorruptRecord(offset: start) }
        switch try r.int() {
        case 0: self = .string(try r.string())
        case 1: self = .number(try r.double())
        case 2: self = .bool(try r.bool())
        case 3: self = .list(try r.array { (r: inout RecordReader) throws(CorruptRecord) in try FrontMatterValue(record: &r, depth: depth + 1) })
        case 4:
            let entries = try r.array { (r: inout RecordReader) throws(CorruptRecord) in
                (try r.string(), try FrontMatterValue(record: &r, depth: depth + 1))
            }
            self = .map(Dictionary(entries, uniquingKeysWith: { first, _ in first }))
        case 5: self = .null
        default: throw CorruptRecord(offset: start)
        }
    }
}

extension NoteDate {
    func write(to w: inout RecordWriter) {
        w.write(year)
        w.write(month)
        w.write(day)
        for part in [hour, minute, second, utcOffsetMinutes] {
            w.write(part != nil)
            if let part { w.write(part) }
        }
    }

    init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init(year: try r.int(), month: try r.int(), day: try r.int())
        hour = try r.bool() ? try r.int() : nil
        minute = try r.bool() ? try r.int() : nil
        second = try r.bool() ? try r.int() : nil
        utcOffsetMinutes = try r.bool() ? try r.int() : nil
    }
}
