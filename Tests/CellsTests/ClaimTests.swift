import Testing
import Diagnostics
@testable import Cells

@Suite struct ClaimTests {
    @Test func writtenPrecisionDecidesTheTolerance() {
        let result = run("""
            P = [0.5, 0.25, 0.25]
            check H(P) ≈ 1.04
            check H(P) ≈ 1.0397
            check H(P) ≈ 1.040
            check H(P) ≈ 1.05
            check H(P) ≈ 1.0398
            """)
        #expect(result.claims.map(\.passed) == [true, true, true, false, false])
        let failure = result.claims[3]
        #expect(failure.message.contains("1.03972 nats ≈ 1.05"))
        #expect(failure.message.contains("difference 0.0103"))
        #expect(failure.message.contains("tolerance 0.005"))
        #expect(failure.message.contains("half a unit in the last written digit"))
    }

    @Test func defaultToleranceIsRelativeOneInABillion() {
        let result = run("""
            check 1 + 1e-10 ≈ 1
            check 1 + 1e-8 ≈ 1
            check 0.1 + 0.2 ≈ 0.30000000000000004
            check 1e-13 ≈ 0
            """)
        #expect(result.claims.map(\.passed) == [true, false, true, true])
        #expect(result.claims[1].message.contains("relative tolerance 1e-9"))
    }

    @Test func perClaimOverrides() {
        let result = run("""
            check 1.001 ≈ 1 within 1e-2
            check 1.001 ≈ 1 within 1e-4
            check 1.3 ≈ 1.25 within ±0.1
            check 1.3 ≈ 1.25 within abs 0.01
            check 101 ≈ 100 within 2%
            check 1.04 ≈ 1.0397 within 1e-9
            """)
        #expect(result.claims.map(\.passed) == [true, false, true, false, true, false])
        #expect(result.claims[3].message.contains("absolute tolerance ±0.01"))
    }

    @Test func perNoteDefaultTolerance() {
        #expect(run("check 1.0001 ≈ 1", tolerance: 1e-3).claims.first?.passed == true)
        #expect(run("check 1.0001 ≈ 1").claims.first?.passed == false)
    }

    @Test func failedClaimIsLocatedAtItsLineAndColumnInTheFile() {
        let result = run("x = 2\n  check x ≥ 3", firstLine: 40, columnOffset: 3)
        let claim = result.claims.first
        #expect(claim?.passed == false)
        #expect(claim?.location == SourceLocation(file: "note.md", line: 41, column: 6))
        #expect(claim?.source == "check x ≥ 3")
        #expect(claim?.message == "2 ≥ 3 is false (difference -1)")
        #expect(claim?.diagnostic?.code == .claimFailed)
        #expect(claim?.diagnostic?.location == claim?.location)
        #expect(result.failed)
        #expect(result.exitCode == 1)
    }

    @Test func comparisonsAndBooleanCombinations() {
        let result = run("""
            check 1 < 2
            check 2 ≥ 2 and 3 != 4
            check 1 > 2 or 2 > 1
            check not (1 == 2)
            check 1 == 1 and 2 < 1
            check 1 > 2 or 3 > 4
            check not (1 < 2)
            check 0 ≤ 0.5 ≤ 1
            check [0.2, 0.8] ≥ 0
            check [0.2, -0.8] ≥ 0
            """)
        #expect(result.claims.map(\.passed) == [true, true, true, true, false, false, false, true, true, false])
        #expect(result.claims[4].message == "2 < 1 is false (difference 1)")
        #expect(result.claims[5].message.hasPrefix("neither side holds"))
        #expect(result.claims[9].message.hasPrefix("entry 1: -0.8 ≥ 0 is false"))
    }

    @Test func vectorApproximation() {
        let result = run("""
            check softmax([1, 1]) ≈ [0.5, 0.5]
            check [0.3333, 0.6667] ≈ [1/3, 2/3]
            check [0.30, 0.70] ≈ [1/3, 2/3]
            """)
        #expect(result.claims.map(\.passed) == [true, true, false])
        #expect(result.claims[2].message.hasPrefix("entry 0"))
    }

    @Test func successMessageIsShort() {
        let result = run("P = [0.5, 0.25, 0.25]\ncheck H(P) ≈ 1.0397")
        #expect(result.claims.first?.message == "1.03972 nats ≈ 1.0397")
    }

    @Test func claimMustBeBoolean() {
        #expect(firstError("check 3")?.hint == "compare it: check x ≈ 1.5, check x ≥ 0")
    }

    @Test func failingClaimDoesNotStopTheCell() {
        let result = run("check 1 > 2\nx = 5\nx")
        #expect(result.claims.count == 1)
        #expect(result.outputs.first?.value.text() == "5")
    }
}

@Suite struct ForallTests {
    @Test func plantedCounterexampleIsFoundAndShrunk() {
        let result = run("forall P, Q in simplex(3): check KL(P ‖ Q) ≈ KL(Q ‖ P)", firstLine: 7)
        let claim = result.claims.first
        #expect(claim?.passed == false)
        #expect(claim?.isProperty == true)
        #expect(claim?.location.line == 7)
        let example = claim?.counterexample ?? ""
        #expect(example.hasPrefix("P = ["))
        #expect(example.contains("Q = ["))
        // Shrunk toward short decimals.
        #expect(example.count < 60, "\(example)")
        #expect(claim?.message.contains("≈") == true)
        #expect(claim?.diagnostic?.detail?.hasPrefix("counterexample: P = [") == true)
    }

    @Test func trueIdentitiesHold() {
        let result = run("""
            forall P, Q in simplex(5): check H(P, Q) ≈ H(P) + KL(P ‖ Q)
            forall P, Q in simplex(4): check 0 ≤ JS(P ‖ Q) ≤ log(2)
            forall(300) P in simplex(3): check H(P) ≤ log(3) + 1e-12
            forall J in joint(2, 3): check I(J) ≥ 0
            forall z in logits(4), T in interval(0.1, 5): check entropy_from_logits(z, 1.5 * T) ≥ entropy_from_logits(z, T) - 1e-12
            forall k in range(1, 6): check k ≥ 1
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.claims.allSatisfy { $0.passed }, "\(result.claims.map(\.message))")
        #expect(result.claims.map(\.cases) == [100, 100, 300, 100, 100, 100])
    }

    @Test func sameInputSameResult() {
        let code = "forall x in interval(0, 10): check x < 9.5"
        let a = run(code).claims.first, b = run(code).claims.first
        #expect(a?.passed == false)
        #expect(a?.counterexample == b?.counterexample)
        #expect(a?.cases == b?.cases)
        #expect(a?.message == b?.message)
        // Shrinks toward a simple number.
        #expect(a?.counterexample == "x = 10")
    }

    @Test func errorsInACaseAreCounterexamples() {
        let result = run("forall x in interval(-1, 1): check log(x) < 10")
        #expect(result.claims.first?.passed == false)
        #expect(result.claims.first?.message.hasPrefix("error: log(") == true)
    }

    @Test func casesAreBounded() {
        #expect(firstError("forall(1000000) x in interval(0, 1): check x ≥ 0")?.code == .casesLimit)
        #expect(firstError("forall x in 3: check x ≥ 0")?.code == .type)
    }
}
