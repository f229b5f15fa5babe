import ArgumentParser
import Cells
import Diagnostics
import Foundation
import Notes
import Verification

/// `qed run NOTE.md`: a note's cells in order, as a notebook would show them.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one note's cells and print each output and claim with its location.",
        discussion: """
            Cells run top to bottom in one environment, as on the note's page. Links resolve \
            against the note's vault (the nearest folder above it with a qed.yml, else its folder).
            Exit status: 0 every claim holds; 1 a claim failed or an error was found; 2 usage or I/O error.
            """)

    @Argument(help: "The note to run.", completion: .file(extensions: ["md"]))
    var note: String

    @Option(help: "Significant digits shown.")
    var precision: Int = 6

    @Flag(help: "Treat warnings (unresolved links, unknown LaTeX) as errors.")
    var strict = false

    func validate() throws {
        guard (1...17).contains(precision) else {
            throw ValidationError("--precision must be between 1 and 17, not \(precision).")
        }
    }

    func run() throws {
        let selection = try VaultSelection(paths: [note])
        let (verifiedNotes, report) = selection.verifyInFull(options: VerificationOptions(strict: strict, jobs: 1, precision: precision))
        let prefix = VaultLocation.displayPrefix(for: selection.vault.root)
        let colour = Terminal.colour(for: STDOUT_FILENO)
        let renderer = DiagnosticRenderer(colour: colour)
        var out = ""
        let sources = SourceFiles(root: selection.vault.root, displayPrefix: prefix)
        for verified in verifiedNotes {
            let source = sources.text(verified.note.path) ?? SourceText(file: prefix + verified.note.path, text: "")
            out += NotebookTranscript(verified: verified, prefix: prefix, precision: precision).text
            // Claims (failed or not run) and formulas are in the transcript already.
            for diagnostic in verified.diagnostics
            where !diagnostic.code.isClaimOutcome {
                out += renderer.render(diagnostic.prefixingFile(with: prefix), source: source)
            }
        }
        for diagnostic in report.vaultDiagnostics { out += renderer.render(diagnostic) }
        out += (report.succeeded ? "ok: " : "FAILED: ") + report.summary + "\n"
        Terminal.write(out)
        if !report.succeeded { throw ExitStatus.failure }
    }
}

/// A verified note as terminal text: each cell's outputs and claims, then its inline values.
struct NotebookTranscript {
    let verified: VerifiedNote
    let prefix: String
    let precision: Int

    /// Cells and inline values in the order they appear in the note.
    var text: String {
        let path = prefix + verified.note.path
        var pieces: [(location: SourceLocation, text: String)] = verified.cells.map { run in
            (run.cell.location, cellText(run, path: path))
        }
        for (expression, result) in zip(verified.note.inlineExpressions, verified.inlineValues) {
            let shown = result.diagnostic.map { "error: \($0.message)" } ?? result.text
            pieces.append((expression.location,
                           "── \(path):\(expression.location.line):\(expression.location.column) `= \(expression.expression)` → \(shown)\n"))
        }
        pieces += formulaPieces(path: path)
        return pieces.sorted { $0.location < $1.location }.map(\.text).joined()
    }

    private func cellText(_ run: CellRun, path: String) -> String {
        let cell = run.cell
        var out = "── \(path):\(cell.location.line) cell \(cell.index + 1)"
        if cell.options.skip { out += " (skipped)" }
        if cell.options.expectError { out += " (expect-error)" }
        out += "\n"
        guard let result = run.result else { return out + notRunText(run.notRun) }
        for event in result.events {
            switch event {
            case .output(let output):
                let value = output.value.text(precision: precision)
                    .replacingOccurrences(of: "\n", with: "\n      ")
                out += "  \(output.location.line):\(output.location.column)  \(output.source)\n      = \(value)\n"
            case .claim(let claim):
                out += "  \(claim.passed ? "✓" : "✗") \(claim.location.line):\(claim.location.column)  \(claim.source)\n"
                out += "      \(claim.message.replacingOccurrences(of: "\n", with: "\n      "))\n"
                if let counterexample = claim.counterexample { out += "      counterexample: \(counterexample)\n" }
            case .error(let diagnostic):
                let kind = cell.options.expectError ? "expected error" : "error"
                out += "  ! \(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "")  \(kind): \(diagnostic.message)\n"
            }
        }
        return out + notRunText(run.notRun)
    }

    /// Claims that never ran, marked `–` so they are not mistaken for passes.
    private func notRunText(_ claims: [UnrunClaim]) -> String {
        claims.map { "  – \($0.location.line):\($0.location.column)  \($0.source)\n      \($0.reason.explanation)\n" }.joined()
    }
}
