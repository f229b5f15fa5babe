import Diagnostics
import Formulas

extension NotebookTranscript {
    /// Every formula of the note with its status and why: ✓ verified, ✗ failed, · unchecked.
    func formulaPieces(path: String) -> [(location: SourceLocation, text: String)] {
        verified.formulas.map { formula in
            let mark: String
            switch formula.status {
            case .verified: mark = "✓ verified"
            case .failed: mark = "✗ failed"
            case .unchecked: mark = "· unchecked"
            }
            let tex = formula.tex.replacingOccurrences(of: "\n", with: " ")
            var text = "── \(path):\(formula.location.line):\(formula.location.column) formula $\(tex)$\n"
            text += "  \(mark): \(formula.reason.replacingOccurrences(of: "\n", with: " "))\n"
            if let example = formula.counterexample {
                text += "      \(formula.status == .failed ? "counterexample" : "case"): \(example)\n"
            }
            return (formula.location, text)
        }
    }
}
