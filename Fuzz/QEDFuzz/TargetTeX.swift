// libFuzzer target for TeXMath: the TeX converter with user macros, inline and display.
// A trap is the failure signal; the invariants below trap too when they do not hold.
import TeXMath

/// Feeds `bytes` (as UTF-8, invalid sequences replaced) to the converter twice: inline
/// with a fresh macro table, then display with the table the first call left, as a
/// note's formulas share one. Checks that the MathML is well-formed (balanced tags,
/// nothing unescaped) and every diagnostic lies inside the formula.
func fuzzTeX(_ bytes: [UInt8]) {
    let tex = String(decoding: bytes, as: UTF8.self)
    let converter = TeXMathConverter()
    var macros = MathMacros()
    for display in [false, true] {
        let conversion = converter.convert(tex, display: display, macros: &macros)
        let count = tex.utf8.count
        for diagnostic in conversion.diagnostics {
            precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= count,
                         "diagnostic outside the formula: \(diagnostic)")
        }
        precondition(tagsBalance(conversion.mathML), "malformed MathML: \(conversion.mathML)")
    }
}

/// A small well-formedness check for the writer's output: tags nest and close in order,
/// and `>` appears only as markup (text has `&gt;`). Works on UTF-8 bytes: as
/// `Character`s, a `>` followed by a combining mark (`\vec`'s U+20D7) is one grapheme.
private func tagsBalance(_ xml: String) -> Bool {
    let bytes = Array(xml.utf8)
    var stack: [ArraySlice<UInt8>] = []
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ">") { return false }
        guard byte == UInt8(ascii: "<") else {
            index += 1
            continue
        }
        var close = index + 1
        while close < bytes.count, bytes[close] != UInt8(ascii: ">") {
            if bytes[close] == UInt8(ascii: "<") { return false }
            close += 1
        }
        guard close < bytes.count else { return false }
        let tag = bytes[(index + 1)..<close]
        index = close + 1
        if tag.last == UInt8(ascii: "/") { continue }
        if tag.first == UInt8(ascii: "/") {
            guard let open = stack.popLast(), open.elementsEqual(tag.dropFirst()) else { return false }
            continue
        }
        stack.append(tag.prefix { $0 != UInt8(ascii: " ") })
    }
    return stack.isEmpty
}
