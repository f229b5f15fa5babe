import Diagnostics
import Testing
@testable import Cells

/// Inputs that trapped or passed vacuously before (issue 17), each pinned at its location.
@Suite struct EmptyComparisonTests {
    @Test(arguments: [
        ("[] < 1", 4, "the left side is an empty vector"),
        ("1 ≈ []", 3, "the right side is an empty vector"),
        ("[] ≈ 1", 4, "the left side is an empty vector"),
        ("check [] < []", 10, "both sides are empty vectors"),
        ("check [] ≈ [1, 2]", 10, "the left side is an empty vector"),
    ])
    func anEmptySideIsALocatedErrorNotATrapOrAPass(code: String, column: Int, says: String) {
        let result = run(code)
        #expect(result.claims.allSatisfy { !$0.passed })
        let error = result.diagnostics.first
        #expect(error?.code == .shape)
        #expect(error?.location?.column == column)
        #expect(error?.message.contains(says) == true)
    }

    @Test func aForallOverAnEmptyComparisonIsAnErrorToo() {
        let result = run("forall x in interval(0, 1): check [] < x")
        #expect(result.claims.count == 1)
        #expect(result.claims.first?.passed == false)
        #expect(result.claims.first?.message.contains("empty vector") == true)
    }
}

@Suite struct NoteBudgetTests {
    /// 200 cells each holding four zeros(1000000) took 6.3 GB: the note's total is bounded.
    @Test func manyCellsCannotAddUpPastTheNotesMemory() {
        var notebook = Notebook(file: "note.md", limits: Limits(noteNumbers: 10_000_000))
        var firstFailure: (cell: Int, diagnostic: Diagnostic)?
        for k in 0..<200 where firstFailure == nil {
            let code = (0..<4).map { "v\(k)_\($0) = zeros(1000000)" }.joined(separator: "\n")
            let result = notebook.run(CellSource(code: code, file: "note.md", firstLine: 10 * k + 1))
            if let d = result.diagnostics.first { firstFailure = (k, d) }
        }
        // 10 million numbers fit 2.5 cells: the third cell's third line is where it stops.
        #expect(firstFailure?.cell == 2)
        #expect(firstFailure?.diagnostic.code == .memoryLimit)
        #expect(firstFailure?.diagnostic.location?.line == 23)
        #expect(firstFailure?.diagnostic.message.contains("over the limit of 10000000") == true)
    }

    @Test func rebindingANameDoesNotCountTwice() {
        var notebook = Notebook(file: "note.md", limits: Limits(noteNumbers: 3_000_000))
        for k in 0..<20 {
            let result = notebook.run(CellSource(code: "v = zeros(1000000)\nw = zeros(1000000)", file: "note.md", firstLine: k))
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test func outputsCountTowardsTheNote() {
        var notebook = Notebook(file: "note.md", limits: Limits(noteNumbers: 2_500_000))
        let first = notebook.run(CellSource(code: "zeros(1000000)\nzeros(1000000)", file: "note.md"))
        #expect(first.diagnostics.isEmpty)
        let second = notebook.run(CellSource(code: "zeros(1000000)", file: "note.md", firstLine: 5))
        #expect(second.diagnostics.first?.code == .memoryLimit)
        #expect(second.diagnostics.first?.location?.line == 5)
    }

    @Test func theNotesStepsAreBounded() {
        var notebook = Notebook(file: "note.md", limits: Limits(noteSteps: 3_000_000))
        var failedAt: Int?
        for k in 0..<10 where failedAt == nil {
            let result = notebook.run(CellSource(code: "s = sum(range(1000000))", file: "note.md", firstLine: k + 1))
            if result.diagnostics.first?.code == .stepLimit { failedAt = k }
        }
        #expect(failedAt != nil && failedAt! <= 3)
    }
}
