import Formulas
import Markup

/// The mark beside a formula read as a claim: a small ✓ for a verified one, a ✗ with its
/// counterexample for a failed one, nothing for an unchecked one (most formulas are notation).
enum FormulaMark {
    /// Marks by math index.
    static func marks(_ formulas: [FormulaClaim]) -> [Int: String] {
        var out: [Int: String] = [:]
        for formula in formulas {
            switch formula.status {
            case .verified:
                let title = "verified over \(formula.cases) random distributions"
                out[formula.mathIndex] = "<span class=\"formula-mark formula-verified\" title=\"\(HTML.escape(title))\">✓</span>"
            case .failed:
                let example = formula.counterexample.map { "counterexample: \($0)" } ?? formula.reason
                out[formula.mathIndex] = "<span class=\"formula-mark formula-failed\" title=\"\(HTML.escape(formula.reason))\">✗ "
                    + "<span class=\"formula-counterexample\">\(HTML.escape(example))</span></span>"
            case .unchecked:
                break
            }
        }
        return out
    }
}
