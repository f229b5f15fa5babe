import Foundation
import Testing
@testable import TeXMath

/// Golden MathML for a few hundred formulas typical of ML and math notes, kept in
/// `Fixtures/snapshots.txt`. Regenerate with `QED_UPDATE_SNAPSHOTS=1 swift test --filter Snapshot`
/// after checking the rendering (see the screenshot procedure in the module report).
struct SnapshotTests {
    struct Case {
        var display: Bool
        var tex: String
        var expected: String
    }

    static let fixtureURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/snapshots.txt")

    static func loadCases() throws -> (header: [String], cases: [Case]) {
        let url = Bundle.module.url(forResource: "snapshots", withExtension: "txt", subdirectory: "Fixtures") ?? fixtureURL
        let text = try String(contentsOf: url, encoding: .utf8)
        var header: [String] = []
        var cases: [Case] = []
        var mode: Bool?
        var texLines: [String] = []
        var expectedLines: [String] = []
        var inExpected = false
        func flush() {
            guard let display = mode else { return }
            while expectedLines.last == "" { expectedLines.removeLast() }
            cases.append(Case(display: display, tex: texLines.joined(separator: "\n"),
                              expected: expectedLines.joined(separator: "\n")))
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("=== ") {
                flush()
                mode = line == "=== display"
                texLines = []
                expectedLines = []
                inExpected = false
            } else if mode == nil {
                header.append(line)
            } else if !inExpected, line == "---" {
                inExpected = true
            } else if inExpected {
                expectedLines.append(line)
            } else {
                texLines.append(line)
            }
        }
        flush()
        return (header, cases)
    }

    @Test func fixtureHasEnoughFormulas() throws {
        let cases = try Self.loadCases().cases
        #expect(cases.count >= 150)
        #expect(cases.contains { $0.tex.contains("\\text{中文}") })
    }

    @Test func snapshotsMatchAndAreWellFormed() throws {
        let (header, cases) = try Self.loadCases()
        let update = ProcessInfo.processInfo.environment["QED_UPDATE_SNAPSHOTS"] == "1"
        var rewritten = header.joined(separator: "\n")
        for testCase in cases {
            let conversion = converter.convert(testCase.tex, display: testCase.display)
            #expect(xmlError(conversion.mathML) == nil, "not well-formed XML for \(testCase.tex)")
            if update {
                rewritten += "\n=== \(testCase.display ? "display" : "inline")\n\(testCase.tex)\n---\n\(conversion.mathML)\n"
            } else {
                #expect(conversion.mathML == testCase.expected, "snapshot differs for \(testCase.tex)")
            }
        }
        if update {
            try rewritten.write(to: Self.fixtureURL, atomically: true, encoding: .utf8)
        }
    }

    /// Every formula of the seed note converts without a diagnostic.
    @Test func seedNoteFormulasConvertCleanly() throws {
        let cases = try Self.loadCases().cases.prefix(26)
        #expect(cases.count == 26)
        for testCase in cases {
            let conversion = converter.convert(testCase.tex, display: testCase.display)
            #expect(conversion.diagnostics.isEmpty, "\(testCase.tex): \(conversion.diagnostics)")
        }
    }

    /// Only the deliberately malformed formulas of the fixture produce diagnostics.
    @Test func onlyMalformedFormulasHaveDiagnostics() throws {
        var withDiagnostics: [String] = []
        for testCase in try Self.loadCases().cases
        where !converter.convert(testCase.tex, display: testCase.display).diagnostics.isEmpty {
            withDiagnostics.append(testCase.tex)
        }
        #expect(withDiagnostics == Self.malformed)
    }

    static let malformed: [String] = [
        "x < y > z & w", "\\unknowncmd{x} + 1", "\\fracc{1}{2}", "x^", "{a + b", "a + b}", "\\left( x",
        "x \\right)", "\\frac{1}", "\\sqrt", "\\color{red\" onclick=\"x}{y}", "<script>&amp;</script>",
        "\\begin{foo} a \\end{foo}", "\\begin{pmatrix} a \\end{bmatrix}", "x^1^2", "\\middle|", "\\",
        "\\def\\x{\\x}\\x", "\\begin{matrix}[",
    ]

    @Test func outputIsDeterministic() throws {
        for testCase in try Self.loadCases().cases {
            let first = converter.convert(testCase.tex, display: testCase.display)
            let second = TeXMathConverter().convert(testCase.tex, display: testCase.display)
            #expect(first == second)
        }
    }
}
