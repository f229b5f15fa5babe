/// The outcome of evaluating a claim: whether it holds and a message explaining the values.
struct ClaimOutcome: Sendable {
    var passed: Bool
    var message: ClaimText
    /// The claim could not be evaluated (a forall case that raised an error).
    var isError = false

    init(passed: Bool, message: ClaimText, isError: Bool = false) {
        self.passed = passed
        self.message = message
        self.isError = isError
    }

    init(passed: Bool, message: String) {
        self.init(passed: passed, message: .text(message))
    }
}

/// A claim's message, rendered only when someone reads it: most claims pass and most success
/// messages are never shown, so formatting their numbers up front would dominate a cell's cost.
indirect enum ClaimText: Sendable {
    case text(String)
    /// `1.03972 nats ≈ 1.03972 nats`: values joined by their operators.
    case chain([DisplayValue], [CompareOp])
    case joined(ClaimText, String, ClaimText)
    case wrapped(String, ClaimText, String)

    var rendered: String {
        switch self {
        case .text(let s): return s
        case .chain(let values, let ops):
            let precisions = ClaimText.precisions(values, ops)
            var out = ""
            for (i, value) in values.enumerated() {
                if i > 0 { out += " \(ops[i - 1].rawValue) " }
                out += value.text(precision: precisions[i])
            }
            return out
        case .joined(let a, let separator, let b): return a.rendered + separator + b.rendered
        case .wrapped(let prefix, let inner, let suffix): return prefix + inner.rendered + suffix
        }
    }

    /// Digits for each value of a chain: 6, or more where two different numbers across `<`,
    /// `>`, `≤`, `≥` or `≠` would print alike (`1.38629 < 1.38629` explains nothing). Vectors
    /// are compared entry by entry (a number against every entry), over the entries shown.
    static func precisions(_ values: [DisplayValue], _ ops: [CompareOp]) -> [Int] {
        var precisions = [Int](repeating: 6, count: values.count)
        for (i, op) in ops.enumerated() where op != .approx && op != .equal && i + 1 < values.count {
            guard let left = shownNumbers(values[i]), let right = shownNumbers(values[i + 1]) else { continue }
            let pairs: [(Double, Double)]
            if left.count == right.count { pairs = Array(zip(left, right)) }
            else if left.count == 1 { pairs = right.map { (left[0], $0) } }
            else if right.count == 1 { pairs = left.map { ($0, right[0]) } }
            else { continue }
            let precision = pairs.reduce(6) { max($0, distinguishingPrecision($1.0, $1.1)) }
            precisions[i] = max(precisions[i], precision)
            precisions[i + 1] = max(precisions[i + 1], precision)
        }
        return precisions
    }

    /// The numbers a value shows: itself, or a vector's entries as `DisplayValue.text` prints
    /// them (all of up to 12, else the first 4 and the last 3).
    private static func shownNumbers(_ value: DisplayValue) -> [Double]? {
        switch value {
        case .number(let x, _): return [x]
        case .vector(let v, _): return v.count <= 12 ? v : Array(v.prefix(4)) + Array(v.suffix(3))
        default: return nil
        }
    }

    /// The fewest digits (6 to 17) at which `a` and `b` print differently; 6 when they are equal.
    private static func distinguishingPrecision(_ a: Double, _ b: Double) -> Int {
        guard a != b, a.isFinite, b.isFinite else { return 6 }
        var precision = 6
        while precision < 17 && NumberFormat.format(a, precision: precision) == NumberFormat.format(b, precision: precision) {
            precision += 1
        }
        return precision
    }
}

extension Interpreter {
    /// Evaluates a claim, explaining comparisons (both sides, difference, tolerance) and
    /// following `and`/`or`/`not` to the part that decided the outcome.
    /// `explain: false` skips building messages (forall cases that pass need none).
    mutating func evaluateClaim(_ expr: Expr, explain: Bool = true) throws(EvalError) -> ClaimOutcome {
        switch expr {
        case .compare(let ops, let operands, let spans):
            return try explainComparison(ops, operands, spans, explain: explain)
        case .logical(.and, let l, let r, _):
            let left = try evaluateClaim(l, explain: explain)
            if !left.passed { return left }
            let right = try evaluateClaim(r, explain: explain)
            return right.passed ? ClaimOutcome(passed: true, message: .joined(left.message, "; ", right.message)) : right
        case .logical(.or, let l, let r, _):
            let left = try evaluateClaim(l, explain: explain)
            if left.passed { return left }
            let right = try evaluateClaim(r, explain: explain)
            return right.passed ? right : ClaimOutcome(passed: false, message: .wrapped("neither side holds: ", .joined(left.message, "; ", right.message), ""))
        case .not(let inner, _):
            let outcome = try evaluateClaim(inner, explain: explain)
            return ClaimOutcome(passed: !outcome.passed,
                                message: outcome.passed ? .wrapped("the negated claim holds: ", outcome.message, "") : .wrapped("not (", outcome.message, ")"))
        default:
            let value = try eval(expr)
            guard case .boolean(let b) = value else {
                throw EvalError(.type, "a claim must be true or false, but this is \(value.typeName)", at: expr.span,
                                hint: "compare it: check x ≈ 1.5, check x ≥ 0")
            }
            return ClaimOutcome(passed: b, message: b ? "true" : "evaluated to false")
        }
    }

    private mutating func explainComparison(_ ops: [CompareOp], _ operands: [Expr], _ spans: [Span], explain: Bool) throws(EvalError) -> ClaimOutcome {
        var values: [Value] = []
        values.reserveCapacity(operands.count)
        var left = try eval(operands[0])
        values.append(left)
        for (i, op) in ops.enumerated() {
            let right = try eval(operands[i + 1])
            values.append(right)
            let outcome = try compare(op, left, right, operands[i], operands[i + 1], spans[i])
            if !outcome.passed {
                return ClaimOutcome(passed: false, message: explain ? failureMessage(op, left, right, outcome) : "")
            }
            left = right
        }
        guard explain else { return ClaimOutcome(passed: true, message: "") }
        return ClaimOutcome(passed: true, message: .chain(values.map(\.display), ops))
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
            tolerance = defaultTolerance
            return
        }
        func positive(_ expr: Expr) throws(EvalError) -> Double {
            let value = try eval(expr)
            guard case .number(let x, _) = value, x.isFinite, x >= 0 else {
                throw EvalError(.argument, "a tolerance must be a finite number ≥ 0", at: expr.span)
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
