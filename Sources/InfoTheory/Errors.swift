import Foundation

/// Everything that can be wrong with the input to an `InfoTheory` function.
///
/// Every case names the offending argument (callers pass names such as `"P"` and `"Q"`), and
/// its `description` says what is wrong *and by how much*, e.g.
/// `P sums to 0.98, not 1 (off by 0.02; tolerance 1e-9)`.
public enum InfoTheoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A vector or table that must have at least one entry has none.
    case empty(argument: String)
    /// An entry is NaN or ±∞ where a finite number is required.
    case notFinite(argument: String, index: Int, value: Double)
    /// A probability (or weight) is negative.
    case negative(argument: String, index: Int, value: Double)
    /// A probability is greater than 1.
    case greaterThanOne(argument: String, index: Int, value: Double)
    /// Two arguments that must have the same length do not.
    case lengthMismatch(first: String, firstCount: Int, second: String, secondCount: Int)
    /// A distribution does not sum to 1 within `tolerance`.
    case notNormalized(argument: String, sum: Double, tolerance: Double)
    /// A vector that must have positive total mass (to be renormalised) sums to zero.
    case zeroMass(argument: String)
    /// Every logit is −∞, so a softmax has no mass to distribute.
    case allMasked(argument: String)
    /// A table's row does not have as many columns as the first row.
    case raggedTable(argument: String, row: Int, count: Int, expected: Int)
    /// A scalar parameter violates its requirement (`requirement` reads like "> 0").
    case invalidParameter(name: String, value: Double, requirement: String)
    /// An integer argument (a class index, a count) is out of its allowed range.
    case indexOutOfRange(argument: String, position: Int, value: Int, validRange: String)
    /// A matrix that must be symmetric positive definite is not.
    case notPositiveDefinite(argument: String, detail: String)
    /// A size would exceed what the library is willing to allocate or sum.
    case tooLarge(argument: String, size: Int, limit: Int)
    /// The requested accuracy could not be reached (numerical integration).
    case didNotConverge(what: String, estimate: Double, errorEstimate: Double)

    /// A one-line message naming the argument, what is wrong and by how much, and the remedy
    /// when there is one.
    public var description: String {
        remedy.map { problem + "; " + $0 } ?? problem
    }

    /// What to do about it, in terms of this library's API, when the fix is not obvious.
    public var remedy: String? {
        if case .notNormalized = self { return "use normalized(_:) to renormalise explicitly" }
        return nil
    }

    /// What is wrong and by how much, without a remedy (callers with their own API add theirs).
    public var problem: String {
        switch self {
        case .empty(let a):
            return "\(a) is empty; it needs at least one entry"
        case .notFinite(let a, let i, let v):
            return "\(a)[\(i)] is \(formatNumber(v)); entries must be finite numbers"
        case .negative(let a, let i, let v):
            return "\(a)[\(i)] is \(formatNumber(v)); entries must be ≥ 0 (below 0 by \(formatNumber(-v, significant: 3)))"
        case .greaterThanOne(let a, let i, let v):
            return "\(a)[\(i)] is \(formatNumber(v)); a probability must be ≤ 1 (above 1 by \(formatNumber(v - 1, significant: 3)))"
        case .lengthMismatch(let a, let n, let b, let m):
            return "\(a) has \(n) entries but \(b) has \(m); they must have the same length (differ by \(abs(n - m)))"
        case .notNormalized(let a, let s, let t):
            let off = abs(s - 1)
            return "\(a) sums to \(formatSum(s)), not 1 (off by \(formatNumber(off, significant: 3)); tolerance \(formatNumber(t)))"
        case .zeroMass(let a):
            return "\(a) sums to 0; it cannot be normalised"
        case .allMasked(let a):
            return "every entry of \(a) is −∞; a softmax needs at least one entry above −∞"
        case .raggedTable(let a, let r, let n, let e):
            return "\(a) row \(r) has \(n) columns but row 0 has \(e); a joint table must be rectangular (differ by \(abs(n - e)))"
        case .invalidParameter(let n, let v, let req):
            return "\(n) is \(formatNumber(v)); it must be \(req)"
        case .indexOutOfRange(let a, let p, let v, let r):
            return "\(a)[\(p)] is \(v); it must be in \(r)"
        case .notPositiveDefinite(let a, let d):
            return "\(a) is not symmetric positive definite: \(d)"
        case .tooLarge(let a, let s, let l):
            return "\(a) has size \(s), above the limit \(l) (over by \(s - l))"
        case .didNotConverge(let w, let e, let err):
            return "\(w) did not converge: estimate \(formatNumber(e)) with error estimate \(formatNumber(err, significant: 3))"
        }
    }

    /// Equality treats two NaN payloads as equal, so a test can expect `.notFinite(…, value: .nan)`.
    public static func == (lhs: InfoTheoryError, rhs: InfoTheoryError) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        switch (lhs, rhs) {
        case let (.empty(a), .empty(b)): return a == b
        case let (.notFinite(a, i, v), .notFinite(b, j, w)): return a == b && i == j && same(v, w)
        case let (.negative(a, i, v), .negative(b, j, w)): return a == b && i == j && same(v, w)
        case let (.greaterThanOne(a, i, v), .greaterThanOne(b, j, w)): return a == b && i == j && same(v, w)
        case let (.lengthMismatch(a, n, b, m), .lengthMismatch(c, k, d, l)): return a == c && n == k && b == d && m == l
        case let (.notNormalized(a, s, t), .notNormalized(b, u, v)): return a == b && same(s, u) && same(t, v)
        case let (.zeroMass(a), .zeroMass(b)): return a == b
        case let (.allMasked(a), .allMasked(b)): return a == b
        case let (.raggedTable(a, r, n, e), .raggedTable(b, s, m, f)): return a == b && r == s && n == m && e == f
        case let (.invalidParameter(n, v, r), .invalidParameter(m, w, s)): return n == m && same(v, w) && r == s
        case let (.indexOutOfRange(a, p, v, r), .indexOutOfRange(b, q, w, s)): return a == b && p == q && v == w && r == s
        case let (.notPositiveDefinite(a, d), .notPositiveDefinite(b, e)): return a == b && d == e
        case let (.tooLarge(a, s, l), .tooLarge(b, t, m)): return a == b && s == t && l == m
        case let (.didNotConverge(w, e, r), .didNotConverge(x, f, s)): return w == x && same(e, f) && same(r, s)
        default: return false
        }
    }
}

