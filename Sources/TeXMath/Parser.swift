/// Tokens that end a row, depending on what encloses it.
struct RowStops: OptionSet, Sendable {
    let rawValue: UInt8
    static let closeBrace = RowStops(rawValue: 1)
    /// `&` and `\\` (inside a table or at the top level).
    static let cell = RowStops(rawValue: 2)
    static let right = RowStops(rawValue: 4)
    static let end = RowStops(rawValue: 8)
    /// `]` ends the optional argument of `\sqrt[n]`.
    static let bracket = RowStops(rawValue: 16)
}

/// A recursive-descent parser from tokens to `MathNode`s, one pass, never failing:
/// whatever it cannot understand becomes an error node plus a diagnostic.
struct Parser {
    /// Nesting (groups, arguments, environments) beyond this is cut off with a
    /// diagnostic, so hostile input cannot exhaust the stack.
    static let maxDepth = 60
    /// Diagnostics kept per formula; the rest are counted and summarised in one.
    static let maxDiagnostics = 50

    let bytes: [UInt8]
    let tokens: [Token]
    var position = 0
    var diagnostics: [MathDiagnostic] = []
    /// Problems found after `maxDiagnostics`, and where the first of them is.
    var suppressedDiagnostics = 0
    var suppressedStart: Int?
    /// Whether the current style is display style (decides limits placement).
    var displayStyle: Bool
    var font: MathFont?
    var depth = 0
    var reportedDepth = false
    /// The stops of the innermost row being parsed, inherited by `\left…\right`.
    var rowStops: RowStops = []
    var leftDepth = 0
    var sawHorizontalLine = false
    /// `\tag{…}`, set at the end of the formula wherever it was written.
    var equationTag: MathNode?
    /// Inside scripts and text-style fractions TeX drops the space around binary
    /// operators and relations.
    var scriptStyle = false
    /// Inside `\set`, `\Set` and `\Braket`: what a `|` stands for there.
    var barReplacement: MathNode?
    /// The size in force relative to `\normalsize` (`\large` is 1.2), so nested size
    /// commands stay absolute as in LaTeX even though `mathsize` in em is relative.
    var sizeFactor = 1.0

    init(bytes: [UInt8], tokens: [Token], displayStyle: Bool) {
        self.bytes = bytes
        self.tokens = tokens
        self.displayStyle = displayStyle
    }

    // MARK: Diagnostics and source

    mutating func report(_ kind: MathDiagnostic.Kind, _ message: @autoclosure () -> String, _ range: Range<Int>,
                         command: String? = nil, suggestion: String? = nil) {
        guard diagnostics.count < Self.maxDiagnostics else {
            // Past the cap only a count is kept: an error-heavy formula must not cost
            // a message (and a caller's rendering of its line) per problem.
            suppressedDiagnostics += 1
            if suppressedStart == nil { suppressedStart = range.lowerBound }
            return
        }
        // Ranges built from a construct cut short by the end of the formula can reach past
        // it; callers map offsets onto the note, so they must stay inside the formula.
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        diagnostics.append(MathDiagnostic(kind: kind, message: message(), range: lower..<upper,
                                          command: command, suggestion: suggestion))
    }

    /// Whether another diagnostic would still be kept (so that costly details such as
    /// a spelling suggestion are computed only for diagnostics someone will read).
    var reportsInFull: Bool { diagnostics.count < Self.maxDiagnostics }

