import Foundation

/// How far a probability vector's sum may be from 1 (Double inputs): `|Σp − 1| ≤ 1e-9`.
/// Anything further off is rejected, never silently renormalised; see `normalized(_:name:)`.
public let probabilityTolerance: Double = 1e-9

/// The largest vector, table or summation range the library accepts (protects callers from
/// unbounded loops on untrusted sizes).
public let maximumSize: Int = 100_000_000

/// Checks that `p` is a probability vector: non-empty, finite, non-negative entries summing to 1
/// within `probabilityTolerance`. Returns the compensated sum.
@discardableResult
func validateDistribution(_ p: [Double], name: String) throws(InfoTheoryError) -> Double {
    let sum = try validateNonNegative(p, name: name)
    if !(abs(sum - 1) <= probabilityTolerance) {
        throw .notNormalized(argument: name, sum: sum, tolerance: probabilityTolerance)
    }
    return sum
}

/// Checks non-empty, finite, non-negative entries; returns the compensated sum.
func validateNonNegative(_ p: [Double], name: String) throws(InfoTheoryError) -> Double {
    if p.isEmpty { throw .empty(argument: name) }
    if p.count > maximumSize { throw .tooLarge(argument: name, size: p.count, limit: maximumSize) }
    // One branch-light pass finds whether anything is wrong; only then locate the first culprit.
    let (sum, allGood) = p.withUnsafeBufferPointer { b -> (Double, Bool) in
        var bad = false
        let s = fastSum(count: b.count) { i in
            let x = b[i]
            bad = bad || !(x >= 0 && x <= .greatestFiniteMagnitude)
            return x
        }
        return (s, !bad)
    }
    if !allGood {
        for (i, x) in p.enumerated() {
            if !x.isFinite { throw .notFinite(argument: name, index: i, value: x) }
            if x < 0 { throw .negative(argument: name, index: i, value: x) }
        }
    }
    return sum
}

/// Checks a vector of reals (logits, samples): non-empty and free of NaN. Infinities are
/// allowed only if `allowInfinity` (−∞ logits are the usual way to mask a class).
func validateReal(_ x: [Double], name: String, allowInfinity: Bool) throws(InfoTheoryError) {
    if x.isEmpty { throw .empty(argument: name) }
    if x.count > maximumSize { throw .tooLarge(argument: name, size: x.count, limit: maximumSize) }
    for (i, v) in x.enumerated() where v.isNaN || (!allowInfinity && v.isInfinite) {
        throw .notFinite(argument: name, index: i, value: v)
    }
}

func validateSameLength(_ a: [Double], _ aName: String, _ b: [Double], _ bName: String) throws(InfoTheoryError) {
    if a.count != b.count {
        throw .lengthMismatch(first: aName, firstCount: a.count, second: bName, secondCount: b.count)
    }
}

/// Checks a scalar probability in [0, 1].
func validateProbability(_ p: Double, name: String) throws(InfoTheoryError) {
    if !p.isFinite { throw .notFinite(argument: name, index: 0, value: p) }
    if p < 0 { throw .invalidParameter(name: name, value: p, requirement: "in [0, 1] (below 0 by \(formatNumber(-p, significant: 3)))") }
    if p > 1 { throw .invalidParameter(name: name, value: p, requirement: "in [0, 1] (above 1 by \(formatNumber(p - 1, significant: 3)))") }
}

/// Checks a finite, strictly positive scale parameter (σ, rate, width, …).
func validatePositive(_ x: Double, name: String) throws(InfoTheoryError) {
    if !(x > 0) || !x.isFinite {
        throw .invalidParameter(name: name, value: x, requirement: "finite and > 0")
    }
}

/// Checks a finite location parameter (a mean, a bound).
func validateFinite(_ x: Double, name: String) throws(InfoTheoryError) {
    if !x.isFinite { throw .invalidParameter(name: name, value: x, requirement: "finite") }
}

/// Checks a temperature: T ≥ 0 (0 and +∞ are the one-hot and uniform limits); NaN rejected.
func validateTemperature(_ t: Double, name: String = "temperature") throws(InfoTheoryError) {
    if t.isNaN || t < 0 {
        throw .invalidParameter(name: name, value: t, requirement: "≥ 0 (0 gives the one-hot limit, +∞ the uniform one)")
    }
}

/// Checks a rectangular, non-empty table; returns (rows, columns).
func validateTable(_ t: [[Double]], name: String) throws(InfoTheoryError) -> (Int, Int) {
    guard let first = t.first else { throw .empty(argument: name) }
    if first.isEmpty { throw .empty(argument: "\(name) row 0") }
    for (r, row) in t.enumerated() where row.count != first.count {
        throw .raggedTable(argument: name, row: r, count: row.count, expected: first.count)
    }
    let (n, overflow) = t.count.multipliedReportingOverflow(by: first.count)
    if overflow || n > maximumSize { throw .tooLarge(argument: name, size: overflow ? Int.max : n, limit: maximumSize) }
    return (t.count, first.count)
}
