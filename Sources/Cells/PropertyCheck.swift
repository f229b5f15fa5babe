/// The entry point for claims stated outside cells: a note's formulas are translated into a
/// claim `Expr` by the Formulas module and run here through `forall`'s machinery (seeded by
/// the formula's text, counterexample shrunk), with no round trip through qed source.
public enum PropertyCheck {
    /// Variables drawn for each case: `names` all from `domain` (an expression such as
    /// `simplex(4)`, evaluated once).
    public struct Draw: Sendable {
        public var names: [String]
        public var domain: Expr

        public init(names: [String], domain: Expr) {
            self.names = names
            self.domain = domain
        }
    }

    /// What running a property gave.
    public struct Outcome: Sendable {
        /// Every case held.
        public var passed: Bool
        /// Cases run (up to and including the failing one).
        public var cases: Int
        /// The failing case's explanation (both sides, difference, tolerance), or a summary.
        public var message: String
        /// The shrunk failing case, e.g. `P = [0.5, 0.5], Q = [0.9, 0.1]`.
        public var counterexample: String?
        /// The property could not be evaluated: a failing case raised an error (a domain error,
        /// a shape mismatch, a resource limit) instead of evaluating to false.
        public var isError: Bool
    }

    /// Runs `claim` over `cases` random cases drawn from `draws`, seeded by `seedText`.
    /// Comparisons use `tolerance` (relative, with the language's absolute floor).
    public static func run(_ claim: Expr, drawing draws: [Draw], seedText: String, cases: Int = 100,
                           tolerance: Double = 1e-9, limits: Limits = Limits()) -> Outcome {
        var interpreter = Interpreter(limits: limits, tolerance: tolerance)
        let bindings = draws.map { ForallBinding(names: $0.names, domain: $0.domain, span: .none) }
        let count = Expr.number(Double(max(1, min(cases, limits.forallCases))), halfUnit: nil, .none)
        do {
            let outcome = try interpreter.runForall(casesExpr: count, bindings, claim, seedText: seedText, span: .none)
            return Outcome(passed: outcome.passed, cases: outcome.cases, message: outcome.message,
                           counterexample: outcome.counterexample, isError: outcome.isError)
        } catch {
            return Outcome(passed: false, cases: 0, message: error.message, counterexample: nil, isError: true)
        }
    }
}

extension Span {
    /// A span for syntax trees built outside the cell parser (formula claims): they have no
    /// cell source to point into.
    public static let generated = Span.none
}

extension Argument {
    /// A positional argument, written after `separator` (`.comma` for the first).
    public static func positional(_ value: Expr, separator: Separator = .comma) -> Argument {
        Argument(label: nil, value: value, separator: separator, span: .none)
    }

    /// A named option such as `base: 2`.
    public static func option(_ label: String, _ value: Expr) -> Argument {
        Argument(label: label, value: value, separator: .comma, span: .none)
    }
}
