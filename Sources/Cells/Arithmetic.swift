import Foundation

/// Element-wise arithmetic with scalar broadcasting, and the unit rules: adding nats to bits is
/// an error, a ratio of like quantities is unitless, scaling keeps the unit.
extension Interpreter {
    mutating func arithmetic(_ op: BinaryOp, _ lhs: Value, _ rhs: Value, _ span: Span) throws(EvalError) -> Value {
        if case .number(let a, let ua) = lhs, case .number(let b, let ub) = rhs {
            return .number(try scalar(op, a, b, span), try combine(op, ua, ub, span))
        }
        switch (lhs, rhs) {
        case (.vector(let v, let ua), .number(let b, let ub)):
            let unit = try combine(op, ua, ub, span)
            try tick(span, v.count)
            var out = [Double](repeating: 0, count: v.count)
            for i in v.indices { out[i] = try scalar(op, v[i], b, span) }
            return .vector(out, unit)
        case (.number(let a, let ua), .vector(let v, let ub)):
            let unit = try combine(op, ua, ub, span)
            try tick(span, v.count)
            var out = [Double](repeating: 0, count: v.count)
            for i in v.indices { out[i] = try scalar(op, a, v[i], span) }
            return .vector(out, unit)
        case (.vector(let v, let ua), .vector(let w, let ub)):
            guard v.count == w.count else {
                throw EvalError(.shape, "vectors of different lengths (\(v.count) and \(w.count)) in '\(op.rawValue)'", at: span)
            }
            let unit = try combine(op, ua, ub, span)
            try tick(span, v.count)
            var out = [Double](repeating: 0, count: v.count)
            for i in v.indices { out[i] = try scalar(op, v[i], w[i], span) }
            return .vector(out, unit)
        case (.matrix(let m), .number(let b, nil)):
            return .matrix(try m.map { (row: [Double]) throws(EvalError) -> [Double] in
                var out = row
                for i in row.indices { out[i] = try scalar(op, row[i], b, span) }
                return out
            })
        case (.number(let a, nil), .matrix(let m)):
            return .matrix(try m.map { (row: [Double]) throws(EvalError) -> [Double] in
                var out = row
                for i in row.indices { out[i] = try scalar(op, a, row[i], span) }
                return out
            })
        case (.matrix(let m), .matrix(let n)):
            guard m.count == n.count, zip(m, n).allSatisfy({ $0.count == $1.count }) else {
                throw EvalError(.shape, "matrices of different shapes in '\(op.rawValue)'", at: span)
            }
            var rows: [[Double]] = []
            for (r, s) in zip(m, n) {
                var out = r
                for i in r.indices { out[i] = try scalar(op, r[i], s[i], span) }
                rows.append(out)
            }
            return .matrix(rows)
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        default:
            throw EvalError(.type, "cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)", at: span)
        }
    }

