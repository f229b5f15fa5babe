import ArgumentParser
import Diagnostics
import Foundation
import TeXMath

/// `qed math 'TEX'`: the MathML QED puts on pages, for one formula.
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Convert one LaTeX formula to MathML Core.",
        discussion: """
            Prints the <math> element. Problems (an unknown command, an unbalanced brace) go to \
            standard error with the formula and a caret, and the exit status is 1; the MathML is \
            still printed, with the bad part marked.
            """)

    @Argument(help: "The formula, without $ delimiters ('-' reads standard input).")
    var tex: String

    @Flag(help: "Display (block) math, as $$…$$ in a note.")
    var display = false

    func run() throws {
        var formula = tex
        if tex == "-" {
            formula = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            while formula.hasSuffix("\n") { formula.removeLast() }
        }
        let conversion = TeXMathConverter().convert(formula, display: display)
        Terminal.write(conversion.mathML + "\n")
        let source = SourceText(file: "<tex>", text: formula)
        let bytes = Array(formula.utf8)
        let renderer = DiagnosticRenderer(colour: Terminal.colour(for: STDERR_FILENO))
        for problem in conversion.diagnostics {
            let range = min(problem.range.lowerBound, bytes.count)..<min(max(problem.range.lowerBound, problem.range.upperBound), bytes.count)
            let location = source.location(ofUTF8Offset: range.lowerBound)
            let diagnostic = Diagnostic.error(
                .math, problem.message, at: location,
                length: max(1, MathDiagnostic.scalarCount(bytes[range])))
            Terminal.writeError(render(diagnostic, range: range, bytes: bytes, source: source, renderer: renderer))
        }
        if !conversion.diagnostics.isEmpty { throw ExitStatus.failure }
    }

    /// The renderer's report; a long line (a generated formula can be one 700 KB line) is
    /// shown as a window around the problem instead of whole once per diagnostic.
    private func render(_ diagnostic: Diagnostic, range: Range<Int>, bytes: [UInt8], source: SourceText,
                        renderer: DiagnosticRenderer) -> String {
        var lineStart = range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = range.lowerBound
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, lineEnd - lineStart <= Self.longLine { lineEnd += 1 }
        guard lineEnd - lineStart > Self.longLine else { return renderer.render(diagnostic, source: source) }
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var out = renderer.render(diagnostic)
        let hint = diagnostic.hint.map { "hint: \($0)\n" } ?? ""
        if !hint.isEmpty, out.hasSuffix(hint) { out.removeLast(hint.count) }
        let excerpt = MathDiagnostic.excerpt(bytes, line: lineStart..<lineEnd,
                                             flagged: range.lowerBound..<min(range.upperBound, lineEnd))
        return out + excerpt.text + "\n" + excerpt.caret + "\n" + hint
    }

    /// Lines longer than this many bytes are shown as an excerpt.
    static let longLine = 240
}
