import Diagnostics

/// A located runtime error; `code` says what kind (`.unknownName`, `.stepLimit`, `.domain`, …).
struct EvalError: Error, Sendable {
    var code: DiagnosticCode
    var message: String
    var span: Span
    var hint: String?

    init(_ code: DiagnosticCode, _ message: String, at span: Span, hint: String? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.hint = hint
    }

    /// Errors from running out of a resource; inside `forall` they stop the property instead of
    /// counting as a counterexample.
    var isLimit: Bool { code.isResourceLimit }
}

/// The tolerance `≈` uses: relative to the larger magnitude, with an absolute floor so
/// comparisons with zero work. `explicit` means a `within` override, which wins over the
/// precision of written literals.
struct Tolerance: Sendable {
    var relative: Double
    var absolute: Double
    var explicit: Bool
    var origin: String
    static let absoluteFloor = 1e-12
}

/// A tree-walking evaluator. Globals persist across a note's cells; function calls and
/// comprehensions push frames of locals.
struct Interpreter: Sendable {
    var globals: [Name: Value] = [:]
    var frames: [Frame] = []
    var limits: Limits
    var steps = 0
    var depth = 0
    /// Nested evaluations (expression depth times call depth), bounded so the native stack
    /// cannot overflow whatever the cell does.
    var evalDepth = 0
    static let maxEvalDepth = 500
    var noteTolerance: Double
    var tolerance: Tolerance
    /// The note's default, built once (it is restored before every statement).
    let defaultTolerance: Tolerance

    init(limits: Limits, tolerance: Double) {
        self.limits = limits
        self.noteTolerance = tolerance
        defaultTolerance = Tolerance(relative: tolerance, absolute: Tolerance.absoluteFloor, explicit: false,
                                     origin: "relative tolerance \(NumberFormat.format(tolerance))")
        self.tolerance = defaultTolerance
    }

    @inline(__always)
    mutating func tick(_ span: Span, _ count: Int = 1) throws(EvalError) {
        steps &+= count
        if steps > limits.steps {
            throw EvalError(.stepLimit, "evaluation exceeded the limit of \(limits.steps) steps for one cell", at: span,
                            hint: "a loop or recursion is running away; make the work smaller")
        }
    }

    func checkLength(_ n: Int, _ span: Span) throws(EvalError) {
        if n > limits.vectorLength || n < 0 {
            throw EvalError(.lengthLimit, "a vector of \(n) entries exceeds the limit of \(limits.vectorLength)", at: span,
                            hint: "use fewer points")
        }
    }

    // MARK: - Expressions

    mutating func eval(_ expr: Expr) throws(EvalError) -> Value {
        steps &+= 1
        // The span is only worked out when the limit trips.
        if steps > limits.steps { try tick(expr.span, 0) }
        evalDepth += 1
        defer { evalDepth -= 1 }
        if evalDepth > Interpreter.maxEvalDepth {
            throw EvalError(.recursionLimit, "evaluation nested deeper than \(Interpreter.maxEvalDepth) levels", at: expr.span,
                            hint: "a function probably calls itself without stopping")
        }
        return try evalNode(expr)
    }

    private mutating func evalNode(_ expr: Expr) throws(EvalError) -> Value {
        switch expr {
        case .number(let x, _, _): return .number(x, nil)
        case .string(let s, _): return .string(s)
        case .boolean(let b, _): return .boolean(b)
        case .name(let name, let span): return try lookup(name, span)
        case .vector(let elements, let span): return try evalVector(elements, span)
        case .unary(let op, let operand, let span): return try evalUnary(op, operand, span)
        case .binary(let op, let l, let r, let span):
            let lhs = try eval(l)
            let rhs = try eval(r)
            return try arithmetic(op, lhs, rhs, span)
        case .compare(let ops, let operands, let spans):
            return .boolean(try evalComparison(ops, operands, spans))
        case .logical(let op, let l, let r, let span): return try evalLogical(op, l, r, span)
        case .not(let inner, let span): return .boolean(!(try truth(eval(inner), span)))
        case .call(let callee, let args, let span): return try evalCall(callee, args, span)
        case .index(let base, let indices, let span): return try evalIndex(base, indices, span)
        case .lambda(let params, let body, _):
            return .function(FunctionValue(name: "λ", parameters: params, body: body, captured: frames.last ?? Frame()))
        case .comprehension(let element, let variable, let source, let filter, let span):
            return try evalComprehension(element, variable, source, filter, span)
        case .convert(let inner, let unit, let span): return try convert(eval(inner), to: unit, span)
        case .conditional(let condition, let yes, let no, _):
            return try eval(truth(eval(condition), condition.span) ? yes : no)
        }
    }

