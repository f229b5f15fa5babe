import Foundation

// Joint distribution tables: rows index X, columns index Y, entry [x][y] = p(x, y).

/// Which variable a conditional entropy conditions on.
public enum JointVariable: String, Sendable, Equatable, CaseIterable {
    /// The row variable.
    case x
    /// The column variable.
    case y
}

/// The three textbook routes to I(X;Y); they must agree, which the tests check.
public enum MutualInformationMethod: String, Sendable, Equatable, CaseIterable {
    /// I = H(X) − H(X|Y).
    case conditionalEntropy
    /// I = H(X) + H(Y) − H(X,Y).
    case entropySum
    /// I = D(P_XY ‖ P_X P_Y): every term non-negative, the most accurate; the default.
    case klDivergence
}

/// How normalised mutual information divides I(X;Y).
public enum MutualInformationNormalization: String, Sendable, Equatable, CaseIterable {
    /// I / ((H(X) + H(Y))/2), scikit-learn's default.
    case arithmetic
    /// I / √(H(X)·H(Y)).
    case geometric
    /// I / min(H(X), H(Y)).
    case min
    /// I / max(H(X), H(Y)).
    case max
    /// I / H(X,Y).
    case joint
}

/// A validated table with its marginals, computed once.
struct JointTable {
    let rows: Int
    let columns: Int
    let flat: [Double]
    let px: [Double]
    let py: [Double]

    init(_ t: [[Double]], name: String) throws(InfoTheoryError) {
        let (r, c) = try validateTable(t, name: name)
        var total = NeumaierSum()
        var px = [Double](repeating: 0, count: r)
        var colSums = [NeumaierSum](repeating: NeumaierSum(), count: c)
        var flat = [Double]()
        flat.reserveCapacity(r * c)
        for (i, row) in t.enumerated() {
            let s = try validateNonNegative(row, name: "\(name)[\(i)]")
            px[i] = s
            total.add(s)
            for (j, v) in row.enumerated() { colSums[j].add(v) }
            flat.append(contentsOf: row)
        }
        let sum = total.value
        if !(abs(sum - 1) <= probabilityTolerance) {
            throw .notNormalized(argument: name, sum: sum, tolerance: probabilityTolerance)
        }
        rows = r
        columns = c
        self.flat = flat
        self.px = px
        py = colSums.map(\.value)
    }

    func at(_ i: Int, _ j: Int) -> Double { flat[i * columns + j] }

    /// H(X,Y) in nats.
    var jointEntropy: Double { entropyKernel(flat) }

    /// H(X|Y) (given .y) or H(Y|X) (given .x) in nats, as Σ p(x,y) log(p(cond)/p(x,y)): every
    /// term is ≥ 0 because a marginal is at least each of its entries.
    func conditionalEntropy(given: JointVariable) -> Double {
        var acc = NeumaierSum()
        for i in 0..<rows {
            for j in 0..<columns {
                let v = at(i, j)
                if v > 0 {
                    let m = given == .y ? py[j] : px[i]
                    acc.add(max(0, v * log(m / v)))
                }
            }
        }
        return max(acc.value, 0)
    }

    /// The outer product P_X P_Y, flattened.
    var productFlat: [Double] {
        var out = [Double]()
        out.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { out.append(px[i] * py[j]) } }
        return out
    }

    func mutualInformation(_ method: MutualInformationMethod) -> Double {
        let v: Double
        switch method {
        case .conditionalEntropy:
            v = entropyKernel(px) - conditionalEntropy(given: .y)
        case .entropySum:
            var s = NeumaierSum()
            s.add(entropyKernel(px)); s.add(entropyKernel(py)); s.add(-jointEntropy)
            v = s.value
        case .klDivergence:
            let q = productFlat
            v = flat.withUnsafeBufferPointer { a in q.withUnsafeBufferPointer { b in klKernel(a, b) } }
        }
        // A rounding-level negative (an independent table) is reported as the exact 0 it is.
        return v > 0 ? v : 0
    }
}

/// Joint entropy H(X,Y) of a joint table.
public func jointEntropy(_ pxy: [[Double]], base: LogBase = .nats, name: String = "PXY") throws(InfoTheoryError) -> Double {
    base.fromNats(try JointTable(pxy, name: name).jointEntropy)
}

/// Conditional entropy: `given: .y` is H(X|Y), `given: .x` is H(Y|X). Never negative.
public func conditionalEntropy(_ pxy: [[Double]], given: JointVariable, base: LogBase = .nats,
                               name: String = "PXY") throws(InfoTheoryError) -> Double {
    base.fromNats(try JointTable(pxy, name: name).conditionalEntropy(given: given))
}

/// The marginal of X (row sums, compensated).
public func marginalX(_ pxy: [[Double]], name: String = "PXY") throws(InfoTheoryError) -> [Double] {
    try JointTable(pxy, name: name).px
}

/// The marginal of Y (column sums, compensated).
public func marginalY(_ pxy: [[Double]], name: String = "PXY") throws(InfoTheoryError) -> [Double] {
    try JointTable(pxy, name: name).py
}

/// The independent table with the same marginals: [x][y] = p(x)·p(y).
public func productOfMarginals(_ pxy: [[Double]], name: String = "PXY") throws(InfoTheoryError) -> [[Double]] {
    let t = try JointTable(pxy, name: name)
    return t.px.map { a in t.py.map { b in a * b } }
}

/// Mutual information I(X;Y) ≥ 0 by the chosen route (all three agree to rounding). A
/// rounding-level negative result, as on an independent table, is returned as 0.
public func mutualInformation(_ pxy: [[Double]], method: MutualInformationMethod = .klDivergence,
                              base: LogBase = .nats, name: String = "PXY") throws(InfoTheoryError) -> Double {
    base.fromNats(try JointTable(pxy, name: name).mutualInformation(method))
}

/// Normalised mutual information in [0, 1]. When the normaliser is 0 (a constant variable,
/// so I = 0 too) the result is defined as 0.
public func normalizedMutualInformation(_ pxy: [[Double]],
                                        normalization: MutualInformationNormalization = .arithmetic,
                                        name: String = "PXY") throws(InfoTheoryError) -> Double {
    let t = try JointTable(pxy, name: name)
    let i = t.mutualInformation(.klDivergence)
    let hx = entropyKernel(t.px), hy = entropyKernel(t.py)
    let d: Double
    switch normalization {
    case .arithmetic: d = 0.5 * (hx + hy)
    case .geometric: d = sqrt(hx * hy)
    case .min: d = Swift.min(hx, hy)
    case .max: d = Swift.max(hx, hy)
    case .joint: d = t.jointEntropy
    }
    if !(d > 0) { return 0 }
    return Swift.min(Swift.max(i / d, 0), 1)
}
