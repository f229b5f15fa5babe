/// The outcome of evaluating a claim: whether it holds and a message explaining the values.
struct ClaimOutcome: Sendable {
    var passed: Bool
    var message: String
}

extension Interpreter {
    /// Evaluates a claim, explaining comparisons (both sides, difference, tolerance) and
    /// following `and`/`or`/`not` to the part that decided the outcome.
    mutating func evaluateClaim(_ expr: Expr) throws(EvalError) -> ClaimOutcome {
        switch expr {
        case .compare(let ops, let operands, let spans):
            return try explainComparison(ops, operands, spans)
        case .logical(.and, let l, let r, _):
            let left = try evaluateClaim(l)
            if !left.passed { return left }
            let right = try evaluateClaim(r)
            return right.passed ? ClaimOutcome(passed: true, message: left.message + "; " + right.message) : right
        case .logical(.or, let l, let r, _):
            let left = try evaluateClaim(l)
            if left.passed { return left }
            let right = try evaluateClaim(r)
            return right.passed ? right : ClaimOutcome(passed: false, message: "neither side holds: \(left.message); \(right.message)")
        case .not(let inner, _):
            let outcome = try evaluateClaim(inner)
            return ClaimOutcome(passed: !outcome.passed,
                                message: outcome.passed ? "the negated claim holds: \(outcome.message)" : "not (\(outcome.message))")
        default:
            let value = try eval(expr)
            guard case .boolean(let b) = value else {
                throw EvalError("type", "a claim must be true or false, but this is \(value.typeName)", at: expr.span,
                                hint: "compare it: check x ≈ 1.5, check x ≥ 0")
            }
            return ClaimOutcome(passed: b, message: b ? "true" : "evaluated to false")
        }
    }

    private mutating func explainComparison(_ ops: [CompareOp], _ operands: [Expr], _ spans: [Span]) throws(EvalError) -> ClaimOutcome {
        var values: [Value] = []
        values.reserveCapacity(operands.count)
        var left = try eval(operands[0])
        values.append(left)
        for (i, op) in ops.enumerated() {
            let right = try eval(operands[i + 1])
            values.append(right)
            let outcome = try compare(op, left, right, operands[i], operands[i + 1], spans[i])
            if !outcome.passed {
                return ClaimOutcome(passed: false, message: failureMessage(op, left, right, outcome))
            }
            left = right
        }
        var message = ""
        for (i, value) in values.enumerated() {
            if i > 0 { message += " \(ops[i - 1].rawValue) " }
            message += text(value, against: i > 0 ? values[i - 1] : (values.count > 1 ? values[1] : value))
        }
        return ClaimOutcome(passed: true, message: message)
    }

    private func failureMessage(_ op: CompareOp, _ lhs: Value, _ rhs: Value, _ c: Comparison) -> String {
        var l = lhs, r = rhs
        var prefix = ""
        if let entry = c.entry {
            prefix = "entry \(entry): "
            l = entryValue(lhs, entry)
            r = entryValue(rhs, entry)
        }
        let lt = text(l, against: r), rt = text(r, against: l)
        if op == .approx, let diff = c.difference, let tol = c.tolerance {
            let origin = c.toleranceOrigin.map { " (\($0))" } ?? ""
            return "\(prefix)\(lt) ≈ \(rt) is false: difference \(NumberFormat.format(diff, precision: 3)) exceeds the tolerance \(NumberFormat.format(tol, precision: 3))\(origin)"
        }
        if op == .notEqual {
            return "\(lt) ≠ \(rt) is false: both sides are equal"
        }
        var message = "\(prefix)\(lt) \(op.rawValue) \(rt) is false"
        if case .number(let a, _) = l, case .number(let b, _) = r, a.isFinite, b.isFinite {
            message += " (difference \(NumberFormat.format(a - b, precision: 3)))"
        }
        return message
    }

    private func entryValue(_ value: Value, _ i: Int) -> Value {
        switch value {
        case .vector(let v, let u) where i < v.count: return .number(v[i], u)
        case .matrix(let m):
            let flat = m.flatMap { $0 }
            return i < flat.count ? .number(flat[i], nil) : value
        default: return value
        }
    }

    /// A value as text, with enough digits to tell it apart from the other side.
    func text(_ value: Value, against other: Value) -> String {
        if case .number(let a, let u) = value, case .number(let b, _) = other, a != b, a.isFinite, b.isFinite {
            var precision = 6
            while precision < 17 && NumberFormat.format(a, precision: precision) == NumberFormat.format(b, precision: precision) {
                precision += 2
            }
            return NumberFormat.format(a, precision: min(precision, 17)) + (u.map { " " + $0.rawValue } ?? "")
        }
        return value.display.text(precision: 6)
    }

    /// Sets the tolerance for one claim from its `within` clause (or the note's default).
    mutating func useTolerance(_ spec: ToleranceSpec?) throws(EvalError) {
        guard let spec else {
            tolerance = Tolerance(relative: noteTolerance, absolute: Tolerance.absoluteFloor, explicit: false,
                                  origin: "relative tolerance \(NumberFormat.format(noteTolerance))")
            return
        }
        func positive(_ expr: Expr) throws(EvalError) -> Double {
            let value = try eval(expr)
            guard case .number(let x, _) = value, x.isFinite, x >= 0 else {
                throw EvalError("argument", "a tolerance must be a finite number ≥ 0", at: expr.span)
            }
            return x
        }
        switch spec {
        case .relative(let e):
            let x = try positive(e)
            tolerance = Tolerance(relative: x, absolute: Tolerance.absoluteFloor, explicit: true, origin: "relative tolerance \(NumberFormat.format(x))")
        case .absolute(let e):
            let x = try positive(e)
            tolerance = Tolerance(relative: 0, absolute: x, explicit: true, origin: "absolute tolerance ±\(NumberFormat.format(x))")
        case .percent(let e):
            let x = try positive(e)
            tolerance = Tolerance(relative: x / 100, absolute: Tolerance.absoluteFloor, explicit: true, origin: "relative tolerance \(NumberFormat.format(x))%")
        }
    }
}