    func lookup(_ symbol: Name, _ span: Span, called: Bool = false) throws(EvalError) -> Value {
        let top = frames.count - 1
        if top >= 0, let local = frames[top][symbol.name] { return local }
        if let global = globals[symbol] { return global }
        if let builtin = Interpreter.predefined[symbol] { return builtin }
        let name = symbol.name
        throw EvalError(called ? .unknownFunction : .unknownName, "unknown \(called ? "function" : "name") '\(name)'", at: Span(line: span.line, column: span.column, length: name.unicodeScalars.count),
                        hint: suggestion(for: name))
    }

    /// Constants and functions every note starts with, in one table so a lookup hashes once.
    static let predefined: [Name: Value] = {
        var table: [Name: Value] = [:]
        for (index, builtin) in Builtins.all.enumerated() { table[Name(builtin.name)] = .builtin(index) }
        for (name, value) in constants { table[Name(name)] = .number(value, nil) }
        return table
    }()

    static let constants: [String: Double] = [
        "pi": Double.pi, "π": Double.pi, "e": 2.718281828459045, "inf": Double.infinity, "∞": Double.infinity, "nan": Double.nan,
    ]

    func suggestion(for name: String) -> String? {
        var candidates = Set(globals.keys.map(\.name)).union(Builtins.table.keys).union(Interpreter.constants.keys)
        if let frame = frames.last { candidates.formUnion(frame.names) }
        if let best = closestName(to: name, in: candidates) { return "did you mean '\(best)'?" }
        return nil
    }

    func truth(_ value: Value, _ span: Span) throws(EvalError) -> Bool {
        guard case .boolean(let b) = value else {
            throw EvalError(.type, "expected a boolean, got \(value.typeName)", at: span)
        }
        return b
    }

    private mutating func evalLogical(_ op: LogicalOp, _ l: Expr, _ r: Expr, _ span: Span) throws(EvalError) -> Value {
        let left = try truth(eval(l), l.span)
        switch op {
        case .and: return .boolean(left ? try truth(eval(r), r.span) : false)
        case .or: return .boolean(left ? true : try truth(eval(r), r.span))
        }
    }

    private mutating func evalUnary(_ op: UnaryOp, _ operand: Expr, _ span: Span) throws(EvalError) -> Value {
        let value = try eval(operand)
        if op == .plus { return value }
        switch value {
        case .number(let x, let u): return .number(-x, u)
        case .vector(let v, let u): try tick(span, v.count); return .vector(v.map { -$0 }, u)
        case .matrix(let m): return .matrix(m.map { $0.map { -$0 } })
        default: throw EvalError(.type, "cannot negate \(value.typeName)", at: span)
        }
    }

