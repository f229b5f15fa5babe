import Foundation

// Exponential over SIMD lanes, so the hot loops (softmax over millions of entries) vectorise
// instead of calling scalar libm per element. The algorithm is fdlibm's (Sun Microsystems):
// a Remez rational approximation, < 1 ulp. Lanes outside the fast path's domain (an exp
// result that would be subnormal or overflow) are detected by the caller-visible
// `fastExpDomain` mask and recomputed with scalar libm, so every input gets a correct result.
// Logarithms go lane by lane through libm (`lanesLog`); `fastLogDomain` tells the KL loop
// when a ratio is a normal positive number.

typealias D4 = SIMD4<Double>
typealias U4 = SIMD4<UInt64>

private let ln2Hi = 6.93147180369123816490e-01
private let ln2Lo = 1.90821492927058770002e-10

/// True in lanes holding finite normal positive numbers.
@inline(__always)
func fastLogDomain(_ x: D4) -> SIMDMask<SIMD4<Int64>> {
    (x .>= D4(repeating: .leastNormalMagnitude)) .& (x .<= D4(repeating: .greatestFiniteMagnitude))
}

/// Natural log of each lane by scalar libm. On baseline x86-64 (SSE2, two doubles per
/// register) glibc's table-driven scalar log beat a polynomial SIMD log (measured: about
/// 8.6 vs 13.5 ns per element), so the hot loops use this and keep only exp vectorised.
@inline(__always)
func lanesLog(_ x: D4) -> D4 {
    D4(log(x[0]), log(x[1]), log(x[2]), log(x[3]))
}

/// True in lanes where `vectorExp`'s fast path is valid: results normal and finite.
@inline(__always)
func fastExpDomain(_ x: D4) -> SIMDMask<SIMD4<Int64>> {
    (x .>= D4(repeating: -708.3)) .& (x .<= D4(repeating: 709.0))
}

/// eˣ of each lane; lanes outside `fastExpDomain` fall back to scalar `exp`.
@inline(__always)
func vectorExp(_ x: D4) -> D4 {
    if !all(fastExpDomain(x)) {
        return D4(exp(x[0]), exp(x[1]), exp(x[2]), exp(x[3]))
    }
    // k = round(x/ln2) by the 1.5·2⁵² shifter; its low bits are k itself.
    let shifter = 6755399441055744.0
    let kShifted = x * 1.44269504088896338700e+00 + shifter
    let kd = kShifted - shifter
    let hi = x - kd * ln2Hi
    let lo = kd * ln2Lo
    let r = hi - lo
    let t = r * r
    var poly = t * 4.13813679705723846039e-08 + D4(repeating: -1.65339022054652515390e-06)
    poly = t * poly + D4(repeating: 6.61375632143793436117e-05)
    poly = t * poly + D4(repeating: -2.77777777770155933842e-03)
    poly = t * poly + D4(repeating: 1.66666666666666019037e-01)
    let c = r - t * poly
    let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
    // 2^k: k + 1023 in the exponent field (k ∈ [−1022, 1023] on the fast path).
    let kb = unsafeBitCast(kShifted, to: U4.self)
    let scaleBits = ((kb &+ 1023) & 0x7ff) &<< 52
    let scale = unsafeBitCast(scaleBits, to: D4.self)
    return y * scale
}
