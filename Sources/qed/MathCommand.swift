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
        let renderer = DiagnosticRenderer(colour: Terminal.colour(for: STDERR_FILENO))
        for problem in conversion.diagnostics {
            let diagnostic = Diagnostic.error(
                "math", problem.message, at: source.location(ofUTF8Offset: problem.range.lowerBound),
                length: formula.utf8.count >= problem.range.upperBound
                    ? String(decoding: Array(formula.utf8)[problem.range], as: UTF8.self).unicodeScalars.count : 1)
            Terminal.writeError(renderer.render(diagnostic, source: source))
        }
        if !conversion.diagnostics.isEmpty { throw ExitStatus.failure }
    }
}
