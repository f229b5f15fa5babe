import InfoTheory

/// A continuous distribution value (`Normal(0, 1)`), held as the math library's own type.
enum DistributionValue: Sendable {
    case normal(Normal)
    case uniform(Uniform)
    case exponential(Exponential)
    case laplace(Laplace)
    case gamma(Gamma)
    case beta(Beta)
    case multivariateNormal(MultivariateNormal)

    var univariate: (any ContinuousDistribution)? {
        switch self {
        case .normal(let d): return d
        case .uniform(let d): return d
        case .exponential(let d): return d
        case .laplace(let d): return d
        case .gamma(let d): return d
        case .beta(let d): return d
        case .multivariateNormal: return nil
        }
    }

    func differentialEntropy(_ base: LogBase) -> Double {
        switch self {
        case .multivariateNormal(let d): return d.differentialEntropy(base: base)
        default: return univariate?.differentialEntropy(base: base) ?? .nan
        }
    }

    var description: String {
        func f(_ x: Double) -> String { NumberFormat.format(x) }
        switch self {
        case .normal(let d): return "Normal(\(f(d.mean)), \(f(d.standardDeviation)))"
        case .uniform(let d): return "Uniform(\(f(d.lower)), \(f(d.upper)))"
        case .exponential(let d): return "Exponential(\(f(d.rate)))"
        case .laplace(let d): return "Laplace(\(f(d.location)), \(f(d.scale)))"
        case .gamma(let d): return "Gamma(\(f(d.shape)), scale: \(f(d.scale)))"
        case .beta(let d): return "Beta(\(f(d.alpha)), \(f(d.beta)))"
        case .multivariateNormal(let d): return "MultivariateNormal(dimension \(d.dimension))"
        }
    }
}

extension Call {
    func distributionValue(_ i: Int) throws(EvalError) -> DistributionValue {
        guard case .distribution(let d) = values[i] else {
            throw EvalError(.type, "\(name): argument \(i + 1) must be a distribution such as Normal(0, 1), got \(values[i].typeName)", at: span(i))
        }
        return d
    }
}

extension Builtins {
    static func make(_ call: Call, _ body: () throws(InfoTheoryError) -> DistributionValue) throws(EvalError) -> Value {
        .distribution(try library(call, body))
    }

