import Foundation

/// A small, fast, seeded generator (xoshiro256** seeded through SplitMix64): the same seed gives
/// the same stream on every run, which property tests and `forall` claims rely on.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(&sm), splitMix(&sm), splitMix(&sm), splitMix(&sm))
    }

    /// Two generators are equal when they will produce the same stream.
    public static func == (a: SeededGenerator, b: SeededGenerator) -> Bool {
        a.state.0 == b.state.0 && a.state.1 == b.state.1 && a.state.2 == b.state.2 && a.state.3 == b.state.3
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotl(state.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1): never 0, so its logarithm is finite.
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal by the Marsaglia polar method.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Gamma(shape, 1) by Marsaglia–Tsang (with the shape < 1 boost). `shape` must be > 0.
    public mutating func nextGamma(shape: Double) throws(InfoTheoryError) -> Double {
        try validatePositive(shape, name: "shape")
        if shape < 1 {
            let g = try nextGamma(shape: shape + 1)
            return g * exp(log(nextOpenUniform()) / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextOpenUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A sample from Dirichlet(α): a random probability vector (entries > 0 unless α is tiny
    /// enough to underflow, summing to 1 within rounding).
    public mutating func dirichlet(_ alpha: [Double]) throws(InfoTheoryError) -> [Double] {
        if alpha.isEmpty { throw .empty(argument: "alpha") }
        if alpha.count > maximumSize { throw .tooLarge(argument: "alpha", size: alpha.count, limit: maximumSize) }
        for (i, a) in alpha.enumerated() where !(a > 0) || !a.isFinite {
            throw .invalidParameter(name: "alpha[\(i)]", value: a, requirement: "finite and > 0")
        }
        var g = [Double]()
        g.reserveCapacity(alpha.count)
        for a in alpha { g.append(try nextGamma(shape: a)) }
        let s = compensatedSum(g)
        if !(s > 0) {
            // Every gamma underflowed (tiny α): the limit puts all mass on one coordinate.
            var one = [Double](repeating: 0, count: alpha.count)
            one[Int(nextUniform() * Double(alpha.count)) % alpha.count] = 1
            return one
        }
        return g.map { $0 / s }
    }

    /// A sample from the symmetric Dirichlet(concentration, …, concentration) on `count`
    /// outcomes; concentration 1 is uniform on the simplex.
    public mutating func dirichlet(count: Int, concentration: Double = 1) throws(InfoTheoryError) -> [Double] {
        if count < 1 { throw .invalidParameter(name: "count", value: Double(count), requirement: "≥ 1") }
        if count > maximumSize { throw .tooLarge(argument: "count", size: count, limit: maximumSize) }
        return try dirichlet([Double](repeating: concentration, count: count))
    }

    /// A random joint table (rows × columns) drawn uniformly from the simplex.
    public mutating func jointTable(rows: Int, columns: Int, concentration: Double = 1) throws(InfoTheoryError) -> [[Double]] {
        if rows < 1 { throw .invalidParameter(name: "rows", value: Double(rows), requirement: "≥ 1") }
        if columns < 1 { throw .invalidParameter(name: "columns", value: Double(columns), requirement: "≥ 1") }
        let (n, o) = rows.multipliedReportingOverflow(by: columns)
        if o || n > maximumSize { throw .tooLarge(argument: "rows × columns", size: o ? Int.max : n, limit: maximumSize) }
        let flat = try dirichlet(count: n, concentration: concentration)
        return (0..<rows).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}
