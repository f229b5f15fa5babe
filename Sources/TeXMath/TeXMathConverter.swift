/// Converts the LaTeX math that notes use into MathML Core, which Chromium and
/// Firefox render natively (no JavaScript, no fonts to ship).
///
/// Conversion never fails: unknown or malformed parts are shown as marked source
/// (`class="qed-math-error"`) and described in `diagnostics`, and the rest of the
/// formula renders. The output is well-formed XML, deterministic, and carries the
/// TeX source as an annotation for copy-paste and assistive technology.
public struct TeXMathConverter: Sendable {
    public init() {}

    /// Converts one formula. `display` selects block (`$$…$$`) rather than inline math.
    /// Macros it defines are forgotten afterwards; use `convert(_:display:macros:)` to keep them.
    public func convert(_ tex: String, display: Bool) -> MathConversion {
        var macros = MathMacros()
        return convert(tex, display: display, macros: &macros)
    }

    /// Converts one formula with user macros: `macros` supplies the definitions in force
    /// (a vault's preset, and those of earlier formulas of the note) and receives the
    /// ones this formula makes with `\newcommand`, `\renewcommand`, `\def` or
    /// `\DeclareMathOperator`. Call it for a note's formulas in document order with one
    /// variable, as MathJax keeps definitions for a page. Diagnostic ranges always refer
    /// to `tex` as written; a problem inside a macro's expansion is placed on its use.
    public func convert(_ tex: String, display: Bool, macros: inout MathMacros) -> MathConversion {
        let original = Array(tex.utf8)
        let source = ExpandedSource(original, macros: &macros)
        var parser = Parser(bytes: source.bytes, tokens: source.tokens, displayStyle: display)
        let content = parser.parseTopLevel(display: display)
        var writer = MathWriter(capacity: source.bytes.count * 14 + 200)
        if display {
            writer.raw("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><semantics>")
        } else {
            writer.raw("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics>")
        }
        writer.write(content)
        writer.raw("<annotation encoding=\"application/x-tex\">")
        writer.escape(tex)
        writer.raw("</annotation></semantics></math>")
        let diagnostics = source.diagnostics(of: parser, macros: macros, originalCount: original.count)
        var text = MathTextWriter()
        text.write(content)
        return MathConversion(mathML: writer.output, text: text.output, diagnostics: diagnostics)
    }

    /// Converts and describes the problems the way `qed math` prints them: the MathML,
    /// and one compiler-style report per diagnostic (empty when there are none).
    public static func report(_ tex: String, display: Bool) -> (mathML: String, diagnostics: [String], failed: Bool) {
        let conversion = TeXMathConverter().convert(tex, display: display)
        return (conversion.mathML, conversion.diagnostics.map { $0.formatted(in: tex) }, conversion.hasUnknownCommands)
    }
}

extension Parser {
    /// The whole formula. `&` and `\\` at the top level make an implicit table
    /// (aligned when there are `&`s, gathered otherwise), as display math often has.
    mutating func parseTopLevel(display: Bool) -> MathNode {
        guard display else {
            // Inline math has no rows: `&` is reported and `\\` ignored, as in TeX.
            var row = parseRow([])
            if let equationTag { row.append(equationTag) }
            return MathNode(.mrow, children: row)
        }
        let rows = parseTableRows([], alternating: true)
        if rows.cells.count == 1, rows.cells[0].count == 1, !rows.lineBelowLast, rows.lineAbove.first != true {
            let only = rows.cells[0][0]
            var children = only.tag == .mrow && only.attributes.isEmpty ? only.children : [only]
            if let equationTag { children.append(equationTag) }
            return MathNode(.mrow, children: children)
        }
        let widest = rows.cells.map(\.count).max() ?? 0
        let columns = (0..<widest).map { ColumnSpec(alignment: widest > 1 ? ($0 % 2 == 0 ? .right : .left) : .center) }
        let table = table(rows, columns: columns, className: widest > 1 ? "qed-aligned" : "qed-gathered", display: display)
        return MathNode(.mrow, children: equationTag.map { [table, $0] } ?? [table])
    }
}

/// The formula the parser reads: the source itself, or its macro expansion with the map
/// back to the source (only formulas that define or use a macro pay for expanding).
struct ExpandedSource {
    var bytes: [UInt8]
    var tokens: [Token]
    var map: SourceMap?
    var macroDiagnostics: [MathDiagnostic] = []
    var expansionStopped = false

    init(_ original: [UInt8], macros: inout MathMacros) {
        bytes = original
        tokens = Tokenizer.tokenize(original)
        guard MacroExpander.isNeeded(tokens, macros: macros) else { return }
        var expander = MacroExpander(bytes: original, tokens: tokens, macros: macros)
        expander.run()
        macros = expander.macros
        bytes = expander.output
        tokens = Tokenizer.tokenize(bytes)
        map = expander.map
        macroDiagnostics = expander.diagnostics
        expansionStopped = expander.stopped
    }

    /// The parser's and the expander's diagnostics on the formula as written, in source
    /// order, with the summary of those past the cap last at its place.
    func diagnostics(of parser: Parser, macros: MathMacros, originalCount: Int) -> [MathDiagnostic] {
        var found = parser.diagnostics
        if expansionStopped {
            // A macro left unexpanded at the limit is explained by the expander; the parser's
            // "unknown command" for it would only contradict that.
            found.removeAll { $0.kind == .unknownCommand && $0.command.map { macros[String($0.dropFirst())] != nil } == true }
        }
        if let map {
            for index in found.indices {
                found[index].range = map.original(found[index].range, originalCount: originalCount)
            }
        }
        found += macroDiagnostics
        if parser.suppressedDiagnostics > 0 {
            let offset = parser.suppressedStart ?? 0
            let start = map?.original(offset..<offset + 1, originalCount: originalCount).lowerBound ?? offset
            let at = min(start, originalCount)
            let count = parser.suppressedDiagnostics
            found.append(MathDiagnostic(
                kind: .tooManyProblems,
                message: "…and \(count) more problem\(count == 1 ? "" : "s") in this formula, not listed",
                range: at..<min(at + 1, originalCount)))
        }
        return found.enumerated().sorted { a, b in
            a.element.range.lowerBound != b.element.range.lowerBound
                ? a.element.range.lowerBound < b.element.range.lowerBound
                : a.offset < b.offset
        }.map(\.element)
    }
}
