import Foundation
import Testing
@testable import Site

/// Seeded random cuts and splices of realistic inputs to the page readers (the same entry as
/// the `page-readers` fuzz target): never a trap, and quick.
@Suite struct PageReaderMutationTests {
    static let seeds = [
        "<p>中文见<a href=\"x\">链接</a>文字，<em>强调</em>。</p><ul><li>甲</li></ul><br/>&amp;&lt;&#39;",
        "var hljs = (function(){ hljs.registerLanguage = f; })();\nhljs.registerLanguage('python', function(hljs) {\n  return {};\n});\n",
        "{\"zh\": {\"linkedFrom\": \"被引用\"}, \"en\": {\"search\": \"Find\"}}",
        "2026-02-13T08:30:00+08:00",
        "AI/深度学习/Softmax温度与熵.md",
    ]

    @Test func mutatedInputsAreTotal() {
        var state: UInt64 = 0x5EED_0016
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let pieces = ["<", ">", "/", "&", ";", "'", "\n", "hljs.registerLanguage('", "{", "}", "\"", "-", "年", "<pre>", "</p>"]
        let start = Date()
        for _ in 0..<3000 {
            var scalars = Array(Self.seeds[next() % Self.seeds.count].unicodeScalars)
            for _ in 0..<(1 + next() % 4) {
                let at = next() % (scalars.count + 1)
                let length = min(next() % 12, scalars.count - at)
                if next() % 2 == 0 { scalars.removeSubrange(at..<(at + length)) } else {
                    scalars.insert(contentsOf: pieces[next() % pieces.count].unicodeScalars, at: at)
                }
            }
            PageReaders.exercise(String(String.UnicodeScalarView(scalars)))
        }
        #expect(Date().timeIntervalSince(start) < 5)
        // Long inputs stay linear.
        PageReaders.exercise(String(repeating: "<a>x</a>", count: 50_000))
        PageReaders.exercise(String(repeating: "hljs.registerLanguage('x'\n", count: 20_000))
    }
}
