import Foundation

/// Multivariate normal N(μ, Σ) with a symmetric positive-definite covariance Σ (k × k).
public struct MultivariateNormal: Sendable, Equatable {
    /// The mean vector μ.
    public let mean: [Double]
    /// The covariance Σ (k × k, symmetric positive definite).
    public let covariance: [[Double]]
    /// Lower-triangular Cholesky factor L with Σ = L·Lᵀ, checked at construction.
    let cholesky: [[Double]]

    /// Validates dimensions, finiteness, symmetry (to 1e-12 relative) and positive definiteness.
    public init(mean: [Double], covariance: [[Double]]) throws(InfoTheoryError) {
        try validateReal(mean, name: "mean", allowInfinity: false)
        let (r, c) = try validateTable(covariance, name: "covariance")
        if r != c {
            throw .notPositiveDefinite(argument: "covariance", detail: "it is \(r) × \(c), not square (differ by \(abs(r - c)))")
        }
        if r != mean.count {
            throw .lengthMismatch(first: "mean", firstCount: mean.count, second: "covariance", secondCount: r)
        }
        for (i, row) in covariance.enumerated() {
            try validateReal(row, name: "covariance[\(i)]", allowInfinity: false)
        }
        for i in 0..<r {
            for j in 0..<i {
                let a = covariance[i][j], b = covariance[j][i]
                if abs(a - b) > 1e-12 * max(abs(a), abs(b), 1e-300) {
                    throw .notPositiveDefinite(argument: "covariance",
                        detail: "entry [\(i)][\(j)] = \(formatNumber(a)) but [\(j)][\(i)] = \(formatNumber(b)) (asymmetric by \(formatNumber(abs(a - b), significant: 3)))")
                }
            }
        }
        self.mean = mean
        self.covariance = covariance
        self.cholesky = try choleskyFactor(covariance, name: "covariance")
    }

    /// The dimension k.
    public var dimension: Int { mean.count }

    /// log det Σ = 2 Σ log Lᵢᵢ.
    public var logDeterminant: Double {
        var s = NeumaierSum()
        for i in 0..<dimension { s.add(2 * log(cholesky[i][i])) }
        return s.value
    }

    /// ½ log det(2πeΣ) = k·½ log(2πe) + ½ log det Σ.
    public func differentialEntropy(base: LogBase = .nats) -> Double {
        base.fromNats(Double(dimension) * halfLogTwoPiE + 0.5 * logDeterminant)
    }
}

/// Cholesky factorisation of a symmetric matrix; throws if a pivot is not positive.
func choleskyFactor(_ a: [[Double]], name: String) throws(InfoTheoryError) -> [[Double]] {
    let n = a.count
    var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for j in 0..<n {
        var d = NeumaierSum()
        d.add(a[j][j])
        for k in 0..<j { d.add(-l[j][k] * l[j][k]) }
        let pivot = d.value
        if !(pivot > 0) || !pivot.isFinite {
            throw .notPositiveDefinite(argument: name, detail: "pivot \(j) is \(formatNumber(pivot, significant: 6)), not > 0")
        }
        let ljj = sqrt(pivot)
        l[j][j] = ljj
        for i in (j + 1)..<max(n, j + 1) {
            var s = NeumaierSum()
            s.add(a[i][j])
            for k in 0..<j { s.add(-l[i][k] * l[j][k]) }
            l[i][j] = s.value / ljj
        }
    }
    return l
}

/// Solves L·x = b (forward substitution) for lower-triangular L.
func forwardSubstitute(_ l: [[Double]], _ b: [Double]) -> [Double] {
    var x = b
    for i in 0..<b.count {
        var s = NeumaierSum()
        s.add(b[i])
        for k in 0..<i { s.add(-l[i][k] * x[k]) }
        x[i] = s.value / l[i][i]
    }
    return x
}

/// D(P‖Q) between multivariate Normals of the same dimension:
/// ½[tr(Σ_q⁻¹Σ_p) + (μ_q − μ_p)ᵀΣ_q⁻¹(μ_q − μ_p) − k + log det Σ_q − log det Σ_p].
/// Uses Cholesky solves (no explicit inverse); a rounding-level negative is returned as 0.
public func klDivergence(_ p: MultivariateNormal, _ q: MultivariateNormal, base: LogBase = .nats,
                         pName: String = "P", qName: String = "Q") throws(InfoTheoryError) -> Double {
    if p.dimension != q.dimension {
        throw .lengthMismatch(first: "\(pName).mean", firstCount: p.dimension, second: "\(qName).mean", secondCount: q.dimension)
    }
    let k = p.dimension
    // tr(Σ_q⁻¹Σ_p) = ‖L_q⁻¹ L_p‖²_F
    var acc = NeumaierSum()
    for j in 0..<k {
        let column = (0..<k).map { p.cholesky[$0][j] }
        for v in forwardSubstitute(q.cholesky, column) { acc.add(v * v) }
    }
    let diff = (0..<k).map { q.mean[$0] - p.mean[$0] }
    for v in forwardSubstitute(q.cholesky, diff) { acc.add(v * v) }
    acc.add(-Double(k))
    acc.add(q.logDeterminant)
    acc.add(-p.logDeterminant)
    let v = 0.5 * acc.value
    return base.fromNats(v > 0 ? v : 0)
}
