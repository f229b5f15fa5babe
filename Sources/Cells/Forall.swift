import Foundation
import InfoTheory
import Storage

/// A stable seed from text.
func fnv1a(_ text: String) -> UInt64 {
    fnv1a64(text.utf8)
}

/// The result of a property: cases run and, on failure, the shrunk counterexample.
struct PropertyOutcome {
    var passed: Bool
    var cases: Int
    var message: String
    var counterexample: String?
    /// The counterexample made the claim raise an error rather than evaluate to false.
    var isError = false
}

extension Interpreter {
    static let defaultCases = 100

    mutating func runForall(casesExpr: Expr?, _ bindings: [ForallBinding], _ claim: Expr, seedText: String, span: Span) throws(EvalError) -> PropertyOutcome {
        var cases = Interpreter.defaultCases
        if let casesExpr {
            guard case .number(let x, _) = try eval(casesExpr) else {
                throw EvalError(.type, "the number of cases must be a number", at: casesExpr.span)
            }
            cases = try Call.integer(x, name: "forall", what: "the number of cases", minimum: 1, span: casesExpr.span)
            if cases > limits.forallCases {
                throw EvalError(.casesLimit, "forall asks for \(cases) cases, above the limit of \(limits.forallCases)", at: casesExpr.span)
            }
        }
        var variables: [(name: String, domain: Domain)] = []
        for binding in bindings {
            let value = try eval(binding.domain)
            let domain: Domain
            switch value {
            case .domain(let d): domain = d
            case .vector(let v, _) where !v.isEmpty: domain = .choice(v)
            default:
                throw EvalError(.type, "forall draws from a domain such as simplex(3), interval(0, 1), logits(4), joint(2, 3) or a vector; got \(value.typeName)",
                                at: binding.domain.span)
            }
            for name in binding.names { variables.append((name, domain)) }
        }
        // Seeded from the claim's text: the same claim draws the same cases on every run and machine.
        var rng = SeededGenerator(seed: fnv1a(seedText))
        frames.append(frames.last ?? Frame())
        defer { frames.removeLast() }

        for index in 0..<cases {
            var sample: [[Double]] = []
            for variable in variables { sample.append(draw(variable.domain, &rng)) }
            let outcome = try attempt(claim, variables, sample)
            if !outcome.passed {
                let (shrunk, _) = try shrink(claim, variables, sample, outcome)
                let finalOutcome = try attempt(claim, variables, shrunk, explain: true)
                let example = zip(variables, shrunk).map { variable, values in
                    "\(variable.name) = \(describe(values, variable.domain))"
                }.joined(separator: ", ")
                return PropertyOutcome(passed: false, cases: index + 1, message: finalOutcome.message.rendered, counterexample: example,
                                       isError: finalOutcome.isError)
            }
        }
        return PropertyOutcome(passed: true, cases: cases, message: "held for \(cases) cases", counterexample: nil)
    }

    /// Runs the claim on one case. Errors other than resource limits count as a failure of the case.
    private mutating func attempt(_ claim: Expr, _ variables: [(name: String, domain: Domain)], _ sample: [[Double]], explain: Bool = false) throws(EvalError) -> ClaimOutcome {
        for (variable, values) in zip(variables, sample) {
            frames[frames.count - 1][variable.name] = bind(values, variable.domain)
        }
        do {
            return try evaluateClaim(claim, explain: explain)
        } catch {
            if error.isLimit { throw error }
            return ClaimOutcome(passed: false, message: .text("error: \(error.message)"), isError: true)
        }
    }

    private func bind(_ values: [Double], _ domain: Domain) -> Value {
        switch domain {
        case .simplex, .logits: return .vector(values, nil)
        case .interval, .choice: return .number(values.first ?? .nan, nil)
        case .joint(let m, let n):
            return .matrix((0..<m).map { i in Array(values[(i * n)..<(i * n + n)]) })
        }
    }

