import Foundation

// Entropies of Binomial and Poisson distributions by summing −pmf·log pmf, with log pmf from
// Loader's saddle-point form (Stirling error + deviance), accurate to a few ulps even for
// large n where log C(n, k) from log-gamma would lose digits to cancellation.

/// The most terms a summation may take (protects against unbounded work on huge parameters).
public let maximumSummationTerms: Int = 10_000_000

/// log of the Binomial(n, p) pmf at k, for 0 < p < 1.
func binomialLogPMF(_ k: Double, _ n: Double, _ p: Double) -> Double {
    let q = 1 - p
    if k == 0 { return n * log1p(-p) }
    if k == n { return n * log(p) }
    let lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k)
        - binomialDeviance(k, n * p) - binomialDeviance(n - k, n * q)
    let lf = 1.837877066409345483560659472811 + log(k) + log1p(-k / n)  // log(2π) + log k + log(1 − k/n)
    return lc - 0.5 * lf
}

/// log of the Poisson(λ) pmf at k.
func poissonLogPMF(_ k: Double, _ lambda: Double) -> Double {
    if k == 0 { return -lambda }
    return -stirlingError(k) - binomialDeviance(k, lambda) - 0.5 * (1.837877066409345483560659472811 + log(k))
}

/// Σ −f(k)·log f(k) over k in `range`, compensated.
private func entropySum(_ range: ClosedRange<Int>, _ logPMF: (Double) -> Double) -> Double {
    var acc = NeumaierSum()
    for k in range {
        let l = logPMF(Double(k))
        if l > -.infinity { acc.add(-exp(l) * l) }
    }
    return max(acc.value, 0)
}

/// Entropy of Binomial(trials, probability) by summation over the window holding all but
/// e⁻⁸⁰⁰ of the mass.
public func binomialEntropy(trials: Int, probability: Double, base: LogBase = .nats) throws(InfoTheoryError) -> Double {
    if trials < 0 { throw .invalidParameter(name: "trials", value: Double(trials), requirement: "≥ 0") }
    try validateProbability(probability, name: "probability")
    // Outcomes k are handled as Doubles, which are exact integers only up to 2⁵³.
    if trials > 1 << 53 { throw .tooLarge(argument: "trials", size: trials, limit: 1 << 53) }
    if trials == 0 || probability == 0 || probability == 1 { return 0 }
    let n = Double(trials)
    let mu = n * probability
    let sd = (n * probability * (1 - probability)).squareRoot()
    // Decide the window in Double first: converting a bound near 2⁶³ to Int would trap.
    let loD = max(0, mu - 40 * sd - 40)
    let hiD = min(n, mu + 40 * sd + 40)
    if hiD - loD >= Double(maximumSummationTerms) {
        throw .tooLarge(argument: "trials", size: Int(min(hiD - loD + 1, 9e18)), limit: maximumSummationTerms)
    }
    let hi = hiD >= n ? trials : Int(hiD)
    let lo = min(Int(loD), hi)
    return base.fromNats(entropySum(lo...hi) { binomialLogPMF($0, n, probability) })
}

/// Entropy of Poisson(rate) by summation over the window holding all but e⁻⁸⁰⁰ of the mass.
public func poissonEntropy(rate: Double, base: LogBase = .nats) throws(InfoTheoryError) -> Double {
    try validatePositive(rate, name: "rate")
    let sd = rate.squareRoot()
    let loD = max(0, rate - 40 * sd - 40)
    let hiD = rate + 40 * sd + 60
    // The window's width is judged from its formula, not from hiD − loD: for rates past ~5e35
    // both ends round to the same Double, the difference is 0, and Int(hiD) would trap.
    let width = min(rate, 40 * sd + 40) + 40 * sd + 60
    if width >= Double(maximumSummationTerms) || hiD >= 0x1p53 {
        throw .tooLarge(argument: "rate", size: Int(min(width, 9e18)), limit: maximumSummationTerms)
    }
    return base.fromNats(entropySum(Int(loD)...Int(hiD)) { poissonLogPMF($0, rate) })
}
