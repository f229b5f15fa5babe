import Foundation
import TeXMath

/// Reads a formula's flattened row into a `Statement`: chains of relations between terms.
/// Precedence follows how notes write math: `+`/`−` bind loosest, then products (written
/// by juxtaposition, `\cdot` or `/`), then a function applied to its argument. A `\sum`
/// takes the rest of its product as its body, `\log` the factor after it.
struct TermParser {
    static let relations: [String: Relation] = [
        "=": .equal, "≈": .approx, "≃": .approx, "<": .less, ">": .greater,
        "≤": .lessEqual, "≦": .lessEqual, "⩽": .lessEqual, "≥": .greaterEqual, "≧": .greaterEqual, "⩾": .greaterEqual,
        "≠": .notEqual, "≜": .defines, "≔": .defines, "≡": .defines, "≝": .defines,
    ]
    static let maxDepth = 40

    var tokens: [Token]
    var position = 0
    var depth = 0
    /// `P(x)^2`: the power TeXMath hung on the closing parenthesis of an argument list.
    var closingPower: TeXTree?

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: Statements

    /// Splits the top level at `,`, `;`, `\quad` and words, and reads each piece as a chain.
    static func statement(_ row: [Token]) throws(Unsupported) -> Statement {
        var pieces: [[Token]] = [[]]
        var conditionPieces: Set<Int> = []
        var words: [String] = []
        var nesting = 0
        var inCondition = false
        for token in row {
            switch token {
            case .op("("), .op("["), .op("{"), .op("⟨"): nesting += 1
            case .op(")"), .op("]"), .op("}"), .op("⟩"): nesting -= 1
            default: break
            }
            if nesting == 0 {
                switch token {
                case .op(",") , .op(";"), .op("."), .space(wide: true):
                    pieces.append([])
                    if inCondition { conditionPieces.insert(pieces.count - 1) }
                    continue
                case .text(let t):
                    words.append(t)
                    pieces.append([])
                    if Conditions.keyword(in: t) != nil { inCondition = true }
                    if inCondition { conditionPieces.insert(pieces.count - 1) }
                    continue
                case .op("⟺"), .op("⇔"), .op("⟸"), .op("⇐"):
                    words.append("iff")
                    pieces.append([])
                    inCondition = true
                    conditionPieces.insert(pieces.count - 1)
                    continue
                case .op("⟹"), .op("⇒"):
                    // What comes before the arrow is the condition of what comes after.
                    words.append("if")
                    for k in pieces.indices { conditionPieces.insert(k) }
                    pieces.append([])
                    inCondition = false
                    continue
                default: break
                }
            }
            pieces[pieces.count - 1].append(token)
        }
        var chains: [Chain] = []
        var conditions: [Chain] = []
        for (k, piece) in pieces.enumerated() {
            let meaningful = piece.filter { if case .space = $0 { return false } else { return true } }
            if meaningful.isEmpty { continue }
            var parser = TermParser(meaningful)
            if conditionPieces.contains(k) {
                // A condition QED cannot read leaves the formula conditional, not unreadable.
                if let condition = try? parser.chain() { conditions.append(condition) } else { words.append("if") }
            } else {
                chains.append(try parser.chain())
            }
        }
        guard !chains.isEmpty else { throw Unsupported("it states only a condition, no claim") }
        return Statement(chains: chains, words: words, conditions: conditions)
    }

    /// `term (relation term)*` over the whole piece; a piece without a relation is not a claim.
    mutating func chain() throws(Unsupported) -> Chain {
        var terms = [try expression()]
        var relations: [Relation] = []
        while position < tokens.count {
            guard let relation = relationHere() else {
                throw Unsupported("could not read \(describe(tokens[position])) here")
            }
            relations.append(relation)
            terms.append(try expression())
        }
        guard !relations.isEmpty else { throw Unsupported("it is not a relation (no =, ≤, ≥, <, >, ≠ or ≈ at its top level)") }
        return Chain(terms: terms, relations: relations)
    }

    /// The relation at the current position, consumed (`:=` is two tokens).
    mutating func relationHere() -> Relation? {
        guard case .op(let o) = tokens[position] else { return nil }
        if o == ":", position + 1 < tokens.count, case .op("=") = tokens[position + 1] {
            position += 2
            return .defines
        }
        guard let relation = TermParser.relations[o] else { return nil }
        position += 1
        return relation
    }

    // MARK: Expressions

    var atEnd: Bool { position >= tokens.count }

    func peekOp(_ text: String) -> Bool {
        guard position < tokens.count, case .op(let o) = tokens[position] else { return false }
        return o == text
    }

    mutating func enter() throws(Unsupported) {
        depth += 1
        if depth > TermParser.maxDepth { throw Unsupported("the formula nests too deeply to read as a claim") }
    }

