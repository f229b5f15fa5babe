/// The constructs behind the commands: fractions, roots, accents, stacks, operator names.
extension Parser {
    mutating func fraction(_ token: Token, _ style: FractionStyle) -> MathNode {
        let (savedDisplay, savedScript) = (displayStyle, scriptStyle)
        // The parts of a text-style fraction are in script style.
        scriptStyle = scriptStyle || style == .text || (style == .normal && !displayStyle)
        displayStyle = false
        defer { (displayStyle, scriptStyle) = (savedDisplay, savedScript) }
        guard let numerator = requireArgument(token, "its numerator"),
              let denominator = requireArgument(token, "its denominator") else { return errorSince(token) }
        return withStyle(MathNode(.mfrac, children: [numerator, denominator]), style)
    }

    func withStyle(_ node: MathNode, _ style: FractionStyle) -> MathNode {
        switch style {
        case .normal: return node
        case .display:
            return MathNode(.mstyle, attributes: [("displaystyle", "true"), ("scriptlevel", "0")], children: [node])
        case .text:
            return MathNode(.mstyle, attributes: [("displaystyle", "false"), ("scriptlevel", "0")], children: [node])
        }
    }

    mutating func binomial(_ token: Token, _ style: FractionStyle) -> MathNode {
        let saved = displayStyle
        displayStyle = false
        defer { displayStyle = saved }
        guard let top = requireArgument(token, "its upper argument"),
              let bottom = requireArgument(token, "its lower argument") else { return errorSince(token) }
        return withStyle(fenced("(", MathNode(.mfrac, attributes: [("linethickness", "0em")], children: [top, bottom]), ")"), style)
    }

    /// `a \over b` and friends: everything before and after in the group.
    func infixFraction(_ kind: InfixKind, numerator: [MathNode], denominator: [MathNode]) -> MathNode {
        let top = MathNode.row(numerator.isEmpty ? [.emptyRow] : numerator)
        let bottom = MathNode.row(denominator.isEmpty ? [.emptyRow] : denominator)
        switch kind {
        case .over:
            return MathNode(.mfrac, children: [top, bottom])
        case .atop:
            return MathNode(.mfrac, attributes: [("linethickness", "0em")], children: [top, bottom])
        case .choose, .brack, .brace:
            let (open, close) = kind == .choose ? ("(", ")") : kind == .brack ? ("[", "]") : ("{", "}")
            return fenced(open, MathNode(.mfrac, attributes: [("linethickness", "0em")], children: [top, bottom]), close)
        }
    }

    /// A body between stretchy fences, as `\left…\right` would make it.
    func fenced(_ open: String, _ body: MathNode, _ close: String) -> MathNode {
        var children: [MathNode] = []
        if !open.isEmpty { children.append(stretchyFence(open, form: "prefix")) }
        children.append(body)
        if !close.isEmpty { children.append(stretchyFence(close, form: "postfix")) }
        var node = MathNode(.mrow, atom: .inner, children: children)
        node.startsWithFence = true
        return node
    }

    /// A `\left`/`\right` fence. Explicit zero `lspace`/`rspace`: Chromium would give a
    /// fence missing from its operator dictionary (`\left/`) thick spaces.
    func stretchyFence(_ text: String, form: String, stretchy: Bool = true) -> MathNode {
        .op(text, form == "prefix" ? .open : .close,
            [("fence", "true"), ("form", form), ("stretchy", stretchy ? "true" : "false"),
             ("lspace", "0em"), ("rspace", "0em")])
    }

    mutating func squareRoot(_ token: Token) -> MathNode {
        var index: MathNode?
        if current.kind == .character, current.scalar == "[" {
            let open = current
            position += 1
            let saved = displayStyle
            displayStyle = false
            let children = parseRow([.bracket, .closeBrace])
            displayStyle = saved
            if current.kind == .character, current.scalar == "]" {
                position += 1
            } else {
                report(.missingArgument, "missing ']' to close the root index opened here", open.start..<open.end)
            }
            index = .row(children)
        }
        guard let radicand = requireArgument(token, "its radicand") else { return errorSince(token) }
        if let index { return MathNode(.mroot, children: [radicand, index]) }
        return MathNode(.msqrt, children: [radicand])
    }

    mutating func accent(_ token: Token, _ mark: String, stretchy: Bool, under: Bool) -> MathNode {
        guard let base = requireArgument(token, "the expression to accent") else { return errorSince(token) }
        let accent = MathNode.op(mark, .ord, [("stretchy", stretchy ? "true" : "false")])
        var node = MathNode(under ? .munder : .mover,
                            attributes: [(under ? "accentunder" : "accent", "true")], children: [base, accent])
        node.atom = base.atom == .op ? .op : .ord
        return node
    }

    mutating func horizontalBrace(_ token: Token, over: Bool) -> MathNode {
        guard let base = requireArgument(token, "its argument") else { return errorSince(token) }
        let brace = MathNode.op(over ? "\u{23DE}" : "\u{23DF}", .ord, [("stretchy", "true")])
        var node = MathNode(over ? .mover : .munder, children: [base, brace])
        node.limits = .always
        return node
    }

    mutating func stacked(_ token: Token, over: Bool) -> MathNode {
        let saved = displayStyle
        displayStyle = false
        let annotation = requireArgument(token, over ? "the expression to set above" : "the expression to set below")
        displayStyle = saved
        guard let annotation, let base = requireArgument(token, "its base") else { return errorSince(token) }
        var node = MathNode(over ? .mover : .munder, children: [base, annotation])
        node.atom = base.atom
        return node
    }

