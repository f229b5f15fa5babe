import Cells
import Diagnostics
import Notes
import TeXMath

/// Reads the formulas of a note as claims and checks each as a property over random
/// distributions. Formulas are read in order: a definition (`M = \frac12(P + Q)`) holds for
/// the formulas after it.
///
///     let claims = FormulaChecker().check(note.math)
public struct FormulaChecker: Sendable {
    /// Relative tolerance of `=`, `≈`, `≤`, `≥` (the note's claim tolerance).
    public var tolerance: Double
    /// Random cases per formula.
    public var cases: Int
    public var limits: Limits

    public init(tolerance: Double = 1e-9, cases: Int = 100, limits: Limits = Limits(steps: 2_000_000)) {
        self.tolerance = tolerance
        self.cases = cases
        self.limits = limits
    }

    /// The marker that opts a formula out, written right after it: Obsidian hides `%%…%%`.
    public static let optOut = "%%unchecked%%"

    /// Checks a note's math spans in order.
    public func check(_ spans: [MathSpan]) -> [FormulaClaim] {
        var session = FormulaSession(checker: self)
        return spans.enumerated().map { index, span in
            session.check(index: index, tex: span.tex, display: span.display, location: span.location,
                          before: span.proseBefore, after: span.proseAfter)
        }
    }

    /// Checks formulas given as text, in order, each with the prose around it (for tests and tools).
    public func check(formulas: [(tex: String, before: String, after: String)], file: String = "formula") -> [FormulaClaim] {
        var session = FormulaSession(checker: self)
        return formulas.enumerated().map { index, f in
            session.check(index: index, tex: f.tex, display: true, location: SourceLocation(file: file, line: index + 1, column: 1),
                          before: f.before, after: f.after)
        }
    }
}

/// The state carried from one formula of a note to the next: its definitions.
struct FormulaSession {
    let checker: FormulaChecker
    var definitions: [String: Term] = [:]
    /// The TeX each definition came from: part of the key of cached outcomes.
    var definitionSources: [String: String] = [:]
    let converter = TeXMathConverter()

    mutating func check(index: Int, tex: String, display: Bool, location: SourceLocation, before: String, after: String) -> FormulaClaim {
        func claim(_ status: FormulaStatus, _ reason: String, _ counterexample: String? = nil, cases: Int = 0) -> FormulaClaim {
            FormulaClaim(mathIndex: index, tex: tex, location: location, status: status, reason: reason,
                         counterexample: counterexample, cases: cases)
        }
        if after.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(FormulaChecker.optOut) {
            return claim(.unchecked, "opted out with \(FormulaChecker.optOut)")
        }
        guard tex.utf8.count <= 2_000 else { return claim(.unchecked, "the formula is too long to read as a claim") }
        // Most formulas of a note are symbols and terms (`$X$`, `$H(P)$`): no relation, no parse.
        guard FormulaSession.mayHoldARelation(tex) else {
            return claim(.unchecked, "it is not a relation (no =, ≤, ≥, <, >, ≠ or ≈ at its top level)")
        }
        var statement: Statement
        switch StatementCache.shared.statement(tex, display: display, read: { () -> Result<Statement, Unsupported> in
            do throws(Unsupported) { return .success(try read(tex, display: display)) } catch { return .failure(error) }
        }) {
        case .success(let s): statement = s
        case .failure(let error): return claim(.unchecked, error.reason)
        }
        // Definitions: `M = \frac12(P + Q)` alone holds for the formulas after it; written beside
        // a claim (`…, \quad M = \frac12(P + Q)`, `\text{where } M = …`) it holds for that claim.
        var local: [(String, Term)] = []
        statement.chains.removeAll { chain in
            guard let d = FormulaSession.definition(chain) else { return false }
            local.append(d)
            return true
        }
        statement.conditions.removeAll { chain in
            guard let d = FormulaSession.definition(chain) else { return false }
            local.append(d)
            return true
        }
        if statement.chains.isEmpty {
            guard !local.isEmpty else { return claim(.unchecked, "it states only a condition, no claim") }
            for (name, definition) in local {
                definitions[name] = definition
                definitionSources[name] = tex
            }
            let names = local.map(\.0).joined(separator: ", ")
            return claim(.unchecked, "a definition of \(names), used by the formulas after it")
        }
        let saved = (definitions, definitionSources)
        defer { (definitions, definitionSources) = saved }
        for (name, definition) in local {
            definitions[name] = definition
            definitionSources[name] = tex
        }
        let prepared: PreparedClaim
        do {
            prepared = try PreparedClaim(statement, definitions: definitions, substitutions: [:])
        } catch {
            return claim(.unchecked, error.reason)
        }
        let outcome = run(prepared, seed: tex, substitutions: [:])
        if outcome.isError {
            return claim(.unchecked, "could not be evaluated on random cases: \(outcome.message)")
        }
        if prepared.notEqual {
            if outcome.passed {
                return claim(.failed, "the two sides are equal on all \(outcome.cases) random cases, so they are identically equal")
            }
            return claim(.verified, "the sides differ", outcome.counterexample, cases: outcome.cases)
        }
        if outcome.passed {
            if let reason = dependsOnTheNumberOfOutcomes(statement, seed: tex) { return claim(.unchecked, reason) }
            return claim(.verified, "holds on \(outcome.cases) random cases", cases: outcome.cases)
        }
        // False for random cases. Is a condition QED can apply stated next to it (`P = Q`)?
        let words = statement.words.joined(separator: " ")
        let keyword = Conditions.keyword(in: words) ?? Conditions.keyword(in: after) ?? Conditions.keyword(in: before)
        if keyword != nil, let conditioned = underCondition(statement, before: before, after: after) {
            let conditional = run(conditioned.claim, seed: tex + " | " + conditioned.condition, substitutions: conditioned.substitutions)
            if !conditional.isError {
                if conditional.passed {
                    return claim(.verified, "holds on \(conditional.cases) random cases where \(conditioned.condition)", cases: conditional.cases)
                }
                return claim(.failed, "does not hold even where \(conditioned.condition): \(conditional.message)",
                             conditional.counterexample, cases: conditional.cases)
            }
        }
        // A quantity set equal to (or bounded by) a constant is how notes state special cases and
        // worked examples (`I(Z; X) = \log 2` for one encoder), true for the distributions the
        // prose describes: never reported false.
        if statement.chains.contains(where: { $0.terms.contains(where: \.isConstant) }) {
            return claim(.unchecked, "false for some distributions, but it compares with a constant, as statements about "
                         + "a special case or an example do (\(outcome.message))")
        }
        // `\approx` in prose math usually states an approximation valid in some regime
        // (`D(P ‖ Q) ≈ ½χ²` for nearby P, Q), not an identity.
        if statement.chains.contains(where: { $0.relations.contains(.approx) }) {
            return claim(.unchecked, "false for some distributions, but written with ≈, which notes use for approximations "
                         + "that hold only in some regime (\(outcome.message))")
        }
        if inNoFixedOrder(statement, seed: tex) {
            return claim(.unchecked, "false for some distributions, and so is its reverse: the two sides are in no fixed "
                         + "order, so it is a statement about particular distributions (\(outcome.message))")
        }
        if holdsForIndependentVariables(statement, seed: tex) {
            return claim(.unchecked, "false in general, but true whenever the random variables are independent: a special "
                         + "case (say so next to it, e.g. “if X and Y are independent”) (\(outcome.message))")
        }
        guard let keyword else {
            return claim(.failed, "does not hold: \(outcome.message)", outcome.counterexample, cases: outcome.cases)
        }
        return claim(.unchecked, "false for some distributions, but stated with a condition (“\(keyword)”) QED cannot apply")
    }

