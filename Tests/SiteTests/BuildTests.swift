import Foundation
import Testing
@testable import Site

@Suite struct BuildTests {
    func sampleVault() throws -> TemporaryVault {
        try TemporaryVault([
            "AI/信息论.md": Samples.infoTheory,
            "AI/KL散度.md": Samples.kl,
            "Plain.md": Samples.plain,
        ])
    }

    @Test func buildsEveryPage() throws {
        let vault = try sampleVault()
        defer { vault.remove() }
        let result = try vault.build(keepGoing: true)
        #expect(result.wroteSite)
        for page in ["index.html", "404.html", "sitemap.xml", "AI/信息论.html", "AI/KL散度.html", "Plain.html",
                     "_qed/tags.html", "_qed/tags/ai.html", "_qed/tags/ai/foundations.html",
                     "_qed/tags/ai/foundations/math.html", "_qed/search.html", "_qed/search-index.json",
                     "_qed/search-index.js", "_qed/assets/style.css", "_qed/assets/search.js", ".qed-site"] {
            #expect(vault.exists(page), "missing \(page)")
        }
        let note = vault.read("AI/信息论.html")
        #expect(note.contains("<html lang=\"zh\">"))
        #expect(note.contains("<math"))
        #expect(note.contains("href=\"KL%E6%95%A3%E5%BA%A6.html\""))
        #expect(note.contains("class=\"broken-link\""))
        #expect(note.contains("href=\"../_qed/tags/ai/foundations/math.html\""))
        #expect(note.contains("href=\"../_qed/assets/style.css\""))
        let kl = vault.read("AI/KL散度.html")
        // A Chinese vault speaks Chinese (no `language:` in qed.yml: judged from its notes).
        #expect(kl.contains("反向链接"))
        #expect(kl.contains("href=\"%E4%BF%A1%E6%81%AF%E8%AE%BA.html\""))
    }
}
