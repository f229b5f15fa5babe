import InfoTheory
import Diagnostics
import Testing
@testable import Cells

/// Claims after a runtime error (or in a cell that did not parse) are counted as not run,
/// never silently dropped.
@Suite struct NotRunTests {
    @Test func claimsBelowARuntimeErrorAreNotRun() {
        let result = run("""
            P = [0.5, 0.5]
            check H(P) > 0
            x = entorpy(P)
            check H(P) < 1
            forall Q in simplex(3): check H(Q) ≥ 0
            """, firstLine: 10)
        #expect(result.claims.count == 1)
        #expect(result.notRun.map(\.location.line) == [13, 14])
        #expect(result.notRun.map(\.isProperty) == [false, true])
        #expect(result.notRun.map(\.source) == ["check H(P) < 1", "forall Q in simplex(3): check H(Q) ≥ 0"])
        #expect(result.notRun.allSatisfy { $0.reason == .stoppedAtError(line: 12) })
        #expect(result.claims.count + result.notRun.count == 3)
    }

    @Test func aClaimThatRaisesIsItselfNotRun() {
        let result = run("check entorpy([1]) > 0\ncheck 1 < 2")
        #expect(result.claims.isEmpty)
        #expect(result.notRun.map(\.location.line) == [1, 2])
        #expect(result.diagnostics.first?.code == .unknownFunction)
    }

    @Test func aCellWithoutErrorsHasNothingNotRun() {
        let result = run("check 1 < 2\nforall x in interval(0, 1): check x ≥ 0")
        #expect(result.notRun.isEmpty)
        #expect(result.claims.count == 2)
    }

    @Test func aSyntaxErrorLeavesEveryClaimNotRunBrokenOnesIncluded() {
        let result = run("check 1 < 2\nx = (1 +\ncheck 2 ≈≈ 3\nforall P in simplex(2): check H(P) ≥ 0")
        #expect(result.hasSyntaxError)
        #expect(result.claims.isEmpty)
        #expect(result.notRun.map(\.location.line) == [1, 3, 4])
        #expect(result.notRun.allSatisfy { $0.reason == .syntaxError })
    }

    @Test func aCellTheLexerRejectsStillCountsItsClaimLines() {
        let result = run("check 1 < 2\ny = \"unterminated\n  check 3 > 2 // indented\ncheckout = 1")
        #expect(result.hasSyntaxError)
        #expect(result.notRun.map(\.location.line) == [1, 3])
        #expect(result.notRun.last?.location.column == 3)
        #expect(result.notRun.last?.source == "check 3 > 2 // indented")
    }

    @Test func claimsOfASkippedCellAreFoundWithoutRunning() {
        let cell = CellSource(code: "x = undefined_name\ncheck x > 0; check 1 < 2", file: "n.md", firstLine: 5, columnOffset: 2)
        let claims = Notebook.claims(in: cell)
        #expect(claims.map(\.location.line) == [6, 6])
        #expect(claims.map(\.location.column) == [3, 16])
        #expect(claims.allSatisfy { $0.reason == .skipped })
    }

    @Test func aNotRunClaimIsALocatedNoteNotAnError() {
        let result = run("x = nope\ncheck 1 < 2")
        let diagnostic = result.notRun[0].diagnostic
        #expect(diagnostic.severity == .note)
        #expect(diagnostic.code == .claimNotRun)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.message.contains("line 1"))
    }

    /// Random mutations of cells with claims: counting claims never traps, and a cell that
    /// parses, fails to parse or stops early accounts for every claim as passed, failed or not run.
    @Test func mutatedCellsAlwaysAccountForTheirClaims() {
        let corpus = ["P = [0.5, 0.5]\ncheck H(P) > 0\nx = entorpy(P)\ncheck H(P) < 1",
                      "forall Q in simplex(3): check H(Q) ≥ 0 within 1e-9\ncheck 1 < 2; check 2 == 2",
                      "f(x) = x^2\ncheck f(2) ≈ 4.0\n\"s\ncheck 1 > 0"]
        var generator = SeededGenerator(seed: 0x5EED_16)
        let pieces = ["check ", "forall ", "\n", ";", "(", ")", "\"", "≈", "x", " in ", "simplex(2)", ":", "1"]
        for _ in 0..<1500 {
            var scalars = Array(corpus[Int(generator.next() % UInt64(corpus.count))].unicodeScalars)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let at = Int(generator.next() % UInt64(scalars.count + 1))
                if generator.next() % 2 == 0, at < scalars.count {
                    scalars.remove(at: at)
                } else {
                    scalars.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))].unicodeScalars, at: at)
                }
            }
            let code = String(String.UnicodeScalarView(scalars))
            let result = run(code, limits: Limits(steps: 20_000, forallCases: 20))
            let found = Notebook.claims(in: CellSource(code: code, file: "note.md"))
            #expect(result.claims.count + result.notRun.count == found.count, "\(code)")
        }
    }
}


