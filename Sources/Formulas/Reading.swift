/// How a formula's capital letters are read: as distributions on a finite set of outcomes
/// (`H(P, Q)`, `D(P ‖ Q)`, `\sum_x P(x) …`), or as random variables of one random joint
/// table (`H(X | Y)`, `I(X; Y)`, `P(x, y)`). A formula that mixes both is not read.
enum Reading: Sendable {
    /// Distributions on `outcomes` outcomes.
    case distributions(outcomes: Int)
    case variables(JointModel)

    /// Decides from where the letters appear: `X`, `Y`, `Z` as arguments of `H`, `I` or `P`
    /// (outside an expectation over a named distribution) mean random variables; a
    /// distribution passed to `H`, `D`, `JS`, or `Q(x)`, mean distributions.
    static func of(_ statement: Statement, definitions: [String: Term], independent: Bool = false,
                   otherSizes: Bool = false) throws(Unsupported) -> Reading {
        var scan = EvidenceScan(definitions: definitions)
        for chain in statement.chains {
            for term in chain.terms { scan.scan(term, boundByExpectation: false, depth: 0) }
        }
        if let rv = scan.randomVariables.sorted().first, let d = scan.distributions.sorted().first {
            throw Unsupported("it mixes the random variable \(rv) with the distribution \(d)")
        }
        if scan.randomVariables.isEmpty { return .distributions(outcomes: otherSizes ? Vocabulary.otherOutcomes : Vocabulary.outcomes) }
        var model = JointModel(variables: scan.randomVariables.union(scan.capitalsAnywhere), otherSizes: otherSizes)
        model.independent = independent
        return .variables(model)
    }
}

private struct EvidenceScan {
    let definitions: [String: Term]
    var randomVariables: Set<String> = []
    var distributions: Set<String> = []
    var capitalsAnywhere: Set<String> = []

    static let capitals = Set(Vocabulary.randomVariables)

    mutating func scan(_ term: Term, boundByExpectation: Bool, depth: Int) {
        guard depth < 40 else { return }
        switch term {
        case .symbol(let s):
            if EvidenceScan.capitals.contains(s) { capitalsAnywhere.insert(s) }
            if let definition = definitions[s] { scan(definition, boundByExpectation: boundByExpectation, depth: depth + 1) }
        case .apply(let head, let args):
            for arg in args {
                if case .symbol(let s) = arg.term {
                    if EvidenceScan.capitals.contains(s) {
                        capitalsAnywhere.insert(s)
                        if head == "H" || head == "I" || (!boundByExpectation && (head == "P" || head == "p")) {
                            randomVariables.insert(s)
                        }
                        continue
                    }
                    if ["H", "KL", "D", "JS"].contains(head), Vocabulary.distributions.contains(s) || definitions[s] != nil {
                        distributions.insert(s)
                    }
                }
                scan(arg.term, boundByExpectation: boundByExpectation, depth: depth + 1)
            }
            if head == "Q" || head == "q" { distributions.insert(head) }
            if let definition = definitions[head] { scan(definition, boundByExpectation: boundByExpectation, depth: depth + 1) }
        case .expectation(let sub, let body):
            switch sub {
            case nil:
                var inner = EvidenceScan(definitions: definitions)
                inner.scan(body, boundByExpectation: false, depth: depth + 1)
                randomVariables.formUnion(inner.capitalsAnywhere)
                absorb(inner)
            case .distribution(let d), .variable(_, let d):
                if d == "Q" || d == "q" || definitions[d] != nil { distributions.insert(d) }
                scan(body, boundByExpectation: true, depth: depth + 1)
            }
        case .subscripted(let s, _):
            if s == "Q" || s == "q" { distributions.insert(s) }
        case .number, .cardinality: break
        case .log(_, let t), .exp(let t), .negate(let t), .sum(_, let t):
            scan(t, boundByExpectation: boundByExpectation, depth: depth + 1)
        case .power(let a, let b), .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            scan(a, boundByExpectation: boundByExpectation, depth: depth + 1)
            scan(b, boundByExpectation: boundByExpectation, depth: depth + 1)
        }
    }

    mutating func absorb(_ other: EvidenceScan) {
        randomVariables.formUnion(other.randomVariables)
        distributions.formUnion(other.distributions)
        capitalsAnywhere.formUnion(other.capitalsAnywhere)
    }
}
