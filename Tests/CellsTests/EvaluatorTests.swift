import Testing
import Diagnostics
@testable import Cells

@Suite struct EvaluatorTests {
    @Test func arithmeticAndBroadcasting() {
        #expect(number("1 + 2 * 3 ^ 2") == 19)
        #expect(number("-2 ^ 2") == -4)
        #expect(number("2 ^ 3 ^ 2") == 512)
        #expect(number("2 ** 3") == 8)
        #expect(vector("[1, 2, 3] * 2 + 1") == [3, 5, 7])
        #expect(vector("1 / [1, 2, 4]") == [1, 0.5, 0.25])
        #expect(vector("[1, 2] + [10, 20]") == [11, 22])
        #expect(vector("[1, 2, 3]^2") == [1, 4, 9])
        #expect(firstError("[1, 2] + [1, 2, 3]")?.code == .shape)
        #expect(text("[[1, 2], [3, 4]] * 2") == "[[2, 4], [6, 8]]")
    }

    @Test func indexingIsZeroBased() {
        #expect(number("v = [10, 20, 30]\nv[0]") == 10)
        #expect(number("M = [[1, 2], [3, 4]]\nM[1, 0]") == 3)
        #expect(number("M = [[1, 2], [3, 4]]\nM[1][1]") == 4)
        let error = firstError("v = [10, 20, 30]\nv[3]")
        #expect(error?.code == .index)
        #expect(error?.message.contains("indices start at 0") == true)
        #expect(error?.location?.line == 2 && error?.location?.column == 3)
        #expect(firstError("v = [1]\nv[0.5]")?.code == .index)
    }

    @Test func comprehensionsFunctionsAndLambdas() {
        #expect(vector("[t^2 for t in [1, 2, 3]]") == [1, 4, 9])
        #expect(vector("[t for t in range(10) if t > 6]") == [7, 8, 9])
        #expect(number("f(x) = x^2 + 1\nf(3)") == 10)
        #expect(number("g = x -> 2 * x\ng(4)") == 8)
        #expect(number("g = x → 2 * x\ng(4)") == 8)
        #expect(number("add = (a, b) -> a + b\nadd(2, 3)") == 5)
        #expect(vector("map(x -> x + 1, [1, 2])") == [2, 3])
        #expect(vector("filter(x -> x > 1, [1, 2, 3])") == [2, 3])
        #expect(number("twice(f, x) = f(f(x))\ntwice(x -> x * 3, 2)") == 18)
        #expect(number("fact(n) = n <= 1 and true or false\n1") == 1)
        #expect(number("a = 2\nscale(x) = a * x\nscale(5)") == 10)
        #expect(number("make(k) = x -> k * x\ntriple = make(3)\ntriple(4)") == 12)
        #expect(text("[[i, i^2] for i in [1, 2]]") == "[[1, 1], [2, 4]]")
    }

    @Test func builtinsOverVectors() {
        #expect(vector("linspace(0, 1, 5)") == [0, 0.25, 0.5, 0.75, 1])
        #expect(vector("range(3)") == [0, 1, 2])
        #expect(vector("range(1, 2, 0.25)") == [1, 1.25, 1.5, 1.75])
        #expect(number("argmax([1, 5, 5, 2])") == 1)
        #expect(number("argmin([3, 1, 1])") == 1)
        #expect(number("min([3, 1, 2])") == 1)
        #expect(number("max(3, 7, 2)") == 7)
        #expect(number("len([1, 2, 3])") == 3)
        #expect(number("sum([0.1, 0.2, 0.3])") == 0.6)
        #expect(number("mean([1, 2, 3, 4])") == 2.5)
        #expect(vector("abs([-1, 2])") == [1, 2])
        #expect(close(vector("exp(log([1, 2]))")?.last, 2))
        #expect(vector("sqrt([4, 9])") == [2, 3])
        #expect(vector("normalize([1, 1, 2])") == [0.25, 0.25, 0.5])
        #expect(text("outer([1, 2], [3, 4])") == "[[3, 4], [6, 8]]")
        #expect(text("diag([1, 2])") == "[[1, 0], [0, 2]]")
        #expect(text("matmul([[1, 2], [3, 4]], [1, 1])") == "[3, 7]")
        #expect(text("transpose([[1, 2], [3, 4]])") == "[[1, 3], [2, 4]]")
        #expect(number("pi") == Double.pi)
    }

