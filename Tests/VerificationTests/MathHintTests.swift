import Diagnostics
import Notes
import Testing
@testable import Verification

/// Each kind of formula problem carries advice about that kind.
@Suite struct MathHintTests {
    private func mathWarnings(_ tex: String) -> [Diagnostic] {
        let note = Note.parse(bytes: Array("Text $\(tex)$ here.\n".utf8), path: "m.md")
        let vault = Vault(assembledAt: "/vault", notes: [note])
        return Verifier(vault: vault).verify(note).diagnostics.filter { $0.code == .math }
    }

    @Test func anUnclosedBraceIsNotCalledAnUnknownCommand() throws {
        let warning = try #require(mathWarnings("\\frac{a}{b").first)
        #expect(warning.message.contains("missing '}'"))
        let hint = try #require(warning.hint)
        #expect(hint.contains("brace"))
        #expect(!hint.contains("unknown"))
    }

    @Test func anUnknownCommandKeepsItsHint() throws {
        let warning = try #require(mathWarnings("\\fracc{1}{2}").first)
        #expect(warning.hint?.contains("unknown command") == true)
    }

    @Test func everyKindHasItsOwnWordsOrNone() {
        for kind in [MathDiagnosticKindProbe.unmatchedLeft, .doubleScript] {
            let warning = mathWarnings(kind.tex).first
            #expect(warning?.hint?.contains("unknown") == false, "\(kind.tex): \(warning?.hint ?? "nil")")
        }
    }
}

private enum MathDiagnosticKindProbe {
    case unmatchedLeft, doubleScript
    var tex: String {
        switch self {
        case .unmatchedLeft: return "\\left( x"
        case .doubleScript: return "x^a^b"
        }
    }
}
