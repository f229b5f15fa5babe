import Foundation

/// log|Γ(x)| (reentrant; no global sign variable is touched).
public func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// The digamma function ψ(x) = d/dx log Γ(x), for x > 0 (NaN otherwise).
///
/// Shifts x up to ≥ 10 with ψ(x) = ψ(x + 1) − 1/x, then uses the asymptotic series
/// ln x − 1/(2x) − Σ B₂ₖ/(2k·x^{2k}); relative error about 1e-16 away from the root near 1.4616.
public func digamma(_ x: Double) -> Double {
    if x.isNaN || x <= 0 { return .nan }
    if x == .infinity { return .infinity }
    var shift = 0.0
    var y = x
    // At most 10 shifts: bounded for any finite positive x.
    while y < 10 {
        shift += 1 / y
        y += 1
    }
    let inv = 1 / y
    let inv2 = inv * inv
    // B2/2 = 1/12, B4/4 = −1/120, B6/6 = 1/252, B8/8 = −1/240, B10/10 = 1/132, B12/12 = −691/32760, B14/14 = 1/12
    var series = -1.0 / 12
    series = series * inv2 + 691.0 / 32760
    series = series * inv2 - 1.0 / 132
    series = series * inv2 + 1.0 / 240
    series = series * inv2 - 1.0 / 252
    series = series * inv2 + 1.0 / 120
    series = series * inv2 - 1.0 / 12
    return log(y) - 0.5 * inv + series * inv2 - shift
}

/// Stirling-series error log(n!) − log(√(2πn)·(n/e)ⁿ) for integer-valued n ≥ 0 (Loader 2000).
func stirlingError(_ n: Double) -> Double {
    let table: [Double] = [
        0,
        0.08106146679532725822,
        0.041340695955409294094,
        0.027677925684998339149,
        0.020790672103765093112,
        0.016644691189821192163,
        0.013876128823070747999,
        0.011896709945891770095,
        0.010411265261972096497,
        0.0092554621827127329177,
        0.0083305634333628712565,
        0.007573675487951840795,
        0.0069428401072095298657,
        0.0064089941880042070684,
        0.0059513701127588477356,
        0.005554733551962801371,
    ]
    if n <= 15 {
        // Int(exactly:) rather than Int(_:): a negative infinity here must not trap.
        if let k = Int(exactly: n), k >= 0 { return table[k] }
        return logGamma(n + 1) - (n + 0.5) * log(n) + n - 0.918938533204672741780329736406
    }
    let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
}

/// Loader's deviance term x·log(x/np) + np − x ≥ 0, accurate when x ≈ np.
func binomialDeviance(_ x: Double, _ np: Double) -> Double {
    if abs(x - np) < 0.1 * (x + np) {
        var v = (x - np) / (x + np)
        var s = (x - np) * v
        var ej = 2 * x * v
        v *= v
        var j = 1.0
        // Converges geometrically (v² < 0.0025); 1000 iterations is a hard safety bound.
        while j < 1000 {
            ej *= v
            let s1 = s + ej / (2 * j + 1)
            if s1 == s { return s1 }
            s = s1
            j += 1
        }
        return s
    }
    return x * log(x / np) + np - x
}
