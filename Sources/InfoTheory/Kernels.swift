import Foundation

// Accurate building blocks shared by the divergences. Each keeps every term of a
// non-negative quantity non-negative, so sums of them cannot go below zero.

/// r − log(1 + r) ≥ 0 for r > −1, accurate for small |r| where the subtraction would cancel.
///
/// With u = r/(2 + r), log1p(r) = 2·atanh(u) and r = 2u/(1 − u), so
/// r − log1p(r) = 2u²/(1 − u) − 2(u³/3 + u⁵/5 + …): no cancellation for |r| ≤ 0.3.
@inline(__always)
func xMinusLog1p(_ r: Double) -> Double {
    if abs(r) <= 0.3 {
        let u = r / (2 + r)
        let u2 = u * u
        // Σ_{k≥1} u^(2k)/(2k+1) by Horner, 12 terms: |u| ≤ 0.18 so u^24 < 1e-17.
        var s = 1.0 / 25
        s = s * u2 + 1.0 / 23
        s = s * u2 + 1.0 / 21
        s = s * u2 + 1.0 / 19
        s = s * u2 + 1.0 / 17
        s = s * u2 + 1.0 / 15
        s = s * u2 + 1.0 / 13
        s = s * u2 + 1.0 / 11
        s = s * u2 + 1.0 / 9
        s = s * u2 + 1.0 / 7
        s = s * u2 + 1.0 / 5
        s = s * u2 + 1.0 / 3
        return 2 * u2 / (1 - u) - 2 * u * u2 * s
    }
    let v = r - log1p(r)
    return v > 0 ? v : 0
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
    var main = LaneAccumulator()
    var correction = LaneAccumulator()
    var mainTail = NeumaierSum()
    var corrTail = NeumaierSum()
    let n = min(p.count, q.count)
    @inline(__always) func term(_ pi: Double, _ qi: Double) -> Double {
        if pi == 0 { return 0 }
        if qi == 0 { return .infinity }
        if qi < 0.5 * pi || qi > 2 * pi {
            // Far apart: no cancellation to fear; log of the ratio unless it over/underflows.
            let ratio = pi / qi
            let l = (ratio.isFinite && ratio >= .leastNormalMagnitude) ? log(ratio) : log(pi) - log(qi)
            return pi * l + (qi - pi)
        }
        return pi * xMinusLog1p((qi - pi) / pi)
    }
    var i = 0
    while i &+ 4 <= n {
        let p4 = SIMD4(p[i], p[i &+ 1], p[i &+ 2], p[i &+ 3])
        let q4 = SIMD4(q[i], q[i &+ 1], q[i &+ 2], q[i &+ 3])
        main.add(SIMD4(term(p4[0], q4[0]), term(p4[1], q4[1]), term(p4[2], q4[2]), term(p4[3], q4[3])))
        let qs = q4.replacing(with: 0, where: p4 .== 0)
        correction.add(p4)
        correction.add(-qs)
        i &+= 4
    }
    while i < n {
        mainTail.add(term(p[i], q[i]))
        if p[i] > 0 { corrTail.add(p[i]); corrTail.add(-q[i]) }
        i &+= 1
    }
    let m = main.total(tail: mainTail)
    if !m.isFinite { return m }
    let v = m + correction.total(tail: corrTail)
    return v > 0 ? v : 0
}
