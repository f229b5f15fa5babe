import InfoTheory

/// Runs a math-library function, turning its error into a located one. When the library's
/// message names one of the call's arguments (`P sums to 0.98…`), the caret points at it.
func library<T>(_ call: Call, _ body: () throws(InfoTheoryError) -> T) throws(EvalError) -> T {
    do {
        return try body()
    } catch {
        var span = call.span
        var argument = "P"
        let message = error.problem
        for i in call.info.indices {
            let name = call.argumentName(i, "")
            if name.isEmpty { continue }
            if message.hasPrefix(name + " ") || message.hasPrefix(name + "[") { span = call.span(i); argument = name; break }
        }
        // The library's remedy names its Swift API; in a cell the remedy is the cell's own built-in.
        let hint: String? = if case .notNormalized = error { "use normalize(\(argument)) to renormalise explicitly" } else { nil }
        throw EvalError(.domain, "\(call.name): \(message)", at: span, hint: hint)
    }
}

extension Builtins {
    /// A function of one distribution with a `base:` option, e.g. entropy.
    static func distributionMeasure(_ name: String, _ summary: String,
                                    _ f: @escaping @Sendable ([Double], LogBase, String) throws(InfoTheoryError) -> Double) -> Builtin {
        Builtin(name, 1...1, labels: ["base"], summary) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            if case .distribution = call.values[0] { return try differentialEntropy(call) }
            let p = try call.distribution(0)
            let unit = try call.unit()
            try interp.tick(call.span, p.count)
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try f(p, unit.base, call.argumentName(0, "P")) }, unit)
        }
    }

    /// A function of two distributions written `F(P ‖ Q)` or `F(P, Q)`, with a `base:` option.
    static func divergence(_ name: String, _ summary: String, unitless: Bool = false,
                           _ f: @escaping @Sendable ([Double], [Double], LogBase, String, String) throws(InfoTheoryError) -> Double) -> Builtin {
        Builtin(name, 2...2, labels: unitless ? [] : ["base"], separators: [.doubleBar], summary) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            if name.lowercased().hasPrefix("kl") || name == "D" || name == "DKL", case .distribution = call.values[0] {
                return try distributionKL(call)
            }
            let p = try call.distribution(0), q = try call.distribution(1)
            let unit = try call.unit()
            try interp.tick(call.span, p.count)
            let value = try library(call) { () throws(InfoTheoryError) -> Double in
                try f(p, q, unit.base, call.argumentName(0, "P"), call.argumentName(1, "Q"))
            }
            return .number(value, unitless ? nil : unit)
        }
    }

    /// Temperature from the second positional argument or `T:`/`temperature:`; 1 by default.
    static func temperature(_ call: Call, position: Int) throws(EvalError) -> Double {
        if call.count > position { return try call.number(position) }
        if let t = try call.numberOption("T") { return t }
        if let t = try call.numberOption("temperature") { return t }
        return 1
    }

    static let information: [Builtin] =
        aliases(Builtin("H", 1...2, labels: ["base", "given"], separators: [.bar], """
            H(P) entropy; H(P, Q) cross-entropy; H(J) joint entropy of a table; H(J, given: "y") = H(X | Y); \
            with random variables from variables(J): H(X), H(X, Y) joint, H(X | Y) conditional
            """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            try entropyFamily(&interp, &call)
        })
        + [
            distributionMeasure("entropy", "entropy(P): Shannon entropy −Σ p log p; entropy(d) differential entropy of a distribution") { p, b, n throws(InfoTheoryError) in try entropy(p, base: b, name: n) },
            Builtin("perplexity", 1...1, "perplexity(P) = exp(H(P)), unitless") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.vector(0)
                try interp.tick(call.span, p.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try perplexity(p, name: call.argumentName(0, "P")) }, nil)
            },
            Builtin("cross_entropy_pq", 2...2, labels: ["base"], separators: [.doubleBar], "cross_entropy_pq(P, Q) = H(P, Q) = −Σ p log q between distributions") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.distribution(0), q = try call.distribution(1), unit = try call.unit()
                try interp.tick(call.span, p.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                    try crossEntropy(p, q, base: unit.base, pName: call.argumentName(0, "P"), qName: call.argumentName(1, "Q"))
                }, unit)
            },
            Builtin("normalize", 1...1, "normalize(v): v divided by its sum (explicit renormalisation)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let v = try call.vector(0)
                try interp.tick(call.span, v.count)
                return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try normalized(v, name: call.argumentName(0, "P")) }, nil)
            },
            Builtin("info", 1...1, labels: ["base"], "info(p) = −log p, the information content (surprisal) of an event") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.number(0), unit = try call.unit()
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try informationContent(p, base: unit.base, name: call.argumentName(0, "p")) }, unit)
            },
            Builtin("binary_entropy", 1...1, labels: ["base"], "binary_entropy(p) = H([p, 1 − p])") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.number(0), unit = try call.unit()
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try binaryEntropy(p, base: unit.base, name: call.argumentName(0, "p")) }, unit)
            },
            Builtin("renyi", 1...2, labels: ["alpha", "base"], "renyi(P, alpha) Rényi entropy of order α (also alpha: α)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.vector(0), unit = try call.unit()
                guard let alpha = call.count > 1 ? try call.number(1) : try call.numberOption("alpha") else {
                    throw EvalError(.argument, "renyi needs the order: renyi(P, 2) or renyi(P, alpha: 2)", at: call.span)
                }
                try interp.tick(call.span, p.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try renyiEntropy(p, alpha: alpha, base: unit.base, name: call.argumentName(0, "P")) }, unit)
            },
            Builtin("tsallis", 1...2, labels: ["q"], "tsallis(P, q) Tsallis entropy of index q (unitless; also q: q)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.vector(0)
                guard let q = call.count > 1 ? try call.number(1) : try call.numberOption("q") else {
                    throw EvalError(.argument, "tsallis needs the index: tsallis(P, 2) or tsallis(P, q: 2)", at: call.span)
                }
                try interp.tick(call.span, p.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try tsallisEntropy(p, q: q, name: call.argumentName(0, "P")) }, nil)
            },
        ]
        + aliases(divergence("KL", "KL(P ‖ Q) Kullback–Leibler divergence Σ p log(p/q); also KL(P || Q), kl(P, Q)") { p, q, b, pn, qn throws(InfoTheoryError) in
            try klDivergence(p, q, base: b, pName: pn, qName: qn)
        }, "kl", "D", "DKL", "kl_divergence")
        + aliases(divergence("JS", "JS(P ‖ Q) Jensen–Shannon divergence (≤ ln 2 nats)") { p, q, b, pn, qn throws(InfoTheoryError) in
            try jsDivergence(p, q, base: b, pName: pn, qName: qn)
        }, "js", "JSD", "js_divergence")
        + aliases(divergence("js_distance", "js_distance(P, Q) = √JS(P ‖ Q)") { p, q, b, pn, qn throws(InfoTheoryError) in
            try jsDistance(p, q, base: b, pName: pn, qName: qn)
        })
        + aliases(divergence("TV", "TV(P, Q) total variation distance ½Σ|p − q| (unitless)", unitless: true) { p, q, _, pn, qn throws(InfoTheoryError) in
            try totalVariation(p, q, pName: pn, qName: qn)
        }, "tv", "total_variation")
        + aliases(Builtin("information_content", 1...1, labels: ["base"], "information_content(p) = −log p") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let p = try call.number(0), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try informationContent(p, base: unit.base, name: call.argumentName(0, "p")) }, unit)
        }, "surprisal")
        + jointBuiltins + logitBuiltins + lossBuiltins + continuousBuiltins

    /// `H` dispatches on what it is given, so it reads like the notes.
    static func entropyFamily(_ interp: inout Interpreter, _ call: inout Call) throws(EvalError) -> Value {
        if case .distribution = call.values[0], call.count == 1 { return try differentialEntropy(call) }
        let unit = try call.unit()
        let base = unit.base
        if case .variable(let x) = call.values[0] {
            if call.count == 1 {
                let marginal = try library(call) { () throws(InfoTheoryError) -> [Double] in
                    x.axis == 0 ? try marginalX(x.table, name: "joint table") : try marginalY(x.table, name: "joint table")
                }
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try entropy(marginal, base: base, name: x.name) }, unit)
            }
            guard case .variable(let y) = call.values[1], y.axis != x.axis, y.table == x.table else {
                throw EvalError(.argument, "H(X, Y) and H(X | Y) need the two random variables of one joint table", at: call.span(1),
                                hint: "X, Y = variables(J)")
            }
            if call.separator(1) == .bar {
                // H(X | Y): condition on the column variable when X is the row variable.
                let given: JointVariable = y.axis == 1 ? .y : .x
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try conditionalEntropy(x.table, given: given, base: base, name: "joint table") }, unit)
            }
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try jointEntropy(x.table, base: base, name: "joint table") }, unit)
        }
        if call.count == 2 && call.separator(1) == .bar {
            throw EvalError(.argument, "H(X | Y) needs random variables of a joint table", at: call.span(1),
                            hint: "X, Y = variables(J), then H(X | Y); or conditional_entropy(J)")
        }
        if case .matrix(let table) = call.values[0], call.count == 1, let (givenValue, givenSpan) = call.option("given") {
            guard case .string(let name) = givenValue, let given = JointVariable(rawValue: name.lowercased()) else {
                throw EvalError(.argument, "H: given must be \"x\" or \"y\"", at: givenSpan)
            }
            try interp.tick(call.span, table.count * (table.first?.count ?? 0))
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try conditionalEntropy(table, given: given, base: base, name: call.argumentName(0, "J"))
            }, unit)
        }
        if call.option("given") != nil {
            throw EvalError(.argument, "H: given: applies to a joint table, H(J, given: \"y\")", at: call.span)
        }
        if case .matrix(let table) = call.values[0], call.count == 1 {
            try interp.tick(call.span, table.count * (table.first?.count ?? 0))
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try jointEntropy(table, base: base, name: call.argumentName(0, "J")) }, unit)
        }
        let p = try call.distribution(0)
        try interp.tick(call.span, p.count)
        if call.count == 2 {
            let q = try call.distribution(1)
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try crossEntropy(p, q, base: base, pName: call.argumentName(0, "P"), qName: call.argumentName(1, "Q"))
            }, unit)
        }
        return .number(try library(call) { () throws(InfoTheoryError) -> Double in try entropy(p, base: base, name: call.argumentName(0, "P")) }, unit)
    }
}
