import Diagnostics
@testable import Cells

/// Runs `code` as one cell of a fresh notebook in `note.md`.
func run(_ code: String, firstLine: Int = 1, columnOffset: Int = 0, tolerance: Double? = nil, limits: Limits = Limits()) -> CellResult {
    var notebook = Notebook(file: "note.md", tolerance: tolerance, limits: limits)
    return notebook.run(CellSource(code: code, file: "note.md", firstLine: firstLine, columnOffset: columnOffset))
}

/// The single output value of `code`, as a number.
func number(_ code: String) -> Double? {
    let result = run(code)
    guard result.diagnostics.isEmpty, case .number(let x, _)? = result.outputs.last?.value else { return nil }
    return x
}

func vector(_ code: String) -> [Double]? {
    let result = run(code)
    guard result.diagnostics.isEmpty, case .vector(let v, _)? = result.outputs.last?.value else { return nil }
    return v
}

func text(_ code: String) -> String? {
    run(code).outputs.last?.value.text()
}

func firstError(_ code: String, limits: Limits = Limits()) -> Diagnostic? {
    run(code, limits: limits).diagnostics.first
}

func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol * max(1, abs(b))
}

func allPassed(_ result: CellResult) -> Bool {
    result.claims.allSatisfy { $0.passed }
}
