import Testing
@testable import TeXMath

/// Issue 17's traps and error-heavy inputs. Time is bounded by counting work (diagnostics
/// kept, output size), not by the clock.
struct RegressionTests {
    @Test(arguments: ["matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
                      "matrix*", "pmatrix*", "cases", "array", "aligned"])
    func anEnvironmentFollowedByABracketDoesNotTrap(_ name: String) {
        for tail in ["[", "[r", "[]", "[r]x\\end{\(name)}", "[", "{[}"] {
            for display in [false, true] {
                let conversion = converter.convert("\\begin{\(name)}" + tail, display: display)
                #expect(xmlError(conversion.mathML) == nil)
            }
        }
        // Not an option without its `]`: the bracket stays visible as the first cell
        // (`array` reads it as its column specification instead).
        let conversion = display("\\begin{\(name)}[")
        if name != "array" {
            #expect(conversion.mathML.contains("<mo fence=\"true\" stretchy=\"false\">[</mo>"))
        }
    }

    @Test func twentyThousandUnknownCommandsAreCappedAndSummarised() {
        let tex = Array(repeating: "\\foo", count: 20_000).joined(separator: " ")
        let conversion = inline(tex)
        #expect(conversion.diagnostics.count == Parser.maxDiagnostics + 1)
        let summary = conversion.diagnostics.last
        #expect(summary?.kind == .tooManyProblems)
        #expect(summary?.message.contains("19950 more") == true)
        // Placed at the first problem not listed: the 51st `\foo`, five bytes apart.
        let first = 5 * Parser.maxDiagnostics
        #expect(summary?.range == first..<(first + 1))
        // Every unknown command still shows, marked.
        #expect(conversion.mathML.components(separatedBy: "qed-math-error").count - 1 == 20_000)
        #expect(conversion.hasUnknownCommands)
    }

    @Test func repeatedScriptsStayLinear() {
        for unit in ["x^1_2", "x^1^2", "x_1_2'"] {
            let tex = String(repeating: unit, count: 20_000)
            let conversion = display(tex)
            #expect(conversion.diagnostics.count <= Parser.maxDiagnostics + 1)
            // Output grows with the input, not with its square.
            #expect(conversion.mathML.utf8.count < 200 * tex.utf8.count)
            if unit == "x^1^2" { #expect(xmlError(conversion.mathML) == nil) }
        }
    }

    @Test func hundredThousandUnbalancedBracesAreCapped() {
        let tex = String(repeating: "}", count: 100_000)
        let conversion = display(tex)
        #expect(conversion.diagnostics.count == Parser.maxDiagnostics + 1)
        #expect(conversion.diagnostics.first?.range == 0..<1)
        #expect(xmlError(conversion.mathML) == nil)
    }

    @Test func manyNestedTextFormulasAreConvertedOnce() {
        let tex = String(repeating: "\\text{a $x^2$ b}", count: 5_000)
        let conversion = inline(tex)
        #expect(conversion.diagnostics.isEmpty)
        #expect(conversion.mathML.components(separatedBy: "<msup>").count - 1 == 5_000)
    }

    @Test func aReportOnAHugeLineShowsAWindowNotTheLine() {
        let tex = String(repeating: "x + ", count: 100_000) + "\\bogus" + String(repeating: " + y", count: 100_000)
        let conversion = inline(tex)
        let diagnostic = conversion.diagnostics.first
        let report = diagnostic?.formatted(in: tex) ?? ""
        #expect(report.utf8.count < 400)
        #expect(report.hasPrefix("1:400001: unknown command '\\bogus'"))
        let lines = report.split(separator: "\n")
        #expect(lines.count == 3)
        // The caret sits under the command in the excerpt.
        if lines.count == 3, let caret = lines[2].firstIndex(of: "^") {
            let column = lines[2].distance(from: lines[2].startIndex, to: caret)
            let excerpt = Array(lines[1])
            #expect(String(excerpt[column..<min(excerpt.count, column + 6)]) == "\\bogus")
        }
    }

    @Test func diagnosticsStayInsideTheFormula() {
        for tex in ["\\begin{matrix}[", "\\left(", "x^", "\\", "{", "\\sqrt[", "\\text{", "\\def\\x{\\x}\\x", "\\newcommand"] {
            let conversion = inline(tex)
            for diagnostic in conversion.diagnostics {
                #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= tex.utf8.count, "\(tex)")
            }
        }
    }
}
