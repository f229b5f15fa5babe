import Diagnostics

/// A cell's code and where it sits in its Markdown file, so every diagnostic points at the
/// file's own line and column.
public struct CellSource: Sendable, Hashable {
    /// The code inside the fence.
    public var code: String
    /// The Markdown file's path, as diagnostics should show it.
    public var file: String
    /// The file line of the code's first line (the line after the opening fence).
    public var firstLine: Int
    /// Columns of container indentation cmark stripped (0 for top-level fences); added back.
    public var columnOffset: Int

    /// A cell whose first code line is `firstLine` of `file`.
    public init(code: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) {
        self.code = code
        self.file = file
        self.firstLine = firstLine
        self.columnOffset = columnOffset
    }

    func location(_ span: Span) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + span.line - 1, column: columnOffset + span.column)
    }
}

/// Per-cell resource bounds. Exceeding one is a located error, never a hang or a crash.
public struct Limits: Sendable, Hashable {
    /// Evaluation steps per cell (one per expression node, plus one per element in vector work).
    public var steps: Int
    /// The longest vector (or matrix, counted in elements) a cell may build.
    public var vectorLength: Int
    /// Nested calls of user-defined functions.
    public var recursionDepth: Int
    /// Cases a single `forall` may ask for.
    public var forallCases: Int

    /// Numbers (vector and matrix entries) a whole note's bindings and outputs may hold.
    public var noteNumbers: Int
    /// Evaluation steps of all of a note's cells together.
    public var noteSteps: Int

    /// Defaults that no honest cell reaches and that keep a runaway cell well under a second;
    /// a note's totals are bounded too (160 MB of numbers, about 20 maximal cells).
    public init(steps: Int = 5_000_000, vectorLength: Int = 1_000_000, recursionDepth: Int = 128, forallCases: Int = 100_000,
                noteNumbers: Int = 20_000_000, noteSteps: Int = 100_000_000) {
        self.steps = steps
        self.vectorLength = vectorLength
        self.recursionDepth = recursionDepth
        self.forallCases = forallCases
        self.noteNumbers = noteNumbers
        self.noteSteps = noteSteps
    }
}

/// One thing a cell produced, in statement order.
public enum CellEvent: Sendable {
    case output(Output)
    case claim(ClaimResult)
    case error(Diagnostic)
}

/// The value of an expression statement.
public struct Output: Sendable {
    /// Where the statement starts in the file.
    public var location: SourceLocation
    /// The value, ready for display.
    public var value: DisplayValue
    /// The statement's source text.
    public var source: String

    /// An output of `value` produced by the statement at `location`.
    public init(location: SourceLocation, value: DisplayValue, source: String) {
        self.location = location
        self.value = value
        self.source = source
    }
}

/// The outcome of a `check` or `forall` claim.
public struct ClaimResult: Sendable {
    /// Where the claim (`check` or `forall`) starts in the file.
    public var location: SourceLocation
    /// The claim's text as written (from `check`/`forall` to the end of the statement).
    public var source: String
    /// Whether the claim held (for every case of a `forall`).
    public var passed: Bool
    /// On success a short `1.03972 nats ≈ 1.03972 nats`; on failure both sides, their
    /// difference and the tolerance. Rendered when read.
    public var message: String {
        get { text.rendered }
        set { text = .text(newValue) }
    }
    var text: ClaimText
    /// A `forall` property rather than a single `check`.
    public var isProperty: Bool
    /// Cases run (1 for a plain `check`).
    public var cases: Int
    /// For a failed `forall`: the (shrunk) bindings that break the claim, e.g. `P = [0.5, 0.5]`.
    public var counterexample: String?

    /// A claim result with a ready message (for tools and tests that build reports).
    public init(location: SourceLocation, source: String, passed: Bool, message: String, isProperty: Bool = false,
                cases: Int = 1, counterexample: String? = nil) {
        self.init(location: location, source: source, passed: passed, text: .text(message), isProperty: isProperty,
                  cases: cases, counterexample: counterexample)
    }

    init(location: SourceLocation, source: String, passed: Bool, text: ClaimText, isProperty: Bool, cases: Int, counterexample: String?) {
        self.location = location
        self.source = source
        self.passed = passed
        self.text = text
        self.isProperty = isProperty
        self.cases = cases
        self.counterexample = counterexample
    }

    /// The failure as a diagnostic (`claim-failed`), or nil when the claim passed. A
    /// property's counterexample is its `detail`, so every report shows it the same way.
    public var diagnostic: Diagnostic? {
        guard !passed else { return nil }
        return Diagnostic.error(.claimFailed, message, at: location, length: max(1, source.unicodeScalars.count))
            .with(detail: counterexample.map { "counterexample: \($0)" })
    }
}

/// Everything one cell produced.
public struct CellResult: Sendable {
    /// Outputs, claims and errors in statement order.
    public var events: [CellEvent]
    /// The cell's claims that never ran because the cell stopped at an error (or did not
    /// parse), in source order: they come after every event.
    public var notRun: [UnrunClaim]

    /// A result made of the given events.
    public init(events: [CellEvent], notRun: [UnrunClaim] = []) {
        self.events = events
        self.notRun = notRun
    }

    /// The outputs, in order.
    public var outputs: [Output] { events.compactMap { if case .output(let o) = $0 { o } else { nil } } }
    /// The claims, in order.
    public var claims: [ClaimResult] { events.compactMap { if case .claim(let c) = $0 { c } else { nil } } }
    /// The errors (syntax or runtime), in order.
    public var diagnostics: [Diagnostic] { events.compactMap { if case .error(let d) = $0 { d } else { nil } } }
    /// A claim failed or an error occurred.
    public var failed: Bool {
        events.contains {
            switch $0 {
            case .output: return false
            case .claim(let c): return !c.passed
            case .error: return true
            }
        }
    }
    /// The cell did not parse (diagnostic code `syntax`); nothing in it ran. `qed eval` exits 2.
    public var hasSyntaxError: Bool { diagnostics.contains { $0.code == .syntax } }
    /// The exit status `qed eval` should use: 0 all good, 1 a claim failed or a runtime error, 2 syntax.
    public var exitCode: Int32 { hasSyntaxError ? 2 : (failed ? 1 : 0) }
}

/// The value of an inline `= EXPR` span in prose.
public struct InlineResult: Sendable {
    /// The value, or nil when it could not be computed.
    public var value: DisplayValue?
    /// The formatted value, or empty on error.
    public var text: String
    /// Why there is no value, located in the file.
    public var diagnostic: Diagnostic?

    /// An inline result.
    public init(value: DisplayValue?, text: String, diagnostic: Diagnostic?) {
        self.value = value
        self.text = text
        self.diagnostic = diagnostic
    }
}
