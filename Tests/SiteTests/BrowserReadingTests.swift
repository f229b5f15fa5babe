import Foundation
import Testing
@testable import Site

/// What a reader's browser makes of the pages: search results, highlighted code and the copy
/// button, and nothing cut off at 400 px. Skipped when no Chromium is installed.
@Suite(.serialized, .enabled(if: installedChromium != nil, "needs chromium (apt-get install chromium)")) struct BrowserReadingTests {
    static let chromium = BrowserTests.chromium

    static let files: [String: String] = [
        "Entropy.md": "---\ntitle: Entropy\n---\n# Entropy\n\nThe average surprise $H = \\frac{1}{n}\\sum_i h_i$.\n",
        "Other.md": "# Other\n\nA note whose body mentions entropy once, and $\\frac{a}{b}$.\n",
        "Heading.md": "# Heading note\n\n## Entropy rates\n\nBody $\\frac{x}{y}$.\n",
        "Hostile.md": "---\ntitle: \"<img src=x onerror=alert(1)> entropy\"\n---\nText $\\frac{1}{2}$.\n",
    ]

    func search(_ vault: TemporaryVault, _ query: String, chromium: String) throws -> String {
        try BrowserTests.dumpDOM(BrowserTests.fileURL(vault.output + "/_qed/search.html", query: "?q=" + SitePaths.percentEncode(query)),
                                 chromium: chromium)
    }

    /// The `<li>` results in order, each as its markup.
    func results(_ dom: String) -> [Substring] {
        dom.components(separatedBy: "<li class=\"search-result").dropFirst().map { Substring($0) }
    }

    @Test func searchRanksTitlesThenHeadingsHighlightsSafelyAndIgnoresTeX() throws {
        let chromium = try #require(Self.chromium)
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        _ = try vault.build()
        let hits = results(try search(vault, "entropy", chromium: chromium))
        #expect(hits.count == 4)
        // Title matches first (the exact title first), then the heading, then the body.
        #expect(hits.first?.contains("href=\"../Entropy.html\"") == true)
        #expect(hits.dropFirst(2).first?.contains("href=\"../Heading.html\"") == true)
        #expect(hits.last?.contains("href=\"../Other.html\"") == true)
        // The query is marked; the hostile title is text, not an element.
        #expect(hits.first?.contains("<mark>Entropy</mark>") == true)
        let hostile = try #require(hits.first { $0.contains("Hostile.html") })
        #expect(hostile.contains("&lt;img src=x onerror=alert(1)&gt; <mark>entropy</mark>"))
        #expect(!hostile.contains("<img"))
        // `\frac` is TeX, which the index does not hold: no note matches.
        let frac = try search(vault, "\\frac", chromium: chromium)
        #expect(results(frac).isEmpty)
        #expect(frac.contains("No results"))
        // A lone backslash or dollar is not a term either.
        #expect(try search(vault, "\\ $", chromium: chromium).contains("4 notes. Type to search."))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Highlighter.systemPath), "needs libjs-highlight.js"))
    func codeIsHighlightedAndGetsACopyButtonWhileCellsKeepTheirOwnColours() throws {
        let chromium = try #require(Self.chromium)
        let vault = try TemporaryVault(["Code.md": SearchAndCodeTests.python])
        defer { vault.remove() }
        _ = try vault.build()
        let dom = try BrowserTests.dumpDOM(BrowserTests.fileURL(vault.output + "/Code.html"), chromium: chromium)
        #expect(dom.contains("<span class=\"hljs-keyword\">import</span>"))
        #expect(dom.contains("<span class=\"hljs-comment\"># natural</span>"))
        #expect(dom.contains("<code class=\"language-qed\"><span class=\"tok-keyword\">check</span>"))
        #expect(dom.components(separatedBy: "class=\"copy-button\"").count - 1 == 2)
    }

    /// A page at 400 px: the document is no wider than the window, and the wide formula,
    /// table and code each scroll inside their own box with a scroll cue (a `local` background).
    @Test func wideContentScrollsInsideItsBoxAt400Pixels() throws {
        let chromium = try #require(Self.chromium)
        let wide = String(repeating: "x_{1} + ", count: 40) + "x"
        let table = "| " + (1...12).map { "column \($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 12) + "\n| "
            + (1...12).map { "value \($0)" }.joined(separator: " | ") + " |\n"
        let code = "```python\nprint('" + String(repeating: "a long line ", count: 20) + "')\n```\n"
        let vault = try TemporaryVault(["Wide.md": "# Wide\n\n$$\(wide)$$\n\n\(table)\n\(code)"])
        defer { vault.remove() }
        _ = try vault.build()
        // Measure in the page itself: the result lands in the DOM that Chromium dumps.
        let probe = """
            <script>
            var m = [document.documentElement.scrollWidth <= window.innerWidth ? "page-fits" : "page-overflows:" + document.documentElement.scrollWidth];
            document.querySelectorAll('math[display="block"], .note-body table, pre').forEach(function (e) {
              var s = getComputedStyle(e);
              m.push(e.tagName.toLowerCase() + ":" + (e.scrollWidth > e.clientWidth) + ":" + s.overflowX + ":" + (s.backgroundAttachment.indexOf("local") >= 0) + ":" + (e.getBoundingClientRect().right <= window.innerWidth));
            });
            document.body.setAttribute("data-measure", m.join(" "));
            </script>
            """
        let page = vault.output + "/Wide.html"
        let html = vault.read("Wide.html").replacingOccurrences(of: "</body>", with: probe + "</body>")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let dom = try BrowserTests.dumpDOM(BrowserTests.fileURL(page), chromium: chromium, arguments: ["--window-size=400,900"])
        let measure = try #require(dom.firstRange(of: "data-measure=\"").map { dom[$0.upperBound...].prefix { $0 != "\"" } })
        let items = measure.split(separator: " ").map(String.init)
        #expect(items.first == "page-fits", "\(measure)")
        for kind in ["math", "table", "pre"] {
            #expect(items.contains("\(kind):true:auto:true:true"), "\(kind) in \(measure)")
        }
    }

    /// Issue 16: a claim row that wraps continues under its code, not under the ✓.
    @Test func wrappedClaimRowsAlignUnderTheirCode() throws {
        let chromium = try #require(Self.chromium)
        let long = "forall c in interval(-100, 100): check " + String(repeating: "abs(c) + ", count: 12) + "0 >= 0"
        let vault = try TemporaryVault(["Claims.md": "# Claims\n\n```qed\n\(long)\n```\n"])
        defer { vault.remove() }
        _ = try vault.build()
        let probe = """
            <script>
            var m = [];
            document.querySelectorAll('.claim').forEach(function (row) {
              var badge = row.querySelector('.badge').getBoundingClientRect();
              var range = document.createRange();
              range.selectNodeContents(row.querySelector('code'));
              // One rect per inline box (numbers are spans of their own): the start of each
              // line is the leftmost rect at its height.
              var starts = {};
              Array.from(range.getClientRects()).forEach(function (r) {
                var top = Math.round(r.top);
                starts[top] = Math.min(starts[top] === undefined ? 1e9 : starts[top], r.left);
              });
              var lefts = Object.keys(starts).sort(function (a, b) { return a - b; }).map(function (k) { return starts[k]; });
              var first = lefts[0];
              m.push(lefts.length + ":" + lefts.every(function (x) { return Math.abs(x - first) < 2; }) + ":" + (first > badge.right - 1));
            });
            document.body.setAttribute("data-measure", m.join(" "));
            </script>
            """
        let page = vault.output + "/Claims.html"
        let html = vault.read("Claims.html").replacingOccurrences(of: "</body>", with: probe + "</body>")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let dom = try BrowserTests.dumpDOM(BrowserTests.fileURL(page), chromium: chromium, arguments: ["--window-size=400,900"])
        let measure = try #require(dom.firstRange(of: "data-measure=\"").map { dom[$0.upperBound...].prefix { $0 != "\"" } })
        let parts = measure.split(separator: ":")
        #expect(parts.count == 3 && (Int(parts[0]) ?? 0) > 1, "the claim should wrap at 400 px: \(measure)")
        #expect(parts.dropFirst().allSatisfy { $0 == "true" }, "wrapped lines start where the code starts, right of the badge: \(measure)")
    }
}
