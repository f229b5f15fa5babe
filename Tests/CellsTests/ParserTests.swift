import Testing
import Diagnostics
@testable import Cells

@Suite struct LexerTests {
    @Test func unicodeAndAsciiOperatorsLexAlike() throws {
        var unicode = Lexer("a ≈ b ≥ c ≤ d ≠ e → ‖")
        var ascii = Lexer("a ~= b >= c <= d != e -> ||")
        let u = try unicode.tokenize().map(\.kind)
        let a = try ascii.tokenize().map(\.kind)
        #expect(u == a)
    }

    @Test func writtenPrecisionOfLiterals() throws {
        var lexer = Lexer("1.04 2.5e-3 3 1.0")
        let kinds = try lexer.tokenize().map(\.kind)
        guard case .number(_, let h1?) = kinds[0], case .number(_, let h2?) = kinds[1],
              case .number(_, let h3) = kinds[2], case .number(_, let h4?) = kinds[3] else {
            Issue.record("unexpected tokens \(kinds)")
            return
        }
        #expect(abs(h1 - 0.005) < 1e-15)
        #expect(abs(h2 - 0.00005) < 1e-18)
        #expect(h3 == nil)
        #expect(abs(h4 - 0.05) < 1e-15)
    }

    @Test func positionsCountUnicodeScalars() throws {
        var lexer = Lexer("熵 = H(P)\n  KL")
        let tokens = try lexer.tokenize()
        #expect(tokens[1].span.column == 3)   // '='
        #expect(tokens[2].span.column == 5)   // 'H'
        let kl = tokens.first { $0.kind == .identifier && lexer.text($0.start, $0.end) == "KL" }
        #expect(kl?.span.line == 2)
        #expect(kl?.span.column == 3)
    }

    @Test func newlinesInsideBracketsContinueTheStatement() {
        let result = run("x = sum([1,\n  2,\n  3])\nx")
        #expect(result.diagnostics.isEmpty)
        #expect(result.outputs.first?.value.text() == "6")
    }
}

@Suite struct SyntaxErrorTests {
    @Test func syntaxErrorIsLocatedWithFileOffsets() {
        let result = run("P = [0.5, 0.5]\nH(P) +* 2", firstLine: 12, columnOffset: 4)
        let d = result.diagnostics.first
        #expect(d?.code == .syntax)
        #expect(d?.location == SourceLocation(file: "note.md", line: 13, column: 11))
        #expect(result.hasSyntaxError)
        #expect(result.exitCode == 2)
        #expect(result.outputs.isEmpty)   // nothing ran
    }

    @Test func everySyntaxErrorOfACellIsReported() {
        let result = run("a = 1 +\nb = 2\nc = ]")
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.code == .syntax })
    }

    @Test func unknownFunctionGetsASuggestionAndCaret() {
        let code = "P = [0.5, 0.25, 0.25]\nQ = [0.4, 0.4, 0.2]\ncheck KLL(P ‖ Q) ≥ 0"
        let result = run(code, firstLine: 10)
        let d = result.diagnostics.first
        #expect(d?.code == .unknownFunction)
        #expect(d?.message == "unknown function 'KLL'")
        #expect(d?.hint == "did you mean 'KL'?")
        #expect(d?.location == SourceLocation(file: "note.md", line: 12, column: 7))
        let rendered = DiagnosticRenderer().render(d!, source: SourceText(file: "note.md", text: String(repeating: "\n", count: 9) + code))
        #expect(rendered == "note.md:12:7: error: unknown function 'KLL'\ncheck KLL(P ‖ Q) ≥ 0\n      ^~~\nhint: did you mean 'KL'?\n")
        #expect(result.exitCode == 1)
    }

    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let code = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(run(code).diagnostics.first?.code == .syntax)
        let minus = String(repeating: "-", count: 5000) + "1"
        #expect(run(minus).diagnostics.first?.code == .syntax)
    }

    @Test func badCharactersAndStrings() {
        #expect(run("x = 1 & 2").diagnostics.first?.hint == "write 'and' (or '&&') for logical and")
        #expect(run("s = \"open").diagnostics.first?.message == "unterminated string")
        #expect(run("x = 2x").diagnostics.first?.hint == "write '*' for multiplication")
        #expect(run("x = 1 in furlongs").diagnostics.first?.message == "unknown unit 'furlongs'")
    }

    @Test func pipesOutsideCallsAreRejectedClearly() {
        #expect(run("|x|").diagnostics.first?.hint == "write abs(x) for an absolute value")
        #expect(run("sum([1, 2] | [3])").diagnostics.first?.code == .argument)
    }
}
