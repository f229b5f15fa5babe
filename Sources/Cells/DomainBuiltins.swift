extension Builtins {
    static func size(_ call: Call, _ i: Int, _ interp: Interpreter) throws(EvalError) -> Int {
        let n = try call.integer(i, minimum: 1)
        try interp.checkLength(n, call.span(i))
        return n
    }

    /// Domains for `forall`, and `plot`.
    static let domainBuiltins: [Builtin] = [
        Builtin("simplex", 1...1, "simplex(n): forall domain of probability vectors of length n (uniform on the simplex)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            .domain(.simplex(try size(call, 0, interp)))
        },
        Builtin("interval", 2...2, "interval(a, b): forall domain of reals uniform in [a, b]") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let a = try call.number(0), b = try call.number(1)
            guard a.isFinite, b.isFinite, a <= b else {
                throw EvalError(.domain, "interval(a, b) needs finite a ≤ b", at: call.span)
            }
            return .domain(.interval(a, b))
        },
        Builtin("logits", 1...2, "logits(n, scale): forall domain of logit vectors with entries uniform in [−scale, scale] (scale 5)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let n = try size(call, 0, interp)
            let scale = call.count > 1 ? try call.number(1) : 5
            guard scale.isFinite, scale > 0 else { throw EvalError(.domain, "logits: scale must be finite and > 0", at: call.span(1)) }
            return .domain(.logits(n, scale))
        },
        Builtin("joint", 2...2, "joint(m, n): forall domain of m×n joint probability tables") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let m = try size(call, 0, interp), n = try size(call, 1, interp)
            try interp.checkLength(m * n, call.span)
            return .domain(.joint(m, n))
        },
        Builtin("plot", 2...3, labels: ["title", "x", "y", "labels", "names", "points"], """
            plot(xs, ys, title: "…", x: "x label", y: "y label", labels: ["a", "b"]): a line plot; ys may be a vector, \
            a matrix (one series per row) or a function of x; plot(f, a, b) samples f at 200 points (points: n) of [a, b]
            """) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            var xs: [Double]
            var ysValue: Value
            switch call.values[0] {
            case .function, .builtin:
                guard call.count == 3 else {
                    throw EvalError(.argument, "plot(f, a, b) needs the interval's two ends", at: call.span)
                }
                let a = try call.number(1), b = try call.number(2)
                let n = try Call.integer(try call.numberOption("points") ?? 200, name: "plot", what: "points", minimum: 2, span: call.span)
                try interp.checkLength(n, call.span)
                guard a.isFinite, b.isFinite else { throw EvalError(.domain, "plot: the interval's ends must be finite", at: call.span) }
                xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
                ysValue = call.values[0]
            default:
                guard call.count == 2 else {
                    throw EvalError(.argument, "plot takes (xs, ys) or (f, a, b)", at: call.span)
                }
                xs = try call.vector(0)
                ysValue = call.values[1]
            }
            var rows: [[Double]]
            switch ysValue {
            case .vector(let v, _): rows = [v]
            case .matrix(let m): rows = m
            case .function, .builtin:
                var ys: [Double] = []
                for x in xs {
                    let y = try interp.invoke(ysValue, [.number(x, nil)], call.span(1))
                    guard case .number(let value, _) = y else {
                        throw EvalError(.type, "plot: the function must return a number, got \(y.typeName)", at: call.span(1))
                    }
                    ys.append(value)
                }
                rows = [ys]
            default:
                throw EvalError(.type, "plot: ys must be a vector, a matrix or a function", at: call.span(1))
            }
            for (i, row) in rows.enumerated() where row.count != xs.count {
                throw EvalError(.shape, "plot: series \(i) has \(row.count) points but xs has \(xs.count)", at: call.span(1))
            }
            var labels: [String] = []
            if let (value, span) = call.option("labels") ?? call.option("names") {
                switch value {
                case .string(let s): labels = [s]
                case .tuple(let items):
                    for item in items {
                        guard case .string(let s) = item else { throw EvalError(.type, "plot: labels must be strings", at: span) }
                        labels.append(s)
                    }
                default: throw EvalError(.type, "plot: labels must be a list of strings", at: span)
                }
            }
            let yLabel = try call.stringOption("y") ?? ""
            let series = rows.enumerated().map { i, ys in
                Plot.Series(name: i < labels.count ? labels[i] : (rows.count == 1 && !yLabel.isEmpty ? yLabel : "series \(i + 1)"), xs: xs, ys: ys)
            }
            return .plot(Plot(title: try call.stringOption("title") ?? "", xLabel: try call.stringOption("x") ?? "",
                              yLabel: yLabel, series: series))
        },
    ]
}
