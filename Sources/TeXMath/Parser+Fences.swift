extension Parser {
    /// Reads the delimiter after `\left`, `\right`, `\middle` or `\big`: its text,
    /// "" for `.` (no delimiter), or nil (nothing consumed) when there is none.
    mutating func readDelimiter() -> String? {
        let token = current
        switch token.kind {
        case .character:
            let text: String
            switch token.scalar {
            case "(", ")", "[", "]", "|", "/": text = String(Character(token.scalar))
            case "<": text = "⟨"
            case ">": text = "⟩"
            case ".": text = ""
            case "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "{", "}": text = String(Character(token.scalar))
            default: return nil
            }
            position += 1
            return text
        case .command:
            guard case .delimiter(let text, _)? = Command.table[token.name] else { return nil }
            position += 1
            return text
        default:
            return nil
        }
    }

    mutating func requireDelimiter(after token: Token) -> String {
        if let delimiter = readDelimiter() { return delimiter }
        let found = current.kind == .end ? "the end of the formula" : "'\(source(current.start..<current.end))'"
        report(.missingDelimiter, "'\\\(token.name)' must be followed by a delimiter such as ( [ \\{ | or ., not \(found)",
               token.start..<token.end, command: "\\" + token.name)
        return ""
    }

    /// `\left( … \right)`: its own row between stretchy fences. Without `\right`,
    /// `\left(` is shown as source and the body still renders.
    mutating func leftRight(_ token: Token) -> MathNode {
        let open = requireDelimiter(after: token)
        let leftEnd = position > 0 ? tokens[position - 1].end : token.end
        leftDepth += 1
        let body = parseRow(rowStops.union(.right))
        leftDepth -= 1
        guard current.kind == .command, current.name == "right" else {
            report(.unmatchedLeft, "'\\left' has no matching '\\right'", token.start..<leftEnd, command: "\\left")
            var node = MathNode(.mrow, children: [.error(source(token.start..<leftEnd))] + body)
            node.atom = .inner
            return node
        }
        let rightToken = current
        position += 1
        let close = requireDelimiter(after: rightToken)
        return fencedRow(open, body, close)
    }

    /// `body` between fences that grow with it. Chromium draws a stretchy fence around a
    /// one-line body with wide gaps (it takes a larger variant's advance), so fences and
    /// `\middle` bars of a body no taller than a letter stay their normal size, as TeX's
    /// delimiter rules also leave them.
    func fencedRow(_ open: String, _ body: [MathNode], _ close: String) -> MathNode {
        let tall = body.contains { Self.isTall($0) }
        var children: [MathNode] = []
        children.reserveCapacity(body.count + 2)
        if !open.isEmpty { children.append(stretchyFence(open, form: "prefix", stretchy: tall)) }
        if tall {
            children.append(contentsOf: body)
        } else {
            for var child in body {
                if child.tag == .mo, child.attribute("form") == "infix", child.attribute("stretchy") == "true" {
                    child.setAttribute("stretchy", "false")
                }
                children.append(child)
            }
        }
        if !close.isEmpty { children.append(stretchyFence(close, form: "postfix", stretchy: tall)) }
        var node = MathNode(.mrow, atom: .inner, children: children)
        node.startsWithFence = !open.isEmpty
        return node
    }

    /// Whether a node is taller than a line of text: fractions, tables, roots, display
    /// operators with limits, sized or growing delimiters, anywhere inside it. The
    /// tree is at most `maxDepth` deep, so this stays linear per fence pair.
    static func isTall(_ node: MathNode) -> Bool {
        switch node.tag {
        case .mfrac, .mtable, .msqrt, .mroot:
            return true
        case .munderover, .munder, .mover:
            if node.children.first?.atom == .op { return true }
        case .mo:
            // A nested tall `\left…\right` has growing fences; a `\middle` bar says nothing yet.
            return node.attribute("minsize") != nil
                || (node.attribute("stretchy") == "true" && node.attribute("fence") == "true" && node.attribute("form") != "infix")
        case .mstyle:
            if node.attribute("displaystyle") == "true" { return true }
        default:
            break
        }
        return node.children.contains { isTall($0) }
    }

    mutating func unmatchedRight() -> MathNode {
        let token = current
        position += 1
        _ = readDelimiter()
        let text = sourceSince(token.start)
        report(.unmatchedRight, "'\\right' has no matching '\\left'", token.start..<token.end, command: "\\right")
        return .error(text)
    }

    mutating func middle(_ token: Token) -> MathNode {
        let delimiter = requireDelimiter(after: token)
        guard leftDepth > 0 else {
            report(.misplacedCommand, "'\\middle' is only allowed between '\\left' and '\\right'",
                   token.start..<token.end, command: "\\middle")
            return .error(sourceSince(token.start))
        }
        return .op(delimiter, .rel, [("fence", "true"), ("form", "infix"), ("stretchy", "true"),
                                     ("lspace", "0.05em"), ("rspace", "0.05em")])
    }

    /// `\big(`, `\Bigl[`, `\bigm|`: a delimiter of fixed size.
    mutating func bigDelimiter(_ token: Token, size: String, form: String?) -> MathNode {
        let delimiter = requireDelimiter(after: token)
        guard !delimiter.isEmpty else { return .emptyRow }
        var attributes: [(name: String, value: String)] = [("fence", "true"), ("stretchy", "true")]
        let atom: AtomClass
        switch form {
        case "prefix"?: atom = .open
        case "postfix"?: atom = .close
        case "infix"?: atom = .rel
        default:
            switch delimiter {
            case "(", "[", "{", "⟨", "⌊", "⌈": atom = .open
            case ")", "]", "}", "⟩", "⌋", "⌉": atom = .close
            default: atom = .ord
            }
        }
        if let form { attributes.append(("form", form)) }
        if atom == .ord { attributes += [("lspace", "0em"), ("rspace", "0em")] }
        attributes += [("minsize", size), ("maxsize", size)]
        return .op(delimiter, atom, attributes)
    }

    mutating func unmatchedEnd() -> MathNode {
        let token = current
        position += 1
        let name = readRawArgument()?.text ?? ""
        report(.misplacedCommand, "'\\end{\(name)}' has no matching '\\begin{\(name)}'",
               token.start..<max(token.end, position > 0 ? tokens[position - 1].end : token.end), command: "\\end")
        return .error(sourceSince(token.start))
    }

    /// `\displaystyle` and friends: the rest of the row in that style.
    mutating func styled(display: Bool, scriptLevel: Int, stops: RowStops) -> MathNode {
        let saved = displayStyle
        displayStyle = display
        let rest = parseRow(stops)
        displayStyle = saved
        return MathNode(.mstyle, attributes: [("displaystyle", display ? "true" : "false"),
                                              ("scriptlevel", String(scriptLevel))], children: rest)
    }

    func colored(_ color: String?, _ children: [MathNode]) -> MathNode {
        guard let color else { return .row(children) }
        return MathNode(.mstyle, attributes: [("mathcolor", color)], children: children)
    }

    /// Reads `{name}`, `[HTML]{FF8800}` or `[rgb]{1,0.5,0}`; nil (after a diagnostic)
    /// when the colour is not a known name or a well-formed value.
    mutating func parseColorArgument(command: Token) -> String? {
        var model: String?
        if current.kind == .character, current.scalar == "[" {
            var index = position + 1
            while tokens[index].kind == .character, tokens[index].scalar != "]", index - position < 64 { index += 1 }
            if tokens[index].kind == .character, tokens[index].scalar == "]" {
                model = source(tokens[position].end..<tokens[index].start)
                position = index + 1
            }
        }
        guard let argument = readRawArgument() else {
            report(.missingArgument, "'\\\(command.name)' is missing its colour", command.start..<command.end,
                   command: "\\" + command.name)
            return nil
        }
        if let color = Colors.validated(argument.text, model: model) { return color }
        report(.invalidColor, "unknown colour '\(argument.text)'; use a name such as red or a hex value such as #FF8800",
               argument.range)
        return nil
    }

    /// The raw source of the next argument (a braced group or one token), without
    /// parsing it: used for names, colours, lengths and text.
    mutating func readRawArgument() -> (text: String, range: Range<Int>)? {
        let token = current
        switch token.kind {
        case .beginGroup:
            var level = 0
            var index = position
            while tokens[index].kind != .end {
                if tokens[index].kind == .beginGroup {
                    level += 1
                } else if tokens[index].kind == .endGroup {
                    level -= 1
                    if level == 0 { break }
                }
                index += 1
            }
            let range = token.end..<tokens[index].start
            if tokens[index].kind == .end {
                report(.unbalancedBraces, "missing '}' to close the '{' opened here", token.start..<token.end)
                position = index
            } else {
                position = index + 1
            }
            return (source(range), range)
        case .character, .command:
            position += 1
            return (source(token.start..<token.end), token.start..<token.end)
        default:
            return nil
        }
    }
}