    /// Commands that typeset a relation.
    static let relationCommands: Set<String> = [
        "le", "leq", "ge", "geq", "ne", "neq", "approx", "equiv", "triangleq", "coloneqq", "leqslant", "geqslant",
        "simeq", "doteq", "lt", "gt", "eqqcolon", "leqq", "geqq",
    ]

    /// Whether the TeX contains anything that can be a relation: `=`, `<`, `>`, a non-ASCII
    /// operator (≤ ≥ ≠ ≈ …; read properly later), or a relation command. A cheap byte scan.
    static func mayHoldARelation(_ tex: String) -> Bool {
        let bytes = Array(tex.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 0xE2 { return true }
            if byte == UInt8(ascii: "\\") {
                var j = i + 1
                while j < bytes.count, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A) { j += 1 }
                if j > i + 1, relationCommands.contains(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) { return true }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return false
    }

    private func read(_ tex: String, display: Bool) throws(Unsupported) -> Statement {
        let (tree, diagnostics) = converter.parseTree(tex, display: display)
        if let problem = diagnostics.first { throw Unsupported("the LaTeX has a problem: \(problem.message)") }
        var row = try Tokens.row(tree)
        // A formula often ends its sentence: `H(X) ≥ 0.`
        while let last = row.last, case .op(let o) = last, o == "." || o == "," || o == ";" { row.removeLast() }
        return try TermParser.statement(row)
    }

    /// `M = \frac12(P + Q)`: one relation whose left side is a name QED does not otherwise know.
    static func definition(_ chain: Chain) -> (String, Term)? {
        guard chain.relations.count == 1, chain.relations[0] == .equal || chain.relations[0] == .defines,
              case .symbol(let name) = chain.terms[0], !Vocabulary.reserved.contains(name), name.count == 1,
              chain.terms[1].bareName == nil else { return nil }
        var mentionsItself = false
        chain.terms[1].visit { if case .symbol(name) = $0 { mentionsItself = true } }
        return mentionsItself ? nil : (name, chain.terms[1])
    }

    /// The claim re-read under a condition written as a formula next to it (`P = Q`).
    private func underCondition(_ statement: Statement, before: String, after: String)
        -> (claim: PreparedClaim, condition: String, substitutions: [String: String])? {
        // A condition inside the formula (`… \iff P = Q`) first, then one in the prose around it.
        var candidates: [Chain] = statement.conditions.count == 1 ? statement.conditions : []
        for text in [after, before] {
            if let conditionTeX = Conditions.formula(after: text), let condition = try? read(conditionTeX, display: false),
               condition.chains.count == 1, let chain = condition.chains.first {
                candidates.append(chain)
            }
        }
        for chain in candidates {
            guard chain.relations == [.equal], chain.terms.count == 2,
                  case .symbol(let a) = chain.terms[0], case .symbol(let b) = chain.terms[1],
                  Vocabulary.distributions.contains(a), Vocabulary.distributions.contains(b), a != b else { continue }
            let substitutions = [b.uppercased(): a.uppercased()]
            guard a.uppercased() != b.uppercased(),
                  let prepared = try? PreparedClaim(statement, definitions: definitions, substitutions: substitutions) else { return nil }
            return (prepared, "\(a) = \(b)", substitutions)
        }
        return nil
    }

    /// For one inequality that fails: whether the reverse inequality fails too. A wrong general
    /// inequality is wrong in one direction (`H(X) ≤ H(X | Y)`); one whose sides fall either way
    /// (`H(P) < H(Q)`, `I(Z; Y) ≤ I(X; Y)` without its Markov chain) speaks of particular
    /// distributions the prose describes.
    private func inNoFixedOrder(_ statement: Statement, seed: String) -> Bool {
        guard statement.chains.count == 1, let chain = statement.chains.first, chain.relations.count == 1,
              let reversed = chain.relations[0].reversed else { return false }
        let flipped = Statement(chains: [Chain(terms: chain.terms, relations: [reversed])], words: statement.words)
        guard let prepared = try? PreparedClaim(flipped, definitions: definitions, substitutions: [:]) else { return false }
        let outcome = run(prepared, seed: seed + " reversed", substitutions: [:])
        return !outcome.passed && !outcome.isError
    }

    /// Runs a prepared claim, or reuses the outcome of the same claim run before in this process.
    /// For an equation about random variables that fails: whether it holds for every
    /// independent draw. `H(X, Y) = H(X) + H(Y)` and `H(Y | X) = H(Y)` are how notes state
    /// independence; a wrong identity such as `H(X | Y) = H(X) − H(Y)` fails there too.
    private func holdsForIndependentVariables(_ statement: Statement, seed: String) -> Bool {
        let relations = statement.chains.flatMap(\.relations)
        guard relations.allSatisfy({ $0 == .equal || $0 == .approx || $0 == .defines }),
              let prepared = try? PreparedClaim(statement, definitions: definitions, substitutions: [:], independent: true),
              let model = prepared.model, model.variables.count >= 2 else { return false }
        let outcome = run(prepared, seed: seed + " independent", substitutions: ["independent": "yes"])
        guard outcome.passed && !outcome.isError else { return false }
        // Both sides vanishing for independent variables (a swapped KL in I(X; Y) = D(…)) says
        // nothing about independence: such a formula stays failed.
        guard let first = statement.chains.first?.terms.first else { return false }
        let vanishing = Statement(chains: [Chain(terms: [first, .number(0, half: nil)], relations: [.equal])], words: [])
        guard let zero = try? PreparedClaim(vanishing, definitions: definitions, substitutions: [:], independent: true) else { return true }
        let degenerate = run(zero, seed: seed + " vanishes", substitutions: ["independent": "yes"])
        return !(degenerate.passed && !degenerate.isError)
    }

    /// For a formula that holds and compares with a constant: whether it also holds on other
    /// numbers of outcomes. `H(X) \le \log 3` holds when X takes three values, which the note
    /// may say, and not in general; `JS(P \| Q) \le \log 2` holds at every size.
    private func dependsOnTheNumberOfOutcomes(_ statement: Statement, seed: String) -> String? {
        guard statement.chains.contains(where: { $0.terms.contains(where: \.isConstant) }),
              let prepared = try? PreparedClaim(statement, definitions: definitions, substitutions: [:], otherSizes: true) else { return nil }
        let outcome = run(prepared, seed: seed + " other sizes", substitutions: ["sizes": "other"])
        if outcome.passed { return nil }
        return "holds for the number of outcomes drawn first but not for others, so its constant depends on a size "
            + "the formula does not give (\(outcome.message))"
    }

    private func run(_ prepared: PreparedClaim, seed: String, substitutions: [String: String]) -> PropertyCheck.Outcome {
        let definitionsKey = definitionSources.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{2}")
        let substitutionsKey = substitutions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let key = [seed, definitionsKey, substitutionsKey, "\(checker.tolerance)", "\(checker.cases)", "\(checker.limits.steps)"]
            .joined(separator: "\u{1}")
        return OutcomeCache.shared.outcome(key) {
            var outcome = PropertyCheck.run(prepared.expr, drawing: prepared.draws, seedText: seed, cases: checker.cases,
                                            tolerance: checker.tolerance, limits: checker.limits)
            if let model = prepared.model, let example = outcome.counterexample {
                outcome.counterexample = model.describe(example)
            }
            return outcome
        }
    }
}
