/// A formula read into terms: the structure of the math, before deciding what it means.
/// Anything the reader does not understand is not represented: it stops reading with a
/// reason instead, so a formula is either fully understood or unchecked.
indirect enum Term: Sendable {
    /// A number; `half` is half a unit in its last written decimal (`0.69` → 0.005), so
    /// a rounded value written in a note compares at the precision it was written with.
    case number(Double, half: Double?)
    /// A single identifier: `P`, `X`, `x`, `M`, `𝒳`.
    case symbol(String)
    /// An identifier with a subscript: `p_i`, `P_X`.
    case subscripted(String, Term)
    /// A function applied to arguments: `H(X | Y)`, `D_{KL}(P ‖ Q)`, `P(x, y)`, `max(a, b)`.
    /// `head` is normalised (`KL` for every spelling of the KL divergence).
    case apply(String, [TermArgument])
    /// `\log`, `\ln`, `\log_2`: `base` nil is natural.
    case log(base: Double?, Term)
    case exp(Term)
    case power(Term, Term)
    case negate(Term)
    case add(Term, Term)
    case subtract(Term, Term)
    case multiply(Term, Term)
    case divide(Term, Term)
    /// `\sum_{x}`, `\sum_{x,y}`, `\sum_{x \in \mathcal{X}}` over `body`.
    case sum([String], Term)
    /// `\mathbb{E}[body]`, `\mathbb{E}_P[…]`, `\mathbb{E}_{x \sim P}[…]`.
    case expectation(ExpectationSubscript?, Term)
    /// `|\mathcal{X}|`: the number of outcomes.
    case cardinality(String)
}

/// What the subscript of an expectation says.
enum ExpectationSubscript: Sendable {
    /// `\mathbb{E}_P`: under distribution `P`, its variable left implicit.
    case distribution(String)
    /// `\mathbb{E}_{x \sim P}`: the variable `x` drawn from `P`.
    case variable(String, String)
}

/// How an argument was separated from the one before it: `H(X, Y)`, `I(X; Y)`,
/// `H(X | Y)`, `D(P ‖ Q)`.
enum TermSeparator: Sendable, Equatable {
    case comma, semicolon, bar, doubleBar
}

struct TermArgument: Sendable {
    var separator: TermSeparator
    var term: Term
}

/// A relation between terms: one link of a chain such as `a = b ≤ c`.
enum Relation: String, Sendable {
    case equal = "="
    case approx = "≈"
    case less = "<"
    case greater = ">"
    case lessEqual = "≤"
    case greaterEqual = "≥"
    case notEqual = "≠"
    /// `:=`, `\triangleq`, `\equiv`: a definition.
    case defines = ":="

    /// The relation with its sides' roles swapped in meaning (`≤` → `≥`), for inequalities.
    var reversed: Relation? {
        switch self {
        case .less: return .greaterEqual
        case .lessEqual: return .greater
        case .greater: return .lessEqual
        case .greaterEqual: return .less
        default: return nil
        }
    }
}

/// A formula's top level: one or more chains of relations (separated by `,`, `\quad`,
/// `\text{and}`), plus any words written inside the formula.
struct Statement: Sendable {
    var chains: [Chain]
    /// Text pieces (`\text{…}`) between the chains, read for conditions like "iff".
    var words: [String]
    /// Chains stated as the claim's condition inside the formula: after `\iff`, `\impliedby`,
    /// or a condition word (`\text{ iff }`, `\text{当且仅当}`); before `\implies`.
    var conditions: [Chain] = []
}

struct Chain: Sendable {
    var terms: [Term]
    var relations: [Relation]
}

/// Why a formula is not checked; shown to the user, so it says what was found.
struct Unsupported: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension Term {
    /// The identifier when the term is just one (possibly subscripted) name.
    var bareName: String? {
        switch self {
        case .symbol(let s): return s
        case .subscripted(let s, let sub): return sub.bareName.map { "\(s)_\($0)" }
        default: return nil
        }
    }

    var isNumber: Bool {
        switch self {
        case .number: return true
        case .negate(let t): return t.isNumber
        case .divide(let a, let b): return a.isNumber && b.isNumber
        default: return false
        }
    }

    /// A term with nothing random in it: numbers, `\log 2`, `|\mathcal{X}|`.
    var isConstant: Bool {
        var constant = true
        visit { t in
            switch t {
            case .number, .cardinality, .log, .exp, .power, .negate, .add, .subtract, .multiply, .divide: break
            case .symbol(let s): if s != "e" { constant = false }
            case .apply(let head, _): if head != "max" && head != "min" { constant = false }
            case .subscripted, .sum, .expectation: constant = false
            }
        }
        return constant
    }

    /// Every sub-term, this one first (for scans that decide how to read a formula).
    func visit(_ body: (Term) -> Void) {
        body(self)
        switch self {
        case .number, .symbol, .cardinality: break
        case .subscripted(_, let t), .log(_, let t), .exp(let t), .negate(let t), .sum(_, let t): t.visit(body)
        case .expectation(_, let t): t.visit(body)
        case .apply(_, let args): for a in args { a.term.visit(body) }
        case .power(let a, let b), .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            a.visit(body)
            b.visit(body)
        }
    }
}
