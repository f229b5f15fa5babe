import Cells

/// The cell language: lexing, parsing and evaluating, under small limits so each input is quick.
func fuzzCells(_ bytes: [UInt8]) {
    let limits = Limits(steps: 20_000, vectorLength: 5_000, recursionDepth: 32, forallCases: 50,
                        noteNumbers: 50_000, noteSteps: 100_000)
    _ = Notebook.evaluate(String(decoding: bytes, as: UTF8.self), limits: limits)
}