    func source(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The source from `start` up to the token at the current position.
    func sourceSince(_ start: Int) -> String {
        let end = position > 0 ? tokens[position - 1].end : start
        return source(start..<max(start, end))
    }

    var current: Token { tokens[position] }

    // MARK: Depth

    /// Enters one level of nesting; false when too deep (the caller must still `leave`).
    mutating func enter() -> Bool {
        depth += 1
        return depth <= Self.maxDepth
    }

    mutating func leave() { depth -= 1 }

    /// Skips the rest of the current group (up to its `}` or the end), reporting once.
    mutating func skipTooDeep() -> MathNode {
        let start = current.start
        if !reportedDepth {
            reportedDepth = true
            report(.nestingTooDeep, "formula nested more than \(Self.maxDepth) levels deep; the rest of this group is shown as source",
                   start..<max(start + 1, current.end))
        }
        var level = 0
        while current.kind != .end {
            if current.kind == .beginGroup {
                level += 1
            } else if current.kind == .endGroup {
                if level == 0 { break }
                level -= 1
            }
            position += 1
        }
        return .error(source(start..<current.start))
    }

    // MARK: Rows

    /// Parses atoms until a stop token (left in place) or the end of the formula.
    /// `leadingOrdinary` makes a leading `+`/`−` binary, as after `&` in `aligned`.
    mutating func parseRow(_ stops: RowStops, leadingOrdinary: Bool = false) -> [MathNode] {
        var row: [MathNode] = []
        defer { leave() }
        guard enter() else { return [skipTooDeep()] }
        let savedStops = rowStops
        rowStops = stops
        defer { rowStops = savedStops }
        if leadingOrdinary { row.append(MathNode(.mrow)) }
        loop: while true {
            let token = current
            switch token.kind {
            case .end:
                break loop
            case .endGroup:
                if stops.contains(.closeBrace) { break loop }
                report(.unbalancedBraces, "unexpected '}' with no matching '{'", token.start..<token.end)
                row.append(.error("}"))
                position += 1
            case .alignment:
                if stops.contains(.cell) { break loop }
                report(.misplacedAlignment, "'&' is only allowed inside a matrix or an aligned environment",
                       token.start..<token.end)
                row.append(.error("&"))
                position += 1
            case .caret, .underscore, .prime:
                append(parseScripts(on: .emptyRow), to: &row)
            case .beginGroup:
                append(parseScripts(on: parseGroup()), to: &row)
            case .character:
                if token.scalar == "]", stops.contains(.bracket) { break loop }
                if token.scalar == "|", let bar = barReplacement {
                    position += 1
                    append(parseScripts(on: bar), to: &row)
                    continue loop
                }
                append(parseScripts(on: parseCharacter(single: false)), to: &row)
            case .command:
                let command = Command.table[token.name]
                switch command {
                case .newline?:
                    if stops.contains(.cell) { break loop }
                    position += 1
                    skipOptionalBracket()
                case .right?:
                    if stops.contains(.right) { break loop }
                    row.append(unmatchedRight())
                case .end?:
                    if stops.contains(.end) { break loop }
                    row.append(unmatchedEnd())
                case .infixFraction(let kind)?:
                    position += 1
                    let numerator = finalize(row)
                    let denominator = parseRow(stops)
                    return [infixFraction(kind, numerator: numerator, denominator: denominator)]
                case .style(let display, let level)?:
                    position += 1
                    row.append(styled(display: display, scriptLevel: level, stops: stops))
                    break loop
                case .scriptStyle(let level)?:
                    position += 1
                    row.append(styled(display: false, scriptLevel: level, stops: stops))
                    break loop
                case .fontSwitch(let newFont)?:
                    position += 1
                    let saved = font
                    font = newFont
                    row.append(contentsOf: parseRow(stops))
                    font = saved
                    break loop
                case .sizeSwitch(let factor)?:
                    position += 1
                    row.append(sized(factor, stops: stops))
                    break loop
                case .color?:
                    position += 1
                    let color = parseColorArgument(command: token)
                    let rest = parseRow(stops)
                    row.append(colored(color, rest))
                    break loop
                default:
                    if let node = parseCommand(token, command) {
                        append(parseScripts(on: node), to: &row)
                    }
                }
            }
        }
        if leadingOrdinary, row.count == 1 { return [] }
        return finalize(row)
    }

    /// Appends an atom, turning a binary operator into a prefix one where TeX would
    /// (at the start, or after an operator, relation, opening or punctuation).
    mutating func append(_ node: consuming MathNode, to row: inout [MathNode]) {
        if node.atom == .bin {
            // The last non-space atom, read in place: `row.last { … }` copied the node.
            var previous: AtomClass?
            for k in row.indices.reversed() where row[k].atom != .space {
                previous = row[k].atom
                break
            }
            switch previous {
            case nil, .bin?, .op?, .rel?, .open?, .punct?:
                node.atom = .ord
                if node.tag == .mo { node.setAttribute("form", "prefix") }
            default:
                break
            }
        }
        if scriptStyle, node.tag == .mo, node.atom == .bin || node.atom == .rel, node.attribute("lspace") == nil {
            node.attributes += [("lspace", "0em"), ("rspace", "0em")]
        }
        row.append(node)
    }

    /// Adds function application after named functions and pins the `form` of
    /// operators at the edges of a row, where Chromium would guess prefix/postfix.
    func finalize(_ row: consuming [MathNode]) -> [MathNode] {
        guard !row.isEmpty else { return row }
        // `row` is consumed, so pinning a form below changes the row in place rather than
        // copying every node of a row the caller still held.
        var result: [MathNode]
        // By index: `contains(where:)` iterates, copying every node of the row.
        if row.indices.contains(where: { row[$0].atom == .function }) {
            result = applyFunctions(row)
        } else {
            result = row
        }
        for index in [0, result.count - 1] {
            let atom = result[index].atom
            if result[index].tag == .mo, atom == .bin || atom == .rel, result[index].attribute("form") == nil {
                result[index].setAttribute("form", "infix")
            }
        }
        return result
    }

    /// Inserts function application (and TeX's thin spaces) around operator names.
    func applyFunctions(_ row: [MathNode]) -> [MathNode] {
        var result: [MathNode] = []
        result.reserveCapacity(row.count + 2)
        for index in row.indices {
            // TeX puts a thin space between an ordinary or closing atom and an operator name.
            if row[index].atom == .function, index > 0 {
                switch row[index - 1].atom {
                case .ord, .close, .inner, .function:
                    if row[index - 1].tag != .mrow || !row[index - 1].children.isEmpty {
                        result.append(.space("0.1667em"))
                    }
                default: break
                }
            }
            result.append(row[index])
            guard row[index].atom == .function, index + 1 < row.count else { continue }
            let nextAtom = row[index + 1].atom
            switch nextAtom {
            case .bin, .rel, .punct, .close, .space: continue
            default: break
            }
            result.append(.op("\u{2061}", .space))
            if nextAtom != .open, !row[index + 1].startsWithFence {
                result.append(.space("0.1667em"))
            }
        }
        return result
    }

    // MARK: Groups and arguments

    /// `{…}`; the current token is the `{`.
    mutating func parseGroup() -> MathNode {
        let open = current
        position += 1
        let children = parseRow([.closeBrace])
        if current.kind == .endGroup {
            position += 1
        } else {
            report(.unbalancedBraces, "missing '}' to close the '{' opened here", open.start..<open.end)
        }
        var node = MathNode.row(children)
        if node.tag != .mo {
            node.atom = .ord
            node.limits = .none
        }
        return node
    }

    /// A command argument: a group or a single token. Nil when there is none.
    mutating func parseArgument() -> MathNode? {
        let token = current
        switch token.kind {
        case .beginGroup:
            return parseGroup()
        case .character:
            if token.scalar == "]", rowStops.contains(.bracket) { return nil }
            return parseCharacter(single: true)
        case .command:
            let command = Command.table[token.name]
            switch command {
            case .newline?, .right?, .end?, .infixFraction?:
                return nil
            default:
                return parseCommand(token, command) ?? .emptyRow
            }
        default:
            return nil
        }
    }

    /// An argument that must be present: reports and returns nil otherwise.
    mutating func requireArgument(_ command: Token, _ what: String) -> MathNode? {
        if let argument = parseArgument() { return argument }
        report(.missingArgument, "'\\\(command.name)' is missing \(what)", command.start..<command.end,
               command: "\\" + command.name)
        return nil
    }

    /// Skips `[…]` after `\\` (a row-spacing request, which MathML Core cannot express).
    mutating func skipOptionalBracket() {
        guard current.kind == .character, current.scalar == "[" else { return }
        var index = position + 1
        // A spacing request is short; the cap keeps hostile input linear.
        while tokens[index].kind != .end, index - position < 64 {
            if tokens[index].kind == .character, tokens[index].scalar == "]" {
                position = index + 1
                return
            }
            index += 1
        }
    }
}
