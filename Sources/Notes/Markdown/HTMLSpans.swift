/// Autolinks, raw HTML tags and comments: the scanner copies them unchanged (MATH.md §1),
/// so a `$` inside an attribute or a URL is never taken for math.
extension MarkupScanner {
    /// The offset just past the construct starting with `<` at `i`, or nil when there is none.
    mutating func angle(at i: Int) -> Int? {
        guard i + 1 < n else { return nil }
        if let end = autolink(at: i) { return end }
        let c = b[i + 1]
        if c == 0x21 { // !
            if matches("<!--", at: i) { return terminated(by: "-->", from: i + 4, key: 0x2D) }
            if matches("<![CDATA[", at: i) { return terminated(by: "]]>", from: i + 9, key: 0x5B) }
            if i + 2 < n, isLetter(b[i + 2]) { return terminated(by: ">", from: i + 2, key: 0x21) }
            return nil
        }
        if c == 0x3F { return terminated(by: "?>", from: i + 2, key: 0x3F) } // <?
        if c == 0x2F { // </tag >
            var k = i + 2
            guard k < n, isLetter(b[k]) else { return nil }
            while k < n, isTagNameChar(b[k]) { k += 1 }
            k = skipWhitespace(from: k) ?? k
            return k < n && b[k] == 0x3E ? k + 1 : nil
        }
        guard isLetter(c) else { return nil }
        var k = i + 2
        while k < n, isTagNameChar(b[k]) { k += 1 }
        while true {
            let afterSpace = skipWhitespace(from: k) ?? k
            guard afterSpace < n else { return nil }
            if b[afterSpace] == 0x3E { return afterSpace + 1 }
            if b[afterSpace] == 0x2F { return afterSpace + 1 < n && b[afterSpace + 1] == 0x3E ? afterSpace + 2 : nil }
            // An attribute needs white space before it.
            guard afterSpace > k, isAttributeStart(b[afterSpace]) else { return nil }
            k = afterSpace + 1
            while k < n, isAttributeChar(b[k]) { k += 1 }
            let beforeEquals = skipWhitespace(from: k) ?? k
            guard beforeEquals < n, b[beforeEquals] == 0x3D else { continue }
            guard let valueStart = skipWhitespace(from: beforeEquals + 1), valueStart < n else { return nil }
            let q = b[valueStart]
            if q == 0x22 || q == 0x27 {
                var m = valueStart + 1
                while m < n, b[m] != q {
                    if b[m] == 0x0A, !staysInBlock(afterNewlineAt: m) { return nil }
                    m += 1
                }
                guard m < n else { return nil }
                k = m + 1
            } else {
                var m = valueStart
                while m < n, !MarkupScanner.isSpace(b[m]), ![0x22, 0x27, 0x3D, 0x3C, 0x3E, 0x60].contains(b[m]) { m += 1 }
                guard m > valueStart else { return nil }
                k = m
            }
        }
    }

    /// `<scheme:…>` or `<user@host>`, on one line, without spaces or `<`.
    func autolink(at i: Int) -> Int? {
        var k = i + 1
        var sawColon = false, sawAt = false
        while k < n {
            let c = b[k]
            if c == 0x3E { break }
            if c <= 0x20 || c == 0x3C { return nil }
            if c == 0x3A { sawColon = true }
            if c == 0x40 { sawAt = true }
            k += 1
        }
        guard k < n, k > i + 1 else { return nil }
        if sawColon {
            // Scheme: a letter, then 1…31 of [A-Za-z0-9+.-], then ':'.
            var s = i + 1
            guard isLetter(b[s]) else { return nil }
            while s < k, b[s] != 0x3A {
                let c = b[s]
                guard isLetter(c) || MarkupScanner.isDigit(c) || c == 0x2B || c == 0x2E || c == 0x2D else { return nil }
                s += 1
            }
            let schemeLength = s - (i + 1)
            return schemeLength >= 2 && schemeLength <= 32 ? k + 1 : nil
        }
        return sawAt ? k + 1 : nil
    }

    /// Offset past `terminator`, searching from `from` within the paragraph; failures are
    /// remembered per construct kind so repeated unterminated openers stay linear.
    mutating func terminated(by terminator: StaticString, from: Int, key: UInt8) -> Int? {
        if let limit = noTerminatorBefore[key], from < limit { return nil }
        let t = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
        var k = from
        while k < n {
            if b[k] == t[0], k + t.count <= n {
                var ok = true
                for j in 1..<t.count where b[k + j] != t[j] { ok = false; break }
                if ok { return k + t.count }
            }
            if b[k] == 0x0A, !staysInBlock(afterNewlineAt: k) { break }
            k += 1
        }
        noTerminatorBefore[key] = k
        return nil
    }

    func matches(_ s: StaticString, at i: Int) -> Bool {
        let t = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        guard i + t.count <= n else { return false }
        for j in 0..<t.count where b[i + j] != t[j] { return false }
        return true
    }

    /// Spaces, tabs and at most one line break (a tag may not cross a blank line).
    func skipWhitespace(from k: Int) -> Int? {
        var m = k
        while m < n, MarkupScanner.isSpace(b[m]) {
            if b[m] == 0x0A, !staysInBlock(afterNewlineAt: m) { return nil }
            m += 1
        }
        return m
    }

    func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    func isTagNameChar(_ c: UInt8) -> Bool { isLetter(c) || MarkupScanner.isDigit(c) || c == 0x2D }
    func isAttributeStart(_ c: UInt8) -> Bool { isLetter(c) || c == 0x5F || c == 0x3A }
    func isAttributeChar(_ c: UInt8) -> Bool {
        isAttributeStart(c) || MarkupScanner.isDigit(c) || c == 0x2E || c == 0x2D
    }
}
