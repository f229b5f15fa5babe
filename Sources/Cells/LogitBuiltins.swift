import InfoTheory

extension Builtins {
    static let logitBuiltins: [Builtin] =
        aliases(Builtin("logsumexp", 1...1, "logsumexp(z) = log Σ exp(zᵢ), computed stably") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let z = try call.vector(0)
            try interp.tick(call.span, z.count)
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try logSumExp(z, name: call.argumentName(0, "z")) }, nil)
        }, "LSE", "log_sum_exp")
        + [
            Builtin("softmax", 1...2, labels: ["T", "temperature"], "softmax(z, T): probabilities exp(zᵢ/T)/Σ; T = 0 one-hot on the argmax, T = inf uniform") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let z = try call.vector(0), t = try temperature(call, position: 1)
                try interp.tick(call.span, z.count)
                return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try softmax(z, temperature: t, name: call.argumentName(0, "z")) }, nil)
            },
            Builtin("log_softmax", 1...2, labels: ["T", "temperature"], "log_softmax(z, T) = z/T − logsumexp(z/T)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let z = try call.vector(0), t = try temperature(call, position: 1)
                try interp.tick(call.span, z.count)
                return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try logSoftmax(z, temperature: t, name: call.argumentName(0, "z")) }, nil)
            },
            Builtin("entropy_from_logits", 1...2, labels: ["T", "temperature", "base"], "entropy_from_logits(z, T) = H(softmax(z, T)), stably") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let z = try call.vector(0), t = try temperature(call, position: 1), unit = try call.unit()
                try interp.tick(call.span, z.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                    try entropyFromLogits(z, temperature: t, base: unit.base, name: call.argumentName(0, "z"))
                }, unit)
            },
            Builtin("kl_from_logits", 2...3, labels: ["T", "temperature", "base"], separators: [.doubleBar], "kl_from_logits(zp, zq, T) = KL(softmax(zp/T) ‖ softmax(zq/T))") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let p = try call.vector(0), q = try call.vector(1), t = try temperature(call, position: 2), unit = try call.unit()
                try interp.tick(call.span, p.count)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                    try klDivergenceFromLogits(p, q, temperature: t, base: unit.base, pName: call.argumentName(0, "zp"), qName: call.argumentName(1, "zq"))
                }, unit)
            },
            Builtin("lgamma", 1...1, "lgamma(x) = log Γ(x)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                .number(logGamma(try call.number(0)), nil)
            },
            Builtin("digamma", 1...1, "digamma(x) = ψ(x) = d/dx log Γ(x)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                .number(digamma(try call.number(0)), nil)
            },
            Builtin("pairwise_sum", 1...1, "pairwise_sum(v): sum by pairwise (cascade) summation") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
                let v = try call.vector(0)
                try interp.tick(call.span, v.count)
                return .number(pairwiseSum(v), nil)
            },
        ]

    static func integers(_ values: [Double], _ call: Call, _ what: String, _ span: Span) throws(EvalError) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for x in values { out.append(try Call.integer(x, name: call.name, what: what, minimum: Int.min, span: span)) }
        return out
    }

    static let lossBuiltins: [Builtin] = aliases(
        Builtin("cross_entropy", 2...2, labels: ["weights", "ignore_index", "label_smoothing", "reduction"], """
            cross_entropy(logits, targets, weights:, ignore_index: -100, label_smoothing: 0, reduction: "mean"): \
            PyTorch's loss from logits (N×C matrix or one vector); targets are 0-based class indices or probability rows
            """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            var logits: [[Double]]
            var single = false
            switch call.values[0] {
            case .matrix(let m): logits = m
            case .vector(let v, _): logits = [v]; single = true
            default: throw EvalError(.type, "cross_entropy: logits must be a vector or an N×C matrix", at: call.span(0))
            }
            let targets: CrossEntropyTargets
            switch call.values[1] {
            case .number(let x, _):
                targets = .classIndices(try integers([x], call, "a class index", call.span(1)))
            case .vector(let v, _):
                if single && v.count == logits[0].count && v.count != 1 {
                    targets = .probabilities([v])
                } else {
                    targets = .classIndices(try integers(v, call, "a class index", call.span(1)))
                }
            case .matrix(let m): targets = .probabilities(m)
            default: throw EvalError(.type, "cross_entropy: targets must be class indices or probability rows", at: call.span(1))
            }
            var weights: [Double]? = nil
            if let (value, span) = call.option("weights") {
                guard case .vector(let w, _) = value else { throw EvalError(.type, "cross_entropy: weights must be a vector", at: span) }
                weights = w
            }
            let ignore = try call.numberOption("ignore_index").map { (x: Double) throws(EvalError) -> Int in
                try Call.integer(x, name: "cross_entropy", what: "ignore_index", minimum: Int.min, span: call.option("ignore_index")?.1 ?? call.span)
            } ?? -100
            let smoothing = try call.numberOption("label_smoothing") ?? 0
            let reductionName = try call.stringOption("reduction") ?? "mean"
            guard let reduction = Reduction(rawValue: reductionName) else {
                throw EvalError(.argument, "cross_entropy: unknown reduction \"\(reductionName)\"", at: call.option("reduction")?.1 ?? call.span,
                                hint: "\"mean\", \"sum\" or \"none\"")
            }
            try interp.tick(call.span, logits.count * (logits.first?.count ?? 0))
            let output = try library(call) { () throws(InfoTheoryError) -> LossOutput in
                try crossEntropyLoss(logits: logits, targets: targets, weights: weights, ignoreIndex: ignore,
                                     labelSmoothing: smoothing, reduction: reduction)
            }
            switch output {
            case .scalar(let x): return .number(x, .nats)
            case .perSample(let v): return .vector(v, .nats)
            }
        }, "cross_entropy_loss") + [
        klDiv,
        Builtin("nll", 2...2, labels: ["label_smoothing"], "nll(z, k) = −log softmax(z)[k], one sample's loss for 0-based class k") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let z = try call.vector(0), k = try call.integer(1)
            let smoothing = try call.numberOption("label_smoothing") ?? 0
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try crossEntropyLoss(logits: z, target: k, labelSmoothing: smoothing)
            }, .nats)
        },
        Builtin("distillation_loss", 2...3, labels: ["target", "alpha", "T", "temperature"], """
            distillation_loss(student, teacher, T, target: k, alpha: 0.5) (T also as temperature: T): T²·KL(softmax(teacher/T) ‖ softmax(student/T)) \
            (+ hard-label term); matrices give the batch mean
            """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let t = try temperature(call, position: 2)
            if case .matrix(let s) = call.values[0] {
                let teacher = try call.matrix(1)
                if call.option("target") != nil || call.option("alpha") != nil {
                    throw EvalError(.argument, "distillation_loss: target: and alpha: apply to one sample (vectors)", at: call.span)
                }
                try interp.tick(call.span, s.count * (s.first?.count ?? 0))
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try distillationLoss(student: s, teacher: teacher, temperature: t) }, .nats)
            }
            let s = try call.vector(0), teacher = try call.vector(1)
            let target = try call.numberOption("target").map { (x: Double) throws(EvalError) -> Int in
                try Call.integer(x, name: "distillation_loss", what: "target", minimum: Int.min, span: call.option("target")?.1 ?? call.span)
            }
            let alpha = try call.numberOption("alpha") ?? 0.5
            try interp.tick(call.span, s.count)
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try distillationLoss(student: s, teacher: teacher, temperature: t, hardTarget: target, alpha: alpha)
            }, .nats)
        },
        estimator("k1", .k1), estimator("k2", .k2), estimator("k3", .k3),
        Builtin("kl_estimate", 2...2, labels: ["estimator"], "kl_estimate(logq, logp, estimator: \"k3\"): Monte-Carlo KL(Q ‖ P) from samples of Q (mean of k1/k2/k3)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let name = try call.stringOption("estimator") ?? "k3"
            guard let estimator = KLEstimator(rawValue: name) else {
                throw EvalError(.argument, "kl_estimate: unknown estimator \"\(name)\"", at: call.option("estimator")?.1 ?? call.span, hint: "\"k1\", \"k2\" or \"k3\"")
            }
            let q = try call.vector(0), p = try call.vector(1)
            try interp.tick(call.span, q.count)
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try meanKLEstimate(estimator, logQ: q, logP: p) }, .nats)
        },
    ]

    /// Schulman's per-sample estimators: numbers give one estimate, vectors one per sample.
    static func estimator(_ name: String, _ kind: KLEstimator) -> Builtin {
        Builtin(name, 2...2, "\(name)(logq, logp): Schulman's \(name) estimate of KL(Q ‖ P) per sample x ~ Q") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            if case .number(let q, _) = call.values[0] {
                let p = try call.number(1)
                return .number(try library(call) { () throws(InfoTheoryError) -> Double in try klEstimate(kind, logQ: q, logP: p) }, .nats)
            }
            let q = try call.vector(0), p = try call.vector(1)
            try interp.tick(call.span, q.count)
            return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try klEstimates(kind, logQ: q, logP: p) }, .nats)
        }
    }

}
