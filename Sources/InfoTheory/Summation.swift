import Foundation

/// Neumaier's compensated summation (improved Kahan–Babuška).
///
/// A plain `reduce(0, +)` over a million terms can lose hundreds of ulps; this accumulator keeps
/// the running rounding error and adds it back at the end, so the result is within about one
/// ulp of the exact sum for any ordering of the inputs (barring overflow).
public struct NeumaierSum: Sendable, Equatable {
    /// The running (uncorrected) sum.
    public private(set) var sum: Double = 0
    /// The accumulated rounding error of `sum`.
    public private(set) var compensation: Double = 0

    /// An empty sum (value 0).
    public init() {}

    /// Adds one term.
    @inline(__always)
    public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The compensated total.
    public var value: Double {
        let v = sum + compensation
        // Non-finite partial sums (overflow, ∞ terms) make the compensation meaningless.
        return v.isFinite ? v : sum
    }
}

/// The sum of `values` with compensated summation (about 1 ulp of error however long the
/// vector). Non-finite terms propagate as IEEE arithmetic says (∞ + −∞ = NaN).
public func compensatedSum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { buffer in
        fastSum(count: buffer.count) { buffer[$0] }
    }
}

/// The sum of `values` by pairwise (cascade) summation: O(log n) error growth, no
/// compensation; offered for comparison and for callers who want the classic algorithm.
public func pairwiseSum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { buffer in
        pairwise(buffer, 0, buffer.count)
    }
}

private func pairwise(_ b: UnsafeBufferPointer<Double>, _ lo: Int, _ hi: Int) -> Double {
    // Depth is log2(n) ≤ 64, so the recursion is bounded.
    let n = hi - lo
    if n <= 128 {
        var s = 0.0
        var i = lo
        while i < hi { s += b[i]; i += 1 }
        return s
    }
    let mid = lo + n / 2
    return pairwise(b, lo, mid) + pairwise(b, mid, hi)
}

/// Error-free transformation accumulators over SIMD lanes: each lane keeps a sum and the exact
/// rounding error of every addition (Knuth's branch-free TwoSum), so the loop vectorises and the
/// result is as accurate as Neumaier's. Lanes are combined with Neumaier at the end.

struct LaneAccumulator {
    var s = SIMD4<Double>(repeating: 0)
    var c = SIMD4<Double>(repeating: 0)

    init() {}

    @inline(__always)
    mutating func add(_ x: SIMD4<Double>) {
        let t = s + x
        let bv = t - s
        let err = (s - (t - bv)) + (x - bv)
        c += err
        s = t
    }

    @inline(__always)
    func total(tail: NeumaierSum) -> Double {
        var n = NeumaierSum()
        for k in 0..<4 { n.add(s[k]) }
        for k in 0..<4 { n.add(c[k]) }
        n.add(tail.sum)
        n.add(tail.compensation)
        let naive = s.sum() + tail.sum
        // If anything overflowed or was non-finite, report what IEEE arithmetic gives.
        return naive.isFinite ? n.value : naive
    }
}

/// Compensated sum of `term(i)` for i in 0..<count, written so the compiler keeps four
/// independent accumulators in vector registers.
@inline(__always)
func fastSum(count: Int, _ term: (Int) -> Double) -> Double {
    var acc = LaneAccumulator()
    var i = 0
    while i &+ 4 <= count {
        acc.add(SIMD4(term(i), term(i &+ 1), term(i &+ 2), term(i &+ 3)))
        i &+= 4
    }
    var tail = NeumaierSum()
    while i < count {
        tail.add(term(i))
        i &+= 1
    }
    return acc.total(tail: tail)
}
