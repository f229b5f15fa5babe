import Foundation

// Discrete measures on probability vectors.
//
// Conventions (tested): 0·log 0 = 0 by branching on p; p > 0 where q = 0 gives +∞;
// inputs must sum to 1 within `probabilityTolerance` and are never silently renormalised;
// mathematically non-negative results are never negative.

/// Self-information −log p of an event with probability `p` ∈ [0, 1] (+∞ for p = 0).
public func informationContent(_ p: Double, base: LogBase = .nats, name: String = "p") throws(InfoTheoryError) -> Double {
    try validateProbability(p, name: name)
    if p == 0 { return .infinity }
    return base.fromNats(-log(p))
}

/// Shannon entropy H(P) = −Σ pᵢ log pᵢ, with 0·log 0 = 0.
public func entropy(_ p: [Double], base: LogBase = .nats, name: String = "P") throws(InfoTheoryError) -> Double {
    if p.isEmpty || p.count > maximumSize { try validateDistribution(p, name: name) }
    let (sum, h, valid) = p.withUnsafeBufferPointer { entropyPass($0) }
    // The pass decides validity cheaply; the exact validator settles anything doubtful.
    if !valid || !clearlyNormalized(sum) { try validateDistribution(p, name: name) }
    return base.fromNats(h > 0 ? h : 0)
}

/// −Σ pᵢ log pᵢ over a validated vector; every term is ≥ 0 for pᵢ ≤ 1.
func entropyKernel(_ p: [Double]) -> Double {
    let h = p.withUnsafeBufferPointer { entropyPass($0).entropy }
    return h > 0 ? h : 0
}

/// Cross-entropy H(P, Q) = −Σ pᵢ log qᵢ; +∞ if some pᵢ > 0 has qᵢ = 0.
public func crossEntropy(_ p: [Double], _ q: [Double], base: LogBase = .nats,
                         pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    base.fromNats(try fusedPairMeasure(p, q, pName: pName, qName: qName, crossEntropyPass))
}

/// Kullback–Leibler divergence D(P‖Q) = Σ pᵢ log(pᵢ/qᵢ) ≥ 0; +∞ if some pᵢ > 0 has qᵢ = 0.
///
/// Computed in a form whose terms are all non-negative (see `klKernel`), so it is accurate for
/// nearly equal distributions and never negative; a result that rounds below 0 (possible only
/// when the inputs' sums differ within the tolerance) is returned as 0.
public func klDivergence(_ p: [Double], _ q: [Double], base: LogBase = .nats,
                         pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    base.fromNats(try fusedPairMeasure(p, q, pName: pName, qName: qName, klPass))
}

/// Runs a pass that computes a measure of P and Q while it sums and checks them, so the
/// common case reads each array once; the inputs are validated in full (for a precise error)
/// only when the pass saw something off.
private func fusedPairMeasure(
    _ p: [Double], _ q: [Double], pName: String, qName: String,
    _ pass: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> (sumP: Double, sumQ: Double, value: Double, valid: Bool)
) throws(InfoTheoryError) -> Double {
    try validateSameLength(p, pName, q, qName)
    if p.isEmpty || p.count > maximumSize { try validateDistribution(p, name: pName) }
    let r = p.withUnsafeBufferPointer { pb in q.withUnsafeBufferPointer { qb in pass(pb, qb) } }
    if !r.valid || !clearlyNormalized(r.sumP) || !clearlyNormalized(r.sumQ) {
        try validateDistribution(p, name: pName)
        try validateDistribution(q, name: qName)
    }
    return r.value
}

/// Jensen–Shannon divergence ½D(P‖M) + ½D(Q‖M) with M = (P + Q)/2; 0 ≤ JSD ≤ ln 2 nats (1 bit).
public func jsDivergence(_ p: [Double], _ q: [Double], base: LogBase = .nats,
                         pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    try validateSameLength(p, pName, q, qName)
    try validateDistribution(p, name: pName)
    try validateDistribution(q, name: qName)
    return base.fromNats(jsKernel(p, q))
}

/// JSD in nats, each half as Σ p·g((m − p)/p) with m − p = (q − p)/2 formed without rounding m.
func jsKernel(_ p: [Double], _ q: [Double]) -> Double {
    var acc = NeumaierSum()
    var corr = NeumaierSum()
    for i in 0..<min(p.count, q.count) {
        let a = p[i], b = q[i]
        // Half of KL(P‖M): p·g(r) with r = (m − p)/p = (b − a)/(2a); correction p − m.
        if a > 0 {
            acc.add(0.5 * a * xMinusLog1p(0.5 * (b - a) / a))
            corr.add(0.5 * a); corr.add(-0.25 * a); corr.add(-0.25 * b)
        }
        if b > 0 {
            acc.add(0.5 * b * xMinusLog1p(0.5 * (a - b) / b))
            corr.add(0.5 * b); corr.add(-0.25 * a); corr.add(-0.25 * b)
        }
    }
    let v = acc.value + corr.value
    return min(max(v, 0), log(2.0))
}

/// Jensen–Shannon distance √JSD, a metric; the divergence is clamped at 0 before the root.
public func jsDistance(_ p: [Double], _ q: [Double], base: LogBase = .nats,
                       pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    let d = try jsDivergence(p, q, base: base, pName: pName, qName: qName)
    return sqrt(max(d, 0))
}

