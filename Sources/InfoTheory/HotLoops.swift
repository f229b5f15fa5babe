import Foundation

// Single-pass, vectorised kernels for the functions people call on long vectors. Each pass
// validates while it computes (plain lane sums are enough to *decide* validity; anything near
// the tolerance or invalid is re-checked by the exact validator, which throws the precise
// message), so a 10⁷-entry vector is read from memory once.

@inline(__always)
func load4(_ b: UnsafeBufferPointer<Double>, _ i: Int) -> D4 {
    D4(b[i], b[i &+ 1], b[i &+ 2], b[i &+ 3])
}

/// Lane check: finite and ≥ 0 (NaN fails both comparisons).
@inline(__always)
func validLanes(_ x: D4) -> SIMDMask<SIMD4<Int64>> {
    (x .>= D4(repeating: 0)) .& (x .<= D4(repeating: .greatestFiniteMagnitude))
}

/// Whether a plain lane sum is clearly within the tolerance of 1 (else: exact re-check).
@inline(__always)
func clearlyNormalized(_ sum: Double) -> Bool {
    abs(sum - 1) <= 0.5 * probabilityTolerance
}

/// One pass over P: (plain sum, −Σ p log p compensated, all entries valid).
func entropyPass(_ b: UnsafeBufferPointer<Double>) -> (sum: Double, entropy: Double, valid: Bool) {
    var h = LaneAccumulator()
    var sum = D4(repeating: 0)
    var ok = SIMDMask<SIMD4<Int64>>(repeating: true)
    let n = b.count
    var i = 0
    while i &+ 4 <= n {
        let x = load4(b, i)
        ok = ok .& validLanes(x)
        sum += x
        // 0·log 0 = 0 by choice of branch: zero lanes take log 1 = 0.
        let safe = x.replacing(with: 1, where: x .== 0)
        h.add(-x * lanesLog(safe))
        i &+= 4
    }
    var tail = NeumaierSum()
    var tailSum = 0.0
    var tailOK = true
    while i < n {
        let x = b[i]
        tailOK = tailOK && x >= 0 && x <= .greatestFiniteMagnitude
        tailSum += x
        tail.add(x > 0 ? -x * log(x) : 0)
        i &+= 1
    }
    let total = sum.sum() + tailSum
    return (total, h.total(tail: tail), all(ok) && tailOK)
}

/// One pass over P and Q for D(P‖Q) in the g-form of `klKernel`: (ΣP, ΣQ, KL, valid).
func klPass(_ p: UnsafeBufferPointer<Double>, _ q: UnsafeBufferPointer<Double>)
    -> (sumP: Double, sumQ: Double, value: Double, valid: Bool) {
    var main = LaneAccumulator()
    var correction = LaneAccumulator()
    var sp = D4(repeating: 0), sq = D4(repeating: 0)
    var ok = SIMDMask<SIMD4<Int64>>(repeating: true)
    let n = min(p.count, q.count)
    let near = D4(repeating: 0.3)
    var i = 0
    while i &+ 4 <= n {
        let a = load4(p, i), b = load4(q, i)
        ok = ok .& validLanes(a) .& validLanes(b)
        sp += a
        sq += b
        let inv = 1 / a
        let ratio = b * inv
        if all(fastLogDomain(ratio)) && all(a .> 0) {
            // Fast path: every lane has p > 0, q > 0 and a normal ratio q/p.
            let r = (b - a) * inv
            let isNear = (r .<= near) .& (r .>= -near)
            // The series is cheap and vectorised, so it is always evaluated; the logs only
            // when some lane is far (all-near blocks are the nearly-equal case, which skips them).
            let u = r / (2 + r)
            var term = a * (u * (r - 2 * (u * u) * atanhSeriesTail(u * u)))
            if !all(isNear) {
                let far = (b - a) - a * lanesLog(ratio)
                term = term.replacing(with: far, where: .!isNear)
            }
            main.add(term)
            correction.add(a)
            correction.add(-b)
        } else {
            // Zeros, infinities, over/underflowing ratios: the scalar definition per lane.
            var t = D4(repeating: 0), qs = D4(repeating: 0)
            for k in 0..<4 {
                t[k] = klTerm(a[k], b[k])
                qs[k] = a[k] > 0 ? b[k] : 0
            }
            main.add(t)
            correction.add(a)
            correction.add(-qs)
        }
        i &+= 4
    }
    var mainTail = NeumaierSum(), corrTail = NeumaierSum()
    var tailP = 0.0, tailQ = 0.0
    var tailOK = true
    while i < n {
        let a = p[i], b = q[i]
        tailOK = tailOK && a >= 0 && a <= .greatestFiniteMagnitude && b >= 0 && b <= .greatestFiniteMagnitude
        tailP += a
        tailQ += b
        mainTail.add(klTerm(a, b))
        if a > 0 { corrTail.add(a); corrTail.add(-b) }
        i &+= 1
    }
    let m = main.total(tail: mainTail)
    var kl = m
    if m.isFinite {
        let v = m + correction.total(tail: corrTail)
        kl = v > 0 ? v : 0
    }
    return (sp.sum() + tailP, sq.sum() + tailQ, kl, all(ok) && tailOK)
}

