import Foundation
import Testing
@testable import Diagnostics

@Suite struct TerminalSafetyTests {
    @Test func controlCharactersAreShownEscaped() {
        let d = Diagnostic.error(.syntax, "bad\u{7}bell", at: SourceLocation(file: "a\u{1B}[2Jb\nc.md", line: 1, column: 1))
        let text = DiagnosticRenderer().render(d)
        #expect(text == "a\\u{1B}[2Jb\\u{A}c.md:1:1: error: bad\\u{7}bell\n")
    }

    /// Issue 17 #6: each diagnostic on a 700 KB line re-printed the whole line.
    @Test func aLongLineIsShownAsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 100_000) + "BAD" + String(repeating: "b", count: 100_000)
        let source = SourceText(file: "n.md", text: line + "\n")
        let d = Diagnostic.error(.syntax, "here", at: SourceLocation(file: "n.md", line: 1, column: 100_001), length: 3)
        let lines = DiagnosticRenderer().render(d, source: source).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].count <= DiagnosticRenderer.excerptWidth + 2)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let shown = String(lines[1])
        let bad = shown.range(of: "BAD").map { shown.distance(from: shown.startIndex, to: $0.lowerBound) }
        #expect(caret != nil && caret == bad)
        #expect(lines[2].hasSuffix("^~~"))
    }

    @Test func cappingKeepsTheWorstSeverity() {
        let many = (1...500).map { Diagnostic.warning(.unresolvedLink, "w\($0)", at: SourceLocation(file: "n.md", line: $0, column: 1)) }
            + [Diagnostic.error(.syntax, "late error", at: SourceLocation(file: "n.md", line: 900, column: 1))]
        let capped = many.capped(at: 200)
        #expect(capped.count == 201)
        #expect(capped.last?.severity == .error)
        #expect(capped.last?.message == "…and 301 more diagnostics in this file (1 of them errors), not shown")
        #expect(capped.last?.location?.line == 201)
        #expect(capped.hasErrors)
        #expect(many.prefix(10).map { $0 }.capped(at: 200).count == 10)
    }
}
