import Cells

/// A statement translated into one Cells claim plus what each random case draws.
struct PreparedClaim {
    var expr: Expr
    var draws: [PropertyCheck.Draw]
    /// `a ≠ b`: the claim is `a ≈ b`, and the formula holds when some case breaks it.
    var notEqual: Bool
    /// The random variables' table, in the variable reading.
    var model: JointModel?

    /// - Parameter independent: draw random variables independently (the special case check).
    /// - Parameter otherSizes: draw on other numbers of outcomes (for formulas with constants).
    init(_ statement: Statement, definitions: [String: Term], substitutions: [String: String], independent: Bool = false,
         otherSizes: Bool = false) throws(Unsupported) {
        guard !statement.chains.isEmpty else { throw Unsupported("it is not a relation") }
        for chain in statement.chains where chain.terms.allSatisfy({ $0.bareName != nil || $0.isNumber }) {
            let names = chain.terms.compactMap(\.bareName).joined(separator: ", ")
            throw Unsupported(names.isEmpty ? "it involves no distribution or random variable"
                                            : "a relation between bare symbols (\(names)) is notation or a condition, not a claim")
        }
        let reading = try Reading.of(statement, definitions: definitions, independent: independent, otherSizes: otherSizes)
        var bits = false, natural = false
        for chain in statement.chains {
            for term in chain.terms {
                term.visit { t in
                    if case .log(let base, _) = t {
                        if base == 2 { bits = true } else if base == nil { natural = true } else { natural = true; bits = true }
                    }
                }
            }
        }
        if bits && natural { throw Unsupported("it mixes \\log_2 with \\log or \\ln, so its unit is unclear") }
        var translator = Translator(reading: reading, definitions: definitions, substitutions: substitutions, bits: bits)
        let relations = statement.chains.flatMap(\.relations)
        notEqual = relations.contains(.notEqual)
        if notEqual && relations.count > 1 { throw Unsupported("≠ together with other relations") }
        var claim: Expr?
        for chain in statement.chains {
            var operands: [Expr] = []
            for term in chain.terms { operands.append(try translator.scalar(term, [:])) }
            for (i, relation) in chain.relations.enumerated() {
                let pair = PreparedClaim.compare(relation, operands[i], operands[i + 1])
                claim = claim.map { Build.and($0, pair) } ?? pair
            }
        }
        guard let claim else { throw Unsupported("it is not a relation") }
        expr = claim
        switch reading {
        case .distributions(let outcomes):
            guard !translator.drawn.isEmpty else { throw Unsupported("it involves no distribution or random variable") }
            draws = [PropertyCheck.Draw(names: translator.drawn.sorted(),
                                        domain: Build.call("simplex", [Build.number(Double(outcomes))]))]
        case .variables(let model):
            self.model = model
            if model.independent {
                draws = zip(model.variables, model.sizes).map { variable, size in
                    PropertyCheck.Draw(names: [JointModel.factorName(variable)], domain: Build.call("simplex", [Build.number(Double(size))]))
                }
            } else {
                draws = [PropertyCheck.Draw(names: [JointModel.tableName], domain: Build.call("simplex", [Build.number(Double(model.total))]))]
            }
        }
    }

    /// `=` and `≈` compare with the tolerance; `≤` and `≥` hold within it too; `≠` is read
    /// as `≈` and inverted by the caller.
    static func compare(_ relation: Relation, _ a: Expr, _ b: Expr) -> Expr {
        switch relation {
        case .equal, .approx, .defines, .notEqual: return Build.compare(.approx, a, b)
        case .less: return Build.compare(.less, a, b)
        case .greater: return Build.compare(.greater, a, b)
        case .lessEqual: return Build.or(Build.compare(.lessEqual, a, b), Build.compare(.approx, a, b))
        case .greaterEqual: return Build.or(Build.compare(.greaterEqual, a, b), Build.compare(.approx, a, b))
        }
    }
}
