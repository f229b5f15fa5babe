/// How a table column is aligned (by a CSS class on its cells: Chromium ignores `columnalign`).
enum ColumnAlignment: Sendable {
    case left, center, right

    var className: String? {
        switch self {
        case .left: "qed-align-l"
        case .center: nil
        case .right: "qed-align-r"
        }
    }
}

struct ColumnSpec: Sendable {
    var alignment: ColumnAlignment
    var borderLeft = false
    var borderRight = false
}

/// A parsed table: rows of cells, with the rows that have a `\hline` above them.
struct TableRows {
    var cells: [[MathNode]] = []
    var lineAbove: [Bool] = []
    var lineBelowLast = false
}

extension Parser {
    /// Environments and what they look like: fences, column alignments, style.
    struct EnvironmentLayout {
        var open = ""
        var close = ""
        var columns: (Int) -> ColumnAlignment = { _ in .center }
        var display = false
        var className = "qed-matrix"
        var small = false
        var isTable = true
        /// Odd columns start as after `{}`, so `&= x` keeps `=` a relation.
        var alternating = false
    }

    static func layout(for name: String) -> EnvironmentLayout? {
        var layout = EnvironmentLayout()
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        switch base {
        case "matrix": break
        case "pmatrix": layout.open = "("; layout.close = ")"
        case "bmatrix": layout.open = "["; layout.close = "]"
        case "Bmatrix": layout.open = "{"; layout.close = "}"
        case "vmatrix": layout.open = "|"; layout.close = "|"
        case "Vmatrix": layout.open = "‖"; layout.close = "‖"
        case "smallmatrix": layout.small = true
        case "cases", "dcases":
            layout.open = "{"
            layout.columns = { _ in .left }
            layout.className = "qed-cases"
            layout.display = base == "dcases"
        case "rcases", "drcases":
            layout.close = "}"
            layout.columns = { _ in .left }
            layout.className = "qed-cases"
            layout.display = base == "drcases"
        case "aligned", "align", "split", "alignat", "alignedat", "flalign", "eqnarray":
            layout.columns = { $0 % 2 == 0 ? .right : .left }
            layout.display = true
            layout.className = "qed-aligned"
            layout.alternating = true
        case "gathered", "gather", "multline":
            layout.display = true
            layout.className = "qed-gathered"
        case "array", "darray", "subarray":
            layout.className = "qed-array"
            layout.display = base == "darray"
        case "equation":
            layout.isTable = false
        default:
            return nil
        }
        return layout
    }

    /// `\begin{name} … \end{name}`.
    mutating func parseEnvironment(_ token: Token) -> MathNode {
        guard let nameArgument = readRawArgument() else {
            report(.missingArgument, "'\\begin' is missing the environment name", token.start..<token.end, command: "\\begin")
            return .error("\\begin")
        }
        let name = nameArgument.text.trimmingSpaces
        var prefix: [MathNode] = []
        let layout: EnvironmentLayout
        if let known = Self.layout(for: name) {
            layout = known
        } else {
            let suggestion = Self.environmentNames
                .map { (name: $0, distance: Command.editDistance(Array($0.utf8), Array(name.utf8))) }
                .filter { $0.distance <= 2 }
                .min { $0.distance < $1.distance }?.name
            var message = "unknown environment '\(name)'"
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            report(.unknownEnvironment, message, token.start..<nameArgument.range.upperBound + 1,
                   command: "\\begin{\(name)}", suggestion: suggestion)
            prefix.append(.error("\\begin{\(name)}"))
            layout = EnvironmentLayout()
        }
        var columns: [ColumnSpec] = []
        if layout.className == "qed-array" {
            columns = Self.columnSpecs(readRawArgument()?.text ?? "")
        } else if name.hasPrefix("alignat") || name.hasPrefix("alignedat") {
            _ = readRawArgument()
        }
        if current.kind == .character, current.scalar == "[" {
            let optionStart = position
            skipOptionalBracket()
            // `matrix*[r]` gives every column that alignment. A `[` without its `]` is no
            // option (nothing was consumed): the bracket is then part of the first cell.
            let option = position > optionStart + 1
                ? source(tokens[optionStart].end..<tokens[position - 1].start).trimmingSpaces : ""
            if option == "r" || option == "l" {
                columns = Array(repeating: ColumnSpec(alignment: option == "r" ? .right : .left), count: 64)
            }
        }
        let saved = displayStyle
        displayStyle = layout.display
        var body: MathNode
        if layout.isTable {
            let rows = parseTableRows([.end], alternating: layout.alternating)
            if columns.isEmpty {
                let widest = rows.cells.map(\.count).max() ?? 0
                columns = (0..<widest).map { ColumnSpec(alignment: layout.columns($0)) }
            }
            body = table(rows, columns: columns, className: layout.className, display: layout.display)
            if layout.small {
                body = MathNode(.mstyle, attributes: [("scriptlevel", "1")], children: [body])
            }
        } else {
            body = .row(parseRow([.end]))
        }
        displayStyle = saved
        closeEnvironment(name, opened: token)
        if !layout.open.isEmpty || !layout.close.isEmpty {
            body = fenced(layout.open, body, layout.close)
        }
        if prefix.isEmpty { return body }
        return MathNode(.mrow, children: prefix + [body])
    }

