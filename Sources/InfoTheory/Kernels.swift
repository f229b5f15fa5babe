import Foundation

// Accurate building blocks shared by the divergences. Each keeps every term of a
// non-negative quantity non-negative, so sums of them cannot go below zero.

/// r − log(1 + r) ≥ 0 for r > −1, accurate for small |r| where the subtraction would cancel.
///
/// With u = r/(2 + r), log1p(r) = 2·atanh(u) = 2(u + u³/3 + u⁵/5 + …) and r = 2u/(1 − u), so
/// r − log1p(r) = u·(r − 2u²·(1/3 + u²/5 + u⁴/7 + …)): no cancellation for |r| ≤ 0.3
/// (|u| ≤ 0.18, 12 terms reach 1e-18).
@inline(__always)
func xMinusLog1p(_ r: Double) -> Double {
    if abs(r) <= 0.3 {
        let u = r / (2 + r)
        return u * (r - 2 * (u * u) * atanhSeriesTail(u * u))
    }
    let v = r - log1p(r)
    return v > 0 ? v : 0
}

/// 1/3 + v/5 + v²/7 + … + v¹¹/25 (Horner), v = u² ≤ 0.031.
@inline(__always)
func atanhSeriesTail<V: SIMD>(_ v: V) -> V where V.Scalar == Double {
    var s = v * (1.0 / 25) + V(repeating: 1.0 / 23)
    s = s * v + V(repeating: 1.0 / 21)
    s = s * v + V(repeating: 1.0 / 19)
    s = s * v + V(repeating: 1.0 / 17)
    s = s * v + V(repeating: 1.0 / 15)
    s = s * v + V(repeating: 1.0 / 13)
    s = s * v + V(repeating: 1.0 / 11)
    s = s * v + V(repeating: 1.0 / 9)
    s = s * v + V(repeating: 1.0 / 7)
    s = s * v + V(repeating: 1.0 / 5)
    s = s * v + V(repeating: 1.0 / 3)
    return s
}

@inline(__always)
func atanhSeriesTail(_ v: Double) -> Double {
    atanhSeriesTail(SIMD2<Double>(v, v))[0]
}

/// eˣ − 1 − x ≥ 0, accurate for small |x| (Taylor series) and exact-form elsewhere.
@inline(__always)
func expm1MinusX(_ x: Double) -> Double {
    if abs(x) <= 0.5 {
        // x²·Σ_{k≥0} x^k/(k+2)!, 18 terms: 0.5^18/20! < 1e-23.
        var s = 1.0 / 121645100408832000
        s = s * x + 1.0 / 6402373705728000
        s = s * x + 1.0 / 355687428096000
        s = s * x + 1.0 / 20922789888000
        s = s * x + 1.0 / 1307674368000
        s = s * x + 1.0 / 87178291200
        s = s * x + 1.0 / 6227020800
        s = s * x + 1.0 / 479001600
        s = s * x + 1.0 / 39916800
        s = s * x + 1.0 / 3628800
        s = s * x + 1.0 / 362880
        s = s * x + 1.0 / 40320
        s = s * x + 1.0 / 5040
        s = s * x + 1.0 / 720
        s = s * x + 1.0 / 120
        s = s * x + 1.0 / 24
        s = s * x + 1.0 / 6
        s = s * x + 1.0 / 2
        return x * x * s
    }
    if x == .infinity { return .infinity }
    if x == -.infinity { return .infinity }
    let v = expm1(x) - x
    return v > 0 ? v : 0
}

/// D(P‖Q) in nats for validated P, Q, computed exactly for the given doubles:
///
///   Σ_{p>0} p log(p/q) = Σ_{p>0} p·g(r) + Σ_{p>0} (p − q),   r = (q − p)/p,  g(r) = r − log1p(r) ≥ 0
///
/// Every g-term is non-negative and the correction is a compensated sum of exact inputs, so
/// nearly equal distributions lose nothing to cancellation. Returns +∞ where p > 0 = q.
func klKernel(_ p: UnsafeBufferPointer<Double>, _ q: UnsafeBufferPointer<Double>) -> Double {
    klPass(p, q).value
}
