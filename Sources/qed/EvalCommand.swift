import ArgumentParser
import Cells
import Diagnostics
import Foundation

/// How `qed eval` prints values.
enum ValueFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `qed eval 'EXPR'`: one expression, or a few statements, in a fresh environment.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate qed statements and print their values.",
        discussion: """
            Examples:
              qed eval 'H([0.5, 0.25, 0.25])'
              qed eval 'H([0.5, 0.5]) in bits' --format json
              qed eval 'check KL([0.5, 0.5] ‖ [0.9, 0.1]) ≥ 0'
              echo 'P = [0.2, 0.8]; H(P)' | qed eval -
            Exit status: 0 success; 1 a check failed or evaluation raised an error; 2 a syntax error.
            """)

    @Argument(help: "The statements to evaluate ('-' reads standard input).")
    var code: String

    @Option(help: "Significant digits shown (17 round-trips a Double).")
    var precision: Int = 6

    @Option(help: "Output format: text, or json ({\"type\", \"value\", \"unit\"} per value).")
    var format: ValueFormat = .text

    func validate() throws {
        guard (1...17).contains(precision) else {
            throw ValidationError("--precision must be between 1 and 17, not \(precision).")
        }
    }

    func run() throws {
        let source = code == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : code
        let result = Notebook.evaluate(source, file: "<eval>", precision: precision)
        for event in result.events {
            switch event {
            case .output(let output):
                Terminal.write((format == .json ? output.value.json(precision: max(precision, 17))
                                                : output.value.text(precision: precision)) + "\n")
            case .claim(let claim):
                if format == .text {
                    let example = claim.counterexample.map { "; counterexample: \($0)" } ?? ""
                    Terminal.write((claim.passed ? "✓ " : "✗ ") + claim.message + example + "\n")
                }
            case .error:
                break
            }
        }
        let text = SourceText(file: "<eval>", text: source)
        let renderer = DiagnosticRenderer(colour: Terminal.colour(for: STDERR_FILENO))
        for claim in result.claims where !claim.passed {
            if let diagnostic = claim.diagnostic { Terminal.writeError(renderer.render(diagnostic, source: text)) }
        }
        for diagnostic in result.diagnostics + result.notRun.map(\.diagnostic) {
            Terminal.writeError(renderer.render(diagnostic, source: text))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
