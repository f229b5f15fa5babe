import Diagnostics
import Formulas
import Notes
import Testing
@testable import Verification

private func verify(_ text: String, config: VaultConfig = VaultConfig()) -> VerifiedNote {
    let note = Note.parse(bytes: Array(text.utf8), path: "f.md")
    let vault = Vault(assembledAt: "/vault", config: config, notes: [note])
    return Verifier(vault: vault).verify(note)
}

private let wrong = """
    # f

    Chain rule, mistyped: $H(X,Y) = H(X) + H(X \\mid Y)$ and right: $H(X,Y) = H(X) + H(Y \\mid X)$.
    """

@Test func aFailedFormulaIsALocatedErrorAndFailsTheNote() {
    let verified = verify(wrong)
    #expect(verified.formulas.map(\.status) == [.failed, .verified])
    let errors = verified.diagnostics.filter { $0.code == .formulaFailed }
    #expect(errors.count == 1)
    #expect(errors.first?.severity == .error)
    #expect(errors.first?.location == SourceLocation(file: "f.md", line: 3, column: 24))
    #expect(errors.first?.message.contains("counterexample: P(X, Y)") == true)
    #expect(verified.status == .failed)
}

@Test func verifiedFormulasAloneMakeANoteVerified() {
    let verified = verify("# f\n\n$H(X,Y) = H(X) + H(Y \\mid X)$\n")
    #expect(verified.status == .verified)
    #expect(verified.claims.isEmpty)
}

@Test func formulasCanBeTurnedOffForTheVaultOrTheNote() {
    var config = VaultConfig()
    config.formulas = false
    let off = verify(wrong, config: config)
    #expect(off.formulas.isEmpty)
    #expect(!off.diagnostics.contains { $0.code == .formulaFailed })
    let note = verify("---\nqed: {formulas: false}\n---\n" + wrong)
    #expect(note.formulas.isEmpty)
    #expect(note.note.frontMatter.qedFormulas == false)
    let on = verify("---\nqed: {formulas: true}\n---\n" + wrong, config: config)
    #expect(on.formulas.count == 2)
}

@Test func theReportCountsFormulasApartFromClaims() {
    let note = Note.parse(bytes: Array(wrong.utf8), path: "f.md")
    let report = Verifier(vault: Vault(assembledAt: "/vault", notes: [note])).verifyAll()
    #expect(report.formulaCounts == FormulaCounts(report.notes[0].formulas))
    #expect(report.formulaCounts.verified == 1)
    #expect(report.formulaCounts.failed == 1)
    #expect(report.summary.contains("1 formula verified, 1 formula failed"), "\(report.summary)")
    #expect(!report.succeeded)
}

@Test func qedYmlAcceptsFormulasAndWarnsOnAWrongValue() {
    let (config, problems) = VaultConfig.parse("formulas: false\n")
    #expect(config.formulas == false)
    #expect(problems.isEmpty)
    let (fallback, warnings) = VaultConfig.parse("formulas: maybe\n")
    #expect(fallback.formulas == true)
    #expect(warnings.first?.code == .configType)
}
