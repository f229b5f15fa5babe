import Diagnostics
import Testing
@testable import Notes

/// A note shaped like the first user's notes (our own text): Chinese prose, display and
/// inline math with \text, \|, \mathbb, \left…\right, a python fence, See-Also wiki-links.
@Suite struct SeedLikeNoteTests {
    static let text = """
    ---
    brief: "编码理论——码长、熵界与前缀码；为何最优码长接近 −log p。"
    title: "编码理论"
    type: concept
    domain: ai/foundations/math
    created: "2026-03-01"
    updated: 2026-03-02
    tags:
      - ai/foundations/math
      - type/concept
    ---
    # 编码理论

    编码理论研究如何用尽量短的码字表示消息。对一个符号 $x$，理想码长是 $-\\log_2 P(x)$。

    ## 基本界

    ### 香农界（Source Coding）

    平均码长不小于熵：

    $$L = \\mathbb{E}[\\ell(X)] \\geq H(X)$$

    **用错分布的代价**：$L_Q - H(P) = D_{\\text{KL}}(P \\| Q)$

    $$D_{\\text{KL}}(P \\| Q) = \\mathbb{E}_P\\left[\\log \\frac{P(X)}{Q(X)}\\right]$$

    ```python
    # 计算平均码长，$不是公式$
    L = sum(p * l for p, l in zip(P, lengths))
    ```

    $$\\text{前缀码}: \\sum_i 2^{-\\ell_i} \\leq 1 \\quad \\text{（Kraft 不等式）}$$
    $$\\text{最优}: \\ell_i^* = \\left\\lceil -\\log_2 p_i \\right\\rceil$$

    - 均匀分布时 $|\\mathcal{X}| = 2^k$ 的码长为 $k$
    - 价格 $5 与 $10 不是公式

    ## See Also

    - [[AI/1-Foundations/Math/信息论|信息论]] — 熵与 KL 的定义
    - [[AI/1-Foundations/Math/概率与分布|概率与分布]] — 概率基础
    - [[AI/2-Agent/Compression/Huffman-Coding|Huffman 编码]] — 最优前缀码的构造
    """

    @Test func allFormulasFound() throws {
        let n = note(Self.text, path: "AI/1-Foundations/Math/编码理论.md")
        #expect(n.title == "编码理论")
        #expect(n.frontMatter.created == NoteDate(year: 2026, month: 3, day: 1))
        #expect(n.frontMatter.updated == NoteDate(year: 2026, month: 3, day: 2))
        #expect(n.frontMatter.tags == ["ai/foundations/math", "type/concept"])
        let tex = n.math.map(\.tex)
        #expect(tex == [
            "x", "-\\log_2 P(x)",
            "L = \\mathbb{E}[\\ell(X)] \\geq H(X)",
            "L_Q - H(P) = D_{\\text{KL}}(P \\| Q)",
            "D_{\\text{KL}}(P \\| Q) = \\mathbb{E}_P\\left[\\log \\frac{P(X)}{Q(X)}\\right]",
            "\\text{前缀码}: \\sum_i 2^{-\\ell_i} \\leq 1 \\quad \\text{（Kraft 不等式）}",
            "\\text{最优}: \\ell_i^* = \\left\\lceil -\\log_2 p_i \\right\\rceil",
            "|\\mathcal{X}| = 2^k", "k",
        ])
        #expect(n.math.map(\.display) == [false, false, true, false, true, true, true, false, false])
        // Lines: front matter is 11 lines; "$$L = …" sits on line 22.
        #expect(n.math[2].location == SourceLocation(file: n.path, line: 22, column: 3))
        #expect(n.headings.map(\.text) == ["编码理论", "基本界", "香农界（Source Coding）", "See Also"])
        #expect(n.headings.map(\.anchor) == ["编码理论", "基本界", "香农界source-coding", "see-also"])
        #expect(n.cells.isEmpty)
        #expect(n.body.html.contains("<pre><code class=\"language-python\"># 计算平均码长，$不是公式$"))
        #expect(n.body.html.contains("价格 $5 与 $10 不是公式"))
        #expect(n.diagnostics.isEmpty)
        // The two display lines in one paragraph become a display block (no <p> around them).
        let rendered = plainRender(n)
        #expect(rendered.contains("</pre>\n[D:\\text{前缀码}"))
    }

    @Test func seeAlsoLinksReportedUnresolved() throws {
        let n = note(Self.text, path: "AI/1-Foundations/Math/编码理论.md")
        #expect(n.links.map(\.target) == [
            "AI/1-Foundations/Math/信息论", "AI/1-Foundations/Math/概率与分布", "AI/2-Agent/Compression/Huffman-Coding",
        ])
        #expect(n.links.map(\.label) == ["信息论", "概率与分布", "Huffman 编码"])
        let resolver = LinkResolver(notes: [n])
        let diagnostics = n.links.compactMap { resolver.diagnostic(for: $0, resolution: resolver.resolve($0, from: n.id)) }
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { $0.code == .unresolvedLink })
        #expect(diagnostics.map { $0.location?.line } == [41, 42, 43])
        #expect(diagnostics.first?.location?.column == 3)
    }
}
