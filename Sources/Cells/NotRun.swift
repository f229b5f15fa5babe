import Diagnostics

/// A claim statement found by reading the cell, whether or not it ran.
struct ClaimSite: Sendable {
    var text: String
    var span: Span
    var isProperty: Bool
}

/// Why a claim the note contains produced no verdict.
public enum NotRunReason: Sendable, Hashable {
    /// A statement at or above it in the cell raised an error at this file line, so the cell stopped.
    case stoppedAtError(line: Int)
    /// The cell did not parse, so none of it ran.
    case syntaxError
    /// The cell is fenced `skip`.
    case skipped

    /// "not run: the cell stopped at the error on line 14".
    public var explanation: String {
        switch self {
        case .stoppedAtError(let line): return "not run: the cell stopped at the error on line \(line)"
        case .syntaxError: return "not run: the cell has a syntax error"
        case .skipped: return "not run: the cell is marked skip"
        }
    }
}

/// A `check` or `forall` the note contains that never ran. Counted beside passed and failed
/// claims, so a report never says "all claims hold" while some were never tried.
public struct UnrunClaim: Sendable, Hashable {
    /// Where the claim starts in the file.
    public var location: SourceLocation
    /// The claim's text as written.
    public var source: String
    /// A `forall` property rather than a single `check`.
    public var isProperty: Bool
    /// Why it did not run.
    public var reason: NotRunReason

    /// A claim that did not run for `reason`.
    public init(location: SourceLocation, source: String, isProperty: Bool, reason: NotRunReason) {
        self.location = location
        self.source = source
        self.isProperty = isProperty
        self.reason = reason
    }

    /// A located note (`claim-not-run`) saying that this claim was not checked and why.
    public var diagnostic: Diagnostic {
        Diagnostic(.note, code: .claimNotRun, message: "claim not checked (\(reason.explanation)): \(source)", at: location,
                   length: max(1, source.unicodeScalars.count))
    }
}

extension Notebook {
    /// Every claim (`check` and `forall` statement) of a cell, found by parsing it without
    /// running anything: the claims of a `skip` cell, reported as not run.
    public static func claims(in cell: CellSource, reason: NotRunReason = .skipped) -> [UnrunClaim] {
        parseCell(cell.code).claims.map { unrun($0, cell, reason) }
    }

    /// The cell's statements, its syntax errors and every claim it contains in source order
    /// (parsed or not). When the code does not even tokenize, claims are found line by line.
    static func parseCell(_ code: String) -> (statements: [ParsedStatement], errors: [SyntaxError], claims: [ClaimSite]) {
        var lexer = Lexer(code)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch {
            return ([], [error], claimLines(code))
        }
        var parser = Parser(tokens: tokens, source: lexer)
        let result = parser.parseCell()
        var claims = result.statements.compactMap(claimSite) + parser.unparsedClaims
        if !result.errors.isEmpty {
            // An unclosed bracket swallows the lines after it into one broken statement; claims
            // on lines no statement accounts for are found by their first word.
            var covered = Set<Int>()
            for (text, span) in result.statements.map({ ($0.text, $0.span) }) + parser.unparsedClaims.map({ ($0.text, $0.span) }) {
                let lines = text.utf8.count { $0 == UInt8(ascii: "\n") }
                covered.formUnion(span.line...(span.line + lines))
            }
            claims += claimLines(code).filter { !covered.contains($0.span.line) }
        }
        claims.sort { ($0.span.line, $0.span.column) < ($1.span.line, $1.span.column) }
        return (result.statements, result.errors, claims)
    }

    static func claimSite(_ parsed: ParsedStatement) -> ClaimSite? {
        switch parsed.statement {
        case .check: return ClaimSite(text: parsed.text, span: parsed.span, isProperty: false)
        case .forall: return ClaimSite(text: parsed.text, span: parsed.span, isProperty: true)
        default: return nil
        }
    }

    /// Lines whose first word is `check` or `forall`: the claims of a cell the lexer rejects.
    static func claimLines(_ code: String) -> [ClaimSite] {
        var sites: [ClaimSite] = []
        var lineNumber = 0
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            var column = 0
            while column < scalars.count, scalars[column] == " " || scalars[column] == "\t" { column += 1 }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            for keyword in ["check", "forall"] where rest.hasPrefix(keyword) {
                let after = rest.unicodeScalars.dropFirst(keyword.count).first
                if let after, after.properties.isAlphabetic || after == "_" || after.properties.numericType != nil { continue }
                let text = rest.trimmingTrailingSpace()
                sites.append(ClaimSite(text: text, span: Span(line: lineNumber, column: column + 1, length: text.unicodeScalars.count),
                                       isProperty: keyword == "forall"))
            }
        }
        return sites
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
