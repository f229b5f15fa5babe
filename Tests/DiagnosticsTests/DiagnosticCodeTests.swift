import Foundation
import Testing
import Diagnostics

/// Diagnostic codes are stable names that reports print and CI scripts match on: these tests
/// make renaming, adding or removing one a visible, deliberate change.
@Suite struct DiagnosticCodeTests {
    /// Every code QED emits, as reports spell it. Changing this list changes QED's reports.
    static let pinned: Set<String> = [
        "ambiguous-link", "argument", "binary-file", "broken-symlink", "cases-limit", "claim-failed",
        "claim-not-run", "config-language", "config-type", "config-unknown", "config-yaml",
        "division-by-zero", "domain", "duplicate-block-id", "duplicate-footnote", "empty-note",
        "expected-error", "file-not-found", "formula-failed", "front-matter-date", "front-matter-qed",
        "front-matter-type", "front-matter-unclosed", "front-matter-yaml", "index", "inline",
        "internal-error", "invalid-utf8", "length-limit", "math", "memory-limit", "missing-file", "nan",
        "note-too-large", "obsidian-settings", "outside-vault", "raw-html", "raw-html-unclosed",
        "recursion-limit", "reserved-character", "self-embed", "shape", "step-limit", "symlink-loop",
        "syntax", "table-columns", "too-many-diagnostics", "type", "unclosed-comment", "unclosed-fence",
        "unclosed-math", "undefined-footnote", "unit", "unknown-cell-option", "unknown-function",
        "unknown-name", "unreadable-file", "unreadable-folder", "unresolved-heading", "unresolved-link",
        "unused-footnote",
    ]

    @Test func rawValuesAreThePinnedList() {
        let names = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(names) == Self.pinned,
                "added: \(Set(names).subtracting(Self.pinned).sorted()), removed: \(Self.pinned.subtracting(names).sorted())")
    }

    @Test func rawValuesAreUnique() {
        let names = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
    }

    /// Lower-case kebab-case: letters and digits in words joined by single hyphens.
    @Test func rawValuesAreKebabCase() {
        for code in DiagnosticCode.allCases {
            #expect(Self.isKebabCase(code.rawValue), "\(code) is '\(code.rawValue)'")
        }
        for bad in ["", "Syntax", "claim_failed", "-math", "math-", "claim--failed", "raw html"] {
            #expect(!Self.isKebabCase(bad), "'\(bad)'")
        }
    }

    /// JSON (and so every report built from Codable) carries the code's name, and a name this
    /// version does not know fails to decode rather than becoming some other code.
    @Test func jsonCarriesTheStableName() throws {
        let d = Diagnostic.error(.unresolvedHeading, "no heading", at: SourceLocation(file: "a.md", line: 1, column: 2))
        let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
        #expect(json.contains("\"code\":\"unresolved-heading\""), "\(json)")
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == d)
        let foreign = json.replacingOccurrences(of: "unresolved-heading", with: "unresolved-headline")
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Diagnostic.self, from: Data(foreign.utf8)) }
    }

    @Test func resourceLimitsAndClaimOutcomesAreNamedOnce() {
        #expect(Set(DiagnosticCode.allCases.filter(\.isResourceLimit).map(\.rawValue))
                == ["step-limit", "recursion-limit", "length-limit", "memory-limit", "cases-limit"])
        #expect(Set(DiagnosticCode.allCases.filter(\.isClaimOutcome).map(\.rawValue))
                == ["claim-failed", "claim-not-run", "formula-failed"])
    }

    static func isKebabCase(_ name: String) -> Bool {
        let words = name.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