    @Test func booleansStringsAndComparisons() {
        #expect(text("1 < 2 and not (2 < 1)") == "true")
        #expect(text("1 < 2 < 3") == "true")
        #expect(text("3 > 2 > 5") == "false")
        #expect(text("\"a\" + \"b\"") == "ab")
        #expect(text("[1, 2] == [1, 2]") == "true")
        #expect(text("true or false") == "true")
        #expect(firstError("1 and true")?.code == .type)
    }

    @Test func notebookSemanticsAcrossCells() {
        var notebook = Notebook(file: "n.md")
        let first = notebook.run(CellSource(code: "P = [0.5, 0.5]  # a comment\n// another\nx = 3", file: "n.md", firstLine: 5))
        #expect(first.events.isEmpty)   // assignments produce no output
        let second = notebook.run(CellSource(code: "H(P) in bits\nx + 1", file: "n.md", firstLine: 20))
        #expect(second.outputs.map { $0.value.text() } == ["1 bit", "4"])
        #expect(second.outputs.map(\.location.line) == [20, 21])
    }

    @Test func runtimeErrorStopsTheCellButKeepsEarlierBindings() {
        var notebook = Notebook(file: "n.md")
        let result = notebook.run(CellSource(code: "a = 1\nb = nope\nc = 3", file: "n.md"))
        #expect(result.diagnostics.count == 1)
        #expect(result.exitCode == 1)
        #expect(!result.hasSyntaxError)
        let later = notebook.run(CellSource(code: "a\nc", file: "n.md"))
        #expect(later.outputs.first?.value.text() == "1")
        #expect(later.diagnostics.first?.message == "unknown name 'c'")
    }

    @Test func tupleUnpacking() {
        #expect(text("PX, PY = marginals([[0.1, 0.2], [0.3, 0.4]])\nPY") == "[0.4, 0.6]")
        #expect(firstError("a, b = [1, 2, 3]")?.code == .shape)
    }
}

@Suite struct UnitTests {
    @Test func resultsCarryUnits() {
        #expect(text("H([0.5, 0.5])") == "0.693147 nats")
        #expect(text("H([0.5, 0.5], base: 2)") == "1 bit")
        #expect(text("H([0.5, 0.5]) in bits") == "1 bit")
        #expect(text("H([0.25, 0.25, 0.25, 0.25]) in bits") == "2 bits")
        #expect(text("H([0.5, 0.5], base: 10) in nats") == "0.693147 nats")
        #expect(text("H([0.5, 0.5]) in bans") == "0.30103 bans")
        #expect(text("2 * H([0.5, 0.5]) in bits") == "2 bits")
        #expect(text("H([0.5, 0.5]) / H([0.5, 0.5])") == "1")
    }

    @Test func mixingUnitsIsAnError() {
        let e = firstError("P = [0.5, 0.5]\ncheck H(P) ≈ H(P) in bits")
        #expect(e?.code == .unit)
        #expect(e?.message == "cannot compare nats with bits")
        #expect(firstError("P = [0.5, 0.5]\nH(P) + H(P) in bits")?.code == .unit)
        #expect(firstError("3 in bits")?.code == .unit)
        #expect(firstError("H([1], base: 3)")?.code == .argument)
    }
}

@Suite struct ConditionalTests {
    @Test func ifThenElseChoosesOneBranch() {
        #expect(number("f(x) = if x > 0 then x else -x\nf(-3)") == 3)
        #expect(number("fact(n) = if n <= 1 then 1 else n * fact(n - 1)\nfact(10)") == 3628800)
        // The other branch is not evaluated (no division by zero).
        #expect(number("x = 0\nif x == 0 then 1 else 1 / x") == 1)
        #expect(vector("[if t > 1 then 1 else 0 for t in range(4)]") == [0, 0, 1, 1])
        #expect(firstError("if 1 then 2 else 3")?.code == .type)
        #expect(firstError("if true 2 else 3")?.hint == "write: if x > 0 then x else -x")
        #expect(firstError("fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\nfib(40)", limits: Limits(steps: 100_000))?.code == .stepLimit)
    }
}

@Suite struct ShadowingTests {
    @Test func globalsMayReuseBuiltinNames() {
        var notebook = Notebook(file: "n.md")
        _ = notebook.run(CellSource(code: "x = len([1, 2])", file: "n.md"))
        let result = notebook.run(CellSource(code: "k1 = [1, 2]\nk1[1]\nsum = 3\nsum + x\npi = 4\npi", file: "n.md"))
        #expect(result.outputs.map { $0.value.text() } == ["2", "5", "4"])
    }
}
