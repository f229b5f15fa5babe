import Foundation
import Testing
@testable import TeXMath

/// The generated symbol table (scripts/texmath/generate-symbols.py): coverage of the
/// names MathJax knows, and the MathML class each symbol gets.
struct SymbolCoverageTests {
    /// The generator's list of required names, read from the repository.
    static func requiredNames() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/texmath/names.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { $0.split(separator: " ") }.map(String.init)
    }

    @Test func everyRequiredNameConvertsWithoutAnUnknownCommand() throws {
        let names = try Self.requiredNames()
        #expect(names.count > 400)
        for name in names {
            let conversion = inline("a \\\(name) b")
            #expect(!conversion.hasUnknownCommands, "\\\(name)")
            #expect(Command.table[name] != nil, "\\\(name)")
        }
    }

    @Test func theIssuesExamplesConvertCleanly() {
        let tex = "\\lessdot \\gtreqless \\lneqq \\nsubseteqq \\varsubsetneq \\circledS \\Cap \\divideontimes "
            + "\\backepsilon \\shortmid \\AA \\O \\empty \\exist x"
        let conversion = inline(tex)
        #expect(conversion.diagnostics.isEmpty)
        for character in ["⋖", "⋛", "≨", "⊈", "⊊", "Ⓢ", "⋒", "⋇", "∍", "∣", "Å", "Ø", "∅", "∃"] {
            #expect(conversion.mathML.contains(character), "\(character)")
        }
    }

    @Test func classesDecideTheElementAndSpacing() {
        // A relation and a binary operator are <mo>; a binary one after a relation turns prefix, as in TeX.
        #expect(body(inline("a \\lessdot b")).contains("<mi>a</mi><mo>⋖</mo><mi>b</mi>"))
        #expect(body(inline("a \\divideontimes b")).contains("<mi>a</mi><mo>⋇</mo><mi>b</mi>"))
        // An ordinary symbol is an identifier.
        #expect(body(inline("\\circledS")).contains("<mi mathvariant=\"normal\">Ⓢ</mi>"))
        // A large operator takes limits in display style; a generated integral keeps scripts beside it.
        #expect(body(display("\\bigsqcup_{i} A_i")).contains("<munder><mo form=\"prefix\" movablelimits=\"false\">⨆</mo>"))
        #expect(body(display("\\fint_a^b")).contains("<msubsup><mo form=\"prefix\">⨏</mo>"))
        // Delimiters work after \left; arrows do not stretch in a row.
        #expect(body(display("\\left\\llbracket \\frac{a}{b} \\right\\rrbracket")).contains(">⟦</mo>"))
        #expect(body(inline("a \\mapsfrom b")).contains("<mo stretchy=\"false\">↤</mo>"))
        #expect(body(inline("\\coloneqq")).contains("<mo form=\"infix\">≔</mo>"))
    }

    @Test func handWrittenEntriesKeepTheirRendering() {
        // `\le` and `\hat` existed before the generated table; the table must not replace them.
        #expect(body(inline("a \\le b")).contains("<mo>≤</mo>"))
        #expect(body(inline("\\hat{x}")).contains("<mo stretchy=\"false\">ˆ</mo>"))
        #expect(body(inline("\\alpha")).contains("<mi>α</mi>"))
    }

    @Test func theGeneratedTableIsSortedAndUnique() {
        let names = Symbols.generated.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.count > 1000)
    }
}
