import Testing
import InfoTheory
@testable import Cells

/// Every public function of InfoTheory is reachable from the language, and gives the library's
/// own value (computed here by calling the library directly).
@Suite struct ReachabilityTests {
    static let p = [0.5, 0.25, 0.25], q = [0.4, 0.4, 0.2]
    static let j = [[0.20, 0.05, 0.15], [0.05, 0.35, 0.20]]
    static let z = [2.0, 1.0, 0.1]
    static let prelude = """
        P = [0.5, 0.25, 0.25]
        Q = [0.4, 0.4, 0.2]
        J = [[0.20, 0.05, 0.15], [0.05, 0.35, 0.20]]
        z = [2.0, 1.0, 0.1]
        """

    func value(_ expr: String) -> Double? {
        let result = run(Self.prelude + "\n" + expr)
        if let d = result.diagnostics.first { Issue.record("\(expr): \(d)") }
        guard case .number(let x, _)? = result.outputs.last?.value else { return nil }
        return x
    }

    func values(_ expr: String) -> [Double]? {
        let result = run(Self.prelude + "\n" + expr)
        if let d = result.diagnostics.first { Issue.record("\(expr): \(d)") }
        switch result.outputs.last?.value {
        case .vector(let v, _)?: return v
        case .matrix(let m)?: return m.flatMap { $0 }
        default: return nil
        }
    }

    @Test func discrete() throws {
        let (p, q) = (Self.p, Self.q)
        #expect(value("info(0.25)") == (try informationContent(0.25)))
        #expect(value("information_content(0.25, base: 2)") == (try informationContent(0.25, base: .bits)))
        #expect(value("surprisal(0.5)") == (try informationContent(0.5)))
        #expect(value("H(P)") == (try entropy(p)))
        #expect(value("entropy(P, base: 10)") == (try entropy(p, base: .bans)))
        #expect(value("H(P, Q)") == (try crossEntropy(p, q)))
        #expect(value("cross_entropy_pq(P, Q)") == (try crossEntropy(p, q)))
        #expect(value("KL(P ‖ Q)") == (try klDivergence(p, q)))
        #expect(value("KL(P || Q)") == (try klDivergence(p, q)))
        #expect(value("kl(P, Q, base: 2)") == (try klDivergence(p, q, base: .bits)))
        #expect(value("JS(P ‖ Q)") == (try jsDivergence(p, q)))
        #expect(value("js_distance(P, Q)") == (try jsDistance(p, q)))
        #expect(value("TV(P, Q)") == (try totalVariation(p, q)))
        #expect(value("binary_entropy(0.1)") == (try binaryEntropy(0.1)))
        #expect(value("renyi(P, 2)") == (try renyiEntropy(p, alpha: 2)))
        #expect(value("renyi(P, alpha: 0.5, base: 2)") == (try renyiEntropy(p, alpha: 0.5, base: .bits)))
        #expect(value("tsallis(P, 2)") == (try tsallisEntropy(p, q: 2)))
        #expect(value("perplexity(P)") == (try perplexity(p)))
        #expect(values("normalize([1, 2, 1])") == (try normalized([1, 2, 1])))
    }

    @Test func jointTables() throws {
        let j = Self.j
        #expect(value("joint_entropy(J)") == (try jointEntropy(j)))
        #expect(value("H(J)") == (try jointEntropy(j)))
        #expect(value("conditional_entropy(J)") == (try conditionalEntropy(j, given: .y)))
        #expect(value("conditional_entropy(J, given: \"X\")") == (try conditionalEntropy(j, given: .x)))
        #expect(values("marginal_x(J)") == (try marginalX(j)))
        #expect(values("marginal_y(J)") == (try marginalY(j)))
        #expect(values("product_of_marginals(J)") == (try productOfMarginals(j)).flatMap { $0 })
        for (name, method) in [("kl", MutualInformationMethod.klDivergence), ("conditional", .conditionalEntropy), ("sum", .entropySum)] {
            #expect(value("I(J, method: \"\(name)\")") == (try mutualInformation(j, method: method)))
        }
        #expect(value("mutual_information(J)") == (try mutualInformation(j)))
        for normalization in MutualInformationNormalization.allCases {
            #expect(value("nmi(J, normalization: \"\(normalization.rawValue)\")") == (try normalizedMutualInformation(j, normalization: normalization)))
        }
    }

