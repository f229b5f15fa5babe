import Foundation
import Testing
@testable import Preview

/// What the preview adds to each page: the reload script, and while the vault does not
/// build, a banner saying why (escaped: the message may quote a note).
@Suite struct ReloadScriptTests {
    static let page = Data("<html><body><p>x</p></body></html>".utf8)

    @Test func theScriptGoesBeforeTheBodyEnds() {
        let html = String(decoding: PreviewHandler.injectReload(into: Self.page, generation: 7), as: UTF8.self)
        #expect(html.contains("var g=7;"))
        #expect(html.contains("/_qed/live?after="))
        #expect(html.contains("/_qed/changes?after="))
        #expect(html.hasSuffix("</script></body></html>"))
        #expect(!html.contains("qed-preview-error"))
    }

    @Test func aBuildErrorShowsAsAnEscapedBanner() {
        let error = "notes/<script>alert(1)</script>.md: the vault folder does not exist"
        let html = String(decoding: PreviewHandler.injectReload(into: Self.page, generation: 3, error: error), as: UTF8.self)
        #expect(html.contains("qed-preview-error"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func aPageWithoutABodyGetsTheScriptAtTheEnd() {
        let html = String(decoding: PreviewHandler.injectReload(into: Data("plain".utf8), generation: 1), as: UTF8.self)
        #expect(html.hasPrefix("plain<script>"))
    }
}
