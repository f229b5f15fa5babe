/// How bad a diagnostic is. `--strict` promotes warnings to errors.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.note, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// One problem found in the user's input, located and explained.
///
/// Every diagnostic says what is wrong (`message`) and, where there is one, how
/// to fix it (`hint`). `code` is the kind of problem (``DiagnosticCode``); its raw value is
/// the stable name (`claim-failed`, `unresolved-link`) that reports print and CI can match on.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    /// How far the problem extends on its line, in columns (at least 1), for the caret line.
    public var length: Int
    public var hint: String?
    /// Facts that explain the problem beyond its message, shown under it by every report
    /// (terminal, JSON, JUnit, GitHub, the page): a property's counterexample, `P = [0.5, 0.5]`.
    public var detail: String?

    public init(
        _ severity: Severity, code: DiagnosticCode, message: String,
        at location: SourceLocation?, length: Int = 1, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.hint = hint
    }

    /// The same diagnostic carrying `detail` (nil leaves it without).
    public func with(detail: String?) -> Diagnostic {
        var copy = self
        copy.detail = detail
        return copy
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                             length: Int = 1, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, length: length, hint: hint)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                               length: Int = 1, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, at: location, length: length, hint: hint)
    }

    /// `file:line:col: error: message`, the one-line form.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)" + (detail.map { "; \($0)" } ?? "")
    }

    /// The same diagnostic with its file shown from elsewhere: vault-relative paths become
    /// paths from the working directory when prefixed with the vault folder (`notes/`).
    public func prefixingFile(with prefix: String) -> Diagnostic {
        var copy = self
        if let file = location?.file { copy.location?.file = prefix + file }
        return copy
    }

    /// The same diagnostic with warnings promoted to errors, for `--strict`.
    public func promotingWarnings() -> Diagnostic {
        var copy = self
        if copy.severity == .warning { copy.severity = .error }
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The first `limit` diagnostics, then one that counts the rest, at the first one left
    /// out and as severe as the worst of them, so capping never turns a failure into a pass.
    public func capped(at limit: Int) -> [Diagnostic] {
        guard count > limit, limit >= 0 else { return self }
        let rest = self[limit...]
        let errors = rest.filter { $0.severity == .error }.count
        let breakdown = errors == rest.count || errors == 0 ? "" : " (\(errors) of them errors)"
        var summary = Diagnostic.warning(
            .tooManyDiagnostics, "…and \(rest.count) more diagnostics in this file\(breakdown), not shown",
            at: rest.first?.location,
            hint: "fix the ones above first; limits: diagnostics_per_note in qed.yml shows more")
        summary.severity = rest.map(\.severity).max() ?? .warning
        return Array(prefix(limit)) + [summary]
    }

    /// Sorted by file, line, column, then severity and message, so reports are deterministic.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (la?, lb?) where la != lb: return la < lb
            case (nil, _?): return true
            case (_?, nil): return false
            default:
                if a.severity != b.severity { return a.severity > b.severity }
                return a.message < b.message
            }
        }
    }
}
