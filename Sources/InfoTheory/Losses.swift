import Foundation

/// How per-sample losses are combined, as in PyTorch.
public enum Reduction: String, Sendable, Equatable, CaseIterable {
    /// One loss per sample.
    case none
    /// The sum over samples.
    case sum
    /// The (weighted) mean over samples: for class-index targets Σ loss / Σ w[target] over
    /// non-ignored samples; for probability targets Σ loss / N.
    case mean
}

/// Targets of a cross-entropy loss: a class index per sample, or a probability row per sample.
public enum CrossEntropyTargets: Sendable, Equatable {
    /// One class index in 0..<C per sample (or the ignore index).
    case classIndices([Int])
    /// One probability vector of length C per sample (soft labels); each must sum to 1.
    case probabilities([[Double]])
}

/// A loss value: one number for `.sum`/`.mean`, one per sample for `.none`.
public enum LossOutput: Sendable, Equatable {
    /// The reduced loss (`.sum` or `.mean`).
    case scalar(Double)
    /// One loss per sample (`.none`), in sample order; ignored samples are 0.
    case perSample([Double])

    /// The scalar value, or nil for a per-sample output.
    public var scalar: Double? {
        if case .scalar(let v) = self { return v }
        return nil
    }

    /// The values as a vector (a scalar becomes one element).
    public var values: [Double] {
        switch self {
        case .scalar(let v): return [v]
        case .perSample(let v): return v
        }
    }
}

/// Cross-entropy loss from logits with PyTorch's `torch.nn.functional.cross_entropy` semantics.
///
/// - `logits`: N × C (rows are samples). −∞ masks a class.
/// - `targets`: class indices (an index equal to `ignoreIndex` contributes 0 and is left out of
///   the mean) or probability rows.
/// - `weights`: optional per-class weights (length C, ≥ 0).
/// - `labelSmoothing` ε ∈ [0, 1]: targets become (1 − ε)·target + ε/C.
/// - `reduction`: as PyTorch; a `.mean` over only ignored samples is NaN (0/0), as in PyTorch.
/// Always in nats, as PyTorch.
public func crossEntropyLoss(logits: [[Double]], targets: CrossEntropyTargets, weights: [Double]? = nil,
                             ignoreIndex: Int = -100, labelSmoothing: Double = 0,
                             reduction: Reduction = .mean) throws(InfoTheoryError) -> LossOutput {
    let (n, c) = try validateTable(logits, name: "logits")
    if let w = weights {
        try validateSameLength(w, "weights", logits[0], "logits[0]")
        _ = try validateNonNegative(w, name: "weights")
    }
    if !(labelSmoothing >= 0 && labelSmoothing <= 1) {
        throw .invalidParameter(name: "labelSmoothing", value: labelSmoothing, requirement: "in [0, 1]")
    }
    var logp = [[Double]]()
    logp.reserveCapacity(n)
    for (i, row) in logits.enumerated() {
        try validateReal(row, name: "logits[\(i)]", allowInfinity: true)
        logp.append(try logSoftmaxKernel(row, temperature: 1, name: "logits[\(i)]"))
    }
    let eps = labelSmoothing
    let w = weights ?? [Double](repeating: 1, count: c)
    // −Σ_c w_c·log p_c, with 0·(−∞) = 0 when a class has weight 0.
    func smoothTerm(_ lp: [Double]) -> Double {
        var s = NeumaierSum()
        for k in 0..<c where w[k] != 0 { s.add(-w[k] * lp[k]) }
        return s.value
    }
    var losses = [Double](repeating: 0, count: n)
    var denominator = NeumaierSum()
    switch targets {
    case .classIndices(let ys):
        if ys.count != n {
            throw .lengthMismatch(first: "logits", firstCount: n, second: "targets", secondCount: ys.count)
        }
        for (i, y) in ys.enumerated() {
            if y == ignoreIndex { continue }
            if y < 0 || y >= c {
                throw .indexOutOfRange(argument: "targets", position: i, value: y,
                                       validRange: "0..<\(c) (or the ignore index \(ignoreIndex))")
            }
            let nll = w[y] == 0 ? 0 : -w[y] * logp[i][y]
            losses[i] = eps == 0 ? nll : (1 - eps) * nll + eps / Double(c) * smoothTerm(logp[i])
            denominator.add(w[y])
        }
    case .probabilities(let rows):
        if rows.count != n {
            throw .lengthMismatch(first: "logits", firstCount: n, second: "targets", secondCount: rows.count)
        }
        for (i, t) in rows.enumerated() {
            try validateSameLength(t, "targets[\(i)]", logits[i], "logits[\(i)]")
            try validateDistribution(t, name: "targets[\(i)]")
            var s = NeumaierSum()
            for k in 0..<c {
                let target = (1 - eps) * t[k] + eps / Double(c)
                if target != 0 && w[k] != 0 { s.add(-w[k] * target * logp[i][k]) }
            }
            losses[i] = s.value
        }
        denominator.add(Double(n))
    }
    switch reduction {
    case .none: return .perSample(losses)
    case .sum: return .scalar(compensatedSum(losses))
    case .mean: return .scalar(compensatedSum(losses) / denominator.value)
    }
}