/// p·g((q − p)/p) for one entry (the scalar twin of the fast path): 0 for p = 0, +∞ for q = 0.
@inline(__always)
func klTerm(_ a: Double, _ b: Double) -> Double {
    if a == 0 { return 0 }
    if b == 0 { return .infinity }
    let r = (b - a) / a
    if abs(r) <= 0.3 {
        let u = r / (2 + r)
        return a * (u * (r - 2 * (u * u) * atanhSeriesTail(u * u)))
    }
    let ratio = b / a
    let l = (ratio.isFinite && ratio >= .leastNormalMagnitude) ? log(ratio) : log(b) - log(a)
    return (b - a) - a * l
}

/// One pass for −Σ p log q: (ΣP, ΣQ, H(P,Q), valid).
func crossEntropyPass(_ p: UnsafeBufferPointer<Double>, _ q: UnsafeBufferPointer<Double>)
    -> (sumP: Double, sumQ: Double, value: Double, valid: Bool) {
    var h = LaneAccumulator()
    var sp = D4(repeating: 0), sq = D4(repeating: 0)
    var ok = SIMDMask<SIMD4<Int64>>(repeating: true)
    let n = min(p.count, q.count)
    var i = 0
    var infinite = false
    while i &+ 4 <= n {
        let a = load4(p, i), b = load4(q, i)
        ok = ok .& validLanes(a) .& validLanes(b)
        sp += a
        sq += b
        let pz = a .== 0
        if any((b .== 0) .& .!pz) { infinite = true }
        let safe = b.replacing(with: 1, where: pz .| (b .== 0))
        h.add(-a * lanesLog(safe))
        i &+= 4
    }
    var tail = NeumaierSum()
    var tailP = 0.0, tailQ = 0.0
    var tailOK = true
    while i < n {
        let a = p[i], b = q[i]
        tailOK = tailOK && a >= 0 && a <= .greatestFiniteMagnitude && b >= 0 && b <= .greatestFiniteMagnitude
        tailP += a
        tailQ += b
        if a > 0 {
            if b == 0 { infinite = true } else { tail.add(-a * log(b)) }
        }
        i &+= 1
    }
    let v = infinite ? .infinity : max(h.total(tail: tail), 0)
    return (sp.sum() + tailP, sq.sum() + tailQ, v, all(ok) && tailOK)
}

/// Maximum and its first index, and whether any entry is NaN.
func maxPass(_ z: UnsafeBufferPointer<Double>) -> (max: Double, argmax: Int, hasNaN: Bool) {
    var m4 = D4(repeating: -.infinity)
    var nan = SIMDMask<SIMD4<Int64>>(repeating: false)
    let n = z.count
    var i = 0
    while i &+ 4 <= n {
        let x = load4(z, i)
        nan = nan .| (x .!= x)
        m4 = pointwiseMax(m4, x)
        i &+= 4
    }
    var m = m4.max()
    var hasNaN = any(nan)
    while i < n {
        let x = z[i]
        if x.isNaN { hasNaN = true } else if x > m { m = x }
        i &+= 1
    }
    if hasNaN { return (.nan, 0, true) }
    var arg = 0
    for k in 0..<n where z[k] == m { arg = k; break }
    return (m, arg, false)
}

/// Computes exp((zᵢ − m)/T), stores it in `out` if given, and returns `bias` + its compensated sum
/// (bias −1 gives Σ − 1 without cancellation when the max term is exactly 1).
func expShiftedPass(_ z: UnsafeBufferPointer<Double>, _ out: UnsafeMutableBufferPointer<Double>?,
                    shift m: Double, temperature t: Double, bias: Double = 0) -> Double {
    var acc = LaneAccumulator()
    let n = z.count
    let mv = D4(repeating: m), tv = D4(repeating: t)
    var i = 0
    while i &+ 4 <= n {
        var y = load4(z, i) - mv
        if t != 1 { y = y / tv }
        let e = vectorExp(y)
        if let o = out { o[i] = e[0]; o[i &+ 1] = e[1]; o[i &+ 2] = e[2]; o[i &+ 3] = e[3] }
        acc.add(e)
        i &+= 4
    }
    var tail = NeumaierSum()
    tail.add(bias)
    while i < n {
        let e = t == 1 ? exp(z[i] - m) : exp((z[i] - m) / t)
        out?[i] = e
        tail.add(e)
        i &+= 1
    }
    return acc.total(tail: tail)
}
