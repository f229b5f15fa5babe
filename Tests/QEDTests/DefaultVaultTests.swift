import Foundation
import Testing

/// The default vault is QED's showcase: it must check clean under `--strict`, with every
/// formula converted, every link resolved and every claim holding.
@Suite struct DefaultVaultTests {
    static let notes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notes")

    @Test func checksCleanUnderStrict() throws {
        let outcome = try QEDProcess.run(["check", "--strict", "--format", "json", Self.notes.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let summary = try #require(object?["summary"] as? [String: Any])
        let claims = try #require(summary["claims"] as? [String: Any])
        #expect((claims["passed"] as? Int ?? 0) >= 80)
        #expect(claims["failed"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
        #expect((summary["notes"] as? Int ?? 0) >= 10)
        // Zero diagnostics of any kind: no unknown LaTeX command, no unresolved link.
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func hasPropertiesPlotsAndAnExpectedError() throws {
        let files = FileManager.default.enumerator(at: Self.notes, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        let texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let foralls = texts.reduce(0) { $0 + $1.components(separatedBy: "forall").count - 1 }
        let plots = texts.reduce(0) { $0 + $1.components(separatedBy: "plot(").count - 1 }
        #expect(foralls >= 8)
        #expect(plots >= 2)
        #expect(texts.contains { $0.contains("```qed expect-error") })
    }
}
