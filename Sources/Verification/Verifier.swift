import Cells
import Containment
import Diagnostics
import Formulas
import Notes
import TeXMath

/// Settings that change what counts as a failure.
public struct VerificationOptions: Sendable {
    /// Turn warnings (unresolved links, unknown LaTeX…) into errors.
    public var strict: Bool
    /// Notes verified at once.
    public var jobs: Int
    public var limits: Limits
    /// Significant digits of displayed values (inline values, claim messages).
    public var precision: Int
    /// TeX macros every note starts with (a vault's `macros:`); a note's own
    /// `\newcommand`s add to them for its later formulas only.
    public var mathMacros: MathMacros

    public init(strict: Bool = false, jobs: Int = 2, limits: Limits = Limits(), precision: Int = 6,
                mathMacros: MathMacros = MathMacros()) {
        self.strict = strict
        self.jobs = jobs
        self.limits = limits
        self.precision = precision
        self.mathMacros = mathMacros
    }
}

/// Verifies notes against their vault: the vault supplies link targets and the default tolerance.
public struct Verifier: Sendable {
    public let vault: Vault
    public let options: VerificationOptions
    let resolver: LinkResolver
    private let converter = TeXMathConverter()
    /// The macros every note starts with: `macros:` in qed.yml, then the caller's preset.
    let presetMacros: MathMacros

    /// - Parameter resolver: The vault's link resolver when the caller has built one already.
    public init(vault: Vault, options: VerificationOptions = VerificationOptions(), resolver: LinkResolver? = nil) {
        self.vault = vault
        self.options = options
        self.resolver = resolver ?? LinkResolver(notes: vault.notes, files: vault.files, obsidian: vault.config.obsidian)
        var macros = MathMacros(katex: vault.config.macros)
        for (name, definition) in options.mathMacros.definitions { _ = macros.define(name, definition) }
        presetMacros = macros
    }

    /// Verifies every note of the vault, in parallel, in path order.
    public func verifyAll() -> VerificationReport {
        let notes = vault.notes.concurrentMap(jobs: options.jobs) { verify($0) }
        return VerificationReport(notes: notes, vaultDiagnostics: vault.diagnostics, strict: options.strict)
    }

    /// Runs one note's cells top to bottom in one environment, then its inline values,
    /// resolves its links and converts its math.
    ///
    /// - Parameter resolutions: Where the note's links lead, when the caller resolved them
    ///   already with this verifier's resolver (the build's link graph): `resolutions[k]`
    ///   resolves `note.links[k]`. Nil: resolved here.
    public func verify(_ note: Note, resolutions: [LinkResolution]? = nil) -> VerifiedNote {
        Containment.working(on: note.path) { verifyContained(note, resolutions: resolutions) }
    }

    private func verifyContained(_ note: Note, resolutions: [LinkResolution]?) -> VerifiedNote {
        var diagnostics = note.diagnostics
        var limits = options.limits
        limits.noteNumbers = vault.config.limits.noteNumbers
        limits.noteSteps = vault.config.limits.noteSteps
        var notebook = Notebook(
            file: note.path,
            tolerance: note.frontMatter.qedTolerance ?? vault.config.tolerance,
            limits: limits,
            precision: options.precision)

        // Prose reads top to bottom like the cells: an inline value sees the bindings of the
        // cells above it, not those of cells further down that rebind the same name.
        var cells: [CellRun] = []
        var inlineValues: [InlineResult] = []
        var nextCell = 0
        for expression in note.inlineExpressions {
            while nextCell < note.cells.count, note.cells[nextCell].location < expression.location {
                cells.append(run(note.cells[nextCell], in: &notebook, diagnostics: &diagnostics))
                nextCell += 1
            }
            let result = notebook.evaluateInline(expression.expression, at: expression.location)
            if let diagnostic = result.diagnostic { diagnostics.append(diagnostic) }
            inlineValues.append(result)
        }
        for cell in note.cells[nextCell...] {
            cells.append(run(cell, in: &notebook, diagnostics: &diagnostics))
        }
        let given = resolutions?.count == note.links.count ? resolutions : nil
        let links = note.links.indices.map { k in
            let link = note.links[k]
            let resolution = given?[k] ?? resolver.resolve(link, from: note.id)
            if let diagnostic = resolver.diagnostic(for: link, resolution: resolution) {
                diagnostics.append(diagnostic)
            } else if link.isEmbed, case .note(let id, let heading) = resolution, id == note.id, heading == nil {
                diagnostics.append(.warning(.selfEmbed, "this note embeds itself; it is shown as a link",
                                            at: link.location, length: link.source.unicodeScalars.count,
                                            hint: "embed a section of it (![[#Heading]]) or another note"))
            }
            return resolution
        }
        // Formulas in document order share one macro table, as MathJax keeps a page's definitions.
        var macros = presetMacros
        let math = note.math.map { span in
            let conversion = converter.convert(span.tex, display: span.display, macros: &macros)
            for problem in conversion.diagnostics {
                let start = span.location(ofUTF8Offset: problem.range.lowerBound)
                diagnostics.append(.warning(
                    .math, problem.message, at: start,
                    length: max(1, problem.range.count),
                    hint: MathHints.hint(for: problem)))
            }
            return conversion
        }
        let formulas = checkFormulas(note, diagnostics: &diagnostics)
        if options.strict { diagnostics = diagnostics.map { $0.promotingWarnings() } }
        return VerifiedNote(
            note: note, cells: cells, inlineValues: inlineValues, links: links, math: math,
            diagnostics: diagnostics.sortedForReport().capped(at: vault.config.limits.diagnosticsPerNote), formulas: formulas)
    }

    private func run(_ cell: Cell, in notebook: inout Notebook, diagnostics: inout [Diagnostic]) -> CellRun {
        let source = CellSource(code: cell.code, file: cell.location.file,
                                firstLine: cell.firstLine, columnOffset: cell.columnOffset)
        if cell.options.skip {
            let unrun = Notebook.claims(in: source, reason: .skipped)
            diagnostics += unrun.map(\.diagnostic)
            return CellRun(cell: cell, result: nil, expectedErrors: [], notRun: unrun)
        }
        let result = notebook.run(source)
        let errors = result.diagnostics.filter { $0.severity == .error }
        diagnostics += result.claims.compactMap(\.diagnostic)
        diagnostics += result.notRun.map(\.diagnostic)
        if cell.options.expectError {
            if errors.isEmpty {
                diagnostics.append(.error(
                    .expectedError, "this cell is marked expect-error but ran without an error",
                    at: cell.location,
                    hint: "remove `expect-error` from the fence, or make the cell fail as the note says it does"))
            }
            diagnostics += result.diagnostics.filter { $0.severity != .error }
            return CellRun(cell: cell, result: result, expectedErrors: errors)
        }
        diagnostics += result.diagnostics
        return CellRun(cell: cell, result: result, expectedErrors: [])
    }
}
