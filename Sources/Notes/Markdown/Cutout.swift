import Diagnostics

/// The result of cutting math, wiki-links and inline expressions out of a note (MATH.md §1).
struct Cutout {
    /// The text cmark parses: the note with each cut-out span replaced by a placeholder.
    var text: [UInt8] = []
    var map = OffsetMap()
    var math: [MathSpan] = []
    var links: [WikiLink] = []
    var inlineExpressions: [InlineExpression] = []
    var diagnostics: [Diagnostic] = []
    /// Footnote references `[^label]` in document order (labels as written).
    var footnoteReferences: [FootnoteMark] = []
    /// Footnote definitions `[^label]:` in document order.
    var footnoteDefinitions: [FootnoteMark] = []
}

extension Cutout {
    /// Scans `source` left to right (MATH.md §1 rule order), never looking inside the lines
    /// `excluded` marks (code and HTML blocks, found by a first cmark parse).
    ///
    static func make(source: [UInt8], blocks: BlockLines, locator: inout Locator) -> Cutout {
        var result = Cutout()
        source.withUnsafeBufferPointer { b in
            var scanner = MarkupScanner(b: b, lines: locator.lines, blocks: blocks)
            scanner.run(into: &result, locator: &locator)
        }
        return result
    }
}

/// One left-to-right pass; `b` is valid only during `Cutout.make`.
/// Per line of the note (index k is line k + 1), from the first cmark parse.
struct BlockLines {
    /// Code blocks and HTML blocks: never scanned.
    var excluded: [Bool]
    /// The paragraph or heading the line belongs to (0: none).
    var inlineBlock: [Int32]
}

struct MarkupScanner {
    let b: UnsafeBufferPointer<UInt8>
    let lines: LineIndex
    let blocks: BlockLines
    /// cmark's backtick cache, reproduced so code spans end exactly where cmark 0.30 ends
    /// them (including its quirk of forgetting later closers): per paragraph, the start of
    /// the last run seen of each length, and whether a scan has reached the paragraph's end.
    var backtickBlock: Int32 = -1
    var backticks = [Int](repeating: -1, count: 81)
    var scannedForBackticks = false
    /// For `<!--`, `<?`, `<![CDATA[`: no terminator exists before this offset.
    var noTerminatorBefore: [UInt8: Int] = [:]

    init(b: UnsafeBufferPointer<UInt8>, lines: LineIndex, blocks: BlockLines) {
        self.b = b; self.lines = lines; self.blocks = blocks
    }

    var n: Int { b.count }

    func isExcluded(lineStartingAt p: Int) -> Bool {
        let line = lines.line(ofOffset: p)
        return line - 1 < blocks.excluded.count && blocks.excluded[line - 1]
    }

    /// Whether a cmark inline construct (code span, raw HTML) may continue past the newline
    /// at `k`: only within one paragraph or heading, as cmark parses inlines per block.
    func staysInBlock(afterNewlineAt k: Int) -> Bool {
        guard k + 1 < n else { return false }
        let line = lines.line(ofOffset: k)
        guard line < blocks.inlineBlock.count else { return false }
        let here = blocks.inlineBlock[line - 1]
        return here != 0 && blocks.inlineBlock[line] == here
    }

    /// Whether a span may continue past the newline at `k`: the next line exists, is not
    /// blank and is not part of a code or HTML block.
    func mayContinue(afterNewlineAt k: Int) -> Bool {
        var p = k + 1
        guard p < n, !isExcluded(lineStartingAt: p) else { return false }
        while p < n, b[p] == 0x20 || b[p] == 0x09 { p += 1 }
        return p < n && b[p] != 0x0A
    }

    /// Number of `>` markers at the start of the line holding offset `p`.
    func quoteDepth(at p: Int) -> Int {
        var q = lines.starts[lines.line(ofOffset: p) - 1]
        var depth = 0
        while q < p, b[q] == 0x20 || b[q] == 0x09 || b[q] == 0x3E {
            if b[q] == 0x3E { depth += 1 }
            q += 1
        }
        return depth
    }

