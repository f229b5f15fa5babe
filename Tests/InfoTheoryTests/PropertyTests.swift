import Foundation
import Testing
@testable import InfoTheory

/// Seeded random distributions: sizes 1…40, concentration varied so some are spiky.
func randomPairs(seed: UInt64, count: Int) throws -> [([Double], [Double])] {
    var g = SeededGenerator(seed: seed)
    var out = [([Double], [Double])]()
    for _ in 0..<count {
        let n = 1 + Int(g.nextUniform() * 40)
        let c = [0.1, 0.5, 1, 5][Int(g.nextUniform() * 4)]
        out.append((try g.dirichlet(count: n, concentration: c), try g.dirichlet(count: n, concentration: c)))
    }
    return out
}

@Suite struct Identities {
    @Test func crossEntropyIsEntropyPlusKL() throws {
        for (p, q) in try randomPairs(seed: 1, count: 500) {
            let lhs = try crossEntropy(p, q)
            let rhs = try entropy(p) + klDivergence(p, q)
            if lhs.isInfinite { #expect(rhs.isInfinite); continue }
            #expect(abs(lhs - rhs) <= 1e-13 * max(1, lhs), "H(P,Q) \(lhs) vs H(P)+KL \(rhs)")
        }
    }

    @Test func klIsNonNegativeAndZeroExactlyAtEquality() throws {
        for (p, q) in try randomPairs(seed: 2, count: 500) {
            let d = try klDivergence(p, q)
            #expect(d >= 0)
            #expect(try klDivergence(p, p) == 0)
            if p != q && p.count > 1 { #expect(d > 0) }
        }
    }

    @Test func jensenShannonIsBoundedAndItsRootIsAMetric() throws {
        let pairs = try randomPairs(seed: 3, count: 300)
        var g = SeededGenerator(seed: 33)
        for (p, q) in pairs {
            let j = try jsDivergence(p, q)
            #expect(j >= 0 && j <= log(2.0))
            #expect(try jsDivergence(p, q, base: .bits) <= 1)
            #expect(abs(j - (try jsDivergence(q, p))) <= 1e-15)
            let r = try g.dirichlet(count: p.count)
            let (a, b, c) = (try jsDistance(p, q), try jsDistance(q, r), try jsDistance(p, r))
            #expect(c <= a + b + 1e-12, "triangle inequality")
        }
    }

    @Test func pinskerInequality() throws {
        for (p, q) in try randomPairs(seed: 4, count: 500) {
            let tv = try totalVariation(p, q)
            #expect(try klDivergence(p, q) >= 2 * tv * tv - 1e-15)
        }
    }

    @Test func entropyIsAtMostLogNWithEqualityAtUniform() throws {
        for (p, _) in try randomPairs(seed: 5, count: 500) {
            let n = Double(p.count)
            #expect(try entropy(p) <= log(n) + 1e-14)
            let u = [Double](repeating: 1 / n, count: p.count)
            #expect(abs(try entropy(u) - log(n)) <= 1e-14 * max(1, log(n)))
        }
    }

    @Test func renyiIsNonIncreasingInAlphaAndShannonAtOne() throws {
        for (p, _) in try randomPairs(seed: 6, count: 200) {
            var previous = Double.infinity
            for a in [0, 0.25, 0.5, 0.99, 1, 1.01, 2, 5, 50, .infinity] {
                let h = try renyiEntropy(p, alpha: a)
                #expect(h <= previous + 1e-12, "α = \(a)")
                previous = h
            }
            #expect(abs(try renyiEntropy(p, alpha: 1) - (try entropy(p))) <= 1e-15)
            #expect(abs(try renyiEntropy(p, alpha: 1 + 1e-9) - (try entropy(p))) <= 1e-8)
        }
    }

    @Test func theThreeMutualInformationRoutesAgree() throws {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let rows = 1 + Int(g.nextUniform() * 6), cols = 1 + Int(g.nextUniform() * 6)
            let t = try g.jointTable(rows: rows, columns: cols, concentration: 0.7)
            let values = try MutualInformationMethod.allCases.map { m throws(InfoTheoryError) in try mutualInformation(t, method: m) }
            let h = try jointEntropy(t)
            for v in values {
                #expect(v >= 0)
                #expect(abs(v - values[2]) <= 1e-14 * max(1, h))
            }
            let hxy = try conditionalEntropy(t, given: .y), hyx = try conditionalEntropy(t, given: .x)
            #expect(hxy >= 0 && hyx >= 0)
            #expect(hxy <= (try entropy(try marginalX(t))) + 1e-14)
            let nmi = try normalizedMutualInformation(t)
            #expect(nmi >= 0 && nmi <= 1)
        }
    }

    @Test func mutualInformationOfAnIndependentTableIsNeverNegative() throws {
        var g = SeededGenerator(seed: 8)
        for _ in 0..<300 {
            let a = try g.dirichlet(count: 1 + Int(g.nextUniform() * 5))
            let b = try g.dirichlet(count: 1 + Int(g.nextUniform() * 5))
            let t = a.map { x in b.map { x * $0 } }
            for m in MutualInformationMethod.allCases {
                let i = try mutualInformation(t, method: m)
                #expect(i >= 0, "\(m) gave \(i)")
                #expect(i <= 1e-15)
            }
            let p = try productOfMarginals(t)
            #expect(p.count == a.count)
        }
    }

    @Test func entropyFromLogitsIsNonDecreasingInTemperature() throws {
        var g = SeededGenerator(seed: 9)
        for _ in 0..<200 {
            let n = 2 + Int(g.nextUniform() * 20)
            let z = (0..<n).map { _ in 3 * g.nextNormal() }
            var previous = -1.0
            for t in [0, 0.01, 0.1, 0.5, 1, 2, 10, 1e3, 1e9, .infinity] {
                let h = try entropyFromLogits(z, temperature: t)
                #expect(h >= previous - 1e-13, "T = \(t)")
                previous = h
            }
            #expect(abs(previous - log(Double(n))) <= 1e-14)
        }
    }

    @Test func softmaxIsADistributionAndMatchesLogSoftmax() throws {
        var g = SeededGenerator(seed: 10)
        for _ in 0..<200 {
            let n = 1 + Int(g.nextUniform() * 30)
            let z = (0..<n).map { _ in 50 * g.nextNormal() }
            let t = 0.1 + 5 * g.nextUniform()
            let p = try softmax(z, temperature: t)
            #expect(abs(compensatedSum(p) - 1) <= 1e-15 * Double(n))
            let lp = try logSoftmax(z, temperature: t)
            for i in 0..<n where p[i] > 1e-300 {
                // exp amplifies the rounding of lp by |lp|.
                #expect(abs(exp(lp[i]) - p[i]) <= 4e-16 * (4 + abs(lp[i])) * p[i] + 1e-300)
            }
            #expect(try logSumExp(z) >= z.max() ?? 0)
        }
    }

    @Test func klFromLogitsEqualsKLOfSoftmaxes() throws {
        var g = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let n = 1 + Int(g.nextUniform() * 10)
            let a = (0..<n).map { _ in 2 * g.nextNormal() }, b = (0..<n).map { _ in 2 * g.nextNormal() }
            let viaLogits = try klDivergenceFromLogits(a, b)
            let viaProbabilities = try klDivergence(try softmax(a), try softmax(b))
            #expect(abs(viaLogits - viaProbabilities) <= 1e-13 * max(1, viaLogits))
            #expect(try klDivergenceFromLogits(a, a) == 0)
        }
    }

