import Diagnostics
import Testing
@testable import Notes

/// A broken front matter is reported on the line that opened the broken construct, not on
/// the closing `---` where libyaml noticed it.
@Suite struct YAMLLocationTests {
    private func yamlError(_ text: String) throws -> Diagnostic {
        try #require(note(text).diagnostics.first { $0.code == .frontMatterYAML })
    }

    @Test func anUnclosedFlowListIsReportedWhereItOpens() throws {
        let d = try yamlError("---\ntitle: T\ntags: [a, b\n---\n# x\n")
        #expect(d.location?.line == 3)
        #expect(d.location?.column == 7)
        #expect(d.message.contains("flow sequence"))
    }

    @Test func anUnclosedFlowMappingAndQuoteToo() throws {
        #expect(try yamlError("---\nqed: {tolerance: 1\ntitle: x\n---\n").location?.line == 2)
        #expect(try yamlError("---\ntitle: \"abc\ntags: [a]\n---\n").location?.line == 2)
    }

    @Test func otherErrorsStayWhereLibyamlFoundThem() throws {
        // A block mapping's context is its first key (line 2); the problem is on line 3.
        let d = try yamlError("---\ntitle: T\n  bad: indent\n---\n")
        #expect(d.location?.line == 3)
        #expect(try yamlError("---\na: b: c\n---\n").location?.line == 2)
    }

    /// Mutated front matter always parses to a note, and a YAML error is always located
    /// inside the front matter (between the opening and the closing `---`).
    @Test func mutatedFrontMatterIsLocatedInsideIt() {
        let seeds = ["title: T\ntags: [a, b]\naliases: [x]", "qed: {tolerance: 1e-6}\nbrief: \"x\"", "tags:\n  - a\n  - 'b'"]
        let pieces = ["[", "]", "{", "}", "\"", "'", ":", ",", "\n", "  ", "- ", "#", "&a", "*a", "|"]
        var state: UInt64 = 0xF00D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<2000 {
            var scalars = Array(seeds[next() % seeds.count].unicodeScalars)
            for _ in 0..<(1 + next() % 3) {
                let at = next() % (scalars.count + 1)
                scalars.insert(contentsOf: pieces[next() % pieces.count].unicodeScalars, at: at)
            }
            let yaml = String(String.UnicodeScalarView(scalars))
            let lastLine = 2 + yaml.utf8.count { $0 == UInt8(ascii: "\n") }
            let n = note("---\n" + yaml + "\n---\n# Body\n")
            for d in n.diagnostics where d.code == .frontMatterYAML {
                #expect((2...(lastLine + 1)).contains(d.location?.line ?? 0), "\(yaml)")
            }
        }
    }
}
