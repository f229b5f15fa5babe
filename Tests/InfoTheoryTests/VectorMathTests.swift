import Foundation
import Testing
@testable import InfoTheory

/// The SIMD exp must agree with libm to within one ulp everywhere (both are < 1 ulp from
/// the truth), and handle every special lane through the scalar fallback.
@Suite struct VectorMath {
    func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / max(a.ulp, b.ulp)
    }

    @Test func vectorExpMatchesLibm() {
        var g = SeededGenerator(seed: 22)
        var worst = 0.0
        for _ in 0..<50_000 {
            let a = (g.nextUniform() - 0.5) * 1400, b = (g.nextUniform() - 0.5) * 1e-6
            let c = -g.nextUniform() * 40, d = (g.nextUniform() - 0.5) * 2
            let v = vectorExp(D4(a, b, c, d))
            for (k, x) in [a, b, c, d].enumerated() { worst = max(worst, ulps(v[k], exp(x))) }
        }
        #expect(worst <= 1, "max difference \(worst) ulps")
    }

    @Test func vectorExpSpecialLanes() {
        let v = vectorExp(D4(-.infinity, .infinity, -1000, 710))
        #expect(v[0] == 0 && v[1] == .infinity && v[2] == 0 && v[3] == .infinity)
        let w = vectorExp(D4(0, 1, -1, 708))
        #expect(w[0] == 1 && ulps(w[1], exp(1.0)) <= 1 && ulps(w[2], exp(-1.0)) <= 1 && ulps(w[3], exp(708.0)) <= 1)
        #expect(vectorExp(D4(.nan, 0, 0, 0))[0].isNaN)
    }
}
