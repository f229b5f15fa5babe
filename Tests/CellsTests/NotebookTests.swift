import Testing
import Diagnostics
@testable import Cells

@Suite struct NotebookTests {
    @Test func inlineValuesUseTheNotesEnvironment() {
        var notebook = Notebook(file: "n.md")
        _ = notebook.run(CellSource(code: "P = [0.5, 0.25, 0.25]", file: "n.md"))
        let here = SourceLocation(file: "n.md", line: 30, column: 12)
        #expect(notebook.evaluateInline("H(P)", at: here).text == "1.03972 nats")
        #expect(notebook.evaluateInline("H(P) in bits", at: here).text == "1.5 bits")
        let bad = notebook.evaluateInline("H(Q)", at: here)
        #expect(bad.value == nil)
        #expect(bad.diagnostic?.location == SourceLocation(file: "n.md", line: 30, column: 14))
        #expect(notebook.evaluateInline("x = 1", at: here).diagnostic?.code == .inline)
        #expect(notebook.evaluateInline("1 +", at: here).diagnostic?.code == .syntax)
    }

    @Test func oneShotEvaluation() {
        let ok = Notebook.evaluate("H([0.5, 0.5]) in bits")
        #expect(ok.exitCode == 0)
        #expect(ok.outputs.first?.value.json() == "{\"type\": \"number\", \"value\": 1, \"unit\": \"bits\"}")
        #expect(Notebook.evaluate("check 1 > 2").exitCode == 1)
        #expect(Notebook.evaluate("nope(1)").exitCode == 1)
        #expect(Notebook.evaluate("1 +").exitCode == 2)
        #expect(Notebook.evaluate("x = 2; x * 3").outputs.first?.value.text() == "6")
    }

    @Test func theSameCellGivesByteIdenticalOutputTwice() {
        let code = """
            P = [0.5, 0.25, 0.25]
            Q = [0.4, 0.4, 0.2]
            H(P)
            KL(P ‖ Q) in bits
            forall A, B in simplex(4): check KL(A ‖ B) ≈ KL(B ‖ A)
            plot(linspace(0, 1, 5), [0, 1, 0, 1, 0], title: "zig")
            """
        func render(_ result: CellResult) -> String {
            result.events.map { event -> String in
                switch event {
                case .output(let o): return "\(o.location) \(o.value.text()) \(o.value.json())" + (o.value.plotSVG ?? "")
                case .claim(let c): return "\(c.location) \(c.passed) \(c.message) \(c.counterexample ?? "")"
                case .error(let d): return d.description
                }
            }.joined(separator: "\n")
        }
        let first = render(run(code)), second = render(run(code))
        #expect(first == second)
        #expect(first.contains("counterexample") || first.contains("false"))
    }

    @Test func variablesOfAJointTable() {
        let result = run("""
            J = [[0.20, 0.05, 0.15], [0.05, 0.35, 0.20]]
            X, Y = variables(J)
            check I(X; Y) ≈ H(X) - H(X | Y)
            check I(X; Y) ≈ H(X) + H(Y) - H(X, Y)
            check I(X; Y) ≈ I(J)
            check I(Y; X) ≈ I(J)
            check H(X | Y) ≈ conditional_entropy(J)
            check H(Y | X) ≈ conditional_entropy(J, given: "X")
            check H(J, given: "y") ≈ H(X | Y)
            check H(X, Y) ≈ joint_entropy(J)
            check I(J, method: "conditional") ≈ I(J, method: "sum")
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.claims.count == 9)
        #expect(allPassed(result), "\(result.claims.map(\.message))")
        #expect(firstError("I([0.5, 0.5]; [0.5, 0.5])")?.hint == "X, Y = variables(J), then I(X; Y)")
    }
}

extension DisplayValue {
    var plotSVG: String? { if case .plot(let p) = self { p.svg() } else { nil } }
}
