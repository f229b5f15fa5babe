/// What a control sequence means. Looked up once per command in `Command.table`,
/// then dispatched with a `switch` (no string comparisons in the hot path).
enum Command: Sendable {
    /// An ordinary symbol rendered as `<mi>` (`\alpha`, `\infty`); `upright` for
    /// capital Greek, which would otherwise be italicised.
    case identifier(String, upright: Bool)
    /// An operator, relation, punctuation or dots, rendered as `<mo>`.
    case symbol(String, AtomClass)
    /// A relation with TeX's extra thick space (`\iff`, `\implies`).
    case wideRelation(String)
    /// A horizontal arrow: a relation that must not stretch in a row.
    case arrow(String)
    /// A delimiter usable on its own (non-stretchy) or after `\left`/`\big`.
    case delimiter(String, AtomClass)
    case largeOperator(String, integral: Bool)
    /// `\log`, `\max`: upright name; `limits` for those that take limits like `\sum`.
    case function(String, limits: Bool)
    /// `\arg` may fuse with a following `\max`/`\min` into one operator.
    case argFunction
    case space(String)
    case noBreakSpace
    case fraction(FractionStyle)
    case binomial(FractionStyle)
    case infixFraction(InfixKind)
    case squareRoot
    case font(MathFont)
    case fontSwitch(MathFont)
    case text(TextStyle)
    case accent(String, stretchy: Bool)
    case underAccent(String, stretchy: Bool)
    case overline, underline
    case overbrace, underbrace
    case overset, underset
    case extensibleArrow(String, over: Bool)
    case left, right, middle
    case bigDelimiter(size: String, form: String?)
    case begin, end
    case style(display: Bool, scriptLevel: Int)
    case scriptStyle(Int)
    case color, textColor
    case boxed
    case enclose(String)
    case phantom, horizontalPhantom, verticalPhantom
    case operatorName
    case limits(Bool)
    case negation
    case atomClass(AtomClass)
    case horizontalSpace
    case kern(mu: Bool)
    case newline
    case tag
    case ignoredWithArgument
    case ignored
    case substack
    case escaped(String)
    case modulo(ModuloKind)
    case smash
    case hline
    /// `\eqref{x}` → "(x)", `\ref{x}` → "x": shown as text (there is nothing to link to).
    case reference(parenthesised: Bool)
    /// Dirac notation: `\bra{ψ}` ⟨ψ|, `\ket{ψ}` |ψ⟩, `\braket{φ|ψ}` ⟨φ|ψ⟩.
    case dirac(open: String, close: String)
    /// `\Bra`, `\Ket`, `\Braket`: Dirac notation with fences (and bars) that grow.
    case largeDirac(open: String, close: String)
    /// braket's `\set{x | x > 0}` (a `\mid` bar) and `\Set` (fences and bar that grow).
    case braketSet(large: Bool)
    /// `\tiny` … `\Huge`: the rest of the group at this size, relative to `\normalsize`.
    case sizeSwitch(Double)
    /// `\cancelto{value}{expression}`: the expression struck out, the value above right.
    case cancelTo
    /// `\colorbox{background}{text}`, `\fcolorbox{frame}{background}{text}`.
    case colorBox(framed: Bool)
}

enum FractionStyle: Sendable { case normal, display, text }
enum InfixKind: Sendable { case over, choose, atop, brack, brace }
enum TextStyle: Sendable { case normal, bold, italic, sansSerif, monospace }
enum ModuloKind: Sendable { case pmod, bmod, pod, mod }

