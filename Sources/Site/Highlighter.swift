import Foundation

/// Highlighting for fenced code in languages other than `qed`, by highlight.js from Debian's
/// `libjs-highlight.js` package (scripts/install-deps installs it). That package ships only
/// a bundle of all 185 languages (1 MB); a site gets its core and a fixed set of common
/// languages (about 120 kB). Without the package the code is shown plain and nothing breaks.
enum Highlighter {
    /// Where Debian installs the unminified bundle.
    static let systemPath = "/usr/share/javascript/highlight.js/highlight.js"
    /// The site asset the subset is written to (under `_qed/assets/`).
    static let assetName = "highlight.js"
    /// The languages a site can highlight (aliases such as `sh`, `py`, `yml`, `html`, `c`,
    /// `js`, `ts`, `latex`, `toml` come with them). Sub-languages outside the set (PHP inside
    /// HTML, Ruby inside YAML) stay plain.
    static let languages = ["bash", "cpp", "css", "diff", "go", "ini", "java", "javascript", "json", "julia",
                            "markdown", "plaintext", "python", "r", "rust", "shell", "sql", "swift", "tex",
                            "typescript", "xml", "yaml"]

    /// The asset made from the bundle at `path`, nil when there is no readable bundle there.
    static func asset(at path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let subset = subset(of: text) else { return nil }
        return Data(subset.utf8)
    }

    /// The bundle's core (everything before the first language) and the blocks of `languages`,
    /// in the order the bundle has them. Each language block starts a line with
    /// `hljs.registerLanguage('name',` and runs to the next one. Nil when the text is not
    /// such a bundle.
    static func subset(of bundle: String, languages: [String] = languages) -> String? {
        // Bytes, not Characters: the bundle is a megabyte and this runs on every build.
        let bytes = Array(bundle.utf8)
        let marker = Array("hljs.registerLanguage('".utf8)
        var starts: [Int] = []
        var lineStart = 0
        while lineStart < bytes.count {
            if bytes.count - lineStart >= marker.count, bytes[lineStart..<(lineStart + marker.count)].elementsEqual(marker) {
                starts.append(lineStart)
            }
            var k = lineStart
            while k < bytes.count, bytes[k] != UInt8(ascii: "\n") { k += 1 }
            lineStart = k + 1
        }
        guard let first = starts.first else { return nil }
        let core = String(decoding: bytes[0..<first], as: UTF8.self)
        guard core.contains("registerLanguage") else { return nil }
        let wanted = Set(languages)
        var names: [String] = []
        var text = ""
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : bytes.count
            let nameStart = start + marker.count
            var nameEnd = nameStart
            while nameEnd < end, bytes[nameEnd] != UInt8(ascii: "'") { nameEnd += 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            guard wanted.contains(name) else { continue }
            names.append(name)
            text += String(decoding: bytes[start..<end], as: UTF8.self)
        }
        guard !names.isEmpty else { return nil }
        var out = "/* highlight.js (BSD-3-Clause, Copyright (c) 2006-2017 Ivan Sagalaev and highlightjs contributors),\n"
        out += "   from Debian's libjs-highlight.js: the core and " + names.joined(separator: ", ") + ". Written by qed build. */\n"
        return out + core + text
    }
}