    @Test func logitsAndLosses() throws {
        let z = Self.z
        #expect(value("logsumexp(z)") == (try logSumExp(z)))
        #expect(values("softmax(z, 0.5)") == (try softmax(z, temperature: 0.5)))
        #expect(values("softmax(z, T: 2)") == (try softmax(z, temperature: 2)))
        #expect(values("log_softmax(z, 2)") == (try logSoftmax(z, temperature: 2)))
        #expect(value("entropy_from_logits(z, 2)") == (try entropyFromLogits(z, temperature: 2)))
        #expect(value("kl_from_logits(z, [0, 0, 0], 2)") == (try klDivergenceFromLogits(z, [0, 0, 0], temperature: 2)))
        let batch = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]]
        let b = "batch = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]]\n"
        #expect(value(b + "cross_entropy(batch, [0, -100, 2], label_smoothing: 0.1, ignore_index: -100, reduction: \"mean\")")
                == (try crossEntropyLoss(logits: batch, targets: .classIndices([0, -100, 2]), ignoreIndex: -100, labelSmoothing: 0.1)).scalar)
        #expect(values(b + "cross_entropy_loss(batch, [0, 1, 2], weights: [1, 2, 3], reduction: \"none\")")
                == (try crossEntropyLoss(logits: batch, targets: .classIndices([0, 1, 2]), weights: [1, 2, 3], reduction: .none)).values)
        #expect(value(b + "cross_entropy(batch, [[1, 0, 0], [0, 1, 0], [0.5, 0, 0.5]], reduction: \"sum\")")
                == (try crossEntropyLoss(logits: batch, targets: .probabilities([[1, 0, 0], [0, 1, 0], [0.5, 0, 0.5]]), reduction: .sum)).scalar)
        #expect(value("cross_entropy(z, 0)") == (try crossEntropyLoss(logits: z, target: 0)))
        #expect(value("nll(z, 1, label_smoothing: 0.1)") == (try crossEntropyLoss(logits: z, target: 1, labelSmoothing: 0.1)))
        #expect(value("distillation_loss([1, 2, 3], z, 4, target: 2, alpha: 0.3)")
                == (try distillationLoss(student: [1, 2, 3], teacher: z, temperature: 4, hardTarget: 2, alpha: 0.3)))
        #expect(value(b + "distillation_loss(batch, batch * 2, temperature: 3)")
                == (try distillationLoss(student: batch, teacher: batch.map { $0.map { $0 * 2 } }, temperature: 3)))
        for k in KLEstimator.allCases {
            #expect(value("\(k.rawValue)(-1.2, -0.7)") == (try klEstimate(k, logQ: -1.2, logP: -0.7)))
            #expect(values("\(k.rawValue)([-1.2, -0.3], [-0.7, -0.9])") == (try klEstimates(k, logQ: [-1.2, -0.3], logP: [-0.7, -0.9])))
            #expect(value("kl_estimate([-1.2, -0.3], [-0.7, -0.9], estimator: \"\(k.rawValue)\")") == (try meanKLEstimate(k, logQ: [-1.2, -0.3], logP: [-0.7, -0.9])))
        }
    }

    @Test func continuous() throws {
        let n = try Normal(mean: 1, standardDeviation: 2)
        #expect(value("entropy(Normal(1, 2))") == n.differentialEntropy())
        #expect(value("H(Normal(1, variance: 4))") == (try Normal(mean: 1, variance: 4)).differentialEntropy())
        #expect(value("normal_entropy(1, 2)") == n.differentialEntropy())
        #expect(value("h(Uniform(0, 3), base: 2)") == (try Uniform(lower: 0, upper: 3)).differentialEntropy(base: .bits))
        #expect(value("differential_entropy(Exponential(2))") == (try Exponential(rate: 2)).differentialEntropy())
        #expect(value("h(Laplace(0, 1.5))") == (try Laplace(location: 0, scale: 1.5)).differentialEntropy())
        #expect(value("h(Gamma(2, 3))") == (try Gamma(shape: 2, scale: 3)).differentialEntropy())
        #expect(value("h(Gamma(2, rate: 3))") == (try Gamma(shape: 2, rate: 3)).differentialEntropy())
        #expect(value("h(Beta(2, 5))") == (try Beta(alpha: 2, beta: 5)).differentialEntropy())
        #expect(value("pdf(Normal(1, 2), 0.5)") == n.density(0.5))
        #expect(value("numerical_entropy(Normal(1, 2))") == (try numericalDifferentialEntropy(n)))
        let m0 = try Normal(mean: 0, standardDeviation: 1)
        #expect(value("KL(Normal(0, 1) ‖ Normal(1, 2))") == klDivergence(m0, n))
        #expect(value("kl_normal(0, 1, 1, 2)") == klDivergence(m0, n))
        #expect(close(value("kl_normal(0, 1, 1, 2)"), 0.443147180559945, 1e-12))
        let a = try MultivariateNormal(mean: [0, 0], covariance: [[1, 0.5], [0.5, 2]])
        let c = try MultivariateNormal(mean: [1, 0], covariance: [[2, 0], [0, 1]])
        let mv = "A = MvNormal([0, 0], [[1, 0.5], [0.5, 2]])\nC = MultivariateNormal([1, 0], [[2, 0], [0, 1]])\n"
        #expect(value(mv + "H(A)") == a.differentialEntropy())
        #expect(value(mv + "KL(A ‖ C)") == (try klDivergence(a, c)))
        #expect(value(mv + "log_det(A)") == a.logDeterminant)
        #expect(values("support(Exponential(2))") == [0, .infinity])
        #expect(value("bernoulli_kl(0.3, 0.6)") == (try bernoulliKL(0.3, 0.6)))
        #expect(value("channel_capacity(10, 2)") == (try gaussianChannelCapacity(signalPower: 10, noisePower: 2)))
        #expect(value("shannon_hartley(3000, 100, base: 2)") == (try gaussianChannelCapacity(bandwidth: 3000, signalToNoise: 100, base: .bits)))
        #expect(value("binomial_entropy(10, 0.3)") == (try binomialEntropy(trials: 10, probability: 0.3)))
        #expect(value("poisson_entropy(4)") == (try poissonEntropy(rate: 4)))
        #expect(value("integrate(x -> x^2, 0, 3)") == (try integrate(from: 0, to: 3) { $0 * $0 }))
        #expect(close(value("integrate(x -> exp(-x^2), -inf, inf)"), Double.pi.squareRoot(), 1e-10))
    }

    @Test func helpers() throws {
        #expect(value("sum([0.1, 0.2, 0.3])") == compensatedSum([0.1, 0.2, 0.3]))
        #expect(value("pairwise_sum([0.1, 0.2, 0.3])") == pairwiseSum([0.1, 0.2, 0.3]))
        var acc = NeumaierSum()
        let running = [1e16, 1, -1e16].map { acc.add($0); return acc.value }
        #expect(values("cumsum([1e16, 1, -1e16])") == running)
        #expect(value("lgamma(4.5)") == logGamma(4.5))
        #expect(value("digamma(2)") == digamma(2))
        var g = SeededGenerator(seed: 7)
        #expect(values("random_simplex(4, seed: 7)") == (try g.dirichlet(count: 4)))
        g = SeededGenerator(seed: 3)
        #expect(values("dirichlet([1, 2, 3], seed: 3)") == (try g.dirichlet([1, 2, 3])))
        g = SeededGenerator(seed: 5)
        #expect(values("random_joint(2, 3, seed: 5)") == (try g.jointTable(rows: 2, columns: 3)).flatMap { $0 })
        g = SeededGenerator(seed: 1)
        #expect(values("random_uniform(3, seed: 1)") == [g.nextUniform(), g.nextUniform(), g.nextUniform()])
        g = SeededGenerator(seed: 1)
        #expect(values("random_uniform(2, seed: 1, open: true)") == [g.nextOpenUniform(), g.nextOpenUniform()])
        g = SeededGenerator(seed: 2)
        #expect(values("random_normal(2, seed: 2)") == [g.nextNormal(), g.nextNormal()])
        g = SeededGenerator(seed: 2)
        #expect(values("random_gamma(2, 1.5, seed: 2)") == [try g.nextGamma(shape: 1.5), try g.nextGamma(shape: 1.5)])
    }

    @Test func everyBuiltinIsDocumented() {
        for (name, summary) in Builtins.reference {
            #expect(!summary.isEmpty, "\(name)")
        }
        #expect(Builtins.reference.count > 100)
        // No name is registered twice (a later one would be silently ignored).
        #expect((Builtins.core + Builtins.information + Builtins.domainBuiltins).count == Builtins.all.count)
    }
}