    private mutating func evalVector(_ elements: [Expr], _ span: Span) throws(EvalError) -> Value {
        if elements.isEmpty { return .vector([], nil) }
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try eval(element)) }
        return try assemble(values, span)
    }

    private mutating func evalIndex(_ baseExpr: Expr, _ indexExprs: [Expr], _ span: Span) throws(EvalError) -> Value {
        var value = try eval(baseExpr)
        for indexExpr in indexExprs {
            let indexValue = try eval(indexExpr)
            guard case .number(let x, _) = indexValue else {
                throw EvalError(.type, "an index must be a number, got \(indexValue.typeName)", at: indexExpr.span)
            }
            func position(_ count: Int) throws(EvalError) -> Int {
                guard x.isFinite, x == x.rounded(), x >= 0, x < Double(count) else {
                    throw EvalError(.index, "index \(NumberFormat.format(x)) is out of range: indices start at 0 and this value has \(count) entries (valid: 0…\(count - 1))",
                                    at: indexExpr.span, hint: "indexing is 0-based, like Python and PyTorch class indices")
                }
                return Int(x)
            }
            switch value {
            case .vector(let v, let u): value = .number(v[try position(v.count)], u)
            case .matrix(let m): value = .vector(m[try position(m.count)], nil)
            case .tuple(let t): value = t[try position(t.count)]
            default: throw EvalError(.type, "cannot index \(value.typeName)", at: span)
            }
        }
        return value
    }

    /// The values a comprehension or `map` runs over: a vector's entries or a matrix's rows.
    func elements(of value: Value, _ span: Span) throws(EvalError) -> [Value] {
        switch value {
        case .vector(let v, let u): return v.map { .number($0, u) }
        case .matrix(let m): return m.map { .vector($0, nil) }
        case .tuple(let t): return t
        default: throw EvalError(.type, "cannot iterate over \(value.typeName)", at: span)
        }
    }

    private mutating func evalComprehension(_ element: Expr, _ variable: String, _ source: Expr, _ filter: Expr?, _ span: Span) throws(EvalError) -> Value {
        let items = try elements(of: eval(source), source.span)
        frames.append(frames.last ?? Frame())
        defer { frames.removeLast() }
        var results: [Value] = []
        results.reserveCapacity(items.count)
        for item in items {
            frames[frames.count - 1][variable] = item
            if let filter, !(try truth(eval(filter), filter.span)) { continue }
            results.append(try eval(element))
        }
        return try assemble(results, span)
    }

    /// Numbers become a vector, vectors of equal length a matrix.
    func assemble(_ results: [Value], _ span: Span) throws(EvalError) -> Value {
        guard let first = results.first else { return .vector([], nil) }
        switch first {
        case .number(_, let unit):
            var out: [Double] = []
            out.reserveCapacity(results.count)
            for r in results {
                guard case .number(let x, _) = r else { throw EvalError(.type, "mixed results: expected numbers, got \(r.typeName)", at: span) }
                out.append(x)
            }
            return .vector(out, unit)
        case .vector(let v0, _):
            var rows: [[Double]] = []
            for r in results {
                guard case .vector(let v, _) = r, v.count == v0.count else {
                    throw EvalError(.shape, "results must all be vectors of \(v0.count) entries to form a matrix", at: span)
                }
                rows.append(v)
            }
            try checkLength(rows.count * v0.count, span)
            return .matrix(rows)
        default:
            return .tuple(results)
        }
    }

    mutating func convert(_ value: Value, to unit: LogUnit, _ span: Span) throws(EvalError) -> Value {
        switch value {
        case .number(let x, let from?): return .number(unit.convert(x, from: from), unit)
        case .vector(let v, let from?): return .vector(v.map { unit.convert($0, from: from) }, unit)
        case .number, .vector:
            throw EvalError(.unit, "this value has no unit to convert to \(unit.rawValue)", at: span,
                            hint: "only information quantities (entropies, divergences…) carry a unit")
        default:
            throw EvalError(.type, "cannot convert \(value.typeName) to \(unit.rawValue)", at: span)
        }
    }

    // MARK: - Calls

    private mutating func evalCall(_ calleeExpr: Expr, _ arguments: [Argument], _ span: Span) throws(EvalError) -> Value {
        let callee: Value
        if case .name(let name, let nameSpan) = calleeExpr {
            callee = try lookup(name, nameSpan, called: true)
        } else {
            callee = try eval(calleeExpr)
        }
        var call = Call(name: "", span: span)
        call.values.reserveCapacity(arguments.count)
        call.info.reserveCapacity(arguments.count)
        call.written = arguments
        for argument in arguments {
            let value = try eval(argument.value)
            if let label = argument.label {
                call.named.append((label, value, argument.span))
            } else {
                call.values.append(value)
                call.info.append(Call.ArgumentInfo(span: argument.value.span, separator: argument.separator))
            }
        }
        return try apply(callee, &call)
    }

    mutating func apply(_ callee: Value, _ call: inout Call) throws(EvalError) -> Value {
        switch callee {
        case .builtin(let index):
            let builtin = Builtins.all[index]
            call.name = builtin.name
            try builtin.validate(call)
            return try builtin.body(&self, &call)
        case .function(let function):
            if let (label, _, labelSpan) = call.named.first {
                throw EvalError(.argument, "\(function.name) takes no named argument '\(label)'", at: labelSpan)
            }
            if let bad = call.info.dropFirst().firstIndex(where: { $0.separator != .comma }) {
                throw EvalError(.argument, "separate the arguments of \(function.name) with ','", at: call.span(bad))
            }
            return try callFunction(function, call.values, call.span)
        default:
            throw EvalError(.type, "\(callee.typeName) cannot be called", at: call.span)
        }
    }

    mutating func callFunction(_ function: FunctionValue, _ arguments: [Value], _ span: Span) throws(EvalError) -> Value {
        guard arguments.count == function.parameters.count else {
            throw EvalError(.argument, "\(function.name) takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), got \(arguments.count)", at: span)
        }
        if depth >= limits.recursionDepth {
            throw EvalError(.recursionLimit, "calls nested deeper than the limit of \(limits.recursionDepth)", at: span,
                            hint: "\(function.name) probably calls itself without stopping")
        }
        var frame: Frame
        if function.captured.names.isEmpty {
            // The common case: share the parameter and argument arrays, no copying.
            frame = Frame(names: function.parameters, values: arguments)
        } else {
            frame = function.captured
            for (name, value) in zip(function.parameters, arguments) { frame[name] = value }
        }
        depth += 1
        frames.append(frame)
        defer {
            frames.removeLast()
            depth -= 1
        }
        return try eval(function.body)
    }

    /// Calls a function value (user function, lambda or builtin) with positional arguments.
    mutating func invoke(_ callee: Value, _ arguments: [Value], _ span: Span) throws(EvalError) -> Value {
        if case .function(let f) = callee { return try callFunction(f, arguments, span) }
        var call = Call(name: "", span: span)
        call.values = arguments
        call.info = Array(repeating: Call.ArgumentInfo(span: span, separator: .comma), count: arguments.count)
        return try apply(callee, &call)
    }
}

/// The candidate closest to `name` (ignoring case): within 1 edit for names of up to two
/// letters, 2 otherwise; ties go to the one that sorts first.
func closestName(to name: String, in candidates: Set<String>) -> String? {
    SuggestionIndex(names: candidates.sorted()).closest(to: name) { $0 <= 2 ? 1 : 2 }
}
