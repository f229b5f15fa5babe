import Foundation
import Testing
@testable import InfoTheory

/// Runs `body`, requires an `InfoTheoryError`, and returns it for inspection.
func failure<T>(_ body: () throws -> T) -> InfoTheoryError? {
    do {
        _ = try body()
        Issue.record("expected an InfoTheoryError, got a value")
        return nil
    } catch let error as InfoTheoryError {
        return error
    } catch {
        Issue.record("expected an InfoTheoryError, got \(error)")
        return nil
    }
}

@Suite struct BadInput {
    @Test func emptyVectorsAreRejected() {
        #expect(failure { try entropy([]) } == .empty(argument: "P"))
        #expect(failure { try klDivergence([], []) } == .empty(argument: "P"))
        #expect(failure { try logSumExp([]) } == .empty(argument: "Z"))
        #expect(failure { try softmax([]) } == .empty(argument: "Z"))
        #expect(failure { try jointEntropy([]) } == .empty(argument: "PXY"))
        #expect(failure { try jointEntropy([[]]) } == .empty(argument: "PXY row 0"))
        #expect(failure { try normalized([]) } == .empty(argument: "P"))
    }

    @Test func nanAndInfinityAreRejectedWithTheirPosition() {
        #expect(failure { try entropy([0.5, .nan, 0.5]) } == .notFinite(argument: "P", index: 1, value: .nan))
        #expect(failure { try entropy([.infinity, 0]) } == .notFinite(argument: "P", index: 0, value: .infinity))
        #expect(failure { try klDivergence([0.5, 0.5], [0.5, -.infinity], qName: "Q2") }
                == .notFinite(argument: "Q2", index: 1, value: -.infinity))
        #expect(failure { try logSumExp([1, .nan]) } == .notFinite(argument: "Z", index: 1, value: .nan))
        #expect(failure { try binaryEntropy(.nan) } == .notFinite(argument: "p", index: 0, value: .nan))
        let message = InfoTheoryError.notFinite(argument: "P", index: 1, value: .nan).description
        #expect(message == "P[1] is NaN; entries must be finite numbers")
    }

    @Test func negativeEntriesAreRejectedWithTheAmount() {
        let e = failure { try entropy([0.6, -0.1, 0.5]) }
        #expect(e == .negative(argument: "P", index: 1, value: -0.1))
        #expect(e?.description == "P[1] is -0.1; entries must be ≥ 0 (below 0 by 0.1)")
        #expect(failure { try normalized([1, -1e-300]) } == .negative(argument: "P", index: 1, value: -1e-300))
    }

    @Test func lengthMismatchesNameBothArguments() {
        let e = failure { try crossEntropy([0.5, 0.5], [1.0], pName: "A", qName: "B") }
        #expect(e == .lengthMismatch(first: "A", firstCount: 2, second: "B", secondCount: 1))
        #expect(e?.description == "A has 2 entries but B has 1; they must have the same length (differ by 1)")
        #expect(failure { try klDivergenceFromLogits([1, 2], [1]) } != nil)
        #expect(failure { try klEstimates(.k3, logQ: [1, 2], logP: [1]) } != nil)
    }

    @Test func sumsOffByMoreThanTheToleranceAreRejected() {
        let e = failure { try klDivergence([0.5, 0.5], [0.5, 0.500001]) }
        guard case .notNormalized(let a, let s, let t)? = e else { Issue.record("wrong error \(String(describing: e))"); return }
        #expect(a == "Q" && abs(s - 1.000001) < 1e-15 && t == 1e-9)
        #expect(e?.description.hasPrefix("Q sums to 1.000001, not 1 (off by 1e-6; tolerance 1e-9)") == true)
        // Within the tolerance is accepted and used as given (no renormalisation).
        #expect((try? entropy([0.5, 0.5 + 5e-10])) != nil)
        #expect(failure { try entropy([0.5, 0.48]) }?.description.hasPrefix("P sums to 0.98, not 1 (off by 0.02; tolerance 1e-9)") == true)
    }

    @Test func raggedAndNonSquareTablesAreRejected() {
        let e = failure { try mutualInformation([[0.25, 0.25], [0.5]]) }
        #expect(e == .raggedTable(argument: "PXY", row: 1, count: 1, expected: 2))
        #expect(e?.description == "PXY row 1 has 1 columns but row 0 has 2; a joint table must be rectangular (differ by 1)")
        #expect(failure { try MultivariateNormal(mean: [0, 0], covariance: [[1, 0, 0], [0, 1, 0]]) } != nil)
        #expect(failure { try jointEntropy([[0.5, 0.5], [0.1, 0.1]]) } == .notNormalized(argument: "PXY", sum: 1.2, tolerance: 1e-9))
        #expect(failure { try jointEntropy([[0.5, -0.5], [0.5, 0.5]]) } == .negative(argument: "PXY[0]", index: 1, value: -0.5))
    }

    @Test func badParametersAreRejected() throws {
        #expect(failure { try softmax([1, 2], temperature: -1) } == .invalidParameter(name: "temperature", value: -1,
                requirement: "≥ 0 (0 gives the one-hot limit, +∞ the uniform one)"))
        #expect(failure { try entropyFromLogits([1, 2], temperature: .nan) } != nil)
        #expect(failure { try Normal(mean: 0, standardDeviation: 0) } == .invalidParameter(name: "standardDeviation", value: 0, requirement: "finite and > 0"))
        #expect(failure { try Normal(mean: 0, standardDeviation: -2) }?.description == "standardDeviation is -2; it must be finite and > 0")
        #expect(failure { try Normal(mean: .nan, standardDeviation: 1) } != nil)
        #expect(failure { try Normal(mean: 0, variance: 0) } != nil)
        #expect(failure { try Uniform(lower: 1, upper: 1) } != nil)
        #expect(failure { try Exponential(rate: .infinity) } != nil)
        #expect(failure { try Gamma(shape: 0, scale: 1) } != nil)
        #expect(failure { try Beta(alpha: 1, beta: -1) } != nil)
        #expect(failure { try Laplace(location: 0, scale: 0) } != nil)
        #expect(failure { try renyiEntropy([1], alpha: -0.5) } != nil)
        #expect(failure { try tsallisEntropy([1], q: .infinity) } != nil)
        #expect(failure { try binaryEntropy(1.5) }?.description == "p is 1.5; it must be in [0, 1] (above 1 by 0.5)")
        #expect(failure { try bernoulliKL(0.5, -0.1) } != nil)
        #expect(failure { try gaussianChannelCapacity(signalPower: 1, noisePower: 0) } != nil)
        #expect(failure { try binomialEntropy(trials: -3, probability: 0.5) } != nil)
        #expect(failure { try binomialEntropy(trials: Int.max, probability: 0.5) } != nil)
        // Huge n with a window near n: no Int conversion trap, a small exact window is summed.
        let nearN = try binomialEntropy(trials: 1 << 53, probability: 1 - 0x1p-40)
        #expect(abs(nearN - (try poissonEntropy(rate: 0x1p13))) < 1e-9)
        #expect(failure { try binomialEntropy(trials: Int.max, probability: 1e-30) } == .tooLarge(argument: "trials", size: Int.max, limit: 1 << 53))
        #expect(failure { try integrate(from: 0, to: 1, maxIntervals: 0) { $0 } } != nil)
        #expect(failure { try poissonEntropy(rate: 1e30) } != nil)
        // Issue 17: past ~5e35 both window ends rounded to one Double and Int(hiD) trapped.
        for rate in [5e35, 1e36, 1e300, Double.greatestFiniteMagnitude] {
            guard case .tooLarge(argument: "rate", _, _)? = failure({ try poissonEntropy(rate: rate) }) else {
                Issue.record("poissonEntropy(rate: \(rate)) should be too large"); continue
            }
        }
        #expect(failure { try poissonEntropy(rate: .infinity) } != nil)
        #expect(failure { try poissonEntropy(rate: .nan) } != nil)
        #expect(failure { try poissonEntropy(rate: 0) } != nil)
        #expect(failure { try distillationLoss(student: [1], teacher: [1], temperature: 0) } != nil)
        var g = SeededGenerator(seed: 1)
        #expect(failure { try g.dirichlet([1, 0]) } != nil)
        #expect(failure { try g.dirichlet(count: 0) } != nil)
        #expect(failure { try MultivariateNormal(mean: [0, 0], covariance: [[1, 2], [2, 1]]) } != nil)
        #expect(failure { try MultivariateNormal(mean: [0, 0], covariance: [[1, 0.5], [0.4, 1]]) } != nil)
        #expect(failure { try integrate(from: 0, to: 1) { _ in Double.nan } } != nil)
        #expect(failure { try integrate(from: .nan, to: 1) { $0 } } != nil)
    }

    @Test func crossEntropyLossInputsAreChecked() {
        let logits: [[Double]] = [[1, 2, 3], [0, 0, 0]]
        #expect(failure { try crossEntropyLoss(logits: logits, targets: .classIndices([3, 0])) }
                == .indexOutOfRange(argument: "targets", position: 0, value: 3, validRange: "0..<3 (or the ignore index -100)"))
        #expect(failure { try crossEntropyLoss(logits: logits, targets: .classIndices([0])) } != nil)
        #expect(failure { try crossEntropyLoss(logits: logits, targets: .classIndices([0, 1]), weights: [1, 1]) } != nil)
        #expect(failure { try crossEntropyLoss(logits: logits, targets: .classIndices([0, 1]), labelSmoothing: 1.5) } != nil)
        #expect(failure { try crossEntropyLoss(logits: logits, targets: .probabilities([[1, 0, 0], [0.5, 0.6, 0]])) } != nil)
        #expect(failure { try crossEntropyLoss(logits: [[1, 2], [1]], targets: .classIndices([0, 0])) } != nil)
        #expect(failure { try crossEntropyLoss(logits: [[1, .nan]], targets: .classIndices([0])) } != nil)
    }

    @Test func allMaskedLogitsHaveNoSoftmax() throws {
        let z = [-Double.infinity, -.infinity]
        #expect(try logSumExp(z) == -.infinity)
        #expect(failure { try softmax(z) } == .allMasked(argument: "Z"))
        #expect(failure { try entropyFromLogits(z) } == .allMasked(argument: "Z"))
    }
}

