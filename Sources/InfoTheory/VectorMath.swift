import Foundation

// Branch-free logarithm and exponential over SIMD lanes, so the hot loops (entropy, KL,
// softmax over millions of entries) vectorise instead of calling scalar libm per element.
// The algorithms are fdlibm's (Sun Microsystems): a degree-14 Remez polynomial in
// s = f/(2+f) for log and a Remez rational approximation for exp, both < 1 ulp. Lanes outside
// the fast path's domain (zero, subnormal, negative, non-finite, or an exp result that would be
// subnormal) are detected by the caller-visible `fastLogDomain`/`fastExpDomain` masks and
// recomputed with scalar libm, so every input gets a correct result.

typealias D4 = SIMD4<Double>
typealias U4 = SIMD4<UInt64>

private let ln2Hi = 6.93147180369123816490e-01
private let ln2Lo = 1.90821492927058770002e-10

/// True in lanes where `vectorLog` is valid: finite normal positive numbers.
@inline(__always)
func fastLogDomain(_ x: D4) -> SIMDMask<SIMD4<Int64>> {
    (x .>= D4(repeating: .leastNormalMagnitude)) .& (x .<= D4(repeating: .greatestFiniteMagnitude))
}

/// Natural log of each lane; lanes outside `fastLogDomain` fall back to scalar `log`.
@inline(__always)
func vectorLog(_ x: D4) -> D4 {
    let domain = fastLogDomain(x)
    if !all(domain) {
        return D4(log(x[0]), log(x[1]), log(x[2]), log(x[3]))
    }
    // Same-size reinterpretations compile to nothing, keeping the whole computation in vector registers.
    let bits = unsafeBitCast(x, to: U4.self)
    let hx = bits &>> 32                      // high words
    let exponent = hx &>> 20                  // biased exponent (x is positive and normal)
    let mantHigh = hx & 0x000f_ffff
    // Normalise the mantissa into [√½, √2): if it is at least √2's, halve it (exponent 0x3fe).
    let i = (mantHigh &+ 0x95f64) & 0x10_0000
    let newHigh = mantHigh | (i ^ 0x3ff0_0000)
    let mBits = (newHigh &<< 32) | (bits & 0xffff_ffff)
    let m = unsafeBitCast(mBits, to: D4.self)
    // k = exponent − 1023 + (i >> 20), as a double without an int→double conversion.
    let kBits = (exponent &+ (i &>> 20)) | 0x4330_0000_0000_0000
    let dk = unsafeBitCast(kBits, to: D4.self) - D4(repeating: 4503599627370496.0 + 1023)
    let f = m - 1
    let s = f / (2 + f)
    let z = s * s
    let w = z * z
    var t1 = w * 1.531383769920937332e-01 + D4(repeating: 2.222219843214978396e-01)
    t1 = w * t1 + D4(repeating: 3.999999999940941908e-01)
    t1 = w * t1
    var t2 = w * 1.479819860511658591e-01 + D4(repeating: 1.818357216161805012e-01)
    t2 = w * t2 + D4(repeating: 2.857142874366239149e-01)
    t2 = w * t2 + D4(repeating: 6.666666666666735130e-01)
    t2 = z * t2
    let r = t2 + t1
    let hfsq = 0.5 * f * f
    // fdlibm picks the form by the mantissa's position; both are evaluated and blended.
    let wide = dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
    let narrow = dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f)
    let mh = unsafeBitCast(mantHigh, to: SIMD4<Int64>.self)
    let iw = mh &- 0x6147a
    let jw = 0x6b851 &- mh
    return narrow.replacing(with: wide, where: (iw | jw) .> 0)
}

/// Natural log of each lane by scalar libm. On baseline x86-64 (SSE2, two doubles per
/// register) glibc's table-driven scalar log beats the polynomial `vectorLog` (measured: about
/// 8.6 vs 13.5 ns per element), so the hot loops use this; `vectorLog` stays for targets with
/// wider vectors and is tested to agree with libm.
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