extension Command {
    /// Every known command, built once (thread-safe lazy global).
    static let table: [String: Command] = {
        var table: [String: Command] = [:]
        table.reserveCapacity(2400)
        for (name, value) in Symbols.greekLower { table[name] = .identifier(value, upright: false) }
        for (name, value) in Symbols.greekUpper { table[name] = .identifier(value, upright: true) }
        for (name, value) in Symbols.greekVariantUpper { table[name] = .identifier(value, upright: false) }
        for (name, value) in Symbols.ordinary { table[name] = .identifier(value, upright: false) }
        for (name, value) in Symbols.uprightOrdinary { table[name] = .identifier(value, upright: true) }
        for (name, value) in Symbols.binary { table[name] = .symbol(value, .bin) }
        for (name, value) in Symbols.relations { table[name] = .symbol(value, .rel) }
        for (name, value) in Symbols.arrows { table[name] = .arrow(value) }
        for (name, value) in Symbols.punctuation { table[name] = .symbol(value, .punct) }
        for (name, value) in Symbols.dots { table[name] = .symbol(value, .inner) }
        for (name, value) in Symbols.openers { table[name] = .delimiter(value, .open) }
        for (name, value) in Symbols.closers { table[name] = .delimiter(value, .close) }
        for (name, value) in Symbols.bars { table[name] = .delimiter(value, .ord) }
        for (name, value) in Symbols.verticalArrows { table[name] = .delimiter(value, .rel) }
        for (name, value) in Symbols.largeOperators { table[name] = .largeOperator(value, integral: false) }
        for (name, value) in Symbols.integrals { table[name] = .largeOperator(value, integral: true) }
        for name in Symbols.functions { table[name] = .function(name, limits: false) }
        for name in Symbols.limitFunctions { table[name] = .function(name, limits: true) }
        for (name, value) in Symbols.spelledFunctions { table[name] = .function(value, limits: true) }
        for (name, value) in Symbols.spaces { table[name] = .space(value) }
        for (name, value) in Symbols.accents { table[name] = .accent(value, stretchy: false) }
        for (name, value) in Symbols.wideAccents { table[name] = .accent(value, stretchy: true) }
        for (name, value) in Symbols.escapes { table[name] = .escaped(value) }
        for (name, value) in Symbols.negatedRelations { table[name] = .symbol(value, .rel) }
        for (name, font) in MathFont.commands { table[name] = .font(font) }
        for (name, font) in MathFont.switches { table[name] = .fontSwitch(font) }
        table["arg"] = .argFunction
        table["iff"] = .wideRelation("\u{27FA}")
        table["implies"] = .wideRelation("\u{27F9}")
        table["impliedby"] = .wideRelation("\u{27F8}")
        table["mid"] = .symbol("\u{2223}", .rel)
        table[" "] = .noBreakSpace
        table["nobreakspace"] = .noBreakSpace
        table["space"] = .noBreakSpace
        for name in ["frac", "cfrac"] { table[name] = .fraction(.normal) }
        table["dfrac"] = .fraction(.display)
        table["tfrac"] = .fraction(.text)
        table["binom"] = .binomial(.normal)
        table["dbinom"] = .binomial(.display)
        table["tbinom"] = .binomial(.text)
        table["over"] = .infixFraction(.over)
        table["choose"] = .infixFraction(.choose)
        table["atop"] = .infixFraction(.atop)
        table["brack"] = .infixFraction(.brack)
        table["brace"] = .infixFraction(.brace)
        table["sqrt"] = .squareRoot
        for name in ["text", "textrm", "textnormal", "textup", "mbox", "hbox", "textmd"] { table[name] = .text(.normal) }
        table["textbf"] = .text(.bold)
        table["textit"] = .text(.italic)
        table["emph"] = .text(.italic)
        table["textsf"] = .text(.sansSerif)
        table["texttt"] = .text(.monospace)
        table["underbar"] = .underline
        table["overline"] = .overline
        table["underline"] = .underline
        table["overbrace"] = .overbrace
        table["underbrace"] = .underbrace
        table["overset"] = .overset
        table["stackrel"] = .overset
        table["underset"] = .underset
        table["overrightarrow"] = .accent("\u{2192}", stretchy: true)
        table["overleftarrow"] = .accent("\u{2190}", stretchy: true)
        table["overleftrightarrow"] = .accent("\u{2194}", stretchy: true)
        table["underrightarrow"] = .underAccent("\u{2192}", stretchy: true)
        table["underleftarrow"] = .underAccent("\u{2190}", stretchy: true)
        table["xrightarrow"] = .extensibleArrow("\u{2192}", over: true)
        table["xleftarrow"] = .extensibleArrow("\u{2190}", over: true)
        table["xRightarrow"] = .extensibleArrow("\u{21D2}", over: true)
        table["xLeftarrow"] = .extensibleArrow("\u{21D0}", over: true)
        table["xleftrightarrow"] = .extensibleArrow("\u{2194}", over: true)
        table["xmapsto"] = .extensibleArrow("\u{21A6}", over: true)
        // More of MathJax's extensible arrows (mathtools, extpfeil).
        table["xhookrightarrow"] = .extensibleArrow("\u{21AA}", over: true)
        table["xhookleftarrow"] = .extensibleArrow("\u{21A9}", over: true)
        table["xrightharpoonup"] = .extensibleArrow("\u{21C0}", over: true)
        table["xrightharpoondown"] = .extensibleArrow("\u{21C1}", over: true)
        table["xleftharpoonup"] = .extensibleArrow("\u{21BC}", over: true)
        table["xleftharpoondown"] = .extensibleArrow("\u{21BD}", over: true)
        table["xrightleftharpoons"] = .extensibleArrow("\u{21CC}", over: true)
        table["xleftrightharpoons"] = .extensibleArrow("\u{21CB}", over: true)
        table["xLeftrightarrow"] = .extensibleArrow("\u{21D4}", over: true)
        table["xtwoheadrightarrow"] = .extensibleArrow("\u{21A0}", over: true)
        table["xtwoheadleftarrow"] = .extensibleArrow("\u{219E}", over: true)
        table["xlongequal"] = .extensibleArrow("=", over: true)
        table["xtofrom"] = .extensibleArrow("\u{21C4}", over: true)
        // Arcs and the under-tilde (MathJax's \overparen, \underparen, \utilde).
        table["overparen"] = .accent("\u{23DC}", stretchy: true)
        table["overarc"] = .accent("\u{23DC}", stretchy: true)
        table["underparen"] = .underAccent("\u{23DD}", stretchy: true)
        table["utilde"] = .underAccent("\u{2053}", stretchy: true)
        table["bold"] = .font(.bold)
        table["idotsint"] = .largeOperator("\u{222B}\u{22EF}\u{222B}", integral: true)
        table["TeX"] = .identifier("TeX", upright: true)
        table["LaTeX"] = .identifier("LaTeX", upright: true)
        // amsmath's \intertext: the text shows in its row rather than across the table.
        table["intertext"] = .text(.normal)
        table["shortintertext"] = .text(.normal)
        table["left"] = .left
        table["right"] = .right
        table["middle"] = .middle
        let delimiterSizes = [("big", "1.2em"), ("Big", "1.8em"), ("bigg", "2.4em"), ("Bigg", "3em")]
        for (name, size) in delimiterSizes {
            table[name] = .bigDelimiter(size: size, form: nil)
            table[name + "l"] = .bigDelimiter(size: size, form: "prefix")
            table[name + "r"] = .bigDelimiter(size: size, form: "postfix")
            table[name + "m"] = .bigDelimiter(size: size, form: "infix")
        }
        table["begin"] = .begin
        table["end"] = .end
        table["displaystyle"] = .style(display: true, scriptLevel: 0)
        table["textstyle"] = .style(display: false, scriptLevel: 0)
        table["scriptstyle"] = .scriptStyle(1)
        table["scriptscriptstyle"] = .scriptStyle(2)
        table["color"] = .color
        table["textcolor"] = .textColor
        table["boxed"] = .boxed
        table["fbox"] = .boxed
        table["cancel"] = .enclose("qed-cancel")
        table["bcancel"] = .enclose("qed-bcancel")
        table["xcancel"] = .enclose("qed-xcancel")
        table["sout"] = .enclose("qed-strike")
        table["phantom"] = .phantom
        table["hphantom"] = .horizontalPhantom
        table["vphantom"] = .verticalPhantom
        table["smash"] = .smash
        table["operatorname"] = .operatorName
        table["limits"] = .limits(true)
        table["nolimits"] = .limits(false)
        table["not"] = .negation
        table["mathord"] = .atomClass(.ord)
        table["mathop"] = .atomClass(.op)
        table["mathbin"] = .atomClass(.bin)
        table["mathrel"] = .atomClass(.rel)
        table["mathopen"] = .atomClass(.open)
        table["mathclose"] = .atomClass(.close)
        table["mathpunct"] = .atomClass(.punct)
        table["mathinner"] = .atomClass(.inner)
        table["hspace"] = .horizontalSpace
        table["hskip"] = .kern(mu: false)
        table["kern"] = .kern(mu: false)
        table["mkern"] = .kern(mu: true)
        table["mskip"] = .kern(mu: true)
        table["\\"] = .newline
        table["cr"] = .newline
        table["newline"] = .newline
        table["tag"] = .tag
        table["label"] = .ignoredWithArgument
        for name in ["nonumber", "notag", "allowbreak", "nolinebreak", "relax", "strut", "mathstrut", "nobreak"] {
            table[name] = .ignored
        }
        table["substack"] = .substack
        table["hline"] = .hline
        table["eqref"] = .reference(parenthesised: true)
        table["ref"] = .reference(parenthesised: false)
        table["bra"] = .dirac(open: "⟨", close: "|")
        table["ket"] = .dirac(open: "|", close: "⟩")
        table["braket"] = .dirac(open: "⟨", close: "⟩")
        table["Bra"] = .largeDirac(open: "⟨", close: "|")
        table["Ket"] = .largeDirac(open: "|", close: "⟩")
        table["Braket"] = .largeDirac(open: "⟨", close: "⟩")
        table["set"] = .braketSet(large: false)
        table["Set"] = .braketSet(large: true)
        table["cancelto"] = .cancelTo
        table["colorbox"] = .colorBox(framed: false)
        table["fcolorbox"] = .colorBox(framed: true)
        // LaTeX's sizes relative to \normalsize (10 pt), as KaTeX and MathJax set them.
        let sizes: [(String, Double)] = [
            ("tiny", 0.5), ("scriptsize", 0.7), ("footnotesize", 0.8), ("small", 0.9), ("normalsize", 1),
            ("large", 1.2), ("Large", 1.44), ("LARGE", 1.728), ("huge", 2.074), ("Huge", 2.488),
        ]
        for (name, factor) in sizes { table[name] = .sizeSwitch(factor) }
        table["hdashline"] = .hline
        table["pmod"] = .modulo(.pmod)
        table["bmod"] = .modulo(.bmod)
        table["pod"] = .modulo(.pod)
        table["mod"] = .modulo(.mod)
        // The generated table (unicode-math and MathJax's names) fills every name the
        // hand-written entries above do not define; those keep their tuned rendering.
        for symbol in Symbols.generated where table[symbol.name] == nil {
            table[symbol.name] = generatedCommand(symbol.text, symbol.kind)
        }
        return table
    }()

