import Cells

/// Translates terms into the Cells syntax tree under one reading of the formula.
struct Translator {
    /// A value a term denotes.
    enum Value {
        case scalar(Expr)
        /// A probability vector over the outcomes (distribution reading).
        case distribution(Expr)
        /// A table over some of the random variables, in table order (variable reading).
        case table(Expr, [String])
    }

    /// A letter bound by a sum or an expectation: the Cells variable holding its index and,
    /// in the variable reading, the random variable it ranges over.
    struct Bound {
        var cellsName: String
        var variable: String?
    }

    let reading: Reading
    let definitions: [String: Term]
    /// A condition such as `P = Q` read as "Q is P".
    let substitutions: [String: String]
    /// `\log_2` somewhere: unqualified H, I, D are in bits.
    let bits: Bool
    /// Distributions the formula uses (drawn from the simplex).
    private(set) var drawn: Set<String> = []
    private var depth = 0
    private var fresh = 0

    init(reading: Reading, definitions: [String: Term], substitutions: [String: String], bits: Bool) {
        self.reading = reading
        self.definitions = definitions
        self.substitutions = substitutions
        self.bits = bits
    }

    var base: Double? { bits ? 2 : nil }

    // MARK: Values

    mutating func scalar(_ term: Term, _ env: [String: Bound]) throws(Unsupported) -> Expr {
        switch try value(term, env) {
        case .scalar(let e): return e
        case .distribution, .table:
            throw Unsupported("\(describe(term)) is a distribution, not a number")
        }
    }

