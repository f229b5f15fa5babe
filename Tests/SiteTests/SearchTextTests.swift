import Foundation
import Testing
@testable import Site

/// Search snippets show a formula's text form, never its TeX source.
@Suite struct SearchTextTests {
    @Test func theSearchIndexHoldsTextNotTeX() throws {
        let vault = try TemporaryVault(["熵.md": """
            ---
            title: 熵
            ---
            熵的定义 $H(P) = -\\sum_{x} P(x) \\log P(x)$，以及 $$\\frac{1}{2}$$
            """])
        defer { vault.remove() }
        _ = try vault.build()
        let index = vault.read(SitePaths.searchIndexJSON)
        #expect(index.contains("∑_x P(x) log P(x)"), "\(index)")
        #expect(!index.contains("\\\\sum") && !index.contains("\\\\frac") && !index.contains("\\\\log"))
        #expect(index.contains("1/2"))
    }
}
