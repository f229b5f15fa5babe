import Diagnostics

/// One note's environment: its cells run top to bottom and later cells see earlier bindings.
///
///     var notebook = Notebook(file: "AI/信息论.md")
///     let result = notebook.run(CellSource(code: "P = [0.5, 0.5]\nH(P)", file: "AI/信息论.md", firstLine: 12))
public struct Notebook: Sendable {
    /// The note's path, used in every location.
    public let file: String
    /// Significant digits of displayed values (inline values use it).
    public let precision: Int
    private var interpreter: Interpreter
    private var budget = NoteBudget()

    /// - Parameters:
    ///   - tolerance: the note's default relative tolerance for `≈` (front matter
    ///     `qed: {tolerance: …}`); 1e-9 when nil.
    ///   - precision: significant digits of displayed values.
    public init(file: String, tolerance: Double? = nil, limits: Limits = Limits(), precision: Int = 6) {
        self.file = file
        self.precision = precision
        let relative = tolerance.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? 1e-9
        interpreter = Interpreter(limits: limits, tolerance: relative)
    }

    /// Runs one cell. A syntax error anywhere stops the whole cell before anything runs; a runtime
    /// error stops the cell at that statement (bindings made before it stay); a failed claim
    /// does not stop it. Claims that never ran (after the error, or all of a cell that did not
    /// parse) are listed in `notRun`, so every claim the cell contains is accounted for.
    public mutating func run(_ cell: CellSource) -> CellResult {
        let (statements, syntaxErrors, claims) = Notebook.parseCell(cell.code)
        if !syntaxErrors.isEmpty {
            return CellResult(events: syntaxErrors.map { .error(Notebook.diagnostic($0, cell)) },
                              notRun: claims.map { Notebook.unrun($0, cell, .syntaxError) })
        }
        interpreter.steps = 0
        interpreter.depth = 0
        interpreter.evalDepth = 0
        interpreter.frames.removeAll(keepingCapacity: true)
        var events: [CellEvent] = []
        events.reserveCapacity(statements.count)
        defer { budget.spend(steps: interpreter.steps) }
        for (index, statement) in statements.enumerated() {
            do {
                try budget.checkSteps(interpreter.limits, at: statement.span)
                if let event = try execute(statement, cell) { events.append(event) }
            } catch {
                let diagnostic = Notebook.diagnostic(error, cell)
                events.append(.error(diagnostic))
                // The statement that raised (when it is a claim) and every claim below it got no verdict.
                let line = diagnostic.location?.line ?? cell.location(statement.span).line
                let unrun = statements[index...].compactMap(Notebook.claimSite).map { Notebook.unrun($0, cell, .stoppedAtError(line: line)) }
                return CellResult(events: events, notRun: unrun)
            }
        }
        return CellResult(events: events)
    }

    static func unrun(_ site: ClaimSite, _ cell: CellSource, _ reason: NotRunReason) -> UnrunClaim {
        UnrunClaim(location: cell.location(site.span), source: site.text, isProperty: site.isProperty, reason: reason)
    }

    /// Evaluates an inline `= EXPR` span of prose in the note's environment, as it stands after
    /// the cells run so far. `location` is where EXPR starts in the file.
    public mutating func evaluateInline(_ expression: String, at location: SourceLocation) -> InlineResult {
        let cell = CellSource(code: expression, file: location.file, firstLine: location.line, columnOffset: location.column - 1)
        let (statements, syntaxErrors) = Notebook.parse(expression)
        if let first = syntaxErrors.first {
            return InlineResult(value: nil, text: "", diagnostic: Notebook.diagnostic(first, cell))
        }
        guard statements.count == 1, case .expression(let expr) = statements[0].statement else {
            let diagnostic = Diagnostic.error(.inline, "an inline value must be one expression, such as '= H(P)'", at: location,
                                              length: max(1, expression.unicodeScalars.count))
            return InlineResult(value: nil, text: "", diagnostic: diagnostic)
        }
        interpreter.steps = 0
        interpreter.depth = 0
        interpreter.evalDepth = 0
        interpreter.frames.removeAll(keepingCapacity: true)
        do {
            try interpreter.useTolerance(nil)
            let display = try interpreter.eval(expr).display
            return InlineResult(value: display, text: display.text(precision: precision), diagnostic: nil)
        } catch {
            return InlineResult(value: nil, text: "", diagnostic: Notebook.diagnostic(error, cell))
        }
    }

