import Foundation

/// How `klDivLoss` combines its pointwise terms, as PyTorch's `F.kl_div` `reduction`.
public enum KLDivReduction: String, Sendable, Equatable, CaseIterable {
    /// Every pointwise term, in the input's shape.
    case none
    /// The sum of all terms.
    case sum
    /// The sum divided by the number of elements (PyTorch's default, and usually not the KL
    /// divergence one wants: it also divides by the number of classes).
    case mean
    /// The sum divided by the batch size, the input's first dimension: the mean KL divergence
    /// per sample of an N × C input (for a vector, its length, as PyTorch does).
    case batchmean
}

/// The value of `klDivLoss`: one number, or the pointwise terms (`.none`).
public enum KLDivOutput: Sendable, Equatable {
    /// The reduced loss (`.sum`, `.mean`, `.batchmean`).
    case scalar(Double)
    /// The pointwise terms, one row per input row (a vector input gives one row).
    case pointwise([[Double]])

    /// The values in row order (a scalar becomes one element).
    public var values: [Double] {
        switch self {
        case .scalar(let v): return [v]
        case .pointwise(let rows): return rows.flatMap { $0 }
        }
    }
}

/// PyTorch's `torch.nn.functional.kl_div(input, target, reduction, log_target)` on an N × C table.
///
/// Note the argument order and the log: `input` holds **log**-probabilities of the model's
/// distribution Q, `target` the probabilities of P (or log-probabilities when `logTarget`), and
/// the result is KL(P ‖ Q), not KL(Q ‖ P). Pointwise the term is `target · (log target − input)`
/// (with `logTarget`: `exp(target) · (target − input)`), and 0 wherever the target's
/// probability is 0. PyTorch computes that case as `0 · (−∞)` = NaN when `input` is −∞; the
/// limit, 0, is returned instead, as for 0 · log 0 everywhere in this library.
///
/// - `input`: finite reals or −∞ (a class the model rules out; the term is +∞ if the target
///   gives it mass). NaN and +∞ are rejected.
/// - `target`: finite values ≥ 0 (not required to sum to 1, as in PyTorch); with `logTarget`,
///   finite reals or −∞.
/// - Shapes must match exactly (PyTorch's broadcasting is not supported); empty inputs are
///   rejected (PyTorch's mean of nothing is NaN).
/// - `batchSize`: what `.batchmean` divides by; the number of rows by default. The vector form
///   passes the vector's length, matching PyTorch on a 1-D tensor.
/// Always in nats, as PyTorch.
public func klDivLoss(input: [[Double]], target: [[Double]], reduction: KLDivReduction = .mean,
                      logTarget: Bool = false, batchSize: Int? = nil) throws(InfoTheoryError) -> KLDivOutput {
    let (rows, columns) = try validateTable(input, name: "input")
    let (targetRows, targetColumns) = try validateTable(target, name: "target")
    if rows != targetRows {
        throw .lengthMismatch(first: "input (rows)", firstCount: rows, second: "target (rows)", secondCount: targetRows)
    }
    if columns != targetColumns {
        throw .lengthMismatch(first: "input row 0", firstCount: columns, second: "target row 0", secondCount: targetColumns)
    }
    var terms = [[Double]]()
    terms.reserveCapacity(rows)
    var total = NeumaierSum()
    for (r, (x, t)) in zip(input, target).enumerated() {
        let rowName = rows == 1 ? "" : " row \(r)"
        let row = try klDivTerms(input: x, target: t, logTarget: logTarget, inputName: "input" + rowName,
                                 targetName: "target" + rowName)
        for term in row { total.add(term) }
        if reduction == .none { terms.append(row) }
    }
    // Only terms that overflowed to +∞ and −∞ both (huge targets against huge inputs) get here.
    if total.value.isNaN {
        throw .invalidParameter(name: "kl_div's sum", value: .nan,
                                requirement: "a number, but terms overflow to both +∞ and −∞; scale the inputs down")
    }
    switch reduction {
    case .none: return .pointwise(terms)
    case .sum: return .scalar(total.value)
    case .mean: return .scalar(total.value / Double(rows * columns))
    case .batchmean: return .scalar(total.value / Double(batchSize ?? rows))
    }
}

/// `klDivLoss` on one vector, as PyTorch on a 1-D tensor: `.batchmean` divides by the
/// vector's length (its first dimension), so it equals `.mean` here.
public func klDivLoss(input: [Double], target: [Double], reduction: KLDivReduction = .mean,
                      logTarget: Bool = false) throws(InfoTheoryError) -> KLDivOutput {
    if input.isEmpty { throw .empty(argument: "input") }
    if target.isEmpty { throw .empty(argument: "target") }
    try validateSameLength(input, "input", target, "target")
    return try klDivLoss(input: [input], target: [target], reduction: reduction, logTarget: logTarget,
                         batchSize: input.count)
}

/// One row's pointwise terms, after checking the row's values.
private func klDivTerms(input x: [Double], target t: [Double], logTarget: Bool,
                        inputName: String, targetName: String) throws(InfoTheoryError) -> [Double] {
    let logProbability = "a log-probability: a finite number or −∞"
    for (i, v) in x.enumerated() where v.isNaN || v == .infinity {
        throw .invalidParameter(name: "\(inputName)[\(i)]", value: v, requirement: logProbability)
    }
    if logTarget {
        for (i, v) in t.enumerated() where v.isNaN || v == .infinity {
            throw .invalidParameter(name: "\(targetName)[\(i)]", value: v, requirement: logProbability)
        }
    } else {
        _ = try validateNonNegative(t, name: targetName)
    }
    var out = [Double](repeating: 0, count: x.count)
    for i in x.indices {
        // log target − input is formed first: when the model is right (input ≈ log target)
        // the difference is small and exact, where target·log target − target·input cancels.
        if logTarget {
            let p = exp(t[i])
            if p == .infinity {
                throw .invalidParameter(name: "\(targetName)[\(i)]", value: t[i],
                                        requirement: "a log-probability whose exp is finite (≤ 709.78)")
            }
            if p > 0 { out[i] = p * (t[i] - x[i]) }
        } else if t[i] > 0 {
            out[i] = t[i] * (log(t[i]) - x[i])
        }
    }
    return out
}