    /// Offset just past `depth` block-quote markers at the line starting at `p`.
    func skipQuotePrefix(from p: Int, depth: Int) -> Int {
        var q = p
        for _ in 0..<depth {
            var r = q, spaces = 0
            while r < n, b[r] == 0x20, spaces < 3 { r += 1; spaces += 1 }
            guard r < n, b[r] == 0x3E else { break }
            r += 1
            if r < n, b[r] == 0x20 || b[r] == 0x09 { r += 1 }
            q = r
        }
        return q
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    mutating func run(into result: inout Cutout, locator: inout Locator) {
        var out = [UInt8]()
        out.reserveCapacity(n + n / 16)
        var copyStart = 0
        var i = 0
        var atLineStart = true
        // Unmatched `[` in the current paragraph: only `](` after one can be a link.
        var openBrackets = 0
        var bracketBlock: Int32 = -1

        func emit(_ hole: Hole, from start: Int, to end: Int) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copyStart..<start]))
            result.map.addRegion(substituted: out.count, original: start, placeholder: true)
            Placeholder.append(hole, to: &out)
            result.map.addRegion(substituted: out.count, original: end, placeholder: false)
            copyStart = end
        }

        while i < n {
            if atLineStart {
                atLineStart = false
                if isExcluded(lineStartingAt: i) {
                    while i < n, b[i] != 0x0A { i += 1 }
                    i += 1
                    atLineStart = true
                    continue
                }
            }
            switch b[i] {
            case 0x0A:
                atLineStart = true
                i += 1
            case 0x5C: // backslash
                i += (i + 1 < n && MarkupScanner.isASCIIPunctuation(b[i + 1])) ? 2 : 1
            case 0x60: // backtick
                let (end, expression) = codeSpan(at: i, locator: &locator)
                if let expression {
                    let index = result.inlineExpressions.count
                    result.inlineExpressions.append(expression)
                    emit(.inlineValue(index), from: i, to: end)
                }
                i = end
            case 0x3C: // <
                i = angle(at: i) ?? i + 1
            case 0x25 where i + 1 < n && b[i + 1] == 0x25: // %% Obsidian comment %%
                if let end = commentEnd(from: i + 2) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copyStart..<i]))
                    result.map.addRegion(substituted: out.count, original: end, placeholder: false)
                    copyStart = end
                    i = end
                } else {
                    result.diagnostics.append(.warning(
                        .unclosedComment, "`%%` comment is never closed; it is shown as text",
                        at: locator.location(ofOffset: i), length: 2,
                        hint: "end the comment with `%%`, or write `\\%%` for a literal percent pair"))
                    i += 2
                }
            case 0x24: // $
                if i + 1 < n, b[i + 1] == 0x24 {
                    switch displayMath(at: i) {
                    case .found(let end, let pieces):
                        let index = result.math.count
                        result.math.append(makeSpan(pieces, display: true, locator: &locator))
                        emit(.math(index), from: i, to: end)
                        i = end
                    case .empty:
                        i += 2
                    case .unclosed:
                        result.diagnostics.append(.warning(
                            .unclosedMath, "`$$` is never closed; it is shown as literal text",
                            at: locator.location(ofOffset: i), length: 2,
                            hint: "close display math with `$$` (a block ends at a heading, code or the next `$$` block), or write `\\$$`"))
                        i += 2
                    }
                } else if let (end, pieces) = inlineMath(at: i) {
                    let index = result.math.count
                    result.math.append(makeSpan(pieces, display: false, locator: &locator))
                    emit(.math(index), from: i, to: end)
                    i = end
                } else {
                    i += 1
                }
            case 0x5D: // ] — a link destination is copied unchanged (cmark percent-encodes it)
                let block = blockID(at: i)
                if block == bracketBlock, openBrackets > 0 {
                    openBrackets -= 1
                    if i + 1 < n, b[i + 1] == 0x28, let end = linkDestinationEnd(from: i + 2) { i = end; continue }
                }
                i += 1
            case 0x5B where i + 1 < n && b[i + 1] == 0x5E: // [^ footnote
                guard let (label, end) = footnoteLabel(at: i) else { i += 1; continue }
                let mark = FootnoteMark(label: label, location: locator.location(ofOffset: i))
                if end < n, b[end] == 0x3A, opensDefinitionLine(i) {
                    // `[^x]: text` becomes a list item (`-   ` then a marker), so that its
                    // indented continuation blocks belong to it as they belong to the note.
                    var after = end + 1
                    if after < n, b[after] == 0x20 || b[after] == 0x09 { after += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copyStart..<i]))
                    result.map.addRegion(substituted: out.count, original: i, placeholder: true)
                    out.append(contentsOf: [0x2D, 0x20, 0x20, 0x20])
                    FootnoteMark.append(kind: FootnoteMark.definitionKind, index: result.footnoteDefinitions.count, to: &out)
                    result.map.addRegion(substituted: out.count, original: after, placeholder: false)
                    copyStart = after
                    result.footnoteDefinitions.append(mark)
                    i = after
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copyStart..<i]))
                    result.map.addRegion(substituted: out.count, original: i, placeholder: true)
                    out.append(Placeholder.wrapper)
                    FootnoteMark.append(kind: FootnoteMark.referenceKind, index: result.footnoteReferences.count, to: &out)
                    out.append(Placeholder.wrapper)
                    result.map.addRegion(substituted: out.count, original: end, placeholder: false)
                    copyStart = end
                    result.footnoteReferences.append(mark)
                    i = end
                }
            case 0x5B, 0x21: // [ or !
                let embed = b[i] == 0x21
                let open = embed ? i + 1 : i
                if open + 1 < n, b[open] == 0x5B, b[open + 1] == 0x5B,
                   let link = wikiLink(at: i, contentStart: open + 2, embed: embed, locator: &locator) {
                    let index = result.links.count
                    result.links.append(link.link)
                    emit(.link(index), from: i, to: link.end)
                    i = link.end
                } else {
                    if !embed {
                        let block = blockID(at: i)
                        if block != bracketBlock { bracketBlock = block; openBrackets = 0 }
                        openBrackets += 1
                    }
                    i += 1
                }
            default:
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copyStart..<n]))
        result.text = out
    }

    /// The paragraph or heading holding offset `p` (0: none).
    func blockID(at p: Int) -> Int32 {
        let line = lines.line(ofOffset: p)
        return line - 1 < blocks.inlineBlock.count ? blocks.inlineBlock[line - 1] : 0
    }

    /// The end of an inline link's destination starting at `p` (after `](`): a `<…>` form, or
    /// non-space characters with balanced parentheses; nil unless a `)` or a title follows,
    /// as cmark would otherwise not make a link. The title, if any, is scanned as usual.
    func linkDestinationEnd(from p: Int) -> Int? {
        guard let end = destinationEnd(from: p) else { return nil }
        var k = end
        while k < n, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A { k += 1 }
        guard k < n, b[k] == 0x29 || b[k] == 0x22 || b[k] == 0x27 || b[k] == 0x28 else { return nil }
        return end
    }

    func destinationEnd(from p: Int) -> Int? {
        var k = p
        while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
        if k < n, b[k] == 0x3C {
            var m = k + 1
            while m < n, b[m] != 0x3E, b[m] != 0x0A, b[m] != 0x3C {
                m += (b[m] == 0x5C && m + 1 < n) ? 2 : 1
            }
            return m < n && b[m] == 0x3E ? m + 1 : nil
        }
        var depth = 0
        while k < n {
            let c = b[k]
            if c == 0x5C, k + 1 < n, MarkupScanner.isASCIIPunctuation(b[k + 1]) { k += 2; continue }
            if c <= 0x20 { break }
            if c == 0x28 { depth += 1 } else if c == 0x29 {
                if depth == 0 { break }
                depth -= 1
            }
            k += 1
        }
        return k
    }

    // MARK: math

    enum DisplayResult { case found(Int, [Range<Int>]), empty, unclosed }

    func displayMath(at i: Int) -> DisplayResult {
        let depth = quoteDepth(at: i)
        let blockForm = opensLine(i)
        var pieces: [Range<Int>] = []
        var pieceStart = i + 2
        var k = pieceStart
        var sawContent = false
        while k < n {
            let c = b[k]
            if c == 0x5C {
                sawContent = true
                k += (k + 1 < n && b[k + 1] != 0x0A) ? 2 : 1
                continue
            }
            if c == 0x24, k + 1 < n, b[k + 1] == 0x24 {
                guard sawContent else { return .empty }
                pieces.append(pieceStart..<k)
                return .found(k + 2, pieces)
            }
            if c == 0x0A {
                if mayContinue(afterNewlineAt: k) {
                    pieces.append(pieceStart..<(k + 1))
                    pieceStart = skipQuotePrefix(from: k + 1, depth: depth)
                } else {
                    // Obsidian keeps a `$$` block open across blank lines; the block ends,
                    // unclosed, where another block plainly starts, so it never swallows the note.
                    guard blockForm, let next = lineAfterBlankLines(k, depth: depth) else { return .unclosed }
                    pieces.append(pieceStart..<(k + 1))
                    pieceStart = skipQuotePrefix(from: next, depth: depth)
                }
                k = pieceStart
                continue
            }
            if !MarkupScanner.isSpace(c) { sawContent = true }
            k += 1
        }
        return .unclosed
    }

    /// Whether the `$$` at `i` opens its line (after block-quote markers and spaces).
    func opensLine(_ i: Int) -> Bool {
        var q = lines.starts[lines.line(ofOffset: i) - 1]
        while q < i, b[q] == 0x20 || b[q] == 0x09 || b[q] == 0x3E { q += 1 }
        return q == i
    }

    /// After the newline at `k` and one or more blank lines: the start of the next line that
    /// may continue a `$$` block (not code, not a heading, not a new `$$` block), or nil.
    func lineAfterBlankLines(_ k: Int, depth: Int) -> Int? {
        var p = k + 1
        var blank = 0
        while p < n, blank <= 64 {
            let content = skipQuotePrefix(from: p, depth: depth)
            var q = content
            while q < n, b[q] == 0x20 || b[q] == 0x09 || b[q] == 0x3E { q += 1 }
            if q < n, b[q] != 0x0A {
                guard blank > 0, !isExcluded(lineStartingAt: p), b[q] != 0x23,
                      !(b[q] == 0x24 && q + 1 < n && b[q + 1] == 0x24) else { return nil }
                return p
            }
            blank += 1
            p = q + 1
        }
        return nil
    }

    /// `[^label]` at `i`: the label (no white space, no brackets, at most 100 bytes) and the
    /// offset after `]`.
    func footnoteLabel(at i: Int) -> (String, Int)? {
        var k = i + 2
        while k < n, k - i < 104, b[k] != 0x5D {
            if b[k] <= 0x20 || b[k] == 0x5B || b[k] == 0xEE { return nil }
            k += 1
        }
        guard k < n, b[k] == 0x5D, k > i + 2 else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[(i + 2)..<k]), as: UTF8.self), k + 1)
    }

    /// Whether `[` at `i` starts its line (up to three spaces before it, outside block quotes).
    func opensDefinitionLine(_ i: Int) -> Bool {
        let start = lines.starts[lines.line(ofOffset: i) - 1]
        guard i - start <= 3 else { return false }
        for k in start..<i where b[k] != 0x20 { return false }
        return true
    }

    /// The offset past the `%%` closing a comment whose text starts at `from`, or nil.
    func commentEnd(from: Int) -> Int? {
        var k = from
        while k + 1 < n {
            if b[k] == 0x25, b[k + 1] == 0x25 { return k + 2 }
            k += 1
        }
        return nil
    }

    /// Pandoc's rules: no white space after the opening `$`; the first unescaped `$` closes,
    /// must not follow white space nor precede a digit; at most one line break inside.
    func inlineMath(at i: Int) -> (Int, [Range<Int>])? {
        let start = i + 1
        guard start < n, !MarkupScanner.isSpace(b[start]) else { return nil }
        let depth = quoteDepth(at: i)
        var pieces: [Range<Int>] = []
        var pieceStart = start
        var k = start
        var breaks = 0
        while k < n {
            let c = b[k]
            if c == 0x5C {
                k += (k + 1 < n && b[k + 1] != 0x0A) ? 2 : 1
                continue
            }
            if c == 0x24 {
                guard k > start, !MarkupScanner.isSpace(b[k - 1]) else { return nil }
                if k + 1 < n, MarkupScanner.isDigit(b[k + 1]) { return nil }
                pieces.append(pieceStart..<k)
                return (k + 1, pieces)
            }
            if c == 0x0A {
                breaks += 1
                guard breaks <= 1, mayContinue(afterNewlineAt: k) else { return nil }
                pieces.append(pieceStart..<(k + 1))
                pieceStart = skipQuotePrefix(from: k + 1, depth: depth)
                k = pieceStart
                continue
            }
            k += 1
        }
        return nil
    }

    func makeSpan(_ pieces: [Range<Int>], display: Bool, locator: inout Locator) -> MathSpan {
        var tex = [UInt8]()
        var mathPieces: [MathPiece] = []
        for piece in pieces {
            let loc = locator.location(ofOffset: piece.lowerBound)
            mathPieces.append(MathPiece(texOffset: tex.count, line: loc.line, column: loc.column))
            tex.append(contentsOf: UnsafeBufferPointer(rebasing: b[piece]))
        }
        let first = mathPieces.first ?? MathPiece(texOffset: 0, line: 1, column: 1)
        var span = MathSpan(tex: String(decoding: tex, as: UTF8.self), display: display,
                            location: SourceLocation(file: locator.file, line: first.line, column: first.column),
                            pieces: mathPieces)
        if let open = pieces.first?.lowerBound, let close = pieces.last?.upperBound {
            let delimiter = display ? 2 : 1
            span.proseBefore = MathProse.before(b, max(0, open - delimiter), lines: display ? 2 : 1)
            span.proseAfter = MathProse.after(b, min(n, close + delimiter), lines: display ? 2 : 1)
        }
        return span
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        // Fast path: most strings have no surrounding white space at all.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
