import Foundation
import Testing
@testable import InfoTheory

/// Hostile inputs: every public entry point must return a value or throw an `InfoTheoryError`
/// (typed throws guarantee the type); none may trap. Returned information quantities that are
/// non-negative by definition must be ≥ 0 and never NaN.
@Suite struct Robustness {
    static let specials: [Double] = [0, -0.0, 1, -1, .nan, .infinity, -.infinity, Double.leastNonzeroMagnitude, 1e-300, 1e300,
                                     .greatestFiniteMagnitude, 0.5, 1e-17, 1 - 1e-16]

    func hostileVector(_ g: inout SeededGenerator) -> [Double] {
        let n = Int(g.nextUniform() * 9)
        switch Int(g.nextUniform() * 4) {
        case 0: return (0..<n).map { _ in Self.specials[Int(g.nextUniform() * Double(Self.specials.count))] }
        case 1: return (try? g.dirichlet(count: max(n, 1), concentration: 0.05)) ?? []
        case 2: return (0..<n).map { _ in (g.nextUniform() - 0.3) * 1e3 }
        default:
            var p = (try? g.dirichlet(count: max(n, 1))) ?? [1]
            p[Int(g.nextUniform() * Double(p.count))] += [1e-12, -1e-12, 1e-6, 0][Int(g.nextUniform() * 4)]
            return p
        }
    }

    func checkNonNegative(_ v: Double, _ what: String) {
        #expect(!v.isNaN && v >= 0, "\(what) returned \(v)")
    }

    @Test func discreteAndJointFunctionsNeverTrap() {
        var g = SeededGenerator(seed: 99)
        for _ in 0..<3000 {
            let p = hostileVector(&g), q = hostileVector(&g)
            let scalar = Self.specials[Int(g.nextUniform() * Double(Self.specials.count))]
            if let v = try? entropy(p) { checkNonNegative(v, "entropy") }
            if let v = try? crossEntropy(p, q) { checkNonNegative(v, "crossEntropy") }
            if let v = try? klDivergence(p, q) { checkNonNegative(v, "kl") }
            if let v = try? jsDivergence(p, q) { checkNonNegative(v, "js") }
            if let v = try? jsDistance(p, q) { checkNonNegative(v, "jsDistance") }
            if let v = try? totalVariation(p, q) { checkNonNegative(v, "tv") }
            if let v = try? renyiEntropy(p, alpha: abs(scalar)) { checkNonNegative(v, "renyi") }
            if let v = try? tsallisEntropy(p, q: scalar) { #expect(!v.isNaN) }
            if let v = try? perplexity(p) { #expect(v >= 1) }
            if let v = try? normalized(p) { #expect(v.count == p.count) }
            if let v = try? binaryEntropy(scalar) { checkNonNegative(v, "binaryEntropy") }
            if let v = try? informationContent(scalar) { checkNonNegative(v, "informationContent") }
            if let v = try? bernoulliKL(scalar, abs(scalar) / 2) { checkNonNegative(v, "bernoulliKL") }
            let table = [p, q, p]
            if let v = try? mutualInformation(table) { checkNonNegative(v, "mi") }
            if let v = try? conditionalEntropy(table, given: .x) { checkNonNegative(v, "H(Y|X)") }
            if let v = try? normalizedMutualInformation(table) { #expect(v >= 0 && v <= 1) }
            _ = try? productOfMarginals(table)
            _ = compensatedSum(p)
            _ = pairwiseSum(p)
        }
    }

    @Test func logitFunctionsNeverTrap() {
        var g = SeededGenerator(seed: 98)
        for _ in 0..<3000 {
            let z = hostileVector(&g), w = hostileVector(&g)
            let t = Self.specials[Int(g.nextUniform() * Double(Self.specials.count))]
            if let v = try? logSumExp(z) { #expect(!v.isNaN) }
            if let v = try? softmax(z, temperature: t) { #expect(v.allSatisfy { $0 >= 0 && $0 <= 1 }) }
            if let v = try? logSoftmax(z, temperature: t) { #expect(v.allSatisfy { !$0.isNaN && $0 <= 0 }) }
            if let v = try? entropyFromLogits(z, temperature: t) { checkNonNegative(v, "entropyFromLogits") }
            if let v = try? klDivergenceFromLogits(z, w, temperature: t) { checkNonNegative(v, "klFromLogits") }
            _ = try? distillationLoss(student: z, teacher: w, temperature: t, hardTarget: abs(t) < 1e9 ? Int(t) : 0)
            _ = try? crossEntropyLoss(logits: [z, w], targets: .classIndices([Int(g.nextUniform() * 5) - 1, 0]),
                                      weights: w.isEmpty ? nil : w, labelSmoothing: abs(t))
            _ = try? crossEntropyLoss(logits: [z], targets: .probabilities([w]))
            if let v = try? klEstimate(.k3, logQ: t, logP: z.first ?? 0) { #expect(v >= 0) }
        }
    }

    @Test func continuousConstructorsNeverTrap() {
        var g = SeededGenerator(seed: 97)
        for _ in 0..<2000 {
            let a = Self.specials[Int(g.nextUniform() * Double(Self.specials.count))]
            let b = Self.specials[Int(g.nextUniform() * Double(Self.specials.count))]
            _ = try? Normal(mean: a, standardDeviation: b).differentialEntropy()
            _ = try? Normal(mean: a, variance: b)
            _ = try? Uniform(lower: a, upper: b).differentialEntropy()
            _ = try? Exponential(rate: a).differentialEntropy()
            _ = try? Laplace(location: a, scale: b).differentialEntropy()
            _ = try? Gamma(shape: a, scale: b).differentialEntropy()
            _ = try? Beta(alpha: a, beta: b).differentialEntropy()
            _ = try? gaussianChannelCapacity(signalPower: a, noisePower: b)
            _ = try? gaussianChannelCapacity(bandwidth: a, signalToNoise: b)
            _ = try? poissonEntropy(rate: min(abs(a), 50))
            _ = try? binomialEntropy(trials: Int(g.nextUniform() * 50) - 5, probability: b)
            let v = hostileVector(&g)
            _ = try? MultivariateNormal(mean: v, covariance: [v, v].prefix(v.count).map { $0 })
            if let n1 = try? Normal(mean: 0, standardDeviation: abs(a) + 1e-300),
               let n2 = try? Normal(mean: 1, standardDeviation: abs(b) + 1e-300) {
                checkNonNegative(klDivergence(n1, n2), "klNormal")
            }
        }
    }
}
