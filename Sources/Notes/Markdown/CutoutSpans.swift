import Diagnostics

/// Wiki-links and code spans, the scanner's other two kinds of span.
extension MarkupScanner {
    // MARK: wiki-links

    func wikiLink(at i: Int, contentStart: Int, embed: Bool,
                  locator: inout Locator) -> (link: WikiLink, end: Int)? {
        var k = contentStart
        while k < n {
            let c = b[k]
            if c == 0x0A || c == 0x5B { return nil }
            if c == 0x5D {
                guard k + 1 < n, b[k + 1] == 0x5D else { return nil }
                break
            }
            k += 1
        }
        guard k < n else { return nil }
        let content = String(decoding: UnsafeBufferPointer(rebasing: b[contentStart..<k]), as: UTF8.self)
        var targetPart = content
        var label: String?
        if let bar = content.firstIndex(ofASCII: UInt8(ascii: "|")) {
            targetPart = String(content[..<bar])
            // Obsidian writes `\|` inside tables: the backslash belongs to the separator.
            if targetPart.hasSuffix("\\") { targetPart.removeLast() }
            label = String(content[content.index(after: bar)...]).trimmingSpaces
        }
        var target = targetPart
        var heading: String?
        if let hash = targetPart.firstIndex(ofASCII: UInt8(ascii: "#")) {
            target = String(targetPart[..<hash])
            heading = String(targetPart[targetPart.index(after: hash)...]).trimmingSpaces
        }
        target = target.trimmingSpaces
        if heading?.isEmpty == true { heading = nil }
        if label?.isEmpty == true { label = nil }
        guard !target.isEmpty || heading != nil else { return nil }
        let end = k + 2
        let source = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self)
        let link = WikiLink(target: target, heading: heading, label: label, isEmbed: embed,
                            location: locator.location(ofOffset: i), source: source)
        return (link, end)
    }

    // MARK: code spans

    /// The offset past the code span or backtick run at `i`, and the inline expression it holds.
    mutating func codeSpan(at i: Int, locator: inout Locator) -> (Int, InlineExpression?) {
        var runEnd = i
        while runEnd < n, b[runEnd] == 0x60 { runEnd += 1 }
        let length = runEnd - i
        let line = lines.line(ofOffset: i)
        let block = line - 1 < blocks.inlineBlock.count ? blocks.inlineBlock[line - 1] : 0
        if block != backtickBlock {
            backtickBlock = block
            scannedForBackticks = false
            for k in backticks.indices { backticks[k] = -1 }
        }
        guard length <= 80 else { return (runEnd, nil) }
        if scannedForBackticks, backticks[length] <= runEnd { return (runEnd, nil) }
        var k = runEnd
        while k < n {
            let c = b[k]
            if c == 0x60 {
                var m = k
                while m < n, b[m] == 0x60 { m += 1 }
                if m - k <= 80 { backticks[m - k] = k }
                if m - k == length { return (m, inlineExpression(runEnd, k, locator: &locator)) }
                k = m
                continue
            }
            if c == 0x0A, !staysInBlock(afterNewlineAt: k) { break }
            k += 1
        }
        scannedForBackticks = true
        return (runEnd, nil)
    }

    /// The `` `= EXPR` `` held by the code span with content `contentStart..<contentEnd`, if any.
    func inlineExpression(_ contentStart: Int, _ contentEnd: Int, locator: inout Locator) -> InlineExpression? {
        // As cmark sees it: continuation lines lose their container prefix and leading
        // white space, and each line ending becomes a space.
        var content = [UInt8]()
        let depth = quoteDepth(at: contentStart)
        var j = contentStart
        while j < contentEnd {
            if b[j] == 0x0A {
                content.append(0x20)
                j = skipQuotePrefix(from: j + 1, depth: depth)
                while j < contentEnd, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                continue
            }
            content.append(b[j])
            j += 1
        }
        if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            content = Array(content.dropFirst().dropLast())
        }
        guard content.count >= 2, content[0] == 0x3D, content[1] == 0x20 || content[1] == 0x09 else { return nil }
        let expression = String(decoding: content.dropFirst(), as: UTF8.self).trimmingSpaces
        guard !expression.isEmpty else { return nil }
        var q = contentStart
        while q < contentEnd, b[q] != 0x3D { q += 1 }
        q += 1
        while q < contentEnd, MarkupScanner.isSpace(b[q]) { q += 1 }
        return InlineExpression(expression: expression, location: locator.location(ofOffset: q),
                                codeText: String(decoding: content, as: UTF8.self))
    }
}

extension String {
    /// `firstIndex(of: Character(byte))` for an ASCII punctuation byte, without breaking the
    /// whole string into characters (a wiki-link's CJK title made that search most of the
    /// link's cost). The first such byte is the answer when it is a character by itself: the
    /// scalar before it is no Prepend and the one after it no Extend, ZWJ or SpacingMark
    /// (UAX #29); ASCII and CJK ideographs (U+4E00…U+9FFF) are none of these. Any other
    /// neighbour is left to the character search.
    func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        var copy = self
        let found: (offset: Int, alone: Bool)? = copy.withUTF8 { b in
            guard let p = b.firstIndex(of: byte) else { return nil }
            return (p, Self.endsPlainScalar(b, before: p) && Self.startsPlainScalar(b, at: p + 1))
        }
        guard let found else { return nil }
        if found.alone { return utf8.index(utf8.startIndex, offsetBy: found.offset) }
        return firstIndex(of: Character(Unicode.Scalar(byte)))
    }

    private static func startsPlainScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < b.count else { return true }
        return b[i] < 0x80 || isIdeographLead(b, i)
    }

    private static func endsPlainScalar(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        guard i > 0 else { return true }
        return b[i - 1] < 0x80 || (i >= 3 && isIdeographLead(b, i - 3))
    }

    /// Whether a three-byte scalar in U+4E00…U+9FFF starts at `i` (E4 B8… to E9 BF…).
    private static func isIdeographLead(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < b.count else { return false }
        switch b[i] {
        case 0xE4: return b[i + 1] >= 0xB8
        case 0xE5...0xE9: return true
        default: return false
        }
    }
}
