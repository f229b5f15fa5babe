import Foundation
import Testing
@testable import Site

/// The default theme is compiled in from templates/ (see DefaultTheme.swift); every file
/// there must be listed, byte for byte.
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

    @Test func embeddedThemeIsTheTemplatesFolder() throws {
        let files = try Self.templateFiles()
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.text) })
        #expect(embedded.count == files.count, "list every file of templates/ in DefaultTheme.swift")
        for (path, text) in files {
            #expect(embedded[path] == text, "\(path) is not embedded as it is in templates/")
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
