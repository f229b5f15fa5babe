import Diagnostics
import Testing
@testable import Formulas

/// Checks one formula alone, with the prose around it.
func judge(_ tex: String, before: String = "", after: String = "") -> FormulaClaim {
    FormulaChecker().check(formulas: [(tex, before, after)])[0]
}

@Test(arguments: Examples.trueFormulas)
func trueFormulaIsVerified(_ tex: String) {
    let claim = judge(tex)
    #expect(claim.status == .verified, "\(tex): \(claim.reason) \(claim.counterexample ?? "")")
    if claim.status == .verified { #expect(claim.cases > 0) }
}

@Test(arguments: Examples.falseFormulas)
func falseFormulaFails(_ tex: String) {
    let claim = judge(tex)
    #expect(claim.status == .failed, "\(tex): \(claim.reason)")
    #expect(!claim.reason.isEmpty)
}

@Test(arguments: Examples.uncheckedFormulas.indices)
func unreadableFormulaIsUncheckedWithAReason(_ i: Int) {
    let (tex, fragment) = Examples.uncheckedFormulas[i]
    let claim = judge(tex)
    #expect(claim.status == .unchecked, "\(tex): \(claim.status) \(claim.reason)")
    #expect(!claim.reason.isEmpty)
    if !fragment.isEmpty { #expect(claim.reason.contains(fragment), "\(tex): \(claim.reason)") }
    #expect(claim.cases == 0 || claim.status != .unchecked)
}

@Test func failuresCarryAShrunkCounterexample() {
    let claim = judge(#"D_{KL}(P\|Q) = D_{KL}(Q\|P)"#)
    #expect(claim.status == .failed)
    let example = claim.counterexample ?? ""
    #expect(example.contains("P = ["), "\(example)")
    #expect(example.contains("Q = ["), "\(example)")
    #expect(claim.reason.contains("≈"), "\(claim.reason)")
}

@Test func theSameFormulaGivesTheSameResultEveryTime() {
    let a = judge(#"H(X|Y) = H(X) - H(Y)"#), b = judge(#"H(X|Y) = H(X) - H(Y)"#)
    #expect(a == b)
}

@Test func aDefinitionHoldsForTheFormulasAfterIt() {
    let claims = FormulaChecker().check(formulas: [
        (#"M = \frac12(P+Q)"#, "", ""),
        (#"JS(P\|Q) = \frac12 D(P\|M) + \frac12 D(Q\|M)"#, "", ""),
        (#"JS(P\|Q) = D(P\|M)"#, "", ""),
    ])
    #expect(claims[0].status == .unchecked)
    #expect(claims[0].reason.contains("definition of M"))
    #expect(claims[1].status == .verified, "\(claims[1].reason)")
    #expect(claims[2].status == .failed, "\(claims[2].reason)")
}

@Test func withoutItsDefinitionMIsUnknown() {
    let claim = judge(#"JS(P\|Q) = \frac12 D(P\|M) + \frac12 D(Q\|M)"#)
    #expect(claim.status == .unchecked)
    #expect(claim.reason.contains("M"), "\(claim.reason)")
}

@Test func aConditionWrittenAsAFormulaIsApplied() {
    let claim = judge(#"D_{\text{KL}}(P \| Q) = 0"#, after: " 当且仅当 $P = Q$")
    #expect(claim.status == .verified, "\(claim.reason)")
    #expect(claim.reason.contains("P = Q"))
    let wrong = judge(#"D_{\text{KL}}(P \| Q) = 1"#, after: " iff $P = Q$")
    #expect(wrong.status == .failed, "\(wrong.reason)")
}

@Test func aConditionInWordsLeavesAFalseFormulaUnchecked() {
    for (before, after) in [("If $X$ and $Y$ are independent, ", ""), ("", " when X and Y are independent"),
                            ("当 $X$ 与 $Y$ 独立时：", ""), ("", "（独立时）")] {
        let claim = judge(#"H(X,Y) = H(X) + H(Y)"#, before: before, after: after)
        #expect(claim.status == .unchecked, "\(before)|\(after): \(claim.reason)")
    }
    // Words inside the formula count too.
    let inside = judge(#"I(X;Y) = 0 \quad \text{iff independent}"#)
    #expect(inside.status == .unchecked, "\(inside.reason)")
}

@Test func aConditionDoesNotHideAFormulaThatHoldsAnyway() {
    let claim = judge(#"H(X|Y) \le H(X)"#, before: "For any random variables,", after: " with equality iff independent")
    #expect(claim.status == .verified, "\(claim.reason)")
}

@Test func aComparisonWithAConstantThatFailsIsASpecialCase() {
    // Without its condition, `D(P ‖ Q) = 0` is false for random P, Q, but an equation with a
    // constant is how notes state special cases: unchecked, never failed.
    let claim = judge(#"D_{\text{KL}}(P \| Q) = 0"#)
    #expect(claim.status == .unchecked, "\(claim.reason)")
    #expect(claim.reason.contains("constant"))
    // Without a constant, a formula false for random distributions fails.
    #expect(judge(#"D_{\text{KL}}(P \| Q) = 2 D_{\text{KL}}(Q \| P)"#).status == .failed)
}

@Test func theOptOutCommentLeavesAFormulaUnchecked() {
    let claim = judge(#"H(X|Y) = H(X) - H(Y)"#, after: " %%unchecked%% and more")
    #expect(claim.status == .unchecked)
    #expect(claim.reason.contains("%%unchecked%%"))
}

@Test func notEqualMeansNotIdenticallyEqual() {
    let differ = judge(#"H(P) \neq H(Q)"#)
    #expect(differ.status == .verified, "\(differ.reason)")
    #expect(differ.counterexample != nil)
    let same = judge(#"I(X;Y) \ne I(Y;X)"#)
    #expect(same.status == .failed, "\(same.reason)")
    #expect(same.reason.contains("identically equal"))
}

@Test func bitsFollowLogBaseTwo() {
    // In bits the entropy of 3 outcomes is at most log2 3 ≈ 1.585; in nats it is at most 1.0986.
    #expect(judge(#"H(X) \le \log_2 |\mathcal{X}|"#).status == .verified)
    // Bounds by a number of outcomes the formula does not give are not verified.
    #expect(judge(#"H(X) \le \log_2 3"#).status == .unchecked)
    #expect(judge(#"H(X) \le \log 3"#).status == .unchecked)
    // log_2 puts H in bits: the sum in bits equals it, and twice it does not.
    #expect(judge(#"H(X) = -\sum_x p(x) \log_2 p(x)"#).status == .verified)
    #expect(judge(#"2 H(X) = -\sum_x p(x) \log_2 p(x)"#).status == .failed)
    #expect(judge(#"H(X) = -\sum_x p(x) \ln p(x)"#).status == .verified)
}

@Test func writtenDecimalsCompareAtTheirPrecision() {
    #expect(judge(#"\mathrm{JS}(P \| Q) \le 0.6932"#).status == .verified) // ln 2 = 0.693147…
    #expect(judge(#"H(P) \le 1.3"#).status == .unchecked)
}

@Test func anInequalityWhoseSidesFallEitherWayIsAboutParticularDistributions() {
    // True of a Markov chain Y → X → Z, or of two particular distributions; not in general,
    // and not its reverse either: unchecked, never failed.
    for tex in [#"I(Z; Y) \le I(X; Y)"#, #"H(P) < H(Q)"#, #"D_{KL}(P \| Q) \ge H(P)"#] {
        let claim = judge(tex)
        #expect(claim.status == .unchecked, "\(tex): \(claim.reason)")
        #expect(claim.reason.contains("no fixed order"), "\(tex): \(claim.reason)")
    }
    // A wrong inequality whose reverse always holds is a plain error.
    #expect(judge(#"H(X) \le H(X \mid Y)"#).status == .failed)
}

@Test func anEquationThatHoldsForIndependentVariablesIsASpecialCase() {
    for tex in [#"H(X,Y) = H(X) + H(Y)"#, #"H(Y \mid X) = H(Y)"#, #"H(X|Y,Z) = H(X|Z)"#] {
        let claim = judge(tex)
        #expect(claim.status == .unchecked, "\(tex): \(claim.reason)")
        #expect(claim.reason.contains("independent"), "\(tex): \(claim.reason)")
    }
    // Wrong identities are wrong for independent variables too.
    for tex in [#"H(X|Y) = H(X) - H(Y)"#, #"I(X;Y) = H(X) + H(Y)"#, #"H(X,Y) = H(X) + H(X|Y)"#] {
        #expect(judge(tex).status == .failed, "\(tex)")
    }
}

@Test func onlyFormulasThatMayHoldARelationAreParsed() {
    for tex in [#"H(P)"#, #"P_{\text{data}}"#, #"\log \frac{P(x)}{Q(x)}"#, "X"] {
        #expect(!FormulaSession.mayHoldARelation(tex), "\(tex)")
    }
    for tex in [#"a = b"#, #"a \le b"#, #"a \geq b"#, #"a \neq b"#, "a ≤ b", #"a \approx b"#, #"x < y"#, #"M \coloneqq P"#] {
        #expect(FormulaSession.mayHoldARelation(tex), "\(tex)")
    }
}

@Test func aConditionInsideTheFormulaIsApplied() {
    for tex in [#"D_{\text{KL}}(P \| Q) = 0 \iff P = Q"#, #"D_{KL}(P\|Q) = 0 \text{ iff } P = Q"#,
                #"P = Q \implies D_{KL}(P \| Q) = 0"#, #"D_{KL}(P\|Q) = 0 \Leftrightarrow P = Q"#,
                #"D_{KL}(p\|q) = 0 \quad \text{当且仅当} \quad p = q"#] {
        let claim = judge(tex)
        #expect(claim.status == .verified, "\(tex): \(claim.reason)")
        #expect(claim.reason.contains("where"), "\(tex): \(claim.reason)")
    }
    #expect(judge(#"D_{KL}(P\|Q) = 1 \iff P = Q"#).status == .failed)
    // A condition QED cannot apply leaves a false formula unchecked.
    let independent = judge(#"I(X;Y) = H(X) \iff Y = f(X)"#)
    #expect(independent.status == .unchecked, "\(independent.reason)")
    #expect(judge(#"\iff P = Q"#).status == .unchecked)
}

@Test func aDefinitionBesideTheClaimHoldsForIt() {
    for tex in [#"JS(P \| Q) = \frac{1}{2} D_{KL}(P \| M) + \frac{1}{2} D_{KL}(Q \| M), \quad M = \frac{1}{2}(P + Q)"#,
                #"JS(P \| Q) = \frac12 D(P \| M) + \frac12 D(Q \| M) \quad \text{where } M = \frac{P+Q}{2}"#] {
        let claim = judge(tex)
        #expect(claim.status == .verified, "\(tex): \(claim.reason)")
    }
    let wrong = judge(#"JS(P \| Q) = D(P \| M), \quad M = \frac{1}{2}(P + Q)"#)
    #expect(wrong.status == .failed, "\(wrong.reason)")
    // The local definition does not outlive its formula.
    let claims = FormulaChecker().check(formulas: [
        (#"JS(P \| Q) \le D(P \| M), \quad M = \frac{1}{2}(P + Q)"#, "", ""),
        (#"JS(P \| Q) = \frac12 D(P \| M) + \frac12 D(Q \| M)"#, "", ""),
    ])
    #expect(claims[1].status == .unchecked, "\(claims[1].reason)")
}

@Test func anOutcomeIsNotANumber() {
    for tex in [#"\mathbb{E}[X] \ge 0"#, #"\sum_x x P(x) \ge 0"#, #"\log \mathbb{E}[X] \ge \mathbb{E}[\log X]"#] {
        let claim = judge(tex)
        #expect(claim.status == .unchecked, "\(tex): \(claim.reason)")
    }
}

@Test func anApproximationThatFailsIsUncheckedAndOneThatHoldsIsVerified() {
    let regime = judge(#"D_{KL}(P \| Q) \approx \frac{1}{2} \sum_x \frac{(P(x) - Q(x))^2}{P(x)}"#)
    #expect(regime.status == .unchecked, "\(regime.reason)")
    #expect(regime.reason.contains("≈"))
    #expect(judge(#"H(P, Q) \approx H(P) + D_{KL}(P \| Q)"#).status == .verified)
}

@Test func aConstantThatDependsOnTheNumberOfOutcomesIsNotVerified() {
    // X takes 3 values in the first draws, so log 3 bounds its entropy there, but not in general.
    let sized = judge(#"H(X) \le \log 3"#)
    #expect(sized.status == .unchecked, "\(sized.reason)")
    #expect(sized.reason.contains("number of outcomes"))
    #expect(judge(#"H(P) \le \log 4"#).status == .unchecked)
    // Bounds that hold at every size stay verified.
    #expect(judge(#"\mathrm{JS}(P \| Q) \le \log 2"#).status == .verified)
    #expect(judge(#"0 \le H(X) \le \log |\mathcal{X}|"#).status == .verified)
}