    /// `[±] product ((+|−) product)*`
    mutating func expression() throws(Unsupported) -> Term {
        try enter()
        defer { depth -= 1 }
        var result: Term
        if peekOp("−") || peekOp("-") {
            position += 1
            result = .negate(try product())
        } else if peekOp("+") {
            position += 1
            result = try product()
        } else {
            result = try product()
        }
        while !atEnd {
            if peekOp("+") {
                position += 1
                result = .add(result, try product())
            } else if peekOp("−") || peekOp("-") {
                position += 1
                result = .subtract(result, try product())
            } else {
                break
            }
        }
        return result
    }

    /// Factors joined by juxtaposition, `\cdot`, `\times` or `/`. A sum takes the rest.
    mutating func product() throws(Unsupported) -> Term {
        var result = try factor()
        while !atEnd {
            if peekOp("⋅") || peekOp("·") || peekOp("×") || peekOp("∗") {
                position += 1
                result = .multiply(result, try factor())
            } else if peekOp("/") {
                position += 1
                result = .divide(result, try factor())
            } else if startsFactor() {
                result = .multiply(result, try factor())
            } else {
                break
            }
        }
        return result
    }

    /// Whether the current token can begin a factor (for juxtaposition).
    func startsFactor() -> Bool {
        guard position < tokens.count else { return false }
        switch tokens[position] {
        case .script(let base, _, _): return TermParser.closingSuperscript(base) == nil
        case .identifier, .number, .fraction, .root: return true
        case .op(let o): return o == "(" || o == "∑" || o == "[" || (o == "|" && isCardinality())
        default: return false
        }
    }

    /// `| 𝒳 |`
    func isCardinality() -> Bool {
        guard position + 2 < tokens.count, case .op("|") = tokens[position], case .identifier(let s) = tokens[position + 1],
              case .op("|") = tokens[position + 2] else { return false }
        return Vocabulary.alphabets[s] != nil
    }

    mutating func factor() throws(Unsupported) -> Term {
        try enter()
        defer { depth -= 1 }
        guard position < tokens.count else { throw Unsupported("the formula ends where a term was expected") }
        let token = tokens[position]
        position += 1
        switch token {
        case .number(let text):
            guard let value = Double(text), value.isFinite else { throw Unsupported("could not read the number \(text)") }
            return .number(value, half: TermParser.halfUnit(text))
        case .fraction(let numerator, let denominator):
            return .divide(try TermParser.whole(numerator), try TermParser.whole(denominator))
        case .root(let tree):
            return .power(try TermParser.whole(children: tree.children), .number(0.5, half: nil))
        case .op("("):
            let inner = try expression()
            // `(a - b)^2`: TeXMath hangs the power on the closing parenthesis.
            if position < tokens.count, case .script(let base, nil, let sup?) = tokens[position],
               TermParser.closingSuperscript(base) != nil {
                position += 1
                return .power(inner, try TermParser.whole(sup))
            }
            try expect(")")
            return inner
        case .op("["):
            let inner = try expression()
            try expect("]")
            return inner
        case .op("|"):
            guard position + 1 < tokens.count, case .identifier(let s) = tokens[position], case .op("|") = tokens[position + 1] else {
                throw Unsupported("could not read |…|")
            }
            position += 2
            return .cardinality(s)
        case .op("∑"):
            throw Unsupported("a sum without an index (\\sum_x) is ambiguous")
        case .identifier(let name):
            return try identifier(name)
        case .script(let base, let sub, let sup):
            return try script(base, sub, sup)
        default:
            throw Unsupported("could not read \(describe(token))")
        }
    }

    /// The `)` a script hangs on, if that is its base.
    static func closingSuperscript(_ base: TeXTree) -> String? {
        base.element == "mo" && base.text == ")" ? ")" : nil
    }

    mutating func expect(_ text: String) throws(Unsupported) {
        guard peekOp(text) else {
            throw Unsupported(atEnd ? "a missing \(text)" : "expected \(text), found \(describe(tokens[position]))")
        }
        position += 1
    }

    // MARK: Names

    mutating func identifier(_ name: String) throws(Unsupported) -> Term {
        switch name {
        case "log": return .log(base: nil, try logArgument())
        case "ln": return .log(base: nil, try logArgument())
        case "lg": return .log(base: 2, try logArgument())
        case "exp": return .exp(try logArgument())
        case "max", "min": return try applied(name)
        case "𝔼": return .expectation(nil, try expectationBody())
        default: break
        }
        // Operator names spelled with letters: KL(…) and JS(…) read as K L ( … ).
        if let merged = mergedName(startingWith: name) { return merged }
        if Vocabulary.wordHeads[name] != nil || name.count == 1, peekOp("(") {
            return try applied(Vocabulary.wordHeads[name] ?? name)
        }
        return .symbol(name)
    }