/// Cross-entropy loss of one sample with a class-index target: −log softmax(z)[target], in nats.
public func crossEntropyLoss(logits: [Double], target: Int, labelSmoothing: Double = 0) throws(InfoTheoryError) -> Double {
    let out = try crossEntropyLoss(logits: [logits], targets: .classIndices([target]), ignoreIndex: Int.min,
                                   labelSmoothing: labelSmoothing, reduction: .sum)
    return out.scalar ?? .nan
}

/// Knowledge-distillation loss (Hinton et al.): α·T²·D(softmax(teacher/T) ‖ softmax(student/T))
/// + (1 − α)·CE(student, hardTarget). The T² keeps soft-target gradients comparable across
/// temperatures. Without a hard target only the soft term is returned (α is then ignored).
public func distillationLoss(student: [Double], teacher: [Double], temperature: Double,
                             hardTarget: Int? = nil, alpha: Double = 0.5) throws(InfoTheoryError) -> Double {
    if !(temperature > 0) || !temperature.isFinite {
        throw .invalidParameter(name: "temperature", value: temperature, requirement: "finite and > 0")
    }
    let kl = try klDivergenceFromLogits(teacher, student, temperature: temperature, pName: "teacher", qName: "student")
    let soft = temperature * temperature * kl
    guard let y = hardTarget else { return soft }
    if !(alpha >= 0 && alpha <= 1) {
        throw .invalidParameter(name: "alpha", value: alpha, requirement: "in [0, 1]")
    }
    let hard = try crossEntropyLoss(logits: student, target: y)
    return alpha * soft + (1 - alpha) * hard
}

/// Batch distillation loss: the per-sample soft loss T²·KL averaged over the batch
/// (PyTorch's `KLDivLoss(reduction: "batchmean")` times T²).
public func distillationLoss(student: [[Double]], teacher: [[Double]], temperature: Double) throws(InfoTheoryError) -> Double {
    if student.isEmpty { throw .empty(argument: "student") }
    if student.count != teacher.count {
        throw .lengthMismatch(first: "student", firstCount: student.count, second: "teacher", secondCount: teacher.count)
    }
    var s = NeumaierSum()
    for i in 0..<student.count {
        s.add(try distillationLoss(student: student[i], teacher: teacher[i], temperature: temperature))
    }
    return s.value / Double(student.count)
}

/// Schulman's per-sample estimators of D(Q‖P) from a sample x ~ Q, with r = p(x)/q(x):
/// k1 = −log r (unbiased, high variance, can be negative), k2 = ½(log r)² (biased, ≥ 0),
/// k3 = (r − 1) − log r (unbiased and ≥ 0).
public enum KLEstimator: String, Sendable, Equatable, CaseIterable {
    /// −log r: unbiased, high variance, can be negative.
    case k1
    /// ½(log r)²: biased, low variance, ≥ 0.
    case k2
    /// (r − 1) − log r: unbiased, low variance, ≥ 0.
    case k3
}

/// One sample's KL estimate from log q(x) (the sampling distribution) and log p(x).
public func klEstimate(_ estimator: KLEstimator, logQ: Double, logP: Double) throws(InfoTheoryError) -> Double {
    if logQ.isNaN || logQ == .infinity || logQ == -.infinity {
        // A sample drawn from Q has q(x) > 0, so log q(x) must be finite.
        throw .notFinite(argument: "logQ", index: 0, value: logQ)
    }
    if logP.isNaN || logP == .infinity { throw .notFinite(argument: "logP", index: 0, value: logP) }
    let logRatio = logP - logQ
    switch estimator {
    case .k1: return -logRatio
    case .k2: return 0.5 * logRatio * logRatio
    case .k3: return expm1MinusX(logRatio)
    }
}

/// Per-sample KL estimates for paired log-probabilities (samples drawn from Q).
public func klEstimates(_ estimator: KLEstimator, logQ: [Double], logP: [Double]) throws(InfoTheoryError) -> [Double] {
    if logQ.isEmpty { throw .empty(argument: "logQ") }
    try validateSameLength(logQ, "logQ", logP, "logP")
    var out = [Double]()
    out.reserveCapacity(logQ.count)
    for i in 0..<logQ.count {
        do {
            out.append(try klEstimate(estimator, logQ: logQ[i], logP: logP[i]))
        } catch {
            switch error {
            case .notFinite(let a, _, let v): throw .notFinite(argument: a, index: i, value: v)
            default: throw error
            }
        }
    }
    return out
}

/// The Monte-Carlo estimate of D(Q‖P): the mean of the per-sample estimates.
public func meanKLEstimate(_ estimator: KLEstimator, logQ: [Double], logP: [Double]) throws(InfoTheoryError) -> Double {
    let e = try klEstimates(estimator, logQ: logQ, logP: logP)
    return compensatedSum(e) / Double(e.count)
}
