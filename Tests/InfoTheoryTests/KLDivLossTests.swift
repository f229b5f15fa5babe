import Foundation
import Testing
@testable import InfoTheory

/// PyTorch's `F.kl_div`: argument order, log input, every reduction, and bad input rejected
/// with the argument named.
@Suite struct KLDivLossTests {
    static let p = [[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]]
    static let q = [[0.4, 0.4, 0.2], [0.2, 0.5, 0.3]]
    static var logQ: [[Double]] { q.map { $0.map { log($0) } } }

    @Test func goldenCasesCoverEveryReduction() throws {
        let cases = try loadGoldenCases().filter { $0.fn.hasPrefix("klDivLoss") }
        let reductions = Set(cases.compactMap { $0.strings["reduction"] })
        #expect(reductions == Set(KLDivReduction.allCases.map(\.rawValue)))
        #expect(cases.contains { $0.strings["logTarget"] == "true" })
        #expect(cases.contains { $0.expected.contains(.infinity) })
    }

    @Test func batchmeanIsTheMeanKLPerSample() throws {
        let kl = try zip(Self.p, Self.q).map { try klDivergence($0, $1) }
        let batchmean = try #require(try klDivLoss(input: Self.logQ, target: Self.p, reduction: .batchmean).values.first)
        #expect(abs(batchmean - (kl[0] + kl[1]) / 2) < 1e-15)
        let sum = try #require(try klDivLoss(input: Self.logQ, target: Self.p, reduction: .sum).values.first)
        #expect(abs(sum - (kl[0] + kl[1])) < 1e-15)
        // PyTorch's default divides by every element (6), not by the batch (2).
        let mean = try #require(try klDivLoss(input: Self.logQ, target: Self.p).values.first)
        #expect(abs(mean - sum / 6) < 1e-16)
    }

    @Test func noneKeepsTheShapeAndZeroTargetsGiveZero() throws {
        let out = try klDivLoss(input: [[-1, -2], [-0.5, .infinity * -1]], target: [[0, 0.5], [1, 0]], reduction: .none)
        guard case .pointwise(let rows) = out else { Issue.record("expected pointwise"); return }
        #expect(rows.count == 2 && rows.allSatisfy { $0.count == 2 })
        #expect(rows[0][0] == 0)
        #expect(rows[1][1] == 0, "0 where the target is 0, even against −∞ (PyTorch: NaN)")
        #expect(abs(rows[0][1] - 0.5 * (log(0.5) + 2)) < 1e-16)
    }

    @Test func aVectorsBatchmeanDividesByItsLength() throws {
        let input = [-1.0, -0.5, -2.0], target = [0.2, 0.5, 0.3]
        let mean = try klDivLoss(input: input, target: target, reduction: .mean).values
        let batchmean = try klDivLoss(input: input, target: target, reduction: .batchmean).values
        #expect(mean == batchmean)
    }

    @Test func logTargetMatchesProbabilityTarget() throws {
        let logP = Self.p.map { $0.map { log($0) } }
        for reduction in KLDivReduction.allCases {
            let a = try klDivLoss(input: Self.logQ, target: Self.p, reduction: reduction).values
            let b = try klDivLoss(input: Self.logQ, target: logP, reduction: reduction, logTarget: true).values
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-15 * max(1, abs(x)), "\(reduction)") }
        }
    }

    @Test func minusInfinityInputUnderMassIsAnInfiniteLoss() throws {
        #expect(try klDivLoss(input: [-.infinity, 0], target: [0.5, 0.5], reduction: .sum).values == [.infinity])
        #expect(try klDivLoss(input: [-.infinity, 0], target: [0, 1], reduction: .sum).values == [0])
    }

    @Test func badInputIsRejectedNamingTheArgument() {
        func problem(_ body: () throws(InfoTheoryError) -> KLDivOutput) -> String {
            do { _ = try body(); return "" } catch { return error.problem }
        }
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [0, 0], target: [0.5, 0.25, 0.25]) }
            .contains("input has 2 entries but target has 3"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [[0, 0]], target: [[0.5, 0.5], [0.5, 0.5]]) }
            .contains("rows"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [[0, 0], [0]], target: [[1, 0], [1, 0]]) }
            .contains("row 1 has 1 columns"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [], target: []) } == "input is empty; it needs at least one entry")
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [[]], target: [[]]) }.contains("empty"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [.nan, 0], target: [0.5, 0.5]) }.hasPrefix("input[0] is NaN"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [0, .infinity], target: [0.5, 0.5]) }.hasPrefix("input[1] is +∞"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [0, 0], target: [-0.5, 1.5]) }.hasPrefix("target[0] is -0.5"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [0, 0], target: [.nan, 1]) }.hasPrefix("target[0] is NaN"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [0, 0], target: [800, 0], logTarget: true) }.hasPrefix("target[0] is 800"))
        #expect(problem { () throws(InfoTheoryError) in try klDivLoss(input: [[0, 0], [0, .nan]], target: [[1, 0], [1, 0]]) }
            .hasPrefix("input row 1[1] is NaN"))
    }

    @Test func overflowingTermsOfBothSignsAreAnErrorNotNaN() {
        #expect(throws: InfoTheoryError.self) {
            try klDivLoss(input: [-1e308, 1e308], target: [1e308, 1e308], reduction: .sum)
        }
    }
}