    /// Runs `code` in a fresh environment: the one-shot behind `qed eval 'EXPR'`. Check
    /// `CellResult.exitCode` (0 ok, 1 failed claim or error, 2 syntax error).
    public static func evaluate(_ code: String, file: String = "<eval>", tolerance: Double? = nil,
                                limits: Limits = Limits(), precision: Int = 6) -> CellResult {
        var notebook = Notebook(file: file, tolerance: tolerance, limits: limits, precision: precision)
        return notebook.run(CellSource(code: code, file: file))
    }

    // MARK: - Internals

    static func parse(_ code: String) -> ([ParsedStatement], [SyntaxError]) {
        var lexer = Lexer(code)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch {
            return ([], [error])
        }
        var parser = Parser(tokens: tokens, source: lexer)
        let result = parser.parseCell()
        return (result.statements, result.errors)
    }

    private mutating func execute(_ parsed: ParsedStatement, _ cell: CellSource) throws(EvalError) -> CellEvent? {
        try interpreter.useTolerance(nil)
        switch parsed.statement {
        case .expression(let expr):
            let value = try interpreter.eval(expr)
            try budget.show(value, interpreter.limits, at: parsed.span)
            return .output(Output(location: cell.location(parsed.span), value: value.display, source: parsed.text))
        case .assign(let names, let expr, let span):
            let value = try interpreter.eval(expr)
            if names.count == 1 {
                try budget.bind(Name(names[0]), value, interpreter.limits, at: span)
                interpreter.globals[Name(names[0])] = value
                return nil
            }
            let parts: [Value]
            switch value {
            case .tuple(let items): parts = items
            case .vector(let v, let u): parts = v.map { .number($0, u) }
            case .matrix(let m): parts = m.map { .vector($0, nil) }
            default: parts = [value]
            }
            guard parts.count == names.count else {
                throw EvalError(.shape, "cannot unpack \(parts.count) value\(parts.count == 1 ? "" : "s") into \(names.count) names", at: span)
            }
            for (name, part) in zip(names, parts) {
                try budget.bind(Name(name), part, interpreter.limits, at: span)
                interpreter.globals[Name(name)] = part
            }
            return nil
        case .define(let name, let parameters, let body, _):
            interpreter.globals[Name(name)] = .function(FunctionValue(name: name, parameters: parameters, body: body, captured: Frame()))
            return nil
        case .check(let claim, let tolerance, _):
            try interpreter.useTolerance(tolerance)
            defer { try? interpreter.useTolerance(nil) }
            let outcome = try interpreter.evaluateClaim(claim)
            return .claim(ClaimResult(location: cell.location(parsed.span), source: parsed.text, passed: outcome.passed,
                                      text: outcome.message, isProperty: false, cases: 1, counterexample: nil))
        case .forall(let casesExpr, let bindings, let claim, let tolerance, let span):
            try interpreter.useTolerance(tolerance)
            defer { try? interpreter.useTolerance(nil) }
            let outcome = try interpreter.runForall(casesExpr: casesExpr, bindings, claim, seedText: parsed.text, span: span)
            return .claim(ClaimResult(location: cell.location(parsed.span), source: parsed.text, passed: outcome.passed,
                                      text: .text(outcome.message), isProperty: true, cases: outcome.cases,
                                      counterexample: outcome.counterexample))
        }
    }

    static func diagnostic(_ error: SyntaxError, _ cell: CellSource) -> Diagnostic {
        .error(.syntax, error.message, at: cell.location(error.span), length: error.span.length, hint: error.hint)
    }

    static func diagnostic(_ error: EvalError, _ cell: CellSource) -> Diagnostic {
        .error(error.code, error.message, at: cell.location(error.span), length: error.span.length, hint: error.hint)
    }
}
