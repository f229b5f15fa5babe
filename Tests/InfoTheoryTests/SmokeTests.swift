import Testing
@testable import InfoTheory

@Test func entropyOfTheSeedExample() throws {
    let h = try entropy([0.5, 0.25, 0.25])
    #expect(abs(h - 1.0397207708399179) < 1e-15)
    let bits = try entropy([0.5, 0.25, 0.25], base: .bits)
    #expect(abs(bits - 1.5) < 1e-15)
}

@Test func unnormalisedInputIsRejectedWithTheAmount() {
    #expect(throws: InfoTheoryError.notNormalized(argument: "P", sum: 0.98, tolerance: 1e-9)) {
        try entropy([0.5, 0.48])
    }
    let message = InfoTheoryError.notNormalized(argument: "P", sum: 0.98, tolerance: 1e-9).description
    #expect(message.hasPrefix("P sums to 0.98, not 1 (off by 0.02; tolerance 1e-9)"))
}