    mutating func extensibleArrow(_ token: Token, _ arrow: String) -> MathNode {
        var below: MathNode?
        if current.kind == .character, current.scalar == "[" {
            position += 1
            let children = parseRow([.bracket, .closeBrace])
            if current.kind == .character, current.scalar == "]" { position += 1 }
            below = .row(children)
        }
        guard let above = requireArgument(token, "the label above the arrow") else { return errorSince(token) }
        // Padding on both sides makes the arrow longer than its label, as in TeX.
        func padded(_ label: MathNode) -> MathNode {
            MathNode(.mrow, children: [.space("0.5em"), label, .space("0.5em")])
        }
        let mark = MathNode.op(arrow, .rel, [("stretchy", "true")])
        var children = [mark]
        if let below { children.append(padded(below)) }
        children.append(padded(above))
        var node = MathNode(below == nil ? .mover : .munderover, children: children)
        node.atom = .rel
        return node
    }

    mutating func phantom(_ token: Token, _ command: Command) -> MathNode {
        guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
        switch command {
        case .horizontalPhantom:
            return MathNode(.mpadded, attributes: [("height", "0em"), ("depth", "0em")],
                            children: [MathNode(.mphantom, children: [body])])
        case .verticalPhantom:
            return MathNode(.mpadded, attributes: [("width", "0em")], children: [MathNode(.mphantom, children: [body])])
        case .smash:
            return MathNode(.mpadded, attributes: [("height", "0em"), ("depth", "0em")], children: [body])
        default:
            return MathNode(.mphantom, children: [body])
        }
    }

    /// `\operatorname{softmax}` → one upright `<mi>` treated as a function;
    /// `\operatorname*` takes limits.
    mutating func operatorName(_ token: Token) -> MathNode {
        var limits = LimitsPlacement.none
        if current.kind == .character, current.scalar == "*" {
            position += 1
            limits = .displayLimits
        }
        let saved = font
        font = .roman
        let argument = requireArgument(token, "the operator name")
        font = saved
        guard let argument else { return errorSince(token) }
        var node = Self.flattenedName(argument) ?? argument
        node.atom = .function
        node.limits = limits
        return node
    }

    /// Joins simple pieces (`arg\,max`, `KL`) into one identifier's text.
    static func flattenedName(_ node: MathNode) -> MathNode? {
        var text = ""
        func collect(_ node: MathNode) -> Bool {
            switch node.tag {
            case .mi, .mn, .mtext:
                text += node.text
            case .mo:
                text += node.text == "\u{2212}" ? "-" : node.text == "\u{2217}" ? "*" : node.text
            case .mspace:
                text += "\u{2006}"
            case .mrow:
                for child in node.children where !collect(child) { return false }
            default:
                return false
            }
            return true
        }
        guard collect(node), !text.isEmpty else { return nil }
        return .identifier(text, upright: text.unicodeScalars.count == 1)
    }

    mutating func negation(_ token: Token) -> MathNode {
        guard current.kind == .character || current.kind == .command,
              let negated = parseArgument() else {
            report(.missingArgument, "'\\not' must be followed by a relation", token.start..<token.end, command: "\\not")
            return .error("\\not")
        }
        if negated.tag == .mo || negated.tag == .mi {
            let symbol = Symbols.negations[negated.text] ?? negated.text + "\u{0338}"
            return .op(symbol, .rel)
        }
        return MathNode(.mrow, atom: .rel, children: [negated, .op("\u{0338}", .rel)])
    }

    mutating func classed(_ token: Token, _ atom: AtomClass) -> MathNode {
        guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
        if body.tag == .mo {
            var node = body
            node.atom = atom
            if atom == .op { node.limits = .displayLimits }
            return node
        }
        var node: MathNode
        switch atom {
        case .rel: node = MathNode(.mrow, children: [.space("0.2778em"), body, .space("0.2778em")])
        case .bin: node = MathNode(.mrow, children: [.space("0.2222em"), body, .space("0.2222em")])
        default: node = body
        }
        node.atom = atom == .op ? .function : atom
        if atom == .op { node.limits = .displayLimits }
        return node
    }

    mutating func modulo(_ token: Token, _ kind: ModuloKind) -> MathNode {
        if kind == .bmod {
            return .op("mod", .bin, [("lspace", "0.2222em"), ("rspace", "0.2222em")])
        }
        guard let argument = requireArgument(token, "its argument") else { return errorSince(token) }
        var children: [MathNode] = [.space(kind == .mod ? "1em" : "0.4444em")]
        if kind != .mod { children.append(fence("(", .open)) }
        if kind != .pod { children += [.identifier("mod"), .space("0.3333em")] }
        children.append(argument)
        if kind != .mod { children.append(fence(")", .close)) }
        return MathNode(.mrow, children: children)
    }

    mutating func equationTag(_ token: Token) -> MathNode? {
        var starred = false
        if current.kind == .character, current.scalar == "*" {
            starred = true
            position += 1
        }
        guard let text = readRawArgument() else {
            report(.missingArgument, "'\\tag' is missing its label", token.start..<token.end, command: "\\tag")
            return .error("\\tag")
        }
        let label = starred ? text.text : "(" + text.text + ")"
        equationTag = MathNode(.mrow, atom: .space, attributes: [("class", "qed-tag")],
                               children: [.space("2em"), MathNode(.mtext, text: label)])
        return nil
    }

    mutating func substack(_ token: Token) -> MathNode {
        guard current.kind == .beginGroup else {
            report(.missingArgument, "'\\substack' is missing its rows", token.start..<token.end, command: "\\substack")
            return .error("\\substack")
        }
        let open = current
        position += 1
        let rows = parseTableRows([.closeBrace])
        if current.kind == .endGroup {
            position += 1
        } else {
            report(.unbalancedBraces, "missing '}' to close the '{' opened here", open.start..<open.end)
        }
        return table(rows, columns: [], className: "qed-substack")
    }
}
