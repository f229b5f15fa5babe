import Foundation
import Testing
@testable import Site

/// Loads built pages in headless Chromium and checks the DOM a reader gets.
/// Shown as skipped when no `chromium` is installed; the test set-up installs it.
/// The installed Chromium, if any.
let installedChromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.serialized, .enabled(if: installedChromium != nil, "needs chromium (apt-get install chromium)")) struct BrowserTests {
    static let chromium = installedChromium

    /// The DOM after scripts ran, as Chromium serialises it.
    static func dumpDOM(_ url: String, chromium: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("qed-chromium-\(UUID().uuidString)").path
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
                             "--virtual-time-budget=5000"] + arguments + ["--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: profile)
        return String(decoding: data, as: UTF8.self)
    }

    static func fileURL(_ path: String, query: String = "") -> String {
        "file:///" + path.split(separator: "/").map { SitePaths.percentEncode(String($0)) }.joined(separator: "/") + query
    }

    @Test func pagesRenderMathSearchAndHaveNoBrokenAssets() throws {
        let chromium = try #require(Self.chromium)
        let vault = try TemporaryVault(["AI/信息论.md": Samples.infoTheory, "AI/KL散度.md": Samples.kl, "Plain.md": Samples.plain])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)

        let note = try Self.dumpDOM(Self.fileURL(vault.output + "/AI/信息论.html"), chromium: chromium)
        #expect(note.contains("<math"), "no MathML in the DOM of \(Self.fileURL(vault.output + "/AI/信息论.html")): \(note.prefix(300))")
        #expect(note.contains("<mi>"))
        #expect(note.contains("class=\"claim claim-pass\""))

        let url = Self.fileURL(vault.output + "/_qed/search.html", query: "?q=" + SitePaths.percentEncode("熵"))
        let search = try Self.dumpDOM(url, chromium: chromium)
        #expect(search.contains("class=\"search-result"), "no search results for 熵")
        #expect(search.contains("信息论"))
        #expect(search.contains("1 条结果"))  // the vault's notes are Chinese, so is its interface

        let none = try Self.dumpDOM(Self.fileURL(vault.output + "/_qed/search.html", query: "?q=zzzz"), chromium: chromium)
        #expect(none.contains("没有找到"))
    }

    /// Every `src`/`href` that names a local file names one that exists (checked on the
    /// files themselves, so it runs with or without a browser).
    @Test func everyLocalReferenceResolves() throws {
        let vault = try TemporaryVault(["AI/信息论.md": Samples.infoTheory, "AI/KL散度.md": Samples.kl, "Plain.md": Samples.plain])
        defer { vault.remove() }
        _ = try vault.build(keepGoing: true)
        var checked = 0
        for (path, data) in vault.snapshot() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for tag in SecurityTests.tags(in: html) {
                for (attribute, value) in tag.attributes where attribute == "href" || attribute == "src" || attribute == "action" {
                    let plain = value.replacingOccurrences(of: "&amp;", with: "&")
                    if plain.hasPrefix("#") || plain.contains("://") || plain.hasPrefix("mailto:") || plain.isEmpty { continue }
                    var target = String(plain.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    target = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    let directory = (path as NSString).deletingLastPathComponent
                    let decoded = target.removingPercentEncoding ?? target
                    let full = ((vault.output + "/" + directory + "/" + decoded) as NSString).standardizingPath
                    #expect(FileManager.default.fileExists(atPath: full), "\(path): \(attribute)=\(value) → \(full)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }
}