    @Test func oneHotProbabilityTargetsMatchClassIndices() throws {
        var g = SeededGenerator(seed: 12)
        for _ in 0..<100 {
            let n = 1 + Int(g.nextUniform() * 5), c = 2 + Int(g.nextUniform() * 5)
            let logits = (0..<n).map { _ in (0..<c).map { _ in g.nextNormal() } }
            let ys = (0..<n).map { _ in Int(g.nextUniform() * Double(c)) }
            let onehot = ys.map { y in (0..<c).map { $0 == y ? 1.0 : 0.0 } }
            for eps in [0.0, 0.2] {
                let a = try crossEntropyLoss(logits: logits, targets: .classIndices(ys), labelSmoothing: eps).scalar ?? .nan
                let b = try crossEntropyLoss(logits: logits, targets: .probabilities(onehot), labelSmoothing: eps).scalar ?? .nan
                #expect(abs(a - b) <= 1e-14 * max(1, a))
            }
        }
    }

    @Test func klEstimatorsAverageToTheTrueKL() throws {
        // Samples from Q = N(0, 1); P = N(0.5, 1.2). k1 and k3 are unbiased for KL(Q‖P).
        let q = try Normal(mean: 0, standardDeviation: 1), p = try Normal(mean: 0.5, standardDeviation: 1.2)
        var g = SeededGenerator(seed: 13)
        var lq = [Double](), lp = [Double]()
        for _ in 0..<20_000 {
            let x = g.nextNormal()
            lq.append(log(q.density(x))); lp.append(log(p.density(x)))
        }
        let truth = klDivergence(q, p)
        #expect(abs(try meanKLEstimate(.k1, logQ: lq, logP: lp) - truth) < 0.02)
        #expect(abs(try meanKLEstimate(.k3, logQ: lq, logP: lp) - truth) < 0.01)
        #expect(try klEstimates(.k3, logQ: lq, logP: lp).allSatisfy { $0 >= 0 })
        #expect(try klEstimates(.k2, logQ: lq, logP: lp).allSatisfy { $0 >= 0 })
    }

