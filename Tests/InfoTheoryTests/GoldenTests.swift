import Foundation
import Testing
@testable import InfoTheory

/// One golden case from Fixtures/golden.json (written by scripts/infotheory/golden.py with
/// mpmath at 50 digits from the exact double inputs).
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let fn: String
    let vectors: [String: [Double]]
    let matrices: [String: [[Double]]]
    let scalars: [String: Double]
    let ints: [String: [Int]]
    let strings: [String: String]
    let expected: [Double]

    var testDescription: String { name }

    func v(_ k: String) -> [Double] { vectors[k] ?? [] }
    func m(_ k: String) -> [[Double]] { matrices[k] ?? [] }
    func s(_ k: String) -> Double { scalars[k] ?? .nan }
    var base: LogBase { LogBase(rawValue: strings["base"] ?? "nats") ?? .nats }
}

struct GoldenFile: Decodable {
    let cases: [GoldenCase]
}

func loadGoldenCases() throws -> [GoldenCase] {
    guard let url = Bundle.module.url(forResource: "golden", withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile)
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(GoldenFile.self, from: Data(contentsOf: url)).cases
}

/// Evaluates a case with the library; the fixture's `fn` names map one-to-one to API calls.
func evaluate(_ c: GoldenCase) throws -> [Double] {
    let b = c.base
    switch c.fn {
    case "entropy": return [try entropy(c.v("p"), base: b)]
    case "crossEntropy": return [try crossEntropy(c.v("p"), c.v("q"), base: b)]
    case "kl": return [try klDivergence(c.v("p"), c.v("q"), base: b)]
    case "js": return [try jsDivergence(c.v("p"), c.v("q"), base: b)]
    case "jsDistance": return [try jsDistance(c.v("p"), c.v("q"), base: b)]
    case "totalVariation": return [try totalVariation(c.v("p"), c.v("q"))]
    case "binaryEntropy": return [try binaryEntropy(c.s("p"), base: b)]
    case "informationContent": return [try informationContent(c.s("p"), base: b)]
    case "renyi": return [try renyiEntropy(c.v("p"), alpha: c.s("alpha"), base: b)]
    case "tsallis": return [try tsallisEntropy(c.v("p"), q: c.s("q"))]
    case "perplexity": return [try perplexity(c.v("p"))]
    case "jointEntropy": return [try jointEntropy(c.m("pxy"))]
    case "conditionalEntropyGivenY": return [try conditionalEntropy(c.m("pxy"), given: .y)]
    case "conditionalEntropyGivenX": return [try conditionalEntropy(c.m("pxy"), given: .x)]
    case "mutualInformation":
        // All three routes must hit the same golden value.
        return [try mutualInformation(c.m("pxy"), method: .klDivergence)]
    case "mutualInformationBits": return [try mutualInformation(c.m("pxy"), base: .bits)]
    case "marginalX": return try marginalX(c.m("pxy"))
    case "marginalY": return try marginalY(c.m("pxy"))
    case "nmiArithmetic": return [try normalizedMutualInformation(c.m("pxy"), normalization: .arithmetic)]
    case "nmiGeometric": return [try normalizedMutualInformation(c.m("pxy"), normalization: .geometric)]
    case "nmiJoint": return [try normalizedMutualInformation(c.m("pxy"), normalization: .joint)]
    case "nmiMin": return [try normalizedMutualInformation(c.m("pxy"), normalization: .min)]
    case "nmiMax": return [try normalizedMutualInformation(c.m("pxy"), normalization: .max)]
    case "productOfMarginals": return try productOfMarginals(c.m("pxy")).flatMap { $0 }
    case "logSumExp": return [try logSumExp(c.v("z"))]
    case "softmax": return try softmax(c.v("z"), temperature: c.s("temperature"))
    case "logSoftmax": return try logSoftmax(c.v("z"), temperature: c.s("temperature"))
    case "entropyFromLogits": return [try entropyFromLogits(c.v("z"), temperature: c.s("temperature"))]
    case "klFromLogits": return [try klDivergenceFromLogits(c.v("p"), c.v("q"), temperature: c.s("temperature"))]
    case "distillation":
        return [try distillationLoss(student: c.v("student"), teacher: c.v("teacher"), temperature: c.s("temperature"))]
    case "distillationHard":
        return [try distillationLoss(student: c.v("student"), teacher: c.v("teacher"), temperature: c.s("temperature"),
                                     hardTarget: c.ints["hardTarget"]?.first, alpha: c.s("alpha"))]
    case "crossEntropyLossIndices", "crossEntropyLossProbabilities":
        let targets: CrossEntropyTargets = c.fn == "crossEntropyLossIndices"
            ? .classIndices(c.ints["targets"] ?? []) : .probabilities(c.m("targets"))
        let reduction = Reduction(rawValue: c.strings["reduction"] ?? "mean") ?? .mean
        return try crossEntropyLoss(logits: c.m("logits"), targets: targets, weights: c.vectors["weights"],
                                    labelSmoothing: c.s("labelSmoothing"), reduction: reduction).values
    case "klDivLoss", "klDivLossVector":
        let reduction = KLDivReduction(rawValue: c.strings["reduction"] ?? "mean") ?? .mean
        let logTarget = c.strings["logTarget"] == "true"
        return c.fn == "klDivLoss"
            ? try klDivLoss(input: c.m("input"), target: c.m("target"), reduction: reduction, logTarget: logTarget).values
            : try klDivLoss(input: c.v("input"), target: c.v("target"), reduction: reduction, logTarget: logTarget).values
    case "k1": return [try klEstimate(.k1, logQ: c.s("logQ"), logP: c.s("logP"))]
    case "k2": return [try klEstimate(.k2, logQ: c.s("logQ"), logP: c.s("logP"))]
    case "k3": return [try klEstimate(.k3, logQ: c.s("logQ"), logP: c.s("logP"))]
    case "normalEntropy": return [try Normal(mean: c.s("mean"), standardDeviation: c.s("sd")).differentialEntropy(base: b)]
    case "uniformEntropy": return [try Uniform(lower: c.s("lower"), upper: c.s("upper")).differentialEntropy()]
    case "exponentialEntropy": return [try Exponential(rate: c.s("rate")).differentialEntropy()]
    case "laplaceEntropy": return [try Laplace(location: c.s("location"), scale: c.s("scale")).differentialEntropy()]
    case "gammaEntropy": return [try Gamma(shape: c.s("shape"), scale: c.s("scale")).differentialEntropy()]
    case "betaEntropy": return [try Beta(alpha: c.s("alpha"), beta: c.s("beta")).differentialEntropy()]
    case "klNormal":
        return [klDivergence(try Normal(mean: c.s("m1"), standardDeviation: c.s("s1")),
                             try Normal(mean: c.s("m2"), standardDeviation: c.s("s2")))]
    case "klNormalVariance":
        return [klDivergence(try Normal(mean: c.s("m1"), variance: c.s("v1")),
                             try Normal(mean: c.s("m2"), variance: c.s("v2")))]
    case "mvnEntropy": return [try MultivariateNormal(mean: c.v("mean"), covariance: c.m("cov")).differentialEntropy()]
    case "klMVN":
        return [try klDivergence(try MultivariateNormal(mean: c.v("mean1"), covariance: c.m("cov1")),
                                 try MultivariateNormal(mean: c.v("mean2"), covariance: c.m("cov2")))]
    case "bernoulliKL": return [try bernoulliKL(c.s("p"), c.s("q"))]
    case "capacity": return [try gaussianChannelCapacity(signalPower: c.s("signal"), noisePower: c.s("noise"), base: b)]
    case "binomialEntropy": return [try binomialEntropy(trials: c.ints["trials"]?.first ?? -1, probability: c.s("p"))]
    case "poissonEntropy": return [try poissonEntropy(rate: c.s("rate"))]
    case "compensatedSum": return [compensatedSum(c.v("x"))]
    default:
        Issue.record("unknown golden function \(c.fn)")
        return []
    }
}

