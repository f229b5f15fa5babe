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
/// and `<`/`&` appear only as markup or entities.
private func tagsBalance(_ xml: String) -> Bool {
    var stack: [Substring] = []
    var rest = Substring(xml)
    while let open = rest.firstIndex(of: "<") {
        let text = rest[..<open]
        if text.contains(">") { return false }
        guard let close = rest[open...].firstIndex(of: ">") else { return false }
        var tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasSuffix("/") { continue }
        if tag.hasPrefix("/") {
            tag = tag.dropFirst()
            guard let last = stack.popLast(), last == tag else { return false }
            continue
        }
        stack.append(tag.prefix { $0 != " " })
    }
    return stack.isEmpty
}
