import Diagnostics
import Foundation

/// How `qed check` writes its report.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines with source and caret, then a summary.
    case text
    /// One JSON document; the schema is described in the README ("JSON report").
    case json
    /// JUnit XML: one test case per claim and one per note with errors.
    case junit
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    case github
}

/// Writes a `VerificationReport` in each `ReportFormat`.
///
/// Diagnostics carry vault-relative paths; `pathPrefix` (the vault as the user named it,
/// such as `notes/`) is put in front so editors and CI find the files from the working directory.
public struct ReportWriter: Sendable {
    public var pathPrefix: String
    public var colour: Bool
    /// Diagnostics below this severity are counted in the summary but not printed (text format).
    public var minimumSeverity: Severity = .note
    /// Returns a file's text for source lines under diagnostics; nil shows none.
    public var source: @Sendable (String) -> SourceText?

    public init(pathPrefix: String = "", colour: Bool = false,
                source: @escaping @Sendable (String) -> SourceText? = { _ in nil }) {
        self.pathPrefix = pathPrefix
        self.colour = colour
        self.source = source
    }

    public func write(_ report: VerificationReport, as format: ReportFormat) -> String {
        switch format {
        case .text: return text(report)
        case .json: return json(report)
        case .junit: return junit(report)
        case .github: return github(report)
        }
    }

    func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.prefixingFile(with: pathPrefix)
    }

    func text(_ report: VerificationReport) -> String {
        let renderer = DiagnosticRenderer(colour: colour)
        var out = ""
        for diagnostic in report.diagnostics where diagnostic.severity >= minimumSeverity {
            let sourceText = diagnostic.location.flatMap { source($0.file) }
                .map { SourceText(file: pathPrefix + $0.file, text: $0.text) }
            out += renderer.render(displayed(diagnostic), source: sourceText)
        }
        out += (report.succeeded ? "ok: " : "FAILED: ") + report.summary + "\n"
        return out
    }

    func github(_ report: VerificationReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics.map(displayed) {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(escapeProperty(location.file))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(escapeProperty("qed " + diagnostic.code.rawValue))")
            var message = diagnostic.message
            if let detail = diagnostic.detail { message += "\n" + detail }
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        out += report.summary + "\n"
        return out
    }

    // GitHub's workflow-command escaping: data escapes % CR LF; properties also : and ,.
    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
