import Diagnostics
import Formulas
import Notes
import Testing

private func claims(_ text: String) -> [FormulaClaim] {
    FormulaChecker().check(Note.parse(bytes: Array(text.utf8), path: "n.md").math)
}

@Test func theProseAroundMathIsCutFromTheNote() {
    let note = Note.parse(bytes: Array("intro line\n\n$$a = b$$\nafter it\n\nx $c$ y %%z%%\nnext\n".utf8), path: "n.md")
    #expect(note.math.count == 2)
    #expect(note.math[0].proseBefore.contains("intro line"))
    #expect(note.math[0].proseAfter.contains("after it"))
    #expect(note.math[1].proseBefore == "x ")
    #expect(note.math[1].proseAfter == " y %%z%%")
}

@Test func theProseIsBoundedAndStaysValidText() {
    let long = String(repeating: "长", count: 400)
    let note = Note.parse(bytes: Array("\(long)$H(X) \\ge 0$\(long)\n".utf8), path: "n.md")
    #expect(note.math.count == 1)
    #expect(note.math[0].proseBefore.utf8.count <= 240)
    #expect(note.math[0].proseAfter.utf8.count <= 240)
    #expect(note.math[0].proseAfter.allSatisfy { $0 == "长" })
}

@Test func failedFormulasAreLocatedAtTheirTeX() {
    let result = claims("""
        # t

        Wrong: $H(X|Y) = H(X) - H(Y)$.

        $$
        D_{KL}(P\\|Q) = D_{KL}(Q\\|P)
        $$
        """)
    #expect(result.map(\.status) == [.failed, .failed])
    #expect(result[0].location.line == 3)
    #expect(result[0].location.column == 9)
    #expect(result[1].location.line == 5)
    #expect(result[1].mathIndex == 1)
}

@Test func theOptOutWorksInANote() {
    let result = claims("Wrong on purpose: $H(X|Y) = H(X) - H(Y)$%%unchecked%% and $H(X) \\ge 0$.\n")
    #expect(result.map(\.status) == [.unchecked, .verified])
}

@Test func definitionsCarryForwardWithinANoteOnly() {
    let first = claims("$M = \\frac{1}{2}(P + Q)$ and then $JS(P \\| Q) = \\frac12 D_{KL}(P \\| M) + \\frac12 D_{KL}(Q \\| M)$.\n")
    #expect(first.map(\.status) == [.unchecked, .verified])
    let second = claims("$JS(P \\| Q) = \\frac12 D_{KL}(P \\| M) + \\frac12 D_{KL}(Q \\| M)$ before $M = \\frac{1}{2}(P + Q)$.\n")
    #expect(second[0].status == .unchecked)
}

@Test func theSeedNotesConditionIsApplied() {
    let result = claims("- $D_{\\text{KL}}(P \\| Q) = 0$ 当且仅当 $P = Q$\n")
    #expect(result.map(\.status) == [.verified, .unchecked])
}
