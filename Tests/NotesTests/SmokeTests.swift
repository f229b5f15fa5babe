import Testing
@testable import Notes

@Suite struct SmokeTests {
    @Test func basicNote() {
        let n = note("---\ntitle: 你好\n---\n# Head $x$\n\nText $a_1 * b$ and [[Other|o]].\n\n$$\nE = mc^2\n$$\n\n```qed hide\nH([0.5])\n```\n")
        print(n.body.html)
        print(plainRender(n))
        print(n.diagnostics)
        print(n.math.map { ($0.tex, $0.location) })
        #expect(n.title == "你好")
    }
}
