import InfoTheory

extension Builtins {
    /// `kl_div(input, target, reduction: "mean", log_target: false)`: PyTorch's `F.kl_div`,
    /// argument order and all (input is the model's log-probabilities, target the data's
    /// probabilities; the result is KL(target ‖ exp(input))).
    static let klDiv = Builtin("kl_div", 2...2, labels: ["reduction", "log_target"], """
        kl_div(input, target, reduction: "mean", log_target: false): PyTorch's F.kl_div; input holds \
        LOG-probabilities, target probabilities; "batchmean" is the KL per sample of an N×C batch
        """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
        let input = try klDivTable(call, 0, "input")
        let target = try klDivTable(call, 1, "target")
        let reductionName = try call.stringOption("reduction") ?? "mean"
        guard let reduction = KLDivReduction(rawValue: reductionName) else {
            throw EvalError(.argument, "kl_div: unknown reduction \"\(reductionName)\"", at: call.option("reduction")?.1 ?? call.span,
                            hint: "\"mean\" (PyTorch's default: divides by every element), \"batchmean\" (per sample), \"sum\" or \"none\"")
        }
        var logTarget = false
        if let (value, span) = call.option("log_target") {
            guard case .boolean(let b) = value else {
                throw EvalError(.type, "kl_div: 'log_target' must be true or false, got \(value.typeName)", at: span)
            }
            logTarget = b
        }
        try interp.tick(call.span, input.rows.count * (input.rows.first?.count ?? 0))
        if input.isVector != target.isVector {
            throw EvalError(.shape, "kl_div: input is a \(input.isVector ? "vector" : "matrix") but target is a \(target.isVector ? "vector" : "matrix"); they must have the same shape",
                            at: call.span(1))
        }
        let output = try library(call) { () throws(InfoTheoryError) -> KLDivOutput in
            input.isVector
                ? try klDivLoss(input: input.rows[0], target: target.rows[0], reduction: reduction, logTarget: logTarget)
                : try klDivLoss(input: input.rows, target: target.rows, reduction: reduction, logTarget: logTarget)
        }
        switch output {
        case .scalar(let x): return .number(x, .nats)
        case .pointwise(let rows): return input.isVector ? .vector(rows.first ?? [], .nats) : .matrix(rows)
        }
    }

    /// A vector (one row) or a matrix argument of `kl_div`.
    private static func klDivTable(_ call: Call, _ i: Int, _ name: String) throws(EvalError) -> (rows: [[Double]], isVector: Bool) {
        switch call.values[i] {
        case .vector(let v, _): return ([v], true)
        case .matrix(let m): return (m, false)
        default:
            throw EvalError(.type, "kl_div: \(name) must be a vector or a matrix, got \(call.values[i].typeName)", at: call.span(i))
        }
    }
}
