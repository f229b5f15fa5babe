import Foundation
import Testing
@testable import Site

/// The default theme is compiled in (Sources/Site/DefaultTheme.swift) so an installed `qed`
/// needs no files beside it; `templates/` is the copy people edit. This keeps them equal.
/// After editing templates/, run `QED_UPDATE_THEME=1 swift test --filter DefaultThemeTests`.
@Suite struct DefaultThemeTests {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func templateFiles() throws -> [(String, String)] {
        let root = repository.appendingPathComponent("templates").path
        let fm = FileManager.default
        var files: [(String, String)] = []
        for entry in try fm.contentsOfDirectory(atPath: root).sorted() where entry.hasSuffix(".mustache") {
            files.append((entry, try String(contentsOfFile: root + "/" + entry, encoding: .utf8)))
        }
        for entry in try fm.contentsOfDirectory(atPath: root + "/assets").sorted() where !entry.hasPrefix(".") {
            files.append(("assets/" + entry, try String(contentsOfFile: root + "/assets/" + entry, encoding: .utf8)))
        }
        return files
    }

    static func generatedSource(_ files: [(String, String)]) -> String {
        var out = "// Generated from templates/ by `QED_UPDATE_THEME=1 swift test --filter DefaultThemeTests`.\n"
        out += "// Do not edit: edit templates/ and regenerate.\n\n"
        out += "/// The default theme, compiled in so an installed `qed` needs no files beside it.\n"
        out += "enum DefaultTheme {\n    static let files: [(path: String, text: String)] = [\n"
        for (path, text) in files {
            out += "        (\"\(path)\", #####\"\"\"\n\(text)\n\"\"\"#####),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let files = try Self.templateFiles()
        let source = Self.generatedSource(files)
        let target = Self.repository.appendingPathComponent("Sources/Site/DefaultTheme.swift").path
        if ProcessInfo.processInfo.environment["QED_UPDATE_THEME"] == "1" {
            try source.write(toFile: target, atomically: true, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.text) })
        #expect(embedded.count == files.count, "run QED_UPDATE_THEME=1 swift test --filter DefaultThemeTests")
        for (path, text) in files {
            #expect(embedded[path] == text, "\(path) differs from the compiled-in copy; regenerate DefaultTheme.swift")
        }
    }

    @Test func everyPageTemplateParses() throws {
        let theme = try Theme.load(userFolder: nil)
        for name in Theme.pageTemplates {
            #expect(theme.library.getTemplate(named: name) != nil, "missing \(name).mustache")
        }
        #expect(theme.assets.contains { $0.path == "style.css" })
        #expect(theme.assets.contains { $0.path == "search.js" })
    }

    @Test func userThemeOverridesFileByFileAndFallsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qed-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/assets", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<p>{{pageTitle}}</p>".write(toFile: folder + "/404.mustache", atomically: true, encoding: .utf8)
        try "body{}".write(toFile: folder + "/assets/extra.css", atomically: true, encoding: .utf8)
        let theme = try Theme.load(userFolder: folder)
        #expect(theme.render("404", ["pageTitle": "<x>"]) == "<p>&lt;x&gt;</p>")
        #expect(theme.library.getTemplate(named: "note") != nil)
        #expect(theme.assets.contains { $0.path == "extra.css" })
        #expect(theme.hash != (try Theme.load(userFolder: nil)).hash)
    }

    @Test func brokenUserTemplateIsReportedWithItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qed-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{{#open}} never closed".write(toFile: folder + "/home.mustache", atomically: true, encoding: .utf8)
        #expect(throws: BuildError.self) { try Theme.load(userFolder: folder) }
        do { _ = try Theme.load(userFolder: folder) } catch {
            if case .template(let file, _) = error { #expect(file == "home.mustache") } else { Issue.record("wrong error \(error)") }
        }
    }
}
