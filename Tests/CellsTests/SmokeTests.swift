import Testing
import Diagnostics
@testable import Cells

@Suite struct DesignExampleTests {
    static let cell = """
        P = [0.5, 0.25, 0.25]
        Q = [0.4, 0.4, 0.2]
        H(P)                              // shown as an output: 1.0397 nats
        check H(P, Q) ≈ H(P) + KL(P ‖ Q)  // a claim: ✓ or a located failure
        check KL(P ‖ Q) ≥ 0
        check KL(P ‖ Q) ≠ KL(Q ‖ P)
        """

    @Test func runsExactlyAsWritten() {
        let result = run(Self.cell, firstLine: 20)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.outputs.count == 1)
        #expect(result.outputs.first?.value.text() == "1.03972 nats")
        #expect(result.outputs.first?.location == SourceLocation(file: "note.md", line: 22, column: 1))
        #expect(result.claims.count == 3)
        #expect(allPassed(result), "\(result.claims.map(\.message))")
        #expect(result.claims.map(\.location.line) == [23, 24, 25])
        #expect(!result.failed)
    }

    @Test func asciiSpellingsWork() {
        let result = run("""
            P = [0.5, 0.25, 0.25]
            Q = [0.4, 0.4, 0.2]
            check H(P, Q) ~= H(P) + KL(P || Q)
            check KL(P || Q) >= 0
            check KL(P || Q) != KL(Q || P)
            check kl(P, Q) <= 1 and not (KL(P || Q) == 0)
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.claims.count == 4)
        #expect(allPassed(result), "\(result.claims.map(\.message))")
    }
}