@Suite struct Conventions {
    @Test func zeroTimesLogZeroIsZero() throws {
        #expect(try entropy([0, 1, 0]) == 0)
        #expect(try crossEntropy([0, 1], [0, 1]) == 0)
        #expect(try klDivergence([0, 1], [0, 1]) == 0)
        #expect(try klDivergence([0, 1], [0.5, 0.5]) == log(2.0))
        #expect(try binaryEntropy(0) == 0)
        #expect(try binaryEntropy(1) == 0)
    }

    @Test func missingSupportGivesInfinity() throws {
        #expect(try klDivergence([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try crossEntropy([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try informationContent(0) == .infinity)
        #expect(try bernoulliKL(0.5, 0) == .infinity)
        #expect(try bernoulliKL(0, 1) == .infinity)
        #expect(try klDivergenceFromLogits([0, 0], [0, -.infinity]) == .infinity)
        // JS divergence stays finite: M covers both supports.
        #expect(abs(try jsDivergence([1, 0], [0, 1]) - log(2.0)) <= 1e-16)
        #expect(try jsDistance([1, 0], [0, 1], base: .bits) == 1)
    }

    @Test func oneElementTinyAndDenormalEntries() throws {
        #expect(try entropy([1]) == 0)
        #expect(try perplexity([1]) == 1)
        let tiny = [1e-300, 1 - 1e-300]
        #expect(abs(try entropy(tiny) - 1e-300 * 300 * log(10.0)) <= (1e-300 * 1e-10))
        let denormal = [Double.leastNonzeroMagnitude, 1.0]
        #expect(try entropy(denormal) >= 0)
        #expect(try klDivergence([1e-300, 1 - 1e-300], [1 - 1e-300, 1e-300]) > 600)
        #expect(abs(try binaryEntropy(1e-300) - 1e-300 * (690.7755278982137 + 1)) <= (1e-300 * 1e-12))
        #expect(try klDivergence([Double.leastNonzeroMagnitude, 1], [1, Double.leastNonzeroMagnitude]).isInfinite == false)
    }