    mutating func closeEnvironment(_ name: String, opened: Token) {
        guard current.kind == .command, current.name == "end" else {
            report(.missingArgument, "'\\begin{\(name)}' has no matching '\\end{\(name)}'",
                   opened.start..<opened.end, command: "\\begin")
            return
        }
        let endToken = current
        position += 1
        let closing = readRawArgument()
        let closingName = closing?.text.trimmingSpaces ?? ""
        if closingName != name {
            let upper = closing.map { $0.range.upperBound + 1 } ?? endToken.end
            report(.environmentMismatch, "'\\begin{\(name)}' is closed by '\\end{\(closingName)}'",
                   endToken.start..<min(upper, bytes.count), command: "\\end")
        }
    }

    static let environmentNames = [
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "cases",
        "dcases", "rcases", "aligned", "align", "align*", "split", "alignat", "gathered", "gather",
        "gather*", "array", "subarray", "equation", "equation*", "multline",
    ]

    /// `{cc|l}` → columns, with `|` as borders; `@{…}`, `p{…}` widths are skipped.
    static func columnSpecs(_ spec: String) -> [ColumnSpec] {
        var columns: [ColumnSpec] = []
        var pendingBorder = false
        var skipGroup = 0
        for character in spec {
            if skipGroup > 0 {
                if character == "{" { skipGroup += 1 }
                if character == "}" { skipGroup -= 1 }
                continue
            }
            switch character {
            case "l", "c", "r", "p", "m", "b":
                let alignment: ColumnAlignment = character == "l" || character == "p" ? .left : character == "r" ? .right : .center
                columns.append(ColumnSpec(alignment: alignment, borderLeft: pendingBorder))
                pendingBorder = false
            case "|":
                if columns.isEmpty || pendingBorder { pendingBorder = true } else { columns[columns.count - 1].borderRight = true }
            case "{":
                skipGroup = 1
            default:
                continue
            }
        }
        return columns
    }

    /// Rows on `\\`, cells on `&`, until one of `stops` (left in place).
    mutating func parseTableRows(_ stops: RowStops, alternating: Bool = false) -> TableRows {
        var rows = TableRows()
        var cells: [MathNode] = []
        var rowHasLine = false
        sawHorizontalLine = false
        while true {
            let cell = parseRow(stops.union(.cell), leadingOrdinary: alternating && cells.count % 2 == 1)
            if cells.isEmpty {
                rowHasLine = sawHorizontalLine
                sawHorizontalLine = false
            }
            cells.append(.row(cell))
            if current.kind == .alignment {
                position += 1
                continue
            }
            if current.kind == .command, case .newline? = Command.table[current.name] {
                position += 1
                skipOptionalBracket()
                rows.cells.append(cells)
                rows.lineAbove.append(rowHasLine)
                cells = []
                continue
            }
            let isEmptyTrailer = cells.count == 1 && cells[0].tag == .mrow && cells[0].children.isEmpty
            if isEmptyTrailer, !rows.cells.isEmpty {
                rows.lineBelowLast = rowHasLine || sawHorizontalLine
            } else {
                rows.cells.append(cells)
                rows.lineAbove.append(rowHasLine)
            }
            break
        }
        return rows
    }

    /// Builds an `mtable`; alignment and rules go in classes for the stylesheet.
    func table(_ rows: TableRows, columns: [ColumnSpec], className: String, display: Bool = false) -> MathNode {
        var tableRows: [MathNode] = []
        tableRows.reserveCapacity(rows.cells.count)
        for (rowIndex, cells) in rows.cells.enumerated() {
            var tableCells: [MathNode] = []
            for (columnIndex, cell) in cells.enumerated() {
                var classes: [String] = []
                if columnIndex < columns.count {
                    let column = columns[columnIndex]
                    if let name = column.alignment.className { classes.append(name) }
                    if column.borderLeft { classes.append("qed-border-l") }
                    if column.borderRight { classes.append("qed-border-r") }
                }
                let content = cell.tag == .mrow && cell.attributes.isEmpty ? cell.children : [cell]
                tableCells.append(MathNode(.mtd, attributes: classes.isEmpty ? [] : [("class", classes.joined(separator: " "))],
                                           children: content))
            }
            var rowClasses: [String] = []
            if rows.lineAbove.indices.contains(rowIndex), rows.lineAbove[rowIndex] { rowClasses.append("qed-hline-above") }
            if rowIndex == rows.cells.count - 1, rows.lineBelowLast { rowClasses.append("qed-hline-below") }
            tableRows.append(MathNode(.mtr, attributes: rowClasses.isEmpty ? [] : [("class", rowClasses.joined(separator: " "))],
                                      children: tableCells))
        }
        var attributes: [(name: String, value: String)] = [("class", className)]
        if display { attributes.append(("displaystyle", "true")) }
        return MathNode(.mtable, attributes: attributes, children: tableRows)
    }
}
