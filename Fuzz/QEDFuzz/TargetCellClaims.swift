import Cells

/// Feeds arbitrary bytes to the cell language as one cell: the static claim finder (claims
/// of `skip` cells) and a bounded run (claims not run after an error). A crash is the failure signal.
func fuzzCellClaims(_ bytes: [UInt8]) {
    let code = String(decoding: bytes, as: UTF8.self)
    let cell = CellSource(code: code, file: "fuzz.md")
    _ = Notebook.claims(in: cell).count
    var notebook = Notebook(file: "fuzz.md", limits: Limits(steps: 100_000, vectorLength: 10_000, forallCases: 50))
    _ = notebook.run(cell).notRun.count
}