/// Total variation distance ½Σ|pᵢ − qᵢ| ∈ [0, 1] (unitless).
public func totalVariation(_ p: [Double], _ q: [Double],
                           pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    try validateSameLength(p, pName, q, qName)
    try validateDistribution(p, name: pName)
    try validateDistribution(q, name: qName)
    let s = p.withUnsafeBufferPointer { pb in
        q.withUnsafeBufferPointer { qb in fastSum(count: pb.count) { abs(pb[$0] - qb[$0]) } }
    }
    return min(max(0.5 * s, 0), 1)
}

/// Binary entropy h(p) = −p log p − (1 − p) log(1 − p), accurate for tiny p (uses log1p).
public func binaryEntropy(_ p: Double, base: LogBase = .nats, name: String = "p") throws(InfoTheoryError) -> Double {
    try validateProbability(p, name: name)
    if p == 0 || p == 1 { return 0 }
    let a = -p * log(p)
    let b = -(1 - p) * log1p(-p)
    return base.fromNats(max(a + b, 0))
}

/// Rényi entropy of order α ≥ 0: log(Σ pᵢ^α)/(1 − α); α = 0 is log|support|, α = 1 Shannon,
/// α = +∞ the min-entropy −log max pᵢ.
///
/// Uses Rényi's form for (possibly slightly incomplete) distributions, log(Σpᵢ^α / Σpᵢ)/(1 − α),
/// which equals the textbook one when Σp = 1 and stays continuous at α = 1 when the sum is off
/// by rounding. Near α = 1 it is evaluated as log1p(Σ pᵢ·expm1((α−1) log pᵢ) / Σp)/(1 − α), so the
/// 0/0 limit is approached smoothly; for large α the largest pᵢ is factored out so pᵢ^α cannot
/// underflow to log 0.
public func renyiEntropy(_ p: [Double], alpha: Double, base: LogBase = .nats, name: String = "P") throws(InfoTheoryError) -> Double {
    if alpha.isNaN || alpha < 0 {
        throw .invalidParameter(name: "alpha", value: alpha, requirement: "≥ 0")
    }
    let total = try validateDistribution(p, name: name)
    let support = p.filter { $0 > 0 }
    if alpha == 1 { return base.fromNats(entropyKernel(p)) }
    if alpha == 0 { return base.fromNats(log(Double(support.count))) }
    guard let pmax = support.max() else { return 0 }
    if alpha == .infinity { return base.fromNats(max(-log(pmax), 0)) }
    let beta = alpha - 1
    // (Σp^α − Σp)/Σp = Σ p·expm1(β log p) / Σp: no cancellation near α = 1.
    var s = NeumaierSum()
    for x in support { s.add(x * expm1(beta * log(x))) }
    let ratioMinusOne = s.value / total
    let h: Double
    if ratioMinusOne > -0.5 && ratioMinusOne < 1 {
        h = log1p(ratioMinusOne) / -beta
    } else {
        // log Σ p^α = α log pmax + log Σ (p/pmax)^α
        var t = NeumaierSum()
        let lmax = log(pmax)
        for x in support { t.add(exp(alpha * (log(x) - lmax))) }
        h = (alpha * lmax + log(t.value) - log(total)) / -beta
    }
    return base.fromNats(max(h, 0))
}

/// Tsallis entropy S_q = Σ pᵢ·ln_q(1/pᵢ) = (1 − Σ pᵢ^q)/(q − 1) for Σp = 1 (q = 1 gives Shannon in
/// nats). Evaluated as −Σ pᵢ·expm1((q−1) log pᵢ)/(q − 1), accurate and continuous near q = 1.
/// Unitless by definition, so it has no `base`.
public func tsallisEntropy(_ p: [Double], q: Double, name: String = "P") throws(InfoTheoryError) -> Double {
    if !q.isFinite { throw .invalidParameter(name: "q", value: q, requirement: "finite") }
    try validateDistribution(p, name: name)
    if q == 1 { return entropyKernel(p) }
    let beta = q - 1
    var s = NeumaierSum()
    for x in p where x > 0 { s.add(x * expm1(beta * log(x))) }
    let v = -s.value / beta
    return v > 0 ? v : 0
}

/// Perplexity e^{H(P)} = b^{H_b(P)}: the effective number of equally likely outcomes. The value
/// does not depend on the unit; `base` is accepted so calls read the same as `entropy`.
public func perplexity(_ p: [Double], base: LogBase = .nats, name: String = "P") throws(InfoTheoryError) -> Double {
    _ = base
    try validateDistribution(p, name: name)
    return exp(entropyKernel(p))
}

/// P / ΣP: the explicit renormalisation the other functions never do silently. Entries must be
/// finite and ≥ 0 with a positive sum.
public func normalized(_ p: [Double], name: String = "P") throws(InfoTheoryError) -> [Double] {
    let s = try validateNonNegative(p, name: name)
    if !(s > 0) { throw .zeroMass(argument: name) }
    if !s.isFinite {
        // Scale first so a sum that overflows still normalises.
        guard let m = p.max(), m > 0 else { throw .zeroMass(argument: name) }
        let scaled = p.map { $0 / m }
        let t = compensatedSum(scaled)
        return scaled.map { $0 / t }
    }
    return p.map { $0 / s }
}