    static let distributionConstructors: [Builtin] = [
        Builtin("Normal", 0...2, labels: ["variance", "sigma", "mean"], "Normal(μ, σ) by standard deviation; Normal(μ, variance: v)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let mean = call.count > 0 ? try call.number(0) : (try call.numberOption("mean") ?? 0)
            if let variance = try call.numberOption("variance") {
                if call.count > 1 { throw EvalError(.argument, "Normal: give σ or variance:, not both", at: call.span) }
                return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .normal(try Normal(mean: mean, variance: variance)) }
            }
            let sigma = call.count > 1 ? try call.number(1) : (try call.numberOption("sigma") ?? 1)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .normal(try Normal(mean: mean, standardDeviation: sigma)) }
        },
        Builtin("Uniform", 2...2, "Uniform(a, b) on [a, b]") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let a = try call.number(0), b = try call.number(1)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .uniform(try Uniform(lower: a, upper: b)) }
        },
        Builtin("Exponential", 1...1, "Exponential(λ) with rate λ") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let rate = try call.number(0)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .exponential(try Exponential(rate: rate)) }
        },
        Builtin("Laplace", 1...2, "Laplace(μ, b) with location μ and scale b; Laplace(b) centred at 0") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let location = call.count == 2 ? try call.number(0) : 0
            let scale = try call.number(call.count - 1)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .laplace(try Laplace(location: location, scale: scale)) }
        },
        Builtin("Gamma", 1...2, labels: ["scale", "rate"], "Gamma(k, θ) with shape k and scale θ; Gamma(k, rate: β)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let shape = try call.number(0)
            if let rate = try call.numberOption("rate") {
                return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .gamma(try Gamma(shape: shape, rate: rate)) }
            }
            let scale = call.count > 1 ? try call.number(1) : (try call.numberOption("scale") ?? 1)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .gamma(try Gamma(shape: shape, scale: scale)) }
        },
        Builtin("Beta", 2...2, "Beta(α, β) on [0, 1]") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let a = try call.number(0), b = try call.number(1)
            return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .beta(try Beta(alpha: a, beta: b)) }
        },
    ] + aliases(Builtin("MvNormal", 2...2, "MvNormal(μ, Σ): multivariate Normal with mean vector μ and covariance matrix Σ") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
        let mean = try call.vector(0), covariance = try call.matrix(1)
        return try make(call) { () throws(InfoTheoryError) -> DistributionValue in .multivariateNormal(try MultivariateNormal(mean: mean, covariance: covariance)) }
    }, "MultivariateNormal")

    /// Differential entropy of a distribution value, for `H(d)`, `entropy(d)`, `h(d)`.
    static func differentialEntropy(_ call: Call) throws(EvalError) -> Value {
        let d = try call.distributionValue(0)
        let unit = try call.unit()
        return .number(d.differentialEntropy(unit.base), unit)
    }

    /// KL between two Normals or two multivariate Normals.
    static func distributionKL(_ call: Call) throws(EvalError) -> Value {
        let unit = try call.unit()
        switch (try call.distributionValue(0), try call.distributionValue(1)) {
        case (.normal(let p), .normal(let q)):
            return .number(klDivergence(p, q, base: unit.base), unit)
        case (.multivariateNormal(let p), .multivariateNormal(let q)):
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try klDivergence(p, q, base: unit.base, pName: call.argumentName(0, "P"), qName: call.argumentName(1, "Q"))
            }, unit)
        default:
            throw EvalError(.argument, "KL between distributions is available for two Normals or two multivariate Normals", at: call.span,
                            hint: "for others compare numerically with integrate(…)")
        }
    }

    static let continuousBuiltins: [Builtin] = distributionConstructors + [
        Builtin("h", 1...1, labels: ["base"], "h(d): differential entropy of a distribution (closed form)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            try differentialEntropy(call)
        },
        Builtin("differential_entropy", 1...1, labels: ["base"], "differential_entropy(d): closed-form differential entropy") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            try differentialEntropy(call)
        },
        Builtin("numerical_entropy", 1...1, labels: ["base"], "numerical_entropy(d): −∫ f log f by quadrature, to check a closed form") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let unit = try call.unit()
            guard let d = try call.distributionValue(0).univariate else {
                throw EvalError(.argument, "numerical_entropy: needs a univariate distribution", at: call.span(0))
            }
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try numericalDifferentialEntropy(d, base: unit.base) }, unit)
        },
        Builtin("pdf", 2...2, "pdf(d, x): the density of d at x (element-wise over a vector)") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            guard let d = try call.distributionValue(0).univariate else {
                throw EvalError(.argument, "pdf: needs a univariate distribution", at: call.span(0))
            }
            if case .number(let x, _) = call.values[1] { return .number(d.density(x), nil) }
            let xs = try call.vector(1)
            try interp.tick(call.span, xs.count)
            return .vector(xs.map { d.density($0) }, nil)
        },
        Builtin("support", 1...1, "support(d): the interval [a, b] where a distribution has density (ends may be ±inf)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            guard let d = try call.distributionValue(0).univariate else {
                throw EvalError(.argument, "support: needs a univariate distribution", at: call.span(0))
            }
            return .vector([d.support.lowerBound, d.support.upperBound], nil)
        },
        Builtin("log_det", 1...1, "log_det(d): log-determinant of a multivariate Normal's covariance") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            guard case .multivariateNormal(let d) = try call.distributionValue(0) else {
                throw EvalError(.argument, "log_det: needs a multivariate Normal, MvNormal(μ, Σ)", at: call.span(0))
            }
            return .number(d.logDeterminant, nil)
        },
        Builtin("normal_entropy", 1...2, labels: ["base"], "normal_entropy(μ, σ) = ½ log(2πeσ²); normal_entropy(σ)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let mean = call.count == 2 ? try call.number(0) : 0
            let sigma = try call.number(call.count - 1), unit = try call.unit()
            let d = try library(call) { () throws(InfoTheoryError) -> Normal in try Normal(mean: mean, standardDeviation: sigma) }
            return .number(d.differentialEntropy(base: unit.base), unit)
        },
        Builtin("kl_normal", 4...4, labels: ["base"], "kl_normal(μ₁, σ₁, μ₂, σ₂) = KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²))") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let m1 = try call.number(0), s1 = try call.number(1), m2 = try call.number(2), s2 = try call.number(3)
            let unit = try call.unit()
            let p = try library(call) { () throws(InfoTheoryError) -> Normal in try Normal(mean: m1, standardDeviation: s1) }
            let q = try library(call) { () throws(InfoTheoryError) -> Normal in try Normal(mean: m2, standardDeviation: s2) }
            return .number(klDivergence(p, q, base: unit.base), unit)
        },
        Builtin("bernoulli_kl", 2...2, labels: ["base"], separators: [.doubleBar], "bernoulli_kl(p, q) = KL(Bern(p) ‖ Bern(q))") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let p = try call.number(0), q = try call.number(1), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in
                try bernoulliKL(p, q, base: unit.base, pName: call.argumentName(0, "p"), qName: call.argumentName(1, "q"))
            }, unit)
        },
        Builtin("channel_capacity", 2...2, labels: ["base"], "channel_capacity(S, N) = ½ log(1 + S/N) per use of a Gaussian channel") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let s = try call.number(0), n = try call.number(1), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try gaussianChannelCapacity(signalPower: s, noisePower: n, base: unit.base) }, unit)
        },
        Builtin("shannon_hartley", 2...2, labels: ["base"], "shannon_hartley(B, snr) = B·log(1 + snr) per second (base: 2 for bits/s)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let b = try call.number(0), snr = try call.number(1), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try gaussianChannelCapacity(bandwidth: b, signalToNoise: snr, base: unit.base) }, unit)
        },
        Builtin("binomial_entropy", 2...2, labels: ["base"], "binomial_entropy(n, p): entropy of Binomial(n, p)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0), p = try call.number(1), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try binomialEntropy(trials: n, probability: p, base: unit.base) }, unit)
        },
        Builtin("poisson_entropy", 1...1, labels: ["base"], "poisson_entropy(λ): entropy of Poisson(λ)") { (_: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let rate = try call.number(0), unit = try call.unit()
            return .number(try library(call) { () throws(InfoTheoryError) -> Double in try poissonEntropy(rate: rate, base: unit.base) }, unit)
        },
        Builtin("integrate", 3...3, labels: ["atol", "rtol"], "integrate(f, a, b): ∫ f over [a, b] by adaptive Gauss–Kronrod (ends may be ±inf); atol: 1e-12, rtol: 1e-10") { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let f = call.values[0]
            let a = try call.number(1), b = try call.number(2)
            let atol = try call.numberOption("atol") ?? 1e-12, rtol = try call.numberOption("rtol") ?? 1e-10
            var failure: EvalError? = nil
            let span = call.span
            let result: Double
            do throws(InfoTheoryError) {
                result = try integrate(from: a, to: b, absoluteTolerance: atol, relativeTolerance: rtol) { x in
                    if failure != nil { return .nan }
                    do throws(EvalError) {
                        let y = try interp.invoke(f, [.number(x, nil)], span)
                        guard case .number(let value, _) = y else {
                            failure = EvalError(.type, "integrate: the integrand must return a number, got \(y.typeName)", at: span)
                            return .nan
                        }
                        return value
                    } catch {
                        failure = error
                        return .nan
                    }
                }
            } catch {
                if let failure { throw failure }
                throw EvalError(.domain, "integrate: \(error.description)", at: span)
            }
            if let failure { throw failure }
            return .number(result, nil)
        },
        randomBuiltin("random_simplex", "random_simplex(n, seed: s, concentration: 1): a Dirichlet sample, reproducible from its seed", labels: ["concentration"], arity: 1...1) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 1), c = try call.numberOption("concentration") ?? 1
            guard n <= limit else { throw EvalError(.lengthLimit, "random_simplex: \(n) entries exceed the limit of \(limit)", at: call.span(0)) }
            return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try rng.dirichlet(count: n, concentration: c) }, nil)
        },
        randomBuiltin("dirichlet", "dirichlet(α, seed: s): a Dirichlet(α) sample", arity: 1...1) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let alpha = try call.vector(0)
            return .vector(try library(call) { () throws(InfoTheoryError) -> [Double] in try rng.dirichlet(alpha) }, nil)
        },
        randomBuiltin("random_joint", "random_joint(m, n, seed: s): an m×n joint table drawn uniformly", labels: ["concentration"], arity: 2...2) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let m = try call.integer(0, minimum: 1), n = try call.integer(1, minimum: 1), c = try call.numberOption("concentration") ?? 1
            guard m <= limit, n <= limit, m * n <= limit else {
                throw EvalError(.lengthLimit, "random_joint: \(m)×\(n) entries exceed the limit of \(limit)", at: call.span)
            }
            return .matrix(try library(call) { () throws(InfoTheoryError) -> [[Double]] in try rng.jointTable(rows: m, columns: n, concentration: c) })
        },
        randomBuiltin("random_uniform", "random_uniform(n, seed: s): n uniform numbers in [0, 1)", labels: ["open"], arity: 1...1) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0)
            let open = call.option("open").map { if case .boolean(true) = $0.0 { true } else { false } } ?? false
            return .vector((0..<n).map { _ in open ? rng.nextOpenUniform() : rng.nextUniform() }, nil)
        },
        randomBuiltin("random_normal", "random_normal(n, seed: s): n standard normal numbers", arity: 1...1) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0)
            return .vector((0..<n).map { _ in rng.nextNormal() }, nil)
        },
        randomBuiltin("random_gamma", "random_gamma(n, shape, seed: s): n Gamma(shape, 1) numbers", arity: 2...2) { (rng: inout SeededGenerator, call: Call, limit: Int) throws(EvalError) -> Value in
            let n = try call.integer(0, minimum: 0), shape = try call.number(1)
            var out: [Double] = []
            for _ in 0..<n { out.append(try library(call) { () throws(InfoTheoryError) -> Double in try rng.nextGamma(shape: shape) }) }
            return .vector(out, nil)
        },
    ]

    /// A sampler seeded explicitly (`seed:`, 0 by default): cells stay deterministic.
    static func randomBuiltin(_ name: String, _ summary: String, labels: Set<String> = [], arity: ClosedRange<Int>,
                              _ body: @escaping @Sendable (inout SeededGenerator, Call, Int) throws(EvalError) -> Value) -> Builtin {
        Builtin(name, arity, labels: labels.union(["seed"]), summary) { (interp: inout Interpreter, call: inout Call) throws(EvalError) -> Value in
            let seed = try Call.integer(try call.numberOption("seed") ?? 0, name: name, what: "seed", minimum: 0, span: call.option("seed")?.1 ?? call.span)
            for i in 0..<call.count {
                if case .number(let x, _) = call.values[i], i == 0, x > Double(interp.limits.vectorLength) {
                    throw EvalError(.lengthLimit, "\(name): \(NumberFormat.format(x)) samples exceed the limit of \(interp.limits.vectorLength)", at: call.span(0))
                }
            }
            var rng = SeededGenerator(seed: UInt64(seed))
            return try body(&rng, call, interp.limits.vectorLength)
        }
    }
}
