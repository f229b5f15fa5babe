import Diagnostics
import Formulas
import Notes

extension Verifier {
    /// Reads the note's formulas as claims (unless `formulas: false` in `qed.yml` or the
    /// note's `qed:` front matter); a failed one is a located `formula-failed` error.
    func checkFormulas(_ note: Note, diagnostics: inout [Diagnostic]) -> [FormulaClaim] {
        guard note.frontMatter.qedFormulas ?? vault.config.formulas, !note.math.isEmpty else { return [] }
        let tolerance = note.frontMatter.qedTolerance ?? vault.config.tolerance ?? 1e-9
        let claims = FormulaChecker(tolerance: tolerance).check(note.math)
        for claim in claims where claim.status == .failed {
            var message = "the formula $\(claim.tex)$ \(claim.reason)"
            if let example = claim.counterexample { message += "; counterexample: \(example)" }
            diagnostics.append(.error(
                .formulaFailed, message, at: claim.location,
                length: max(1, claim.tex.unicodeScalars.count),
                hint: "fix the formula; if it holds only under a condition, state it next to the formula "
                    + "(e.g. “当且仅当 $P = Q$”), or write \(FormulaChecker.optOut) right after it"))
        }
        return claims
    }
}