    private func draw(_ domain: Domain, _ rng: inout SeededGenerator) -> [Double] {
        switch domain {
        case .simplex(let n): return dirichletOne(n, &rng)
        case .joint(let m, let n): return dirichletOne(m * n, &rng)
        case .interval(let a, let b): return [min(b, a + (b - a) * rng.nextUniform())]
        case .choice(let values): return [values[Int(rng.next() % UInt64(values.count))]]
        case .logits(let n, let scale): return (0..<n).map { _ in (2 * rng.nextUniform() - 1) * scale }
        }
    }

    /// A uniform point on the simplex: the math library's Dirichlet(1, …, 1) sampler.
    private func dirichletOne(_ n: Int, _ rng: inout SeededGenerator) -> [Double] {
        (try? rng.dirichlet(count: n)) ?? [Double](repeating: 1 / Double(n), count: n)
    }

    private func describe(_ values: [Double], _ domain: Domain) -> String {
        bind(values, domain).display.text(precision: 6)
    }

    /// Moves each variable toward a simpler value (the uniform distribution, zero, fewer
    /// decimals) while the claim still fails, so the report shows a small counterexample.
    private mutating func shrink(_ claim: Expr, _ variables: [(name: String, domain: Domain)], _ sample: [[Double]], _ failure: ClaimOutcome) throws(EvalError) -> ([[Double]], ClaimOutcome) {
        var best = sample
        var bestOutcome = failure
        let failedWithError = failure.isError
        var budget = 400
        var improved = true
        var round = 0
        while improved && round < 4 && budget > 0 {
            improved = false
            round += 1
            for i in variables.indices {
                for candidate in candidates(best[i], variables[i].domain) where budget > 0 {
                    budget -= 1
                    var trial = best
                    trial[i] = candidate
                    let outcome = try attempt(claim, variables, trial)
                    if !outcome.passed && outcome.isError == failedWithError {
                        best = trial
                        bestOutcome = outcome
                        improved = true
                        break
                    }
                }
            }
        }
        return (best, bestOutcome)
    }

    /// Simpler candidates, simplest first.
    private func candidates(_ values: [Double], _ domain: Domain) -> [[Double]] {
        var out: [[Double]] = []
        func rounded(_ v: [Double], _ decimals: Int) -> [Double] {
            let scale = pow10(decimals)
            return v.map { ($0 * scale).rounded() / scale }
        }
        switch domain {
        case .simplex, .joint:
            let n = values.count
            let uniform = [Double](repeating: 1 / Double(n), count: n)
            for decimals in 1...3 {
                var r = rounded(values, decimals)
                // Keep it a distribution: the largest entry absorbs the rounding.
                if let k = r.indices.max(by: { r[$0] < r[$1] }) {
                    r[k] = 0
                    r[k] = ((1 - compensatedSum(r)) * pow10(decimals)).rounded() / pow10(decimals)
                }
                if r.allSatisfy({ $0 > 0 }), abs(compensatedSum(r) - 1) < 1e-12, r != values { out.append(r) }
            }
            for t in [0.9, 0.75, 0.5, 0.25, 0.1] {
                out.append(zip(values, uniform).map { (1 - t) * $0 + t * $1 })
            }
        case .interval(let a, let b):
            for simple in [0.0, a, b, (a + b) / 2] where simple >= a && simple <= b && simple != values[0] { out.append([simple]) }
            for decimals in 0...3 {
                let r = rounded(values, decimals)
                if r[0] >= a && r[0] <= b && r != values { out.append(r) }
            }
        case .choice(let options):
            for option in options.prefix(8) where option != values[0] { out.append([option]) }
        case .logits:
            out.append(values.map { _ in 0 })
            for decimals in 0...2 {
                let r = rounded(values, decimals)
                if r != values { out.append(r) }
            }
            for t in [0.5, 0.25] { out.append(values.map { $0 * t }) }
        }
        return out
    }
}
