import Testing
import Diagnostics
@testable import Cells

@Suite struct SandboxTests {
    @Test func infiniteRecursionTripsTheDepthLimit() {
        let result = run("f(x) = f(x)\ny = 1\nf(1)", firstLine: 3)
        let d = result.diagnostics.first
        #expect(d?.code == .recursionLimit)
        // The runaway call is the one in f's body.
        #expect(d?.location?.line == 3)
        #expect(firstError("g(x) = 1 + 2 * [g(x)][0]\ng(1)")?.code == .recursionLimit)
        #expect(d?.hint == "f probably calls itself without stopping")
    }

    @Test func mutualRecursionToo() {
        #expect(firstError("a(x) = b(x)\nb(x) = a(x)\na(0)")?.code == .recursionLimit)
    }

    @Test func hugeVectorsTripTheLengthLimit() {
        #expect(firstError("linspace(0, 1, 1e12)")?.code == .lengthLimit)
        #expect(firstError("range(0, 1e15)")?.code == .lengthLimit)
        #expect(firstError("zeros(2e9)")?.code == .lengthLimit)
        #expect(firstError("outer(range(5000), range(5000))")?.code == .lengthLimit)
        #expect(firstError("linspace(0, 1, 11)", limits: Limits(vectorLength: 10))?.code == .lengthLimit)
    }

    @Test func longLoopsTripTheStepLimit() {
        let limits = Limits(steps: 100_000)
        #expect(firstError("[sum([t * s for s in range(1000)]) for t in range(1000)]", limits: limits)?.code == .stepLimit)
        #expect(firstError("[x for x in range(500000)]", limits: limits)?.code == .stepLimit)
        #expect(firstError("f(n) = [f(n - 1) for i in range(2)]\nf(30)")?.code != nil)
        #expect(firstError("forall(5000) x in interval(0, 1): check sum(range(100)) > 0", limits: limits)?.code == .stepLimit)
    }

    @Test func divisionByZeroAndDomainErrorsAreLocated() {
        let d = firstError("x = 0\ny = 1 / x")
        #expect(d?.code == .divisionByZero)
        #expect(d?.location?.line == 2 && d?.location?.column == 7)
        #expect(firstError("log(-1)")?.code == .domain)
        #expect(firstError("sqrt([1, -4])")?.message == "sqrt(-4) is undefined")
        #expect(firstError("(-8) ^ 0.5")?.code == .domain)
    }

    @Test func libraryErrorsCarryTheLibraryMessageAndPointAtTheArgument() {
        let d = firstError("bad = [0.5, 0.6]\nKL(bad ‖ [0.5, 0.5])")
        #expect(d?.code == .domain)
        #expect(d?.message == "KL: bad sums to 1.1, not 1 (off by 0.1; tolerance 1e-9)")
        #expect(d?.hint == "use normalize(bad) to renormalise explicitly")
        #expect(d?.location?.column == 4)
        #expect(firstError("H([0.5, -0.1, 0.6])")?.message.contains("must be ≥ 0") == true)
        #expect(firstError("softmax([1, 2], -1)")?.code == .domain)
    }

    @Test func limitsResetForEachCell() {
        var notebook = Notebook(file: "n.md", limits: Limits(steps: 2_000))
        for _ in 0..<5 {
            let result = notebook.run(CellSource(code: "sum(range(500))", file: "n.md"))
            #expect(result.diagnostics.isEmpty)
        }
    }
}

@Suite struct HostileInputTests {
    @Test func longOperatorChainsAreBounded() {
        let sum = Array(repeating: "1", count: 3000).joined(separator: " + ")
        let result = run(sum)
        #expect(result.outputs.first?.value.text() == "3000" || result.diagnostics.first?.code == .syntax)
        let huge = Array(repeating: "1", count: 200_000).joined(separator: "+")
        #expect(run(huge).diagnostics.first?.code == .syntax)
        let calls = "f(x) = x\nf" + String(repeating: "(1)", count: 50_000)
        #expect(run(calls).diagnostics.first != nil)
        let indices = "v = [1]\nv" + String(repeating: "[0]", count: 50_000)
        #expect(run(indices).diagnostics.first != nil)
    }

    @Test func deepExpressionsInsideRecursionHitTheDepthLimit() {
        let body = Array(repeating: "1", count: 300).joined(separator: " + ")
        let result = run("g(x) = \(body) + g(x)\ng(1)")
        #expect(result.diagnostics.first?.code == .recursionLimit)
    }
}

@Suite struct NaNTests {
    @Test func nanResultsAreLocatedErrors() {
        let d = firstError("x = inf\ny = x - x")
        #expect(d?.code == .nan)
        #expect(d?.message == "∞ - ∞ is not a number (NaN)")
        #expect(d?.location?.line == 2 && d?.location?.column == 7)
        #expect(firstError("[1, 2] * inf - inf")?.code == .nan)
        #expect(firstError("0 * inf")?.code == .nan)
    }
}