    @inline(__always)
    func scalar(_ op: BinaryOp, _ a: Double, _ b: Double, _ span: Span) throws(EvalError) -> Double {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            if b == 0 {
                throw EvalError(.divisionByZero, "division by zero (\(NumberFormat.format(a)) / 0)", at: span)
            }
            result = a / b
        case .power:
            result = Foundation.pow(a, b)
            if result.isNaN && !a.isNaN && !b.isNaN {
                throw EvalError(.domain, "\(NumberFormat.format(a)) ^ \(NumberFormat.format(b)) is not a real number", at: span)
            }
        }
        // ∞ − ∞, 0 · ∞, ∞ / ∞: a NaN out of non-NaN inputs is an error, not a silent value.
        if result.isNaN && !a.isNaN && !b.isNaN {
            throw EvalError(.nan, "\(NumberFormat.format(a)) \(op.rawValue) \(NumberFormat.format(b)) is not a number (NaN)", at: span)
        }
        return result
    }

    func combine(_ op: BinaryOp, _ a: LogUnit?, _ b: LogUnit?, _ span: Span) throws(EvalError) -> LogUnit? {
        if a == nil && b == nil { return nil }
        switch op {
        case .add, .subtract:
            if let a, let b, a != b {
                throw EvalError(.unit, "cannot \(op == .add ? "add" : "subtract") \(a.rawValue) and \(b.rawValue)", at: span,
                                hint: "convert one side, e.g. 'x in \(a.rawValue)'")
            }
            return a ?? b
        case .multiply:
            return (a != nil && b != nil) ? nil : (a ?? b)
        case .divide:
            if let a, let b {
                if a != b { throw EvalError(.unit, "cannot divide \(a.rawValue) by \(b.rawValue)", at: span, hint: "convert one side with 'in'") }
                return nil
            }
            return a
        case .power:
            return nil
        }
    }

    // MARK: - Comparisons

    mutating func evalComparison(_ ops: [CompareOp], _ operands: [Expr], _ spans: [Span]) throws(EvalError) -> Bool {
        var left = try eval(operands[0])
        for (i, op) in ops.enumerated() {
            let right = try eval(operands[i + 1])
            let outcome = try compare(op, left, right, operands[i], operands[i + 1], spans[i])
            if !outcome.passed { return false }
            left = right
        }
        return true
    }

    /// The outcome of one comparison, with what a failed claim needs to explain itself.
    struct Comparison {
        var passed: Bool
        /// For ≈: the largest difference, the tolerance it was held to and where that came from.
        var difference: Double?
        var tolerance: Double?
        var toleranceOrigin: String?
        /// For vectors: the entry that decided the outcome.
        var entry: Int?
    }

    func compare(_ op: CompareOp, _ lhs: Value, _ rhs: Value, _ lhsExpr: Expr, _ rhsExpr: Expr, _ span: Span) throws(EvalError) -> Comparison {
        switch (lhs, rhs) {
        case (.boolean(let a), .boolean(let b)) where op == .equal || op == .notEqual:
            return Comparison(passed: (a == b) == (op == .equal))
        case (.string(let a), .string(let b)) where op == .equal || op == .notEqual:
            return Comparison(passed: (a == b) == (op == .equal))
        default: break
        }
        let (a, ua) = try numbers(lhs, span)
        let (b, ub) = try numbers(rhs, span)
        if let ua, let ub, ua != ub {
            throw EvalError(.unit, "cannot compare \(ua.rawValue) with \(ub.rawValue)", at: span,
                            hint: "convert one side first, e.g. '… in \(ua.rawValue)'")
        }
        // An empty side has no entry to compare: a vacuous ✓ would report a claim that checked nothing.
        if a.isEmpty || b.isEmpty {
            let side = a.isEmpty ? (b.isEmpty ? "both sides are empty vectors" : "the left side is an empty vector") : "the right side is an empty vector"
            throw EvalError(.shape, "cannot compare: \(side)", at: span,
                            hint: "a comparison needs at least one entry on each side")
        }
        if a.count != b.count && a.count != 1 && b.count != 1 {
            throw EvalError(.shape, "cannot compare vectors of different lengths (\(a.count) and \(b.count))", at: span)
        }
        let n = max(a.count, b.count)
        if op == .approx {
            let aHalf = literalHalfUnits(lhsExpr), bHalf = literalHalfUnits(rhsExpr)
            var worst = Comparison(passed: true, difference: 0, tolerance: 0, toleranceOrigin: tolerance.origin, entry: nil)
            var worstRatio = -1.0
            for i in 0..<n {
                let x = a.count == 1 ? a[0] : a[i], y = b.count == 1 ? b[0] : b[i]
                let (tol, origin) = toleranceFor(x, y, half(aHalf, i), half(bHalf, i))
                let diff: Double
                if x == y { diff = 0 } else if x.isNaN || y.isNaN || x.isInfinite || y.isInfinite { diff = .infinity } else { diff = abs(x - y) }
                let passed = diff <= tol
                let ratio = tol > 0 ? diff / tol : (diff == 0 ? 0 : .infinity)
                if !passed || ratio > worstRatio {
                    worst = Comparison(passed: passed, difference: diff, tolerance: tol, toleranceOrigin: origin, entry: n > 1 ? i : nil)
                    worstRatio = ratio
                }
                if !passed { return worst }
            }
            return worst
        }
        for i in 0..<n {
            let x = a.count == 1 ? a[0] : a[i], y = b.count == 1 ? b[0] : b[i]
            let holds: Bool
            switch op {
            case .less: holds = x < y
            case .greater: holds = x > y
            case .lessEqual: holds = x <= y
            case .greaterEqual: holds = x >= y
            case .equal: holds = x == y
            case .notEqual: holds = x != y
            case .approx: holds = false
            }
            // ≠ on vectors means "not equal as vectors": one differing entry suffices.
            if op == .notEqual {
                if holds { return Comparison(passed: true, entry: n > 1 ? i : nil) }
                continue
            }
            if !holds { return Comparison(passed: false, entry: n > 1 ? i : nil) }
        }
        return Comparison(passed: op != .notEqual)
    }

    private func half(_ halves: [Double?], _ i: Int) -> Double? {
        halves.count == 1 ? halves[0] : (i < halves.count ? halves[i] : nil)
    }

    private func numbers(_ value: Value, _ span: Span) throws(EvalError) -> ([Double], LogUnit?) {
        switch value {
        case .number(let x, let u): return ([x], u)
        case .vector(let v, let u): return (v, u)
        case .matrix(let m): return (m.flatMap { $0 }, nil)
        default: throw EvalError(.type, "cannot compare \(value.typeName) as a number", at: span)
        }
    }

    /// The tolerance for one pair: the claim's `within` if given; otherwise the larger of the
    /// relative default and half a unit in the last written digit of a literal side.
    func toleranceFor(_ x: Double, _ y: Double, _ halfA: Double?, _ halfB: Double?) -> (Double, String) {
        let scale = max(abs(x), abs(y))
        let base = max(tolerance.relative * (scale.isFinite ? scale : 0), tolerance.absolute)
        if tolerance.explicit { return (base, tolerance.origin) }
        let written = max(halfA ?? 0, halfB ?? 0)
        if written > base {
            return (written * (1 + 1e-9), "half a unit in the last written digit")
        }
        return (base, tolerance.origin)
    }

    /// Half-units of literal operands (`1.04`, `-0.5`, `[0.33, 0.67]`); nil for computed values.
    func literalHalfUnits(_ expr: Expr) -> [Double?] {
        switch expr {
        case .number(_, let half, _): return [half]
        case .unary(_, let inner, _): return literalHalfUnits(inner)
        case .vector(let elements, _):
            return elements.map { e -> Double? in if case .number(_, let h, _) = e { return h } else { return nil } }
        default: return [nil]
        }
    }
}