    @Test func temperatureLimits() throws {
        let z = [1.0, 3, 3, -2]
        #expect(try softmax(z, temperature: 0) == [0, 0.5, 0.5, 0])
        #expect(try softmax(z, temperature: .infinity) == [0.25, 0.25, 0.25, 0.25])
        #expect(try softmax([1, -.infinity, 2], temperature: .infinity) == [0.5, 0, 0.5])
        #expect(abs(try entropyFromLogits(z, temperature: 0) - log(2.0)) <= 1e-16)
        #expect(try softmax([1, .infinity, .infinity]) == [0, 0.5, 0.5])
        #expect(try logSumExp([1, .infinity]) == .infinity)
        let l = try logSoftmax(z, temperature: 0)
        #expect(l[0] == -.infinity && l[1] == -log(2.0))
        // Tiny but positive temperatures approach the one-hot limit without overflow.
        let p = try softmax([1000, 999], temperature: 1e-300)
        #expect(p == [1, 0])
        #expect(try softmax([1e308, -1e308]) == [1, 0])
    }

    @Test func logSumExpIsStable() throws {
        #expect(try logSumExp([1000, 1000]) == 1000 + log(2.0))
        #expect(try logSumExp([-1000, -1000]) == -1000 + log(2.0))
        #expect(try logSumExp([0, -800]) == 0)
        #expect(abs(try logSumExp([0, -40]) - 4.248354255291589e-18) <= 1e-33)
    }

