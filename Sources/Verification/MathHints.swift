import TeXMath

/// How to fix each kind of formula problem, for the hint under a `math` warning. Each kind
/// gets advice about that kind: an unclosed brace is not an unknown command.
enum MathHints {
    /// The hint for `problem`; nil when its message already says all there is to say.
    static func hint(for problem: MathDiagnostic) -> String? {
        if problem.kind == .unknownCommand {
            return problem.suggestion == nil
                ? "QED converts a fixed set of LaTeX commands; check the spelling, or write the formula with commands it knows. The formula is shown with the unknown command marked"
                : "fix the spelling; the formula is shown with the unknown command marked"
        }
        return byKind[problem.kind]
    }

    // A table rather than a switch, so a kind added to TeXMath falls back to no hint
    // instead of breaking this module.
    private static let byKind: [MathDiagnostic.Kind: String] = [
        .unknownEnvironment: "use an environment QED knows, such as aligned, cases, matrix, pmatrix or array; its contents are shown as they are",
        .environmentMismatch: "close each \\begin{name} with \\end{name} of the same name, innermost first",
        .unbalancedBraces: "add the missing brace; write \\{ or \\} for a literal brace",
        .missingArgument: "give the command its argument in braces, such as \\frac{a}{b} or \\sqrt{x}",
        .missingDelimiter: "put a delimiter right after it; '.' is an invisible one",
        .unmatchedLeft: "close every \\left with a \\right; \\right. closes it invisibly",
        .unmatchedRight: "open it with a \\left; \\left. opens it invisibly",
        .misplacedAlignment: "'&' and '\\\\' separate cells only inside an environment such as aligned or matrix; write \\& for an ampersand",
        .doubleScript: "group with braces: x^{a^b} or {x^a}^b",
        .invalidLength: "write a number with a unit, such as 1em, 0.5ex or 2pt",
        .nestingTooDeep: "split the formula into smaller ones",
        .trailingBackslash: "remove the lone backslash at the end, or write \\backslash for the symbol",
    ]
}
