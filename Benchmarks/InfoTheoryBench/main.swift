import Foundation
import InfoTheory

// Release-mode benchmark of the InfoTheory hot paths, run by scripts/bench-infotheory next to
// the NumPy/SciPy peer on the same data:
//   swift run -c release InfoTheoryBench DATA_DIR
// DATA_DIR comes from `scripts/infotheory/bench_peer.py prepare`: p.bin, q.bin (10⁷ doubles),
// z.bin (10⁶ logits), acc_*.bin vectors and references.json (mpmath sums as double-doubles).
// Writes DATA_DIR/OUTPUT_NAME (default swift.json) for the combined report.

func readDoubles(_ path: String) throws -> [Double] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let count = data.count / MemoryLayout<Double>.size
    var out = [Double](repeating: 0, count: count)
    out.withUnsafeMutableBytes { dst in
        data.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[0..<(count * 8)])) }
    }
    // The files are little-endian; so is every platform Swift runs this on, but be explicit.
    return out.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
}

/// Best wall time of `repeat` runs, in seconds. `sink` keeps the optimiser from dropping work.
nonisolated(unsafe) var sink = 0.0
func best(_ repeatCount: Int, _ body: () throws -> Double) rethrows -> Double {
    let clock = ContinuousClock()
    var bestTime = Double.infinity
    for _ in 0..<repeatCount {
        var value = 0.0
        let d = try clock.measure { value = try body() }
        sink += value
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        bestTime = min(bestTime, seconds)
    }
    return bestTime
}

/// |got − (hi + lo)| in ulps of the reference.
func ulpError(_ got: Double, _ ref: [Double]) -> Double {
    let hi = ref[0], lo = ref.count > 1 ? ref[1] : 0
    return abs((got - hi) - lo) / hi.ulp
}

struct Reference: Decodable { let n: Int; let trial: Int; let file: String; let entropy: [Double]; let sum: [Double] }
struct References: Decodable { let seed: Int; let cases: [Reference] }

let arguments = CommandLine.arguments
guard arguments.count == 2 || arguments.count == 3 else {
    print("usage: InfoTheoryBench DATA_DIR [OUTPUT_NAME]   (prepare DATA_DIR with scripts/infotheory/bench_peer.py prepare)")
    exit(2)
}
let dir = arguments[1]
let outputName = arguments.count == 3 ? arguments[2] : "swift.json"
do {
    let p = try readDoubles("\(dir)/p.bin"), q = try readDoubles("\(dir)/q.bin"), z = try readDoubles("\(dir)/z.bin")
    // Best of many runs: the machine is shared, and the minimum is the least disturbed figure.
    let runs = 15
    print("Speed (best of \(runs) runs; input validation included):")
    let tEntropy = try best(runs) { try entropy(p) } / Double(p.count) * 1e9
    print(String(format: "  entropy  n = %d   %7.3f ns/element", p.count, tEntropy))
    let tKL = try best(runs) { try klDivergence(p, q) } / Double(p.count) * 1e9
    print(String(format: "  kl       n = %d   %7.3f ns/element", p.count, tKL))
    let tSoftmax = try best(runs) { try softmax(z)[0] } / Double(z.count) * 1e9
    print(String(format: "  softmax  n = %d    %7.3f ns/element", z.count, tSoftmax))

    let refs = try JSONDecoder().decode(References.self, from: Data(contentsOf: URL(fileURLWithPath: "\(dir)/references.json")))
    var rows: [[String: Any]] = []
    print("Accuracy: max |error| in ulps against the mpmath 50-digit reference")
    print("  quantity          n  trials  InfoTheory  reduce(0,+)")
    for n in Array(Set(refs.cases.map(\.n))).sorted() {
        let cases = refs.cases.filter { $0.n == n }
        var oursH = 0.0, plainH = 0.0, oursS = 0.0, plainS = 0.0
        for c in cases {
            let v = try readDoubles("\(dir)/\(c.file)")
            oursH = max(oursH, ulpError(try entropy(v), c.entropy))
            let plain = v.map { $0 > 0 ? -$0 * log($0) : 0 }.reduce(0, +)
            plainH = max(plainH, ulpError(plain, c.entropy))
            oursS = max(oursS, ulpError(compensatedSum(v), c.sum))
            plainS = max(plainS, ulpError(v.reduce(0, +), c.sum))
        }
        for (quantity, ours, plain) in [("entropy", oursH, plainH), ("sum", oursS, plainS)] {
            let label = quantity.padding(toLength: 8, withPad: " ", startingAt: 0)
            print("  \(label)" + String(format: " %9d  %6d  %10.3f  %11.3f", n, cases.count, ours, plain))
            rows.append(["quantity": quantity, "n": n, "trials": cases.count, "ours": ours, "plain": plain])
        }
    }
    let json: [String: Any] = ["speed": ["entropy": tEntropy, "kl": tKL, "softmax": tSoftmax], "accuracy": rows]
    let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: "\(dir)/\(outputName)"))
    if sink.isNaN { print("(sink)") }
} catch {
    print("InfoTheoryBench: \(error)")
    exit(1)
}
