import InfoTheory

extension Builtins {
    /// The joint table behind `I(…)`: a matrix `I(J)`, or the two random variables `I(X; Y)`.
    static func jointTable(_ call: Call) throws(EvalError) -> [[Double]] {
        if case .variable(let x) = call.values[0] {
            guard call.count == 2, case .variable(let y) = call.values[1], y.axis != x.axis, y.table == x.table else {
                throw EvalError(.argument, "\(call.name)(X; Y) needs the two random variables of one joint table", at: call.span,
                                hint: "X, Y = variables(J); or pass the table: \(call.name)(J)")
            }
            return x.axis == 0 ? x.table : transposed(x.table)
        }
        guard call.count == 1 else {
            throw EvalError(.argument, "\(call.name) takes a joint table (I(J)) or two random variables (I(X; Y))", at: call.span(1),
                            hint: "X, Y = variables(J), then I(X; Y)")
        }
        return try call.matrix(0)
    }

    static func transposed(_ m: [[Double]]) -> [[Double]] {
        guard let width = m.first?.count else { return [] }
        return (0..<width).map { j in m.map { j < $0.count ? $0[j] : .nan } }
    }

    static func mutualInformationMethod(_ call: Call) throws(EvalError) -> MutualInformationMethod {
        guard let name = try call.stringOption("method") else { return .klDivergence }
        switch name {
        case "kl", "klDivergence", "kl_divergence": return .klDivergence
        case "conditional", "conditionalEntropy", "conditional_entropy": return .conditionalEntropy
        case "sum", "entropySum", "entropy_sum": return .entropySum
        default:
            throw EvalError(.argument, "\(call.name): unknown method \"\(name)\"", at: call.option("method")?.1 ?? call.span,
                            hint: "methods: \"kl\" (default), \"conditional\", \"sum\"")
        }
    }

    static let jointBuiltins: [Builtin] =
        aliases(Builtin("I", 1...2, labels: ["base", "method"], separators: [.semicolon], """
            I(J) mutual information of a joint table (rows X, columns Y); I(X; Y) with X, Y = variables(J); \
            method: "kl" | "conditional" | "sum"
            """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let table = try jointTable(call)
            let unit = try call.unit(), method = try mutualInformationMethod(call)
            try interp.tick(call.span, table.count * (table.first?.count ?? 0))
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try mutualInformation(table, method: method, base: unit.base, name: call.argumentName(0, "J"))
            }, unit)
        }, "mutual_information", "MI")
        + [
            Builtin("variables", 1...1, "X, Y = variables(J): the row and column random variables of a joint table") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0)
                _ = try library(call) { () throws(InfoTheoryError) -> [Double] in try marginalX(table, name: call.argumentName(0, "J")) }
                return .tuple([.variable(RandomVariable(table: table, axis: 0, name: "X")),
                               .variable(RandomVariable(table: table, axis: 1, name: "Y"))])
            },
            Builtin("joint_entropy", 1...1, labels: ["base"], "joint_entropy(J) = H(X, Y) of a joint table") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0), unit = try call.unit()
                try interp.tick(call.span, table.count * (table.first?.count ?? 0))
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try jointEntropy(table, base: unit.base, name: call.argumentName(0, "J")) }, unit)
            },
            Builtin("conditional_entropy", 1...1, labels: ["base", "given"], "conditional_entropy(J) = H(X | Y); given: \"X\" for H(Y | X)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0), unit = try call.unit()
                let given: JointVariable
                switch try call.stringOption("given") ?? "Y" {
                case "Y", "y": given = .y
                case "X", "x": given = .x
                default: throw EvalError(.argument, "conditional_entropy: given must be \"X\" or \"Y\"", at: call.option("given")?.1 ?? call.span)
                }
                try interp.tick(call.span, table.count * (table.first?.count ?? 0))
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                    try conditionalEntropy(table, given: given, base: unit.base, name: call.argumentName(0, "J"))
                }, unit)
            },
            Builtin("marginal_x", 1...1, "marginal_x(J): row sums, the distribution of X") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0)
                return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try marginalX(table, name: call.argumentName(0, "J")) }, nil)
            },
            Builtin("marginal_y", 1...1, "marginal_y(J): column sums, the distribution of Y") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0)
                return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try marginalY(table, name: call.argumentName(0, "J")) }, nil)
            },
            Builtin("marginals", 1...1, "PX, PY = marginals(J)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0)
                let px = try library(call) { () throws(InfoTheoryError) -> [Double] in try marginalX(table, name: call.argumentName(0, "J")) }
                let py = try library(call) { () throws(InfoTheoryError) -> [Double] in try marginalY(table, name: call.argumentName(0, "J")) }
                return .tuple([.vector(px, nil), .vector(py, nil)])
            },
            Builtin("product_of_marginals", 1...1, "product_of_marginals(J): the independent table p(x)·p(y)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let table = try call.matrix(0)
                return .matrix(try library(call) { () throws(InfoTheoryError) -> [[Double]] in try productOfMarginals(table, name: call.argumentName(0, "J")) })
            },
        ]
        + aliases(Builtin("nmi", 1...1, labels: ["normalization"], "nmi(J) normalised mutual information in [0, 1]; normalization: \"arithmetic\" | \"geometric\" | \"min\" | …") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let table = try call.matrix(0)
            var normalization = MutualInformationNormalization.arithmetic
            if let name = try call.stringOption("normalization") {
                guard let chosen = MutualInformationNormalization(rawValue: name) else {
                    throw EvalError(.argument, "nmi: unknown normalization \"\(name)\"", at: call.option("normalization")?.1 ?? call.span,
                                    hint: "one of " + MutualInformationNormalization.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                }
                normalization = chosen
            }
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try normalizedMutualInformation(table, normalization: normalization, name: call.argumentName(0, "J"))
            }, nil)
        }, "normalized_mutual_information")
}
