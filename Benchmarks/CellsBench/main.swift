// Release-mode benchmark of the qed language: `swift run -c release CellsBench`.
// Prints cells per second for a typical 20-line cell, the cost of a 1,000-case forall, and
// the split between parsing and evaluation.
import Cells
import InfoTheory

let typicalCell = """
    P = [0.5, 0.25, 0.25]
    Q = [0.4, 0.4, 0.2]
    M = (P + Q) / 2
    H(P)
    H(P) in bits
    check H(P, Q) ≈ H(P) + KL(P ‖ Q)
    check KL(P ‖ Q) ≥ 0
    check KL(P ‖ Q) ≠ KL(Q ‖ P)
    check JS(P ‖ Q) ≈ 0.5 * KL(P ‖ M) + 0.5 * KL(Q ‖ M)
    z = [2.0, 1.0, 0.1, -1.0]
    softmax(z)
    check sum(softmax(z, 0.5)) ≈ 1
    f(T) = H(softmax(z, T))
    check f(2) > f(1)
    J = [[0.20, 0.05, 0.15], [0.05, 0.35, 0.20]]
    check I(J) ≈ H(marginal_x(J)) - conditional_entropy(J)
    xs = [f(T) for T in linspace(0.1, 5, 20)]
    check min(xs) ≥ 0
    check H(P) ≈ 1.04
    cross_entropy([[2.0, 1.0, 0.1]], [0], label_smoothing: 0.1)
    """

let forallCell = "forall(1000) P, Q in simplex(5): check H(P, Q) ≈ H(P) + KL(P ‖ Q)"

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

func measure(_ label: String, iterations: Int, _ body: () -> Void) -> Double {
    body()  // warm up
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<9 {
        let t = clock.measure { for _ in 0..<iterations { body() } }
        best = min(best, seconds(t) / Double(iterations))
    }
    return best
}

var sink = 0
// `--profile N`: just run the typical cell N times (for perf/instruction counts).
if let flag = CommandLine.arguments.firstIndex(of: "--profile"), flag + 1 < CommandLine.arguments.count,
   let n = Int(CommandLine.arguments[flag + 1]) {
    for _ in 0..<n { sink &+= Notebook.evaluate(typicalCell).events.count }
    print("ran \(n) cells (checksum \(sink))")
} else {
    runAll()
}

@MainActor
func runAll() {
    let check = Notebook.evaluate(typicalCell)
    precondition(!check.failed, "the benchmark cell must pass: \(check.diagnostics) \(check.claims.filter { !$0.passed })")
    precondition(typicalCell.split(separator: "\n").count == 20)

    let perCell = measure("cell", iterations: 500) {
        sink &+= Notebook.evaluate(typicalCell).events.count
    }
    print("typical 20-line cell: \(Int(1 / perCell)) cells/s (\(String(Int(perCell * 1e7)).paddedMicros) µs per cell)")

    let perHighlight = measure("highlight", iterations: 500) {
        sink &+= highlight(typicalCell).count
    }
    print("lex + highlight of the same cell: \(Int(1 / perHighlight)) cells/s")

    let forallResult = Notebook.evaluate(forallCell)
    precondition(forallResult.claims.first?.passed == true && forallResult.claims.first?.cases == 1000)
    let perForall = measure("forall", iterations: 20) {
        sink &+= Notebook.evaluate(forallCell).events.count
    }
    print("forall with 1,000 cases over simplex(5) (3 library calls per case): \(String(Int(perForall * 1e5)).paddedMillis) ms")

    let shrinkCell = "forall(1000) P, Q in simplex(5): check KL(P ‖ Q) ≈ KL(Q ‖ P)"
    let perShrink = measure("shrink", iterations: 20) {
        sink &+= Notebook.evaluate(shrinkCell).events.count
    }
    print("failing forall, found and shrunk: \(String(Int(perShrink * 1e5)).paddedMillis) ms")
    print("(checksum \(sink))")
}

extension String {
    /// "12345" tenths of a microsecond → "1234.5".
    var paddedMicros: String { count > 1 ? String(dropLast()) + "." + String(suffix(1)) : "0." + self }
    /// hundredths of a millisecond → "12.34".
    var paddedMillis: String {
        let padded = count < 3 ? String(repeating: "0", count: 3 - count) + self : self
        return String(padded.dropLast(2)) + "." + String(padded.suffix(2))
    }
}