    @Test func closedFormEntropiesMatchNumericalIntegration() throws {
        let cases: [any ContinuousDistribution] = [
            try Normal(mean: 1, standardDeviation: 0.3), try Uniform(lower: -1, upper: 2),
            try Exponential(rate: 0.7), try Laplace(location: 0, scale: 2), try Gamma(shape: 3.5, rate: 2),
            try Beta(alpha: 2.5, beta: 4),
        ]
        for d in cases {
            let closed = d.differentialEntropy(base: .nats)
            let numeric = try numericalDifferentialEntropy(d)
            #expect(abs(closed - numeric) <= 1e-8, "\(type(of: d)): \(closed) vs \(numeric)")
        }
    }

    @Test func normalKLMatchesMultivariateKLInOneDimension() throws {
        var g = SeededGenerator(seed: 14)
        for _ in 0..<100 {
            let (m1, m2) = (g.nextNormal(), g.nextNormal())
            let (s1, s2) = (0.1 + 3 * g.nextUniform(), 0.1 + 3 * g.nextUniform())
            let uni = klDivergence(try Normal(mean: m1, standardDeviation: s1), try Normal(mean: m2, standardDeviation: s2))
            let multi = try klDivergence(try MultivariateNormal(mean: [m1], covariance: [[s1 * s1]]),
                                         try MultivariateNormal(mean: [m2], covariance: [[s2 * s2]]))
            #expect(abs(uni - multi) <= 1e-12 * max(1, uni))
            #expect(uni >= 0)
        }
    }

    @Test func binaryEntropyAndBernoulliKLAgreeWithTheVectorForms() throws {
        var g = SeededGenerator(seed: 15)
        for _ in 0..<300 {
            let p = g.nextUniform(), q = g.nextUniform()
            #expect(abs(try binaryEntropy(p) - (try entropy([p, 1 - p]))) <= 1e-14)
            let b = try bernoulliKL(p, q)
            let v = try klDivergence([p, 1 - p], [q, 1 - q])
            #expect(abs(b - v) <= 1e-12 * max(1, b))
        }
    }

    @Test func seededSamplingIsDeterministicAndOnTheSimplex() throws {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let x = try a.dirichlet([0.5, 1, 2, 3]), y = try b.dirichlet([0.5, 1, 2, 3]), z = try c.dirichlet([0.5, 1, 2, 3])
        #expect(x == y)
        #expect(x != z)
        for _ in 0..<200 {
            let p = try a.dirichlet(count: 7, concentration: 0.05)
            #expect(p.allSatisfy { $0 >= 0 })
            #expect(abs(compensatedSum(p) - 1) <= 1e-14)
            _ = try entropy(p)  // always accepted by validation
        }
    }

    @Test func compensatedSummationBeatsAPlainReduce() {
        // 1 followed by a million 1e-16s: the exact sum is 1.0000000001.
        var xs = [1.0]
        xs.append(contentsOf: [Double](repeating: 1e-16, count: 1_000_000))
        #expect(xs.reduce(0, +) == 1)
        #expect(abs(compensatedSum(xs) - 1.0000000001) <= 2.3e-16)
        var n = NeumaierSum()
        for x in xs { n.add(x) }
        #expect(abs(n.value - 1.0000000001) <= 2.3e-16)
        #expect(abs(pairwiseSum(xs) - 1.0000000001) <= 1e-12)
        #expect(compensatedSum([]) == 0)
    }

    @Test func binomialAndPoissonEntropiesApproachTheirNormalLimits() throws {
        // For large parameters H ≈ ½ log(2πe·variance).
        let hb = try binomialEntropy(trials: 1_000_000, probability: 0.4)
        #expect(abs(hb - 0.5 * log(2 * Double.pi * M_E * 240_000)) < 1e-5)
        let hp = try poissonEntropy(rate: 1e6)
        #expect(abs(hp - 0.5 * log(2 * Double.pi * M_E * 1e6)) < 1e-5)
        #expect(abs(try binomialEntropy(trials: 1, probability: 0.3) - (try binaryEntropy(0.3))) <= 1e-15)
    }
}