    /// What a generated symbol becomes: TeX's class decides spacing, arrows do not
    /// stretch in a row, integrals keep their scripts beside them.
    static func generatedCommand(_ text: String, _ kind: GeneratedSymbolClass) -> Command {
        let first = text.unicodeScalars.first?.value ?? 0
        switch kind {
        case .ordinary:
            let isLetter = text.unicodeScalars.first?.properties.isAlphabetic ?? false
            return .identifier(text, upright: isLetter)
        case .relation:
            let isArrow = (0x2190...0x21FF).contains(first) || (0x27F0...0x27FF).contains(first)
                || (0x2900...0x297F).contains(first) || (0x2B00...0x2BFF).contains(first)
            return isArrow ? .arrow(text) : .symbol(text, .rel)
        case .binary: return .symbol(text, .bin)
        case .largeOperator:
            let isIntegral = (0x222B...0x2233).contains(first) || (0x2A0B...0x2A1C).contains(first)
            return .largeOperator(text, integral: isIntegral)
        case .opening: return .delimiter(text, .open)
        case .closing: return .delimiter(text, .close)
        case .fence: return .delimiter(text, .ord)
        case .punctuation: return .symbol(text, .punct)
        case .accent: return .accent(text, stretchy: false)
        case .wideAccent: return .accent(text, stretchy: true)
        case .underAccent: return .underAccent(text, stretchy: false)
        case .wideUnderAccent: return .underAccent(text, stretchy: true)
        }
    }

