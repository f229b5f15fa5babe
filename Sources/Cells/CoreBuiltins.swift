import Foundation
import InfoTheory

extension Builtins {
    /// Element-wise real functions: numbers, vectors and matrices. A result outside the reals
    /// (log of a negative number) is a located domain error, not a silent NaN.
    static func elementwise(_ name: String, _ summary: String, keepsUnit: Bool = false,
                            valid: @escaping @Sendable (Double) -> Bool = { _ in true },
                            _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name, 1...1, summary) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            func apply(_ x: Double) throws(EvalError) -> Double {
                guard valid(x) else {
                    throw EvalError(.domain, "\(name)(\(NumberFormat.format(x))) is undefined", at: call.span(0))
                }
                return f(x)
            }
            switch call.values[0] {
            case .number(let x, let u): return .number(try apply(x), keepsUnit ? u : nil)
            case .vector(let v, let u):
                try interp.tick(call.span, v.count)
                var out = v
                for i in v.indices { out[i] = try apply(v[i]) }
                return .vector(out, keepsUnit ? u : nil)
            case .matrix(let m):
                var rows: [[Double]] = []
                for row in m {
                    var out = row
                    for i in row.indices { out[i] = try apply(row[i]) }
                    rows.append(out)
                }
                return .matrix(rows)
            default:
                throw EvalError(.type, "\(name) expects a number or a vector, got \(call.values[0].typeName)", at: call.span(0))
            }
        }
    }

    /// A reduction over one vector (or several numbers: `max(a, b)`).
    static func reduction(_ name: String, _ summary: String, keepsUnit: Bool = true, allowEmpty: Bool = false,
                          _ f: @escaping @Sendable ([Double]) -> Double) -> Builtin {
        Builtin(name, 1...64, summary) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            var numbers: [Double]
            var unit: LogUnit? = nil
            if call.count == 1 {
                switch call.values[0] {
                case .vector(let v, let u): numbers = v; unit = u
                case .number(let x, let u): numbers = [x]; unit = u
                case .matrix(let m): numbers = m.flatMap { $0 }
                default: throw EvalError(.type, "\(name) expects a vector, got \(call.values[0].typeName)", at: call.span(0))
                }
            } else {
                numbers = []
                for i in 0..<call.count { numbers.append(try call.number(i)) }
            }
            try interp.tick(call.span, numbers.count)
            if numbers.isEmpty && !allowEmpty {
                throw EvalError(.domain, "\(name) of an empty vector", at: call.span(0))
            }
            return .number(f(numbers), keepsUnit ? unit : nil)
        }
    }

    static let core: [Builtin] = [
        elementwise("log", "natural logarithm, element-wise", valid: { $0 >= 0 || $0.isNaN }) { Foundation.log($0) },
        elementwise("log2", "base-2 logarithm, element-wise", valid: { $0 >= 0 || $0.isNaN }) { Foundation.log2($0) },
        elementwise("log10", "base-10 logarithm, element-wise", valid: { $0 >= 0 || $0.isNaN }) { Foundation.log10($0) },
        elementwise("log1p", "log(1 + x), accurate near 0", valid: { $0 >= -1 || $0.isNaN }) { Foundation.log1p($0) },
        elementwise("exp", "exponential, element-wise") { Foundation.exp($0) },
        elementwise("expm1", "exp(x) − 1, accurate near 0") { Foundation.expm1($0) },
        elementwise("sqrt", "square root, element-wise", valid: { $0 >= 0 || $0.isNaN }) { $0.squareRoot() },
        elementwise("abs", "absolute value, element-wise", keepsUnit: true) { Swift.abs($0) },
        elementwise("floor", "round down, element-wise", keepsUnit: true) { $0.rounded(.down) },
        elementwise("ceil", "round up, element-wise", keepsUnit: true) { $0.rounded(.up) },
        elementwise("round", "round to nearest (ties away from zero), element-wise", keepsUnit: true) { $0.rounded() },
        elementwise("sin", "sine, element-wise") { Foundation.sin($0) },
        elementwise("cos", "cosine, element-wise") { Foundation.cos($0) },
        elementwise("tanh", "hyperbolic tangent, element-wise") { Foundation.tanh($0) },
        elementwise("sigmoid", "logistic function 1/(1+e^−x), element-wise") { x in x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x)) },
        reduction("sum", "sum of a vector's entries (compensated summation)", allowEmpty: true) { compensatedSum($0) },
        reduction("mean", "arithmetic mean of a vector") { compensatedSum($0) / Double($0.count) },
        reduction("prod", "product of a vector's entries", keepsUnit: false, allowEmpty: true) { $0.reduce(1, *) },
        reduction("min", "smallest entry: min(v) or min(a, b, …)") { v in v.contains { $0.isNaN } ? .nan : v.min() ?? .nan },
        reduction("max", "largest entry: max(v) or max(a, b, …)") { v in v.contains { $0.isNaN } ? .nan : v.max() ?? .nan },
        reduction("argmax", "0-based index of the largest entry (first on ties)", keepsUnit: false) { v in
            Double(v.indices.max { v[$0] < v[$1] || (v[$0] == v[$1] && $0 > $1) } ?? 0)
        },
        reduction("argmin", "0-based index of the smallest entry (first on ties)", keepsUnit: false) { v in
            Double(v.indices.min { v[$0] < v[$1] || (v[$0] == v[$1] && $0 < $1) } ?? 0)
        },
        Builtin("len", 1...1, "number of entries of a vector (rows of a matrix)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            switch call.values[0] {
            case .vector(let v, _): return .number(Double(v.count), nil)
            case .matrix(let m): return .number(Double(m.count), nil)
            case .string(let s): return .number(Double(s.count), nil)
            case .tuple(let t): return .number(Double(t.count), nil)
            default: throw EvalError(.type, "len expects a vector, got \(call.values[0].typeName)", at: call.span(0))
            }
        },
        Builtin("linspace", 3...3, "linspace(a, b, n): n evenly spaced points from a to b inclusive") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let a = try call.number(0), b = try call.number(1)
            let n = try call.integer(2, minimum: 1)
            try interp.checkLength(n, call.span(2))
            guard a.isFinite, b.isFinite else { throw EvalError(.domain, "linspace needs finite end points", at: call.span) }
            try interp.tick(call.span, n)
            if n == 1 { return .vector([a], nil) }
            let step = (b - a) / Double(n - 1)
            var out = (0..<n).map { a + Double($0) * step }
            out[n - 1] = b
            return .vector(out, nil)
        },
        Builtin("range", 1...3, "range(n) = 0…n−1, range(a, b) = a…b−1, range(a, b, step) (end excluded, like Python)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let start = call.count >= 2 ? try call.number(0) : 0
            let end = call.count >= 2 ? try call.number(1) : try call.number(0)
            let step = call.count == 3 ? try call.number(2) : 1
            guard start.isFinite, end.isFinite, step.isFinite, step != 0 else {
                throw EvalError(.domain, "range needs finite bounds and a non-zero step", at: call.span)
            }
            let count = max(0, ((end - start) / step).rounded(.up))
            guard count <= Double(interp.limits.vectorLength) else {
                throw EvalError(.lengthLimit, "range of \(NumberFormat.format(count)) entries exceeds the limit of \(interp.limits.vectorLength)", at: call.span)
            }
            let n = Int(count)
            try interp.tick(call.span, n)
            return .vector((0..<n).map { start + Double($0) * step }, nil)
        },
        Builtin("zeros", 1...1, "zeros(n): a vector of n zeros") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0)
            try interp.checkLength(n, call.span(0))
            try interp.tick(call.span, n)
            return .vector([Double](repeating: 0, count: n), nil)
        },
        Builtin("ones", 1...1, "ones(n): a vector of n ones") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0)
            try interp.checkLength(n, call.span(0))
            try interp.tick(call.span, n)
            return .vector([Double](repeating: 1, count: n), nil)
        },
        Builtin("uniform", 1...1, "uniform(n): the uniform distribution on n outcomes") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 1)
            try interp.checkLength(n, call.span(0))
            try interp.tick(call.span, n)
            return .vector([Double](repeating: 1 / Double(n), count: n), nil)
        },
        Builtin("dot", 2...2, "dot(u, v): inner product (compensated)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let u = try call.vector(0), v = try call.vector(1)
            guard u.count == v.count else { throw EvalError(.shape, "dot: lengths differ (\(u.count) and \(v.count))", at: call.span) }
            try interp.tick(call.span, u.count)
            return .number(compensatedSum(zip(u, v).map { $0 * $1 }), nil)
        },
        Builtin("cumsum", 1...1, "running sums of a vector") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let v = try call.vector(0)
            try interp.tick(call.span, v.count)
            var total = NeumaierSum()
            return .vector(v.map { total.add($0); return total.value }, nil)
        },
        Builtin("sort", 1...1, "entries in increasing order") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let v = try call.vector(0)
            try interp.tick(call.span, v.count)
            return .vector(v.sorted { $0 < $1 || (!$0.isNaN && $1.isNaN) }, nil)
        },
        Builtin("reverse", 1...1, "entries in reverse order") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            if case .vector(let v, let u) = call.values[0] { return .vector(v.reversed(), u) }
            return .vector(try call.vector(0).reversed(), nil)
        },
        Builtin("transpose", 1...1, "rows become columns (a joint table of Y and X)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let m = try call.matrix(0)
            guard let width = m.first?.count else { return .matrix([]) }
            return .matrix((0..<width).map { j in m.map { $0[j] } })
        },
        Builtin("outer", 2...2, "outer(u, v): the matrix uᵢ·vⱼ (e.g. the independent joint table of two marginals)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let u = try call.vector(0), v = try call.vector(1)
            try interp.checkLength(u.count * v.count, call.span)
            try interp.tick(call.span, u.count * v.count)
            return .matrix(u.map { a in v.map { a * $0 } })
        },
        Builtin("diag", 1...1, "diag(v): the square matrix with v on its diagonal") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let v = try call.vector(0)
            try interp.checkLength(v.count * v.count, call.span)
            try interp.tick(call.span, v.count * v.count)
            return .matrix(v.indices.map { i in v.indices.map { $0 == i ? v[i] : 0 } })
        },
        Builtin("matmul", 2...2, "matmul(A, B): the matrix product (a vector counts as a row on the left, a column on the right)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            var leftIsVector = false, rightIsVector = false
            let a: [[Double]], b: [[Double]]
            if case .vector(let v, _) = call.values[0] { a = [v]; leftIsVector = true } else { a = try call.matrix(0) }
            if case .vector(let v, _) = call.values[1] { b = v.map { [$0] }; rightIsVector = true } else { b = try call.matrix(1) }
            let inner = a.first?.count ?? 0
            guard inner == b.count, let width = b.first?.count else {
                throw EvalError(.shape, "matmul: \(a.count)×\(inner) times \(b.count)×\(b.first?.count ?? 0) does not fit", at: call.span)
            }
            try interp.checkLength(a.count * width, call.span)
            try interp.tick(call.span, a.count * width * max(1, inner))
            var product = [[Double]](repeating: [Double](repeating: 0, count: width), count: a.count)
            for i in a.indices {
                for j in 0..<width {
                    var total = NeumaierSum()
                    for k in 0..<inner { total.add(a[i][k] * b[k][j]) }
                    product[i][j] = total.value
                }
            }
            if leftIsVector && rightIsVector { return .number(product[0][0], nil) }
            if leftIsVector { return .vector(product[0], nil) }
            if rightIsVector { return .vector(product.map { $0[0] }, nil) }
            return .matrix(product)
        },
        Builtin("map", 2...2, "map(f, v): f applied to each entry (or row)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let items = try interp.elements(of: call.values[1], call.span(1))
            var results: [Value] = []
            results.reserveCapacity(items.count)
            for item in items { results.append(try interp.invoke(call.values[0], [item], call.span)) }
            return try interp.assemble(results, call.span)
        },
        Builtin("filter", 2...2, "filter(f, v): the entries where f is true") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let items = try interp.elements(of: call.values[1], call.span(1))
            var results: [Value] = []
            for item in items where try interp.truth(interp.invoke(call.values[0], [item], call.span), call.span) { results.append(item) }
            return try interp.assemble(results, call.span)
        },
        Builtin("all", 1...1, "true when every entry of a boolean list is true") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            for item in try interp.elements(of: call.values[0], call.span(0)) where !(try interp.truth(item, call.span(0))) { return .boolean(false) }
            return .boolean(true)
        },
        Builtin("any", 1...1, "true when some entry of a boolean list is true") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            for item in try interp.elements(of: call.values[0], call.span(0)) where try interp.truth(item, call.span(0)) { return .boolean(true) }
            return .boolean(false)
        },
        Builtin("isclose", 2...3, labels: ["rtol", "atol"], "isclose(a, b, rtol: 1e-9, atol: 0): the ≈ test with explicit tolerances") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let a = try call.number(0), b = try call.number(1)
            let rtol = try call.numberOption("rtol") ?? 1e-9, atol = try call.numberOption("atol") ?? 0
            return .boolean(a == b || Swift.abs(a - b) <= max(rtol * max(Swift.abs(a), Swift.abs(b)), atol))
        },
        Builtin("unit", 1...1, "unit(x): the unit of an information quantity as a string (\"\" if none)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            switch call.values[0] {
            case .number(_, let u), .vector(_, let u): return .string(u?.rawValue ?? "")
            default: return .string("")
            }
        },
        Builtin("strip_unit", 1...1, "the number without its unit (for use as a plain value)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            switch call.values[0] {
            case .number(let x, _): return .number(x, nil)
            case .vector(let v, _): return .vector(v, nil)
            default: return call.values[0]
            }
        },
    ]
}