    /// `K L (` → the head `KL`; `J S D (` → `JS`.
    mutating func mergedName(startingWith first: String) -> Term? {
        var letters = first
        var k = position
        while k < tokens.count, case .identifier(let next) = tokens[k], next.count == 1, letters.count < 4 {
            letters += next
            k += 1
            if let head = Vocabulary.wordHeads[letters], k < tokens.count, case .op("(") = tokens[k] {
                let start = position
                position = k
                if let term = try? applied(head) { return term }
                position = start
                return nil
            }
        }
        return nil
    }

    /// `head(…)`, raised to the power hung on its closing parenthesis if there is one.
    mutating func applied(_ head: String) throws(Unsupported) -> Term {
        closingPower = nil
        let args = try arguments()
        guard let sup = closingPower else { return .apply(head, args) }
        closingPower = nil
        return .power(.apply(head, args), try TermParser.whole(sup))
    }

    /// `( a sep b sep c )` with separators `,`, `;`, `|`, `∣`, `‖`, `∥` or `||`.
    mutating func arguments() throws(Unsupported) -> [TermArgument] {
        try expect("(")
        var args: [TermArgument] = []
        var separator = TermSeparator.comma
        while true {
            args.append(TermArgument(separator: separator, term: try expression()))
            if peekOp(")") {
                position += 1
                return args
            }
            if position < tokens.count, case .script(let base, nil, let sup?) = tokens[position],
               TermParser.closingSuperscript(base) != nil {
                position += 1
                closingPower = sup
                return args
            }
            guard position < tokens.count, case .op(let o) = tokens[position] else {
                throw Unsupported(atEnd ? "a missing )" : "could not read \(describe(tokens[position])) in the arguments")
            }
            position += 1
            switch o {
            case ",": separator = .comma
            case ";": separator = .semicolon
            case "∣": separator = .bar
            case "|":
                if peekOp("|") {
                    position += 1
                    separator = .doubleBar
                } else {
                    separator = .bar
                }
            case "‖", "∥": separator = .doubleBar
            default: throw Unsupported("could not read \(o) between arguments")
            }
        }
    }

    /// What `\log` applies to: a parenthesised group, or the next factor (`\log P(x)`,
    /// `\log \frac{a}{b}`, `\log |\mathcal{X}|`).
    mutating func logArgument() throws(Unsupported) -> Term {
        if peekOp("(") {
            position += 1
            let inner = try expression()
            try expect(")")
            return inner
        }
        return try factor()
    }

    /// `[ … ]` (or `( … )`) after `\mathbb{E}`.
    mutating func expectationBody() throws(Unsupported) -> Term {
        let close: String
        if peekOp("[") { close = "]" } else if peekOp("(") { close = ")" } else {
            throw Unsupported("an expectation without brackets")
        }
        position += 1
        let inner = try expression()
        try expect(close)
        return inner
    }

    // MARK: Scripts

    mutating func script(_ base: TeXTree, _ sub: TeXTree?, _ sup: TeXTree?) throws(Unsupported) -> Term {
        let baseTokens = try Tokens.row(base)
        // `\left( … \right)^2`: a power of the whole group.
        if baseTokens.count > 2, case .op("(") = baseTokens[0], case .op(")") = baseTokens[baseTokens.count - 1],
           sub == nil, let sup {
            return .power(try TermParser.whole(row: Array(baseTokens[1..<(baseTokens.count - 1)])), try TermParser.whole(sup))
        }
        guard baseTokens.count == 1 else { throw Unsupported("a script on a group") }
        switch baseTokens[0] {
        case .op("∑"):
            guard let sub else { throw Unsupported("a sum without an index (\\sum_x) is ambiguous") }
            guard sup == nil else { throw Unsupported("a sum with bounds (\\sum_{i=1}^n): the range is not known") }
            let indices = try TermParser.sumIndices(sub)
            let body = try product()
            return .sum(indices, body)
        case .identifier("log"):
            guard sup == nil, let sub else { throw Unsupported("a power of a logarithm") }
            let base = try TermParser.whole(sub)
            guard case .number(let b, _) = base, b == 2 || b == 10 else {
                if case .symbol("e") = base { return .log(base: nil, try logArgument()) }
                throw Unsupported("a logarithm to a base other than 2, 10 or e")
            }
            return .log(base: b, try logArgument())
        case .identifier("𝔼"):
            guard sup == nil, let sub else { throw Unsupported("a power of an expectation") }
            return .expectation(try TermParser.expectationSubscript(sub), try expectationBody())
        case .identifier(let name):
            if let sup {
                guard sub == nil else { throw Unsupported("a symbol with both a subscript and a superscript") }
                if name == "e" { return .exp(try TermParser.whole(sup)) }
                let base = try baseTerm(name)
                return .power(base, try TermParser.whole(sup))
            }
            guard let sub else { return .symbol(name) }
            return try subscripted(name, sub)
        case .op(")"):
            throw Unsupported("a power of a parenthesised group")
        default:
            throw Unsupported("could not read a script on \(describe(baseTokens[0]))")
        }
    }

