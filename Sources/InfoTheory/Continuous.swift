import Foundation

/// A continuous distribution with a closed-form differential entropy and a density.
public protocol ContinuousDistribution: Sendable {
    /// Differential entropy h = −∫ f log f in the given unit (can be negative).
    func differentialEntropy(base: LogBase) -> Double
    /// The density f(x) (0 outside the support).
    func density(_ x: Double) -> Double
    /// The support as a closed interval (bounds may be infinite).
    var support: ClosedRange<Double> { get }
}

/// ½ log(2πe).
let halfLogTwoPiE = 1.418938533204672741780329736406

/// Normal distribution N(μ, σ²), parameterised by its standard deviation σ.
public struct Normal: ContinuousDistribution, Equatable {
    /// The mean μ.
    public let mean: Double
    /// The standard deviation σ > 0 (not the variance).
    public let standardDeviation: Double

    /// N(mean, standardDeviation²); σ must be finite and > 0.
    public init(mean: Double = 0, standardDeviation: Double = 1) throws(InfoTheoryError) {
        try validateFinite(mean, name: "mean")
        try validatePositive(standardDeviation, name: "standardDeviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// N(mean, variance): the variance variant says so in its name.
    public init(mean: Double = 0, variance: Double) throws(InfoTheoryError) {
        try validatePositive(variance, name: "variance")
        try self.init(mean: mean, standardDeviation: sqrt(variance))
    }

    /// The variance σ².
    public var variance: Double { standardDeviation * standardDeviation }
    /// The support of the density.
    public var support: ClosedRange<Double> { -Double.infinity...Double.infinity }

    /// ½ log(2πeσ²).
    public func differentialEntropy(base: LogBase = .nats) -> Double {
        base.fromNats(halfLogTwoPiE + log(standardDeviation))
    }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z) / (standardDeviation * 2.506628274631000502415765284811)
    }
}

/// Continuous uniform distribution on [lower, upper].
public struct Uniform: ContinuousDistribution, Equatable {
    /// The lower end a of the support.
    public let lower: Double
    /// The upper end b > a of the support.
    public let upper: Double

    /// Requires finite bounds with lower < upper.
    public init(lower: Double, upper: Double) throws(InfoTheoryError) {
        try validateFinite(lower, name: "lower")
        try validateFinite(upper, name: "upper")
        if !(upper > lower) || !(upper - lower).isFinite {
            throw .invalidParameter(name: "upper", value: upper, requirement: "> lower (\(formatNumber(lower))) with a finite width")
        }
        self.lower = lower
        self.upper = upper
    }

    /// The support of the density.
    public var support: ClosedRange<Double> { lower...upper }

    /// log(upper − lower).
    public func differentialEntropy(base: LogBase = .nats) -> Double { base.fromNats(log(upper - lower)) }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double { x >= lower && x <= upper ? 1 / (upper - lower) : 0 }
}

/// Exponential distribution with rate λ (mean 1/λ).
public struct Exponential: ContinuousDistribution, Equatable {
    /// The rate λ > 0 (mean 1/λ).
    public let rate: Double

    /// Exponential(rate); λ must be finite and > 0.
    public init(rate: Double) throws(InfoTheoryError) {
        try validatePositive(rate, name: "rate")
        self.rate = rate
    }

    /// The support of the density.
    public var support: ClosedRange<Double> { 0...Double.infinity }

    /// 1 − log λ.
    public func differentialEntropy(base: LogBase = .nats) -> Double { base.fromNats(1 - log(rate)) }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double { x >= 0 ? rate * exp(-rate * x) : 0 }
}

/// Laplace distribution with location μ and scale b.
public struct Laplace: ContinuousDistribution, Equatable {
    /// The location μ (the median).
    public let location: Double
    /// The scale parameter (> 0).
    public let scale: Double

    /// Laplace(location, scale); the scale b must be finite and > 0.
    public init(location: Double = 0, scale: Double) throws(InfoTheoryError) {
        try validateFinite(location, name: "location")
        try validatePositive(scale, name: "scale")
        self.location = location
        self.scale = scale
    }

    /// The support of the density.
    public var support: ClosedRange<Double> { -Double.infinity...Double.infinity }

    /// 1 + log(2b).
    public func differentialEntropy(base: LogBase = .nats) -> Double { base.fromNats(1 + log(2 * scale)) }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double { exp(-abs(x - location) / scale) / (2 * scale) }
}

/// Gamma distribution with shape k and scale θ (rate = 1/θ).
public struct Gamma: ContinuousDistribution, Equatable {
    /// The shape k > 0.
    public let shape: Double
    /// The scale parameter (> 0).
    public let scale: Double

    /// Gamma(shape, scale); both must be finite and > 0.
    public init(shape: Double, scale: Double) throws(InfoTheoryError) {
        try validatePositive(shape, name: "shape")
        try validatePositive(scale, name: "scale")
        self.shape = shape
        self.scale = scale
    }

    /// Gamma(shape, rate): the rate variant says so in its name.
    public init(shape: Double, rate: Double) throws(InfoTheoryError) {
        try validatePositive(rate, name: "rate")
        try self.init(shape: shape, scale: 1 / rate)
    }

    /// The rate 1/θ.
    public var rate: Double { 1 / scale }
    /// The support of the density.
    public var support: ClosedRange<Double> { 0...Double.infinity }

