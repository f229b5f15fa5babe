import Foundation
import Testing
@testable import Site

/// Everything that comes from a note is escaped; nothing a note writes becomes markup that runs.
@Suite struct SecurityTests {
    static let hostile = """
    ---
    title: "\\"><script>alert(1)</script>"
    brief: "<img src=x onerror=alert(1)>"
    domain: "<svg onload=alert(5)>"
    tags: ["<script>t</script>", "a\\"b", "javascript:alert(6)"]
    custom: "<b onclick=alert(7)>x</b>"
    ---
    # Hostile

    <script>alert('raw')</script>

    <img src=x onerror=alert(8)>

    [click](javascript:alert(1)) and [[<script>alert(9)</script>]] and [[Other|<img src=x onerror=alert(2)>]]

    Math $x</math><script>alert(3)</script>$ here.

    Inline `= "<script>alert(10)</script>"`.

    ```qed
    "</pre><script>alert(4)</script>"
    check 1 == 2
    ```

    """

    static let other = """
    ---
    title: "O'Brien & \\"Quotes\\" <b>"
    ---
    Links back: [[Hostile]].
    """

    @Test func hostileNoteProducesNoExecutableMarkup() throws {
        let vault = try TemporaryVault(["Hostile.md": Self.hostile, "Other.md": Self.other])
        defer { vault.remove() }
        let result = try vault.build(keepGoing: true)
        #expect(!result.succeeded)
        #expect(result.wroteSite)
        let files = vault.snapshot()
        #expect(files.keys.contains("Hostile.html"))
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let lower = html.lowercased()
            // The only scripts are our own, loaded from files.
            var rest = lower[...]
            while let range = rest.range(of: "<script") {
                let tail = rest[range.lowerBound...].prefix(80)
                #expect(tail.hasPrefix("<script src=\"") && (tail.contains("search-index.js\"") || tail.contains("search.js\"")
                                                            || tail.contains("code.js\"") || tail.contains("highlight.js\"")),
                        "\(path): unexpected \(tail)")
                rest = rest[range.upperBound...]
            }
            for tag in Self.tags(in: html) {
                let name = tag.name
                // Raw HTML keeps a safe allow-list (an <img> with a relative source, a bare <b>);
                // nothing that can embed another document or run code.
                #expect(!["iframe", "object", "embed", "svg", "style", "base"].contains(name),
                        "\(path): note markup became a <\(name)> element")
                #expect(name != "b" || tag.attributes.isEmpty, "\(path): <b> kept an attribute")
                for (attribute, value) in tag.attributes {
                    #expect(!attribute.hasPrefix("on"), "\(path): event handler \(attribute) on <\(name)>")
                    if attribute == "href" || attribute == "src" {
                        #expect(!value.lowercased().hasPrefix("javascript:"), "\(path): \(attribute)=\(value)")
                    }
                }
            }
            #expect(!html.contains("\"><script>"), "\(path): the title broke out of an attribute")
        }
        let page = vault.read("Hostile.html")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(page.contains("class=\"broken-link\""))
        #expect(page.contains("&lt;b onclick=alert(7)&gt;x&lt;/b&gt;") || !page.contains("onclick"))
        let other = vault.read("Other.html")
        #expect(other.contains("O&#39;Brien &amp; &quot;Quotes&quot; &lt;b&gt;"))
        // The search index is JSON inside a script file: nothing can close a script block.
        let script = vault.read("_qed/search-index.js")
        #expect(!script.lowercased().contains("</script"))
        #expect(script.hasPrefix("window.QED_SEARCH_INDEX = {"))
    }

    @Test func rawHTMLPassesOnlyWhenTheVaultAllowsIt() throws {
        let vault = try TemporaryVault(["qed.yml": "raw_html: true\n", "Raw.md": "# Raw\n\n<kbd>Ctrl</kbd>\n"])
        defer { vault.remove() }
        _ = try vault.build()
        #expect(vault.read("Raw.html").contains("<kbd>Ctrl</kbd>"))
        // Off (the default): the allow-list is kept, the rest dropped and reported.
        let closed = try TemporaryVault(["Raw.md": "# Raw\n\n<kbd>Ctrl</kbd> <iframe src=\"https://x.org\"></iframe>\n"])
        defer { closed.remove() }
        let result = try closed.build()
        let page = closed.read("Raw.html")
        #expect(page.contains("<kbd>Ctrl</kbd>"))
        #expect(!page.contains("<iframe"))
        #expect(result.diagnostics.contains { $0.code == .rawHTML && $0.location?.line == 3 })
    }

    @Test func pagesMakeNoNetworkRequests() throws {
        let vault = try TemporaryVault(["AI/信息论.md": Samples.infoTheory, "AI/KL散度.md": Samples.kl])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true, baseURL: "https://example.org/notes/")
        for (path, data) in vault.snapshot() where path.hasSuffix(".html") || path.hasSuffix(".css") || path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            for attribute in ["src=\"http", "href=\"http", "@import", "url(http", "fetch("] {
                // 404.html may link absolutely to the site itself (base URL), never to a CDN.
                if path == "404.html" && attribute == "href=\"http" { continue }
                #expect(!text.contains(attribute), "\(path) contains \(attribute)")
            }
        }
    }

    struct Tag { var name: String; var attributes: [(String, String)] }

    /// The start tags of an HTML document with their attributes (a small scanner: enough to
    /// see whether note text became markup).
    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool { CharacterSet.alphanumerics.contains(c) || c == "-" || c == ":" }
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count, CharacterSet.letters.contains(chars[i + 1]) else { i += 1; continue }
            i += 1
            var name = ""
            while i < chars.count, isNameChar(chars[i]) { name.unicodeScalars.append(chars[i]); i += 1 }
            var attributes: [(String, String)] = []
            while i < chars.count, chars[i] != ">" {
                if chars[i] == " " || chars[i] == "\n" || chars[i] == "/" { i += 1; continue }
                var attribute = ""
                while i < chars.count, chars[i] != "=", chars[i] != ">", chars[i] != " ", chars[i] != "\n" {
                    attribute.unicodeScalars.append(chars[i]); i += 1
                }
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                        let quote = chars[i]; i += 1
                        while i < chars.count, chars[i] != quote { value.unicodeScalars.append(chars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < chars.count, chars[i] != " ", chars[i] != ">" { value.unicodeScalars.append(chars[i]); i += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }
}