/// Formats a number for a message: shortest round-trip form, or `significant` digits, with
/// exponents written like `1e-9` rather than C's `1e-09`.
func formatNumber(_ x: Double, significant: Int? = nil) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "+∞" : "−∞" }
    let raw: String
    if let digits = significant {
        raw = String(format: "%.\(max(1, min(17, digits)))g", x)
    } else {
        // Shortest representation that round-trips, with integral values printed without ".0".
        if x == x.rounded(), abs(x) < 1e15 { raw = String(Int64(x)) } else { raw = "\(x)" }
    }
    return cleanExponent(raw)
}

/// A sum shown to 12 digits so rounding noise does not clutter the message, but never printed
/// as exactly "1" when it is not 1.
private func formatSum(_ s: Double) -> String {
    let short = formatNumber(s, significant: 12)
    if s != 1, short == "1" { return formatNumber(s) }
    return short
}

private func cleanExponent(_ s: String) -> String {
    guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
    let mantissa = s[s.startIndex..<e]
    var exponent = s[s.index(after: e)...]
    var sign = ""
    if let first = exponent.first, first == "+" || first == "-" {
        sign = first == "-" ? "-" : ""
        exponent = exponent.dropFirst()
    }
    let digits = exponent.drop(while: { $0 == "0" })
    return "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
}
