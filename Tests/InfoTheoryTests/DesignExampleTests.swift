import Testing
@testable import InfoTheory

/// The cell from DESIGN.md, which every note must be able to run:
///   P = [0.5, 0.25, 0.25]; Q = [0.4, 0.4, 0.2]
///   H(P) → 1.0397 nats; check H(P, Q) ≈ H(P) + KL(P ‖ Q); KL ≥ 0; KL(P ‖ Q) ≠ KL(Q ‖ P)
@Suite struct DesignExample {
    let p = [0.5, 0.25, 0.25]
    let q = [0.4, 0.4, 0.2]

    @Test func entropyOfP() throws {
        #expect(abs(try entropy(p) - 1.0397207708399179) < 1e-15)
        #expect(abs(try entropy(p, base: .bits) - 1.5) < 1e-15)
    }

    @Test func theCellsClaimsHold() throws {
        let hpq = try crossEntropy(p, q), hp = try entropy(p), kl = try klDivergence(p, q)
        #expect(abs(hpq - (hp + kl)) <= 1e-9 * abs(hpq))
        #expect(kl >= 0)
        #expect(kl != (try klDivergence(q, p)))
    }

    @Test func unnormalisedInputIsRejectedWithTheAmount() {
        #expect(throws: InfoTheoryError.notNormalized(argument: "P", sum: 0.98, tolerance: 1e-9)) {
            try entropy([0.5, 0.48])
        }
        let message = InfoTheoryError.notNormalized(argument: "P", sum: 0.98, tolerance: 1e-9).description
        #expect(message.hasPrefix("P sums to 0.98, not 1 (off by 0.02; tolerance 1e-9)"))
    }
}
