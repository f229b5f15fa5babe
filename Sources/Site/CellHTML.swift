import Markup
import Cells
import Diagnostics
import Verification

/// One cell on a page: its code, highlighted by the cell language's own lexer (unless the
/// fence says `hide`), then everything it produced in statement order: values, tables,
/// plots, a ✓/✗ badge per claim and errors.
struct CellHTML {
    let run: CellRun

    /// Largest matrix shown in full; bigger ones show their corner and say how big they are.
    static let maxRows = 40
    static let maxColumns = 20

    func render() -> String {
        var out = "<figure class=\"cell\" id=\"cell-\(run.cell.index + 1)\">"
        if !run.cell.options.hide {
            out += "<pre class=\"cell-code\"><code class=\"language-qed\">"
            out += CellHTML.highlighted(run.cell.code)
            out += "</code></pre>"
        }
        out += "<div class=\"cell-outputs\">"
        if let result = run.result {
            let expected = Set(run.expectedErrors)
            for event in result.events {
                switch event {
                case .output(let output): out += CellHTML.output(output, labelled: !run.cell.options.hide)
                case .claim(let claim): out += CellHTML.claim(claim)
                case .error(let diagnostic):
                    let isExpected = expected.contains(diagnostic)
                    out += "<div class=\"cell-error\(isExpected ? " expected" : "")\">"
                    out += isExpected ? "expected error: " : "error: "
                    out += NumberSpans.html(diagnostic.message) + CellHTML.place(diagnostic.location)
                    if let hint = diagnostic.hint { out += "<span class=\"hint\">\(HTML.escape(hint))</span>" }
                    out += "</div>"
                }
            }
        } else {
            out += "<p class=\"cell-skipped\">not run (skip)</p>"
        }
        for claim in run.notRun { out += CellHTML.notRun(claim) }
        out += "</div></figure>\n"
        return out
    }

    static func place(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        return " <span class=\"where\">(line \(location.line))</span>"
    }

    /// One value; `labelled` shows the statement that produced it (not for `hide` cells,
    /// whose code the author chose not to show).
    static func output(_ output: Output, labelled: Bool = true) -> String {
        let label = labelled ? "<span class=\"output-label\">\(HTML.escape(output.source))</span>" : ""
        switch output.value {
        case .plot(let plot):
            return "<figure class=\"output output-plot\" role=\"img\" aria-label=\"\(HTML.escape(plot.summary))\">\(plot.svg())</figure>"
        case .matrix(let rows):
            return "<div class=\"output output-matrix\">\(label)\(matrix(rows))</div>"
        case .number(let x, let unit):
            let unitHTML = unit.map { " <span class=\"unit\">\(HTML.escape($0))</span>" } ?? ""
            return "<div class=\"output output-number\">\(label)<span class=\"value\">\(NumberSpans.html(DisplayValue.number(x, unit: nil).text()))</span>\(unitHTML)</div>"
        case .vector(let values, let unit):
            let unitHTML = unit.map { " <span class=\"unit\">\(HTML.escape($0))</span>" } ?? ""
            return "<div class=\"output output-vector\">\(label)<span class=\"value\">\(NumberSpans.html(DisplayValue.vector(values, unit: nil).text()))</span>\(unitHTML)</div>"
        default:
            return "<div class=\"output\">\(label)<span class=\"value\">\(NumberSpans.html(output.value.text()))</span></div>"
        }
    }

    static func matrix(_ rows: [[Double]]) -> String {
        var out = "<table class=\"matrix\"><tbody>"
        for row in rows.prefix(maxRows) {
            out += "<tr>"
            for value in row.prefix(maxColumns) {
                out += "<td>\(HTML.escape(DisplayValue.number(value, unit: nil).text()))</td>"
            }
            if row.count > maxColumns { out += "<td>…</td>" }
            out += "</tr>"
        }
        if rows.count > maxRows { out += "<tr><td colspan=\"\(min(maxColumns, rows.first?.count ?? 1) + 1)\">… \(rows.count) rows</td></tr>" }
        out += "</tbody></table>"
        return out
    }

    static func claim(_ claim: ClaimResult) -> String {
        let mark = claim.passed ? "✓" : "✗"
        var out = "<div class=\"claim \(claim.passed ? "claim-pass" : "claim-fail")\">"
        out += "<span class=\"badge\" aria-label=\"\(claim.passed ? "verified" : "failed")\">\(mark)</span>"
        out += "<code>\(NumberSpans.html(claim.source))</code>"
        var message = claim.message
        if let counterexample = claim.counterexample { message += "; counterexample: " + counterexample }
        out += "<span class=\"claim-message\">\(NumberSpans.html(message))</span></div>"
        return out
    }

    /// A claim that never ran: marked as such, never as a pass.
    static func notRun(_ claim: UnrunClaim) -> String {
        "<div class=\"claim claim-not-run\"><span class=\"badge\" aria-label=\"not run\">–</span>"
            + "<code>\(NumberSpans.html(claim.source))</code>"
            + "<span class=\"claim-message\">\(HTML.escape(claim.reason.explanation))</span></div>"
    }
}

extension CellHTML {
    /// The cell's code as HTML: each token of the cell language's own lexer in a
    /// `tok-KIND` span (whitespace and identifiers bare), all text escaped.
    static func highlighted(_ code: String) -> String {
        var out = ""
        for token in highlight(code) {
            switch token.kind {
            case .whitespace, .identifier, .punctuation:
                out += HTML.escape(token.text)
            default:
                out += "<span class=\"tok-\(token.kind.rawValue)\">\(HTML.escape(token.text))</span>"
            }
        }
        return out
    }
}
