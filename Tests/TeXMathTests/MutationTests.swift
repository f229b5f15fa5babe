import InfoTheory
import Testing
@testable import TeXMath

/// A bounded, seeded, in-process fuzz run: mutations of the snapshot corpus through the
/// same entry point as `Fuzz/QEDFuzz/TargetTeX.swift`. It asserts no trap (a trap would
/// end the test process), well-formed XML and diagnostics inside the formula.
struct MutationTests {

    /// Tokens of the grammar, spliced in to reach error paths quickly.
    static let dictionary: [String] = [
        "\\left", "\\right", "\\middle|", "{", "}", "[", "]", "^", "_", "'", "&", "\\\\", "\\begin{matrix}",
        "\\end{matrix}", "\\begin{pmatrix}[", "\\begin{array}{c|l}", "\\newcommand{\\x}[1]{", "#1", "##",
        "\\def\\y#1{", "\\renewcommand", "%", "\\text{", "$", "\\ ", "\\\n", "\\frac", "\\sqrt[", "\\set{", "|",
        "\\Set{", "\\Braket{", "\\cancelto{", "\\small", "\\Huge", "\\widetilde{", "\\not", "\\operatorname*{",
        "\\color{red}", "\\tag{", "\\x", "\\y", "\\DeclareMathOperator", "\\lessdot", "\\hline", "\\limits", "\u{FFFF}",
        "中", "\u{0}", "\\", "\\mathbb{", "\\overbrace{", "\\over", "\\choose", "\\big(", "\\hspace{", "\\colorbox{red}{", "\\fcolorbox{",
        "\\xlongequal{", "\\overparen{", "\\DeclareMathOperator*{\\op}{",
    ]

    static func mutate(_ input: [UInt8], corpus: [[UInt8]], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator)
            case 1:
                let token = dictionary[Int.random(in: 0..<dictionary.count, using: &generator)]
                bytes.insert(contentsOf: Array(token.utf8), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &generator))
                bytes.removeSubrange(min(position, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &generator)
                let end = min(bytes.count, start + Int.random(in: 1...16, using: &generator))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                let other = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
                let cut = other.isEmpty ? 0 : Int.random(in: 0...other.count, using: &generator)
                bytes.insert(contentsOf: other[cut...], at: position)
            default:
                bytes.append(contentsOf: Array(dictionary[Int.random(in: 0..<dictionary.count, using: &generator)].utf8))
            }
        }
        return bytes
    }

    @Test func mutatedCorpusNeverTrapsAndStaysWellFormed() throws {
        var corpus = try SnapshotTests.loadCases().cases.map { Array($0.tex.utf8) }
        corpus += [
            "\\newcommand{\\RR}{\\mathbb{R}} \\RR^n", "\\def\\sq#1{#1^2}\\sq{x}", "\\set{x | x>0}",
            "\\Braket{\\phi|\\frac{A}{2}|\\psi}", "\\small a \\Large b", "\\text{100%}", "\\cancelto{0}{x}",
            "\\left( x \\middle| y \\right)", "\\begin{matrix}[r] a \\end{matrix}", "\\lessdot \\Cap \\AA",
        ].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x5EED_15)
        var macros = MathMacros()
        for iteration in 0..<2_500 {
            let seed = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
            let input = Self.mutate(seed, corpus: corpus, using: &generator)
            let tex = String(decoding: input, as: UTF8.self)
            if iteration % 100 == 0 { macros = MathMacros() }
            let conversion = converter.convert(tex, display: iteration % 2 == 0, macros: &macros)
            let count = tex.utf8.count
            #expect(xmlError(conversion.mathML) == nil, "not well-formed for \(Array(tex.utf8))")
            #expect(fuzzCheck(conversion, count: count), "bad diagnostic range for \(Array(tex.utf8))")
        }
    }

    /// The invariants the libFuzzer target asserts too.
    func fuzzCheck(_ conversion: MathConversion, count: Int) -> Bool {
        conversion.diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= count }
            && conversion.diagnostics.count <= Parser.maxDiagnostics + MacroExpander.maxDiagnosticsKept + 1
    }
}