    /// The known command closest to `name` (edit distance ≤ 2, or ≤ 1 for short
    /// names), to suggest in a diagnostic. Ties go to the alphabetically first.
    static func suggestion(for name: String) -> String? {
        let target = Array(name.utf8)
        guard !target.isEmpty, target.count < 40 else { return nil }
        let limit = target.count <= 3 ? 1 : 2
        var best: (distance: Int, name: String)?
        let targetLetters = letterMask(target)
        for (candidate, bytes, letters) in suggestionCandidates {
            guard abs(bytes.count - target.count) <= limit else { continue }
            // One edit adds or removes at most two letters from the set of letters used, so
            // this cheap bound skips most of the 2,000 names before the alignment.
            guard (targetLetters ^ letters).nonzeroBitCount <= 2 * limit else { continue }
            let distance = editDistance(target, bytes, limit: limit)
            guard distance <= limit else { continue }
            if let current = best,
               current.distance < distance || (current.distance == distance && current.name < candidate) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// Multi-letter command names with their bytes and letter sets, prepared once for suggestions.
    static let suggestionCandidates: [(String, [UInt8], UInt64)] =
        table.keys.filter { $0.utf8.count > 1 }.sorted().map { ($0, Array($0.utf8), letterMask(Array($0.utf8))) }

    /// The set of bytes in a name, folded into 64 bits (`A`–`Z` and `a`–`z` never collide).
    static func letterMask(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 | (1 << UInt64($1 & 0x3F)) }
    }

    /// Optimal string alignment distance (transpositions count as one edit), giving
    /// up early with `limit + 1` once every alignment costs more than `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows in one scratch buffer: no heap allocation per call.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { buffer in
            var previous2 = 0, previous = width, current = 2 * width
            for j in 0..<width { buffer[previous + j] = j; buffer[previous2 + j] = 0 }
            for i in 1...a.count {
                buffer[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(buffer[previous + j] + 1, buffer[current + j - 1] + 1,
                                    buffer[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, buffer[previous2 + j - 2] + 1)
                    }
                    buffer[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit, limit != .max { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return buffer[previous + b.count]
        }
    }
}