/// `kl_div` in the language: PyTorch's argument order and options, located errors.
@Suite struct KLDivBuiltinTests {
    @Test func matchesKLWithPyTorchsArgumentOrder() {
        let sum = number("P = [0.5, 0.25, 0.25]\nQ = [0.4, 0.4, 0.2]\nkl_div(log(Q), P, reduction: \"sum\")")
        #expect(close(sum, 0.04985675617422339, 1e-14))
        let result = run("P = [0.5, 0.25, 0.25]\nQ = [0.4, 0.4, 0.2]\ncheck kl_div(log(Q), P, reduction: \"sum\") ≈ KL(P ‖ Q)\ncheck kl_div(log(Q), P) ≈ KL(P ‖ Q) / 3")
        #expect(result.claims.count == 2 && allPassed(result))
    }

    @Test func batchmeanOnAMatrixAndNoneKeepsTheShape() {
        let batch = number("kl_div(log([[0.4, 0.6], [0.5, 0.5]]), [[0.5, 0.5], [0.1, 0.9]], reduction: \"batchmean\")")
        #expect(close(batch, 0.194238, 1e-5))
        #expect(text("kl_div(log([[0.4, 0.6], [0.5, 0.5]]), [[0.5, 0.5], [0.1, 0.9]], reduction: \"none\")")?.hasPrefix("[[0.111572") == true)
        #expect(text("kl_div([-1, 0], [0, -inf], log_target: true, reduction: \"none\")") == "[1, 0] nats")
    }

    @Test func badArgumentsAreLocated() {
        #expect(firstError("kl_div([0, 0], [0.5, 0.5], reduction: \"batch\")")?.location?.column == 28)
        #expect(firstError("kl_div([0, 0], [0.5, 0.5], reduction: \"batch\")")?.hint?.contains("batchmean") == true)
        #expect(firstError("kl_div([0, 0], [0.5, 0.5, 0])")?.message.contains("same length") == true)
        #expect(firstError("kl_div([[0, 0]], [0.5, 0.5])")?.code == .shape)
        #expect(firstError("kl_div([0, 0], [0.5, 0.5], log_target: 1)")?.code == .type)
        #expect(firstError("kl_div([], [])")?.message.contains("empty") == true)
    }
}

/// A claim's two sides never print alike when they differ.
@Suite struct ClaimDigitsTests {
    @Test func sidesThatDifferPrintDifferently() {
        let message = run("check H([0.25, 0.25, 0.25, 0.25]) < log(4) + 1e-9").claims.first?.message ?? ""
        #expect(message == "1.386294361 nats < 1.386294362", "\(message)")
        let parts = message.components(separatedBy: " < ")
        #expect(parts.count == 2 && parts[0].replacingOccurrences(of: " nats", with: "") != parts[1])
    }

    @Test func vectorsThatDifferPrintDifferently() {
        #expect(run("check [1.0000001, 2] < [1.0000002, 3]").claims.first?.message == "[1.0000001, 2] < [1.0000002, 3]")
        #expect(run("check [1.0000001, 2] < 1.0000002 + 1").claims.first?.message == "[1.0000001, 2] < 2.0000002")
    }

    @Test func approximateAndShortClaimsKeepSixDigits() {
        #expect(run("check 1.5 ≈ 1.5000000001").claims.first?.message == "1.5 ≈ 1.5")
        #expect(run("check 1 < 2 ≤ 2").claims.first?.message == "1 < 2 ≤ 2")
        #expect(run("check 0.1234564 < 0.1234567").claims.first?.message == "0.123456 < 0.123457")
    }
}