    /// k + log θ + log Γ(k) + (1 − k)ψ(k).
    public func differentialEntropy(base: LogBase = .nats) -> Double {
        var s = NeumaierSum()
        s.add(shape); s.add(log(scale)); s.add(logGamma(shape)); s.add((1 - shape) * digamma(shape))
        return base.fromNats(s.value)
    }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double {
        if x < 0 { return 0 }
        if x == 0 { return shape == 1 ? 1 / scale : (shape < 1 ? .infinity : 0) }
        return exp((shape - 1) * log(x) - x / scale - logGamma(shape) - shape * log(scale))
    }
}

/// Beta distribution on [0, 1] with shapes α, β.
public struct Beta: ContinuousDistribution, Equatable {
    /// The first shape α > 0.
    public let alpha: Double
    /// The second shape β > 0.
    public let beta: Double

    /// Beta(α, β); both must be finite and > 0.
    public init(alpha: Double, beta: Double) throws(InfoTheoryError) {
        try validatePositive(alpha, name: "alpha")
        try validatePositive(beta, name: "beta")
        self.alpha = alpha
        self.beta = beta
    }

    /// The support of the density.
    public var support: ClosedRange<Double> { 0...1 }

    /// log B(α,β) − (α−1)ψ(α) − (β−1)ψ(β) + (α+β−2)ψ(α+β).
    public func differentialEntropy(base: LogBase = .nats) -> Double {
        var s = NeumaierSum()
        s.add(logGamma(alpha)); s.add(logGamma(beta)); s.add(-logGamma(alpha + beta))
        s.add(-(alpha - 1) * digamma(alpha)); s.add(-(beta - 1) * digamma(beta))
        s.add((alpha + beta - 2) * digamma(alpha + beta))
        return base.fromNats(s.value)
    }

    /// The density f(x); 0 outside the support.
    public func density(_ x: Double) -> Double {
        if x < 0 || x > 1 { return 0 }
        if x == 0 { return alpha == 1 ? beta : (alpha < 1 ? .infinity : 0) }
        if x == 1 { return beta == 1 ? alpha : (beta < 1 ? .infinity : 0) }
        let logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta)
        return exp((alpha - 1) * log(x) + (beta - 1) * log1p(-x) - logB)
    }
}

/// D(P‖Q) between Normals: log(σ_q/σ_p) + (σ_p² + (μ_p − μ_q)²)/(2σ_q²) − ½, computed as
/// ½·g(ρ² − 1) + (Δμ)²/(2σ_q²) with ρ = σ_p/σ_q and g(r) = r − log1p(r) ≥ 0, so it is never negative.
public func klDivergence(_ p: Normal, _ q: Normal, base: LogBase = .nats) -> Double {
    // r = ρ² − 1 from the exact difference σ_p − σ_q, so nearly equal σs keep their digits.
    let sp = p.standardDeviation, sq = q.standardDeviation
    let r = ((sp - sq) / sq) * ((sp + sq) / sq)
    let dz = (p.mean - q.mean) / q.standardDeviation
    let v = 0.5 * xMinusLog1p(r) + 0.5 * dz * dz
    return base.fromNats(v.isNaN ? .infinity : v)
}

/// D(Bern(p) ‖ Bern(q)) = p log(p/q) + (1 − p) log((1 − p)/(1 − q)), with log1p near the
/// ends; +∞ if q ∈ {0, 1} puts zero mass where p has some.
public func bernoulliKL(_ p: Double, _ q: Double, base: LogBase = .nats,
                        pName: String = "p", qName: String = "q") throws(InfoTheoryError) -> Double {
    try validateProbability(p, name: pName)
    try validateProbability(q, name: qName)
    // One-outcome cases first: the g-form below needs both outcomes in the support.
    if p == 0 { return q == 1 ? .infinity : base.fromNats(-log1p(-q)) }
    if p == 1 { return q == 0 ? .infinity : base.fromNats(-log(q)) }
    var acc = NeumaierSum()
    if p > 0 {
        if q == 0 { return .infinity }
        acc.add(p * xMinusLog1p((q - p) / p))
    }
    if p < 1 {
        if q == 1 { return .infinity }
        let a = 1 - p, b = 1 - q
        acc.add(a * xMinusLog1p((b - a) / a))
    }
    // The g-form's correction Σ(p − q) over both outcomes is exactly 0 here.
    let v = acc.value
    return base.fromNats(v > 0 ? v : 0)
}

/// Capacity of the additive white Gaussian noise channel, ½ log(1 + S/N) per channel use.
public func gaussianChannelCapacity(signalPower: Double, noisePower: Double, base: LogBase = .nats) throws(InfoTheoryError) -> Double {
    if !(signalPower >= 0) || !signalPower.isFinite {
        throw .invalidParameter(name: "signalPower", value: signalPower, requirement: "finite and ≥ 0")
    }
    try validatePositive(noisePower, name: "noisePower")
    return base.fromNats(0.5 * log1p(signalPower / noisePower))
}

/// Shannon–Hartley capacity B·log(1 + S/N) per second for bandwidth B (Hz); bits per second
/// with `base: .bits`.
public func gaussianChannelCapacity(bandwidth: Double, signalToNoise: Double, base: LogBase = .nats) throws(InfoTheoryError) -> Double {
    try validatePositive(bandwidth, name: "bandwidth")
    if !(signalToNoise >= 0) || !signalToNoise.isFinite {
        throw .invalidParameter(name: "signalToNoise", value: signalToNoise, requirement: "finite and ≥ 0")
    }
    return base.fromNats(bandwidth * log1p(signalToNoise))
}