    mutating func value(_ term: Term, _ env: [String: Bound]) throws(Unsupported) -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth < 60 else { throw Unsupported("the formula nests too deeply") }
        switch term {
        case .number(let x, let half):
            return .scalar(.number(x, halfUnit: half, Build.span))
        case .symbol(let s):
            return try symbol(s, env)
        case .subscripted(let s, let index):
            guard case .symbol(let letter) = index, let bound = env[letter] else {
                throw Unsupported("the symbol \(term.bareName ?? s) is not known")
            }
            return .scalar(try entry(of: s, at: [(TermSeparator.comma, bound)], env))
        case .apply(let head, let args):
            return try apply(head, args, env)
        case .log(let b, let inner):
            let x = try scalar(inner, env)
            switch b {
            case nil: return .scalar(Build.call("log", [x]))
            case 2: return .scalar(Build.call("log2", [x]))
            default: return .scalar(Build.binary(.divide, Build.call("log", [x]), Build.call("log", [Build.number(b ?? 10)])))
            }
        case .exp(let inner):
            return .scalar(Build.call("exp", [try scalar(inner, env)]))
        case .power(let a, let b):
            return .scalar(Build.binary(.power, try scalar(a, env), try scalar(b, env)))
        case .negate(let a):
            return try arithmetic(.multiply, .scalar(Build.number(-1)), try value(a, env), term)
        case .add(let a, let b):
            return try arithmetic(.add, try value(a, env), try value(b, env), term)
        case .subtract(let a, let b):
            return try arithmetic(.subtract, try value(a, env), try value(b, env), term)
        case .multiply(let a, let b):
            return try arithmetic(.multiply, try value(a, env), try value(b, env), term)
        case .divide(let a, let b):
            return try arithmetic(.divide, try value(a, env), try value(b, env), term)
        case .sum(let indices, let body):
            return .scalar(try sum(indices, body, env))
        case .expectation(let sub, let body):
            return .scalar(try expectation(sub, body, env))
        case .cardinality(let set):
            return .scalar(Build.number(Double(try alphabetSize(set))))
        }
    }

    private func arithmetic(_ op: BinaryOp, _ a: Value, _ b: Value, _ term: Term) throws(Unsupported) -> Value {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return .scalar(Build.binary(op, x, y))
        case (.distribution(let x), .distribution(let y)) where op == .add || op == .subtract:
            return .distribution(Build.binary(op, x, y))
        case (.scalar(let x), .distribution(let y)) where op == .multiply:
            return .distribution(Build.binary(op, x, y))
        case (.distribution(let x), .scalar(let y)) where op == .multiply || op == .divide:
            return .distribution(Build.binary(op, x, y))
        case (.table(let x, let xs), .table(let y, let ys)) where op == .multiply:
            // P(X)P(Y): the product of tables over disjoint variables.
            guard case .variables(let model) = reading, Set(xs).isDisjoint(with: ys) else {
                throw Unsupported("\(describe(term)) multiplies tables over shared variables")
            }
            let union = model.ordered(Set(xs).union(ys))
            return .table(Build.binary(.multiply, model.expand(x, from: xs, to: union), model.expand(y, from: ys, to: union)), union)
        default:
            throw Unsupported("\(describe(term)) combines a distribution with a number in a way QED does not read")
        }
    }

    // MARK: Symbols

    private mutating func symbol(_ s: String, _ env: [String: Bound]) throws(Unsupported) -> Value {
        if env[s] != nil {
            // An index stands for an outcome, whose value as a number no formula gives.
            throw Unsupported("\(s) stands for an outcome, not a number")
        }
        if let definition = definitions[s] {
            return try value(definition, env)
        }
        if s == "e" { return .scalar(Build.name("e")) }
        switch reading {
        case .distributions:
            if Vocabulary.distributions.contains(s) {
                // p and q are how many notes write the pmfs of P and Q: the same distributions.
                let canonical = s.uppercased()
                let name = substitutions[canonical] ?? canonical
                drawn.insert(name)
                return .distribution(Build.name(name))
            }
        case .variables:
            break
        }
        if s.count == 1, let c = s.first, c.isLowercase, c.isASCII {
            throw Unsupported("\(s) is not bound by a sum or an expectation (a free variable makes it a definition or a condition)")
        }
        throw Unsupported("the symbol \(s) is not known")
    }

    /// The distribution or table a name denotes, in the reading.
    private mutating func distribution(_ name: String, _ env: [String: Bound]) throws(Unsupported) -> Value {
        let v = try symbol(name, env)
        guard case .distribution = v else { throw Unsupported("\(name) is not a distribution here") }
        return v
    }

    /// `P(x)`, `P(x, y)`, `P(x | y)`, `p_i`: one probability, at bound indices.
    private mutating func entry(of name: String, at args: [(TermSeparator, Bound)], _ env: [String: Bound]) throws(Unsupported) -> Expr {
        switch reading {
        case .distributions:
            guard args.count == 1 else { throw Unsupported("\(name) applied to \(args.count) values in a formula about distributions") }
            guard case .distribution(let d) = try distribution(name, env) else { throw Unsupported("\(name) is not a distribution") }
            return Build.index(d, Build.name(args[0].1.cellsName))
        case .variables(let model):
            guard name == "P" || name == "p" else {
                throw Unsupported("\(name) next to random variables: only P (or p), their joint law, is known")
            }
            var names: [String: String] = [:]
            var joint: [String] = []
            var given: [String] = []
            var afterBar = false
            for (separator, bound) in args {
                guard let variable = bound.variable else { throw Unsupported("\(name) applied to an index that is no random variable's value") }
                if separator == .bar { afterBar = true }
                guard separator == .comma || separator == .bar else { throw Unsupported("\(name) with ; or ‖ between its arguments") }
                guard names[variable] == nil else { throw Unsupported("\(name) applied to \(variable) twice") }
                names[variable] = bound.cellsName
                if afterBar { given.append(variable) } else { joint.append(variable) }
            }
            let all = model.ordered(Set(joint).union(given))
            guard let index = model.flatIndex(all, names) else { throw Unsupported("could not index \(name)") }
            let probability = Build.index(model.marginal(all), index)
            if given.isEmpty { return probability }
            let condition = model.ordered(Set(given))
            guard let conditionIndex = model.flatIndex(condition, names) else { throw Unsupported("could not index \(name)") }
            return Build.binary(.divide, probability, Build.index(model.marginal(condition), conditionIndex))
        }
    }

    private func alphabetSize(_ set: String) throws(Unsupported) -> Int {
        switch reading {
        case .distributions(let outcomes):
            guard set == "𝒳" else { throw Unsupported("|\(set)| in a formula about distributions") }
            return outcomes
        case .variables(let model):
            guard let variable = Vocabulary.alphabets[set], let n = model.size(of: variable) else {
                throw Unsupported("|\(set)| names the values of a variable the formula does not use")
            }
            return n
        }
    }

    // MARK: Functions

    private mutating func apply(_ head: String, _ args: [TermArgument], _ env: [String: Bound]) throws(Unsupported) -> Value {
        switch head {
        case "max", "min":
            guard args.count >= 2, args.allSatisfy({ $0.separator == .comma }) else { throw Unsupported("\\\(head) of fewer than two terms") }
            var values: [Expr] = []
            for arg in args { values.append(try scalar(arg.term, env)) }
            return .scalar(Build.call(head, values))
        case "H": return .scalar(try entropy(args, env))
        case "I": return .scalar(try mutualInformation(args, env))
        case "KL", "D", "JS": return .scalar(try divergence(head, args, env))
        case "h": throw Unsupported("h(·) is a differential entropy of a density the formula does not give")
        default: break
        }
        // A probability at bound indices, or a table of random variables.
        var bounds: [(TermSeparator, Bound)] = []
        var variables: [String] = []
        for arg in args {
            guard case .symbol(let s) = arg.term else { throw Unsupported("\(head)(…) applied to something other than letters") }
            if let bound = env[s] {
                bounds.append((arg.separator, bound))
            } else if case .variables = reading, Vocabulary.randomVariables.contains(s), arg.separator == .comma {
                variables.append(s)
            } else {
                throw Unsupported(Vocabulary.randomVariables.contains(s) || s.count != 1 || !(s.first?.isLowercase ?? false)
                                  ? "\(head)(\(s)) is not known here"
                                  : "\(s) is not bound by a sum or an expectation (a free variable makes it a definition or a condition)")
            }
        }
        if !bounds.isEmpty, variables.isEmpty { return .scalar(try entry(of: head, at: bounds, env)) }
        guard bounds.isEmpty, case .variables(let model) = reading, head == "P" || head == "p" else {
            throw Unsupported("\(head)(…) is not known here")
        }
        let ordered = model.ordered(Set(variables))
        guard ordered.count == variables.count else { throw Unsupported("\(head) applied to a variable twice") }
        return .table(model.marginal(ordered), ordered)
    }

    /// Groups of random variables in `H(A | B)`, `I(A; B | C)`.
    private func variableGroups(_ args: [TermArgument], function: String) throws(Unsupported) -> [[String]] {
        var groups: [[String]] = [[]]
        for (i, arg) in args.enumerated() {
            guard case .symbol(let s) = arg.term, Vocabulary.randomVariables.contains(s) else {
                throw Unsupported("\(function)(…) of something other than the random variables X, Y, Z")
            }
            if i > 0 && arg.separator != .comma { groups.append([]) }
            groups[groups.count - 1].append(s)
        }
        return groups
    }

    private func separatorsOf(_ args: [TermArgument]) -> [TermSeparator] {
        args.dropFirst().map(\.separator).filter { $0 != .comma }
    }

    /// The entropy of the joint of a set of variables (0 for no variables).
    private func jointEntropy(_ set: Set<String>, _ model: JointModel) -> Expr? {
        if set.isEmpty { return nil }
        return Build.call("H", [model.marginal(model.ordered(set))], base: base)
    }

    private func combine(_ plus: [Expr?], _ minus: [Expr?]) -> Expr {
        var result: Expr?
        for term in plus.compactMap({ $0 }) { result = result.map { Build.binary(.add, $0, term) } ?? term }
        for term in minus.compactMap({ $0 }) { result = Build.binary(.subtract, result ?? Build.number(0), term) }
        return result ?? Build.number(0)
    }

    private mutating func entropy(_ args: [TermArgument], _ env: [String: Bound]) throws(Unsupported) -> Expr {
        switch reading {
        case .distributions:
            guard args.count == 1 || (args.count == 2 && args[1].separator == .comma) else {
                throw Unsupported("H(…) with \(args.count) arguments in a formula about distributions")
            }
            var values: [Expr] = []
            for arg in args {
                guard case .distribution(let d) = try value(arg.term, env) else { throw Unsupported("H(…) of something other than a distribution") }
                values.append(d)
            }
            return Build.call("H", values, base: base)
        case .variables(let model):
            let separators = separatorsOf(args)
            guard separators.allSatisfy({ $0 == .bar }), separators.count <= 1 else {
                throw Unsupported("H(…) with separators other than , and |")
            }
            let groups = try variableGroups(args, function: "H")
            let a = Set(groups[0]), b = Set(groups.count > 1 ? groups[1] : [])
            guard !a.isEmpty, groups.count == 1 || !b.isEmpty else { throw Unsupported("H(…) with an empty side") }
            return combine([jointEntropy(a.union(b), model)], [jointEntropy(b, model)])
        }
    }

    private func mutualInformation(_ args: [TermArgument], _ env: [String: Bound]) throws(Unsupported) -> Expr {
        guard case .variables(let model) = reading else {
            throw Unsupported("I(…) needs random variables (I(X; Y)); I(x) of an outcome is notation")
        }
        let separators = separatorsOf(args)
        guard separators == [.semicolon] || separators == [.semicolon, .bar] else {
            throw Unsupported("I(…) is read as I(X; Y) or I(X; Y | Z)")
        }
        let groups = try variableGroups(args, function: "I")
        guard groups.count >= 2, groups.allSatisfy({ !$0.isEmpty }) else { throw Unsupported("I(…) with an empty side") }
        let a = Set(groups[0]), b = Set(groups[1]), c = Set(groups.count > 2 ? groups[2] : [])
        // I(A; B | C) = H(A, C) + H(B, C) − H(A, B, C) − H(C).
        return combine([jointEntropy(a.union(c), model), jointEntropy(b.union(c), model)],
                       [jointEntropy(a.union(b).union(c), model), jointEntropy(c, model)])
    }

    private mutating func divergence(_ head: String, _ args: [TermArgument], _ env: [String: Bound]) throws(Unsupported) -> Expr {
        guard args.count == 2, args[1].separator == .doubleBar || (head != "D" && args[1].separator == .comma) else {
            throw Unsupported("\(head == "D" ? "D" : head)(…) is read as \(head)(P ‖ Q)")
        }
        let p = try value(args[0].term, env), q = try value(args[1].term, env)
        let function = head == "JS" ? "JS" : "KL"
        switch (p, q) {
        case (.distribution(let a), .distribution(let b)):
            return Build.call(function, [a, b], separator: .doubleBar, base: base)
        case (.table(let a, let av), .table(let b, let bv)) where av == bv:
            return Build.call(function, [a, b], separator: .doubleBar, base: base)
        default:
            throw Unsupported("\(head)(…) of things that are not two distributions over the same outcomes")
        }
    }

    // MARK: Sums and expectations

    private mutating func freshName(_ letter: String) -> String {
        fresh += 1
        return "\(letter)·\(fresh)"
    }

    private mutating func sum(_ indices: [String], _ body: Term, _ env: [String: Bound]) throws(Unsupported) -> Expr {
        var inner = env
        var loops: [(String, Int)] = []
        for letter in indices {
            guard env[letter] == nil else { throw Unsupported("the index \(letter) is already bound") }
            let name = freshName(letter)
            switch reading {
            case .distributions(let outcomes):
                inner[letter] = Bound(cellsName: name, variable: nil)
                loops.append((name, outcomes))
            case .variables(let model):
                let variable = letter.uppercased()
                guard let n = model.size(of: variable) else {
                    throw Unsupported("the sum over \(letter) ranges over no random variable of the formula")
                }
                inner[letter] = Bound(cellsName: name, variable: variable)
                inner[variable] = Bound(cellsName: name, variable: variable)
                loops.append((name, n))
            }
        }
        var result = try scalar(body, inner)
        for (name, n) in loops.reversed() { result = Build.sum(over: name, count: n, result) }
        return result
    }

    private mutating func expectation(_ sub: ExpectationSubscript?, _ body: Term, _ env: [String: Bound]) throws(Unsupported) -> Expr {
        switch reading {
        case .distributions(let outcomes):
            let (letters, distributionName): ([String], String)
            switch sub {
            case nil: throw Unsupported("an expectation without saying over which distribution (write \\mathbb{E}_P)")
            case .distribution(let d): (letters, distributionName) = (["x", "X"], d)
            case .variable(let v, let d): (letters, distributionName) = ([v, v.uppercased()], d)
            }
            guard case .distribution(let weights) = try distribution(distributionName, env) else {
                throw Unsupported("\(distributionName) is not a distribution")
            }
            let name = freshName(letters[0])
            var inner = env
            for letter in letters { inner[letter] = Bound(cellsName: name, variable: nil) }
            let value = try scalar(body, inner)
            return Build.sum(over: name, count: outcomes,
                             Build.binary(.multiply, Build.index(weights, Build.name(name)), value))
        case .variables(let model):
            var variables: Set<String>
            switch sub {
            case nil, .distribution("P"), .distribution("p"):
                variables = Set(model.variables.filter { mentions(body, $0, env) })
            case .variable(let v, let d) where d == "P" || d == "p":
                variables = [v.uppercased()]
            default:
                throw Unsupported("an expectation over something other than the joint law of the variables")
            }
            guard !variables.isEmpty else { throw Unsupported("an expectation of nothing random") }
            let ordered = model.ordered(variables)
            var inner = env
            var names: [String: String] = [:]
            var loops: [(String, Int)] = []
            for variable in ordered {
                let name = freshName(variable.lowercased())
                names[variable] = name
                inner[variable] = Bound(cellsName: name, variable: variable)
                inner[variable.lowercased()] = Bound(cellsName: name, variable: variable)
                loops.append((name, model.size(of: variable) ?? 1))
            }
            guard let index = model.flatIndex(ordered, names) else { throw Unsupported("could not index the expectation") }
            var result = Build.binary(.multiply, Build.index(model.marginal(ordered), index), try scalar(body, inner))
            for (name, n) in loops.reversed() { result = Build.sum(over: name, count: n, result) }
            return result
        }
    }

    /// Whether `term` mentions the random variable `variable` as a value (not as an argument of H or I).
    private func mentions(_ term: Term, _ variable: String, _ env: [String: Bound]) -> Bool {
        var found = false
        term.visit { t in
            if case .symbol(let s) = t, s == variable || s == variable.lowercased(), env[s] == nil { found = true }
        }
        return found
    }

    func describe(_ term: Term) -> String {
        term.bareName ?? "a term"
    }
}