    /// A name that a superscript raises: `x^2`, `P(x)^2` is not written this way.
    mutating func baseTerm(_ name: String) throws(Unsupported) -> Term {
        if name.count == 1 { return .symbol(name) }
        throw Unsupported("a power of \(name)")
    }

    /// `D_{KL}(…)`, `D_{\text{JS}}(…)`, or an indexed symbol `p_i`, `P_X`.
    mutating func subscripted(_ name: String, _ sub: TeXTree) throws(Unsupported) -> Term {
        let spelled = TermParser.spelling(sub)
        if name == "D", let spelled, let head = Vocabulary.divergenceSubscripts[spelled] {
            guard peekOp("(") else { throw Unsupported("D_{\(spelled)} without its arguments") }
            return try applied(head)
        }
        let index = try TermParser.whole(sub)
        if peekOp("(") { throw Unsupported("the subscripted function \(name)_\(spelled ?? "…")") }
        return .subscripted(name, index)
    }

    /// The letters of a subscript such as `KL`, `\text{KL}`, `\mathrm{KL}`, when it is only letters.
    static func spelling(_ tree: TeXTree) -> String? {
        guard let row = try? Tokens.row(tree) else { return nil }
        var out = ""
        for token in row {
            switch token {
            case .identifier(let s), .text(let s): out += s
            default: return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// `x`, `x,y`, `x \in \mathcal{X}`, `i`.
    static func sumIndices(_ tree: TeXTree) throws(Unsupported) -> [String] {
        let row = try Tokens.row(tree)
        var names: [String] = []
        var k = 0
        while k < row.count {
            guard case .identifier(let name) = row[k], name.count == 1 else {
                throw Unsupported("a sum over something other than plain indices (\\sum_x, \\sum_{x,y})")
            }
            names.append(name)
            k += 1
            if k < row.count, case .op("∈") = row[k] {
                guard k + 1 < row.count, case .identifier(let set) = row[k + 1], Vocabulary.alphabets[set] != nil else {
                    throw Unsupported("a sum over a set QED does not know")
                }
                k += 2
            }
            if k < row.count {
                guard case .op(",") = row[k] else { throw Unsupported("a sum over something other than plain indices (\\sum_x, \\sum_{x,y})") }
                k += 1
            }
        }
        guard !names.isEmpty else { throw Unsupported("a sum without an index") }
        return names
    }

    /// `P` or `x \sim P` under an expectation.
    static func expectationSubscript(_ tree: TeXTree) throws(Unsupported) -> ExpectationSubscript {
        let row = try Tokens.row(tree).filter { if case .space = $0 { return false } else { return true } }
        if row.count == 1, case .identifier(let d) = row[0] { return .distribution(d) }
        if row.count == 3, case .identifier(let v) = row[0], case .op(let sim) = row[1], sim == "∼" || sim == "~",
           case .identifier(let d) = row[2] {
            return .variable(v, d)
        }
        throw Unsupported("an expectation over something other than a distribution (\\mathbb{E}_P, \\mathbb{E}_{x \\sim P})")
    }

    /// A whole subtree as one term.
    static func whole(_ tree: TeXTree) throws(Unsupported) -> Term {
        try whole(row: try Tokens.row(tree))
    }

    static func whole(children: [TeXTree]) throws(Unsupported) -> Term {
        var row: [Token] = []
        for child in children { row += try Tokens.row(child) }
        return try whole(row: row)
    }

    static func whole(row: [Token]) throws(Unsupported) -> Term {
        var parser = TermParser(row.filter { if case .space = $0 { return false } else { return true } })
        let term = try parser.expression()
        guard parser.atEnd else { throw Unsupported("could not read \(parser.describe(parser.tokens[parser.position]))") }
        return term
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let s): return "the symbol \(s)"
        case .number(let s): return "the number \(s)"
        case .op(let s): return "“\(s)”"
        case .text(let s): return "the text “\(s)”"
        case .space: return "a space"
        case .script: return "a script"
        case .fraction: return "a fraction"
        case .root: return "a root"
        case .other(let s): return s
        }
    }
}

extension TermParser {
    /// Half a unit in the last written decimal of a number (`0.69` → 0.005); nil for integers.
    static func halfUnit(_ text: String) -> Double? {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        guard decimals > 0, decimals < 17 else { return nil }
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        return unit / 2
    }
}
