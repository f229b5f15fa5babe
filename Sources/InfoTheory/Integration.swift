import Foundation

// Adaptive Gauss–Kronrod (7/15) quadrature, good enough to check a closed form numerically.
// Infinite ends are mapped to a finite interval; the interval budget bounds the work.

private let kronrodNodes: [Double] = [
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0,
]
private let kronrodWeights: [Double] = [
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
]
private let gaussWeights: [Double] = [  // for the odd-indexed Kronrod nodes (1, 3, 5, 7)
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
]

/// ∫ₐᵇ f(x) dx by adaptive Gauss–Kronrod 7/15, to |error| ≤ max(absoluteTolerance,
/// relativeTolerance·|∫|). Either bound may be infinite. Throws if `maxIntervals` subdivisions
/// do not reach the tolerance or the integrand returns a non-finite value.
public func integrate(from a: Double, to b: Double, absoluteTolerance: Double = 1e-12,
                      relativeTolerance: Double = 1e-10, maxIntervals: Int = 2000,
                      _ f: (Double) -> Double) throws(InfoTheoryError) -> Double {
    if a.isNaN { throw .invalidParameter(name: "lower bound", value: a, requirement: "a number") }
    if b.isNaN { throw .invalidParameter(name: "upper bound", value: b, requirement: "a number") }
    if !(absoluteTolerance >= 0) || !(relativeTolerance >= 0) {
        throw .invalidParameter(name: "tolerance", value: min(absoluteTolerance, relativeTolerance), requirement: "≥ 0")
    }
    if maxIntervals < 1 || maxIntervals > 100_000 {
        throw .invalidParameter(name: "maxIntervals", value: Double(maxIntervals), requirement: "in 1…100000")
    }
    if a == b { return 0 }
    if a > b { return -(try integrate(from: b, to: a, absoluteTolerance: absoluteTolerance,
                                      relativeTolerance: relativeTolerance, maxIntervals: maxIntervals, f)) }
    // Map infinite ranges onto (−1, 1) or (0, 1).
    let lo: Double, hi: Double
    let mode = (a.isInfinite ? 1 : 0) + (b.isInfinite ? 2 : 0)
    switch mode {
    case 3: lo = -1; hi = 1
    case 1, 2: lo = 0; hi = 1
    default: lo = a; hi = b
    }
    func g(_ t: Double) -> Double {
        switch mode {
        case 3: let d = 1 - t * t; return f(t / d) * (1 + t * t) / (d * d)
        case 2: let d = 1 - t; return f(a + t / d) / (d * d)
        case 1: let d = 1 - t; return f(b - t / d) / (d * d)
        default: return f(t)
        }
    }
    var intervals: [(a: Double, b: Double, value: Double, error: Double)] = []
    let first = kronrod(g, lo, hi)
    intervals.append((lo, hi, first.0, first.1))
    while true {
        var total = NeumaierSum(), errorSum = 0.0
        var worst = 0
        for (i, iv) in intervals.enumerated() {
            total.add(iv.value)
            errorSum += iv.error
            if iv.error > intervals[worst].error { worst = i }
        }
        let value = total.value
        if !value.isFinite || errorSum.isNaN {
            throw .didNotConverge(what: "integral", estimate: value, errorEstimate: errorSum)
        }
        if errorSum <= max(absoluteTolerance, relativeTolerance * abs(value)) { return value }
        if intervals.count >= maxIntervals {
            throw .didNotConverge(what: "integral", estimate: value, errorEstimate: errorSum)
        }
        let w = intervals[worst]
        let mid = 0.5 * (w.a + w.b)
        if !(mid > w.a && mid < w.b) {
            throw .didNotConverge(what: "integral", estimate: value, errorEstimate: errorSum)
        }
        let left = kronrod(g, w.a, mid), right = kronrod(g, mid, w.b)
        intervals[worst] = (w.a, mid, left.0, left.1)
        intervals.append((mid, w.b, right.0, right.1))
    }
}

/// One 15-point Kronrod estimate on [a, b] with the |K15 − G7| error estimate. Nodes never
/// touch the ends, so integrable end singularities and the infinite-range maps are safe.
private func kronrod(_ f: (Double) -> Double, _ a: Double, _ b: Double) -> (Double, Double) {
    let c = 0.5 * (a + b), h = 0.5 * (b - a)
    var k = NeumaierSum(), gsum = NeumaierSum()
    let fc = f(c)
    k.add(kronrodWeights[7] * fc)
    gsum.add(gaussWeights[3] * fc)
    for j in 0..<7 {
        let x = h * kronrodNodes[j]
        let s = f(c - x) + f(c + x)
        k.add(kronrodWeights[j] * s)
        if j % 2 == 1 { gsum.add(gaussWeights[j / 2] * s) }
    }
    let kv = k.value * h, gv = gsum.value * h
    return (kv, abs(kv - gv))
}

/// Differential entropy −∫ f log f over the distribution's support, by `integrate`: a
/// numerical check of a closed form.
public func numericalDifferentialEntropy(_ distribution: some ContinuousDistribution, base: LogBase = .nats) throws(InfoTheoryError) -> Double {
    let s = distribution.support
    let h = try integrate(from: s.lowerBound, to: s.upperBound, maxIntervals: 5000) { x in
        let fx = distribution.density(x)
        return fx > 0 && fx.isFinite ? -fx * log(fx) : 0
    }
    return base.fromNats(h)
}