    @Test func crossEntropyLossFollowsPyTorch() throws {
        // Values checked against torch.nn.functional.cross_entropy semantics (see golden cases too).
        let logits: [[Double]] = [[2, 0, -1], [0.5, 0.5, 0.5]]
        let allIgnored = try crossEntropyLoss(logits: logits, targets: .classIndices([-100, -100])).scalar
        #expect(allIgnored?.isNaN == true)  // 0/0, as PyTorch
        let none = try crossEntropyLoss(logits: logits, targets: .classIndices([0, -100]), reduction: .none)
        #expect(none.values.count == 2 && none.values[1] == 0)
        #expect(none.scalar == nil)
        let single = try crossEntropyLoss(logits: [2, 0, -1], target: 0)
        #expect(abs(single - (try logSumExp([2, 0, -1]) - 2)) <= 1e-15)
        // A zero class weight and a masked class do not make 0·∞ = NaN.
        let masked = try crossEntropyLoss(logits: [[0, -.infinity]], targets: .classIndices([0]), weights: [1, 0],
                                          labelSmoothing: 0.1)
        #expect(masked.scalar == 0)
    }

    @Test func nearlyEqualDistributionsKeepRelativeAccuracy() throws {
        // KL ≈ ½ Σ (Δ²/p) for tiny perturbations: the g-form keeps every digit.
        let p = [0.25, 0.25, 0.5]
        let d = 0x1p-30  // exactly representable perturbation, so Σq = 1 exactly
        let q = [0.25 + d, 0.25 - d, 0.5]
        let kl = try klDivergence(p, q)
        let expected = 4 * d * d  // Σ Δ²/(2p); the cubic terms cancel, the quartic is 1e-18 relative
        #expect(abs(kl - expected) <= 1e-12 * expected)
        #expect(try klDivergence(p, p) == 0)
        let e = 0x1p-33
        let n = klDivergence(try Normal(mean: 0, standardDeviation: 1), try Normal(mean: 0, standardDeviation: 1 + e))
        #expect(abs(n - e * e) <= 1e-9 * e * e)
    }

    @Test func unitsConvertConsistently() throws {
        let p = [0.1, 0.2, 0.7]
        let nats = try entropy(p)
        #expect(abs(try entropy(p, base: .bits) - nats / log(2.0)) <= 1e-15)
        #expect(abs(try entropy(p, base: .bans) - nats / log(10.0)) <= 1e-15)
        #expect(LogBase.bits.toNats(LogBase.bits.fromNats(nats)) - nats <= 1e-15)
        #expect(try informationContent(0.5, base: .bits) == 1)
        #expect(abs(try gaussianChannelCapacity(bandwidth: 3000, signalToNoise: 1000, base: .bits) - 3000 * log2(1001.0)) <= 1e-9)
    }

    @Test func normalizedIsTheExplicitRenormalisation() throws {
        let p = try normalized([1, 2, 5])
        #expect(p == [0.125, 0.25, 0.625])
        #expect(failure { try normalized([0, 0]) } == .zeroMass(argument: "P"))
        let huge = try normalized([1e308, 1e308])
        #expect(huge == [0.5, 0.5])
    }

    @Test func messagesFormatNumbersReadably() {
        #expect(formatNumber(1e-9) == "1e-9")
        #expect(formatNumber(0.02, significant: 3) == "0.02")
        #expect(formatNumber(2) == "2")
        #expect(formatNumber(-.infinity) == "−∞")
        #expect(InfoTheoryError.tooLarge(argument: "P", size: 10, limit: 4).description.contains("over by 6"))
    }
}
