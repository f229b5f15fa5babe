import Testing
@testable import Diagnostics

@Suite struct SourceTextTests {
    @Test func locationsCountLinesAndScalars() {
        let source = SourceText(file: "n.md", text: "ab\n熵 = H(P)\nlast")
        #expect(source.location(ofUTF8Offset: 0) == SourceLocation(file: "n.md", line: 1, column: 1))
        // "熵" is three UTF-8 bytes but one column.
        let offsetOfH = Array("ab\n熵 = ".utf8).count
        #expect(source.location(ofUTF8Offset: offsetOfH) == SourceLocation(file: "n.md", line: 2, column: 5))
        #expect(source.line(2) == "熵 = H(P)")
        #expect(source.line(3) == "last")
        #expect(source.line(4) == nil)
    }

    @Test func crlfAndLoneCRCountOneBreak() {
        let source = SourceText(file: "n.md", text: "a\r\nb\rc\n")
        #expect(source.location(ofUTF8Offset: 3).line == 2)
        #expect(source.location(ofUTF8Offset: 5).line == 3)
        #expect(source.line(1) == "a")
        #expect(source.line(2) == "b")
        #expect(source.lineCount == 3)
    }

    @Test func offsetsPastTheEndClamp() {
        let source = SourceText(file: "n.md", text: "xy")
        #expect(source.location(ofUTF8Offset: 99).column == 3)
    }
}

@Suite struct RendererTests {
    @Test func rendersLineCaretAndHint() {
        let source = SourceText(file: "note.md", text: "x = 1\ncheck KLL(P) ≥ 0\n")
        let d = Diagnostic.error(.unknownFunction, "unknown function 'KLL'",
                                 at: SourceLocation(file: "note.md", line: 2, column: 7),
                                 length: 3, hint: "did you mean 'KL'?")
        let text = DiagnosticRenderer().render(d, source: source)
        #expect(text == """
        note.md:2:7: error: unknown function 'KLL'
        check KLL(P) ≥ 0
              ^~~
        hint: did you mean 'KL'?

        """)
    }

    @Test func caretAccountsForWideCharacters() {
        let line = "熵熵x"
        #expect(DiagnosticRenderer().caretLine(for: line, column: 3, length: 1) == "    ^")
        #expect(DiagnosticRenderer().caretLine(for: "- [[熵|x]]", column: 3, length: 5) == "  ^~~~~~")
        #expect(DiagnosticRenderer().caretLine(for: "- [[熵熵]]", column: 3, length: 6) == "  ^~~~~~~~")
    }

    @Test func colourOnlyWhenAsked() {
        let d = Diagnostic.warning(.unresolvedLink, "careful", at: nil)
        #expect(!DiagnosticRenderer().render(d).contains("\u{1B}"))
        #expect(DiagnosticRenderer(colour: true).render(d).contains("\u{1B}[1;35m"))
    }

    @Test func strictPromotesWarningsAndSortingIsStable() {
        let a = Diagnostic.warning(.unresolvedLink, "b", at: SourceLocation(file: "b.md", line: 1, column: 1))
        let b = Diagnostic.error(.syntax, "a", at: SourceLocation(file: "a.md", line: 9, column: 1))
        #expect(a.promotingWarnings().severity == .error)
        #expect([a, b].sortedForReport().map(\.code) == [.syntax, .unresolvedLink])
        #expect([a, b].hasErrors)
        #expect(![a].hasErrors)
    }
}