/// |got − expected| ≤ 1e-13·|expected| + 1e-15, with infinities required to match exactly.
func closeToGolden(_ got: Double, _ expected: Double) -> Bool {
    if expected.isInfinite || got.isInfinite { return got == expected }
    return abs(got - expected) <= 1e-13 * abs(expected) + 1e-15
}

@Suite struct GoldenValues {
    @Test func fixtureCoversEveryArea() throws {
        let cases = try loadGoldenCases()
        #expect(cases.count >= 60)
        let fns = Set(cases.map(\.fn))
        for required in ["entropy", "kl", "js", "renyi", "mutualInformation", "softmax", "crossEntropyLossIndices",
                         "gammaEntropy", "betaEntropy", "klMVN", "binomialEntropy", "poissonEntropy", "k3"] {
            #expect(fns.contains(required), "no golden case for \(required)")
        }
    }

    @Test(arguments: try loadGoldenCases())
    func matchesMpmath(_ c: GoldenCase) throws {
        let got = try evaluate(c)
        try #require(got.count == c.expected.count, "\(c.name): \(got.count) values, expected \(c.expected.count)")
        for (i, (g, e)) in zip(got, c.expected).enumerated() {
            #expect(closeToGolden(g, e), "\(c.name)[\(i)]: got \(g), expected \(e), diff \(abs(g - e))")
        }
    }

    @Test(arguments: try loadGoldenCases().filter { $0.fn == "mutualInformation" })
    func allThreeMutualInformationRoutesMatchMpmath(_ c: GoldenCase) throws {
        for method in MutualInformationMethod.allCases {
            let got = try mutualInformation(c.m("pxy"), method: method)
            // The entropy-difference routes cancel, so they are held to an absolute 1e-15 scale of H.
            #expect(abs(got - c.expected[0]) <= 1e-13 * abs(c.expected[0]) + 4e-15, "\(c.name) \(method): \(got) vs \(c.expected[0])")
        }
    }
}
