extension Parser {
    /// Parses the command at the current position (consuming it and its arguments).
    /// Nil for commands that produce nothing (`\label{…}`, `\nonumber`).
    mutating func parseCommand(_ token: Token, _ command: Command?) -> MathNode? {
        defer { leave() }
        guard enter() else { return skipTooDeep() }
        position += 1
        guard let command else { return unknownCommand(token) }
        switch command {
        case .identifier(let text, let upright):
            return styledIdentifier(text, upright: upright)
        case .symbol(let text, let atom):
            return .op(text, atom)
        case .arrow(let text):
            return .op(text, .rel, Self.arrowAttributes)
        case .wideRelation(let text):
            return .op(text, .rel, [("lspace", "0.5556em"), ("rspace", "0.5556em"), ("stretchy", "false")])
        case .delimiter(let text, let atom):
            return fence(text, atom)
        case .largeOperator(let text, let integral):
            var node = MathNode.op(text, .op, integral ? Self.integralAttributes : Self.largeOperatorAttributes)
            node.limits = integral ? .none : .displayLimits
            return node
        case .function(let name, let limits):
            var node = MathNode.identifier(name)
            node.atom = .function
            node.limits = limits ? .displayLimits : .none
            return node
        case .argFunction:
            return argFunction()
        case .space(let width):
            return .space(width)
        case .noBreakSpace:
            return MathNode(.mtext, text: "\u{00A0}", atom: .space)
        case .fraction(let style):
            return fraction(token, style)
        case .binomial(let style):
            return binomial(token, style)
        case .infixFraction:
            return .error("\\" + token.name)
        case .squareRoot:
            return squareRoot(token)
        case .font(let newFont):
            let saved = font
            font = newFont
            defer { font = saved }
            return requireArgument(token, "its argument") ?? errorSince(token)
        case .fontSwitch, .style, .scriptStyle, .ignored, .sizeSwitch:
            return nil
        case .text(let style):
            return parseText(token, style: style)
        case .accent(let mark, let stretchy):
            return accent(token, mark, stretchy: stretchy, under: false)
        case .underAccent(let mark, let stretchy):
            return accent(token, mark, stretchy: stretchy, under: true)
        case .overline, .underline:
            // Stretchy U+203E/U+005F do not widen in Chromium; a CSS rule draws the line.
            guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
            let className = { if case .overline = command { "qed-overline" } else { "qed-underline" } }()
            return MathNode(.mrow, attributes: [("class", className)], children: [body])
        case .overbrace, .underbrace:
            return horizontalBrace(token, over: { if case .overbrace = command { true } else { false } }())
        case .overset, .underset:
            return stacked(token, over: { if case .overset = command { true } else { false } }())
        case .extensibleArrow(let arrow, _):
            return extensibleArrow(token, arrow)
        case .left:
            return leftRight(token)
        case .right, .end, .newline:
            return .error("\\" + token.name)
        case .middle:
            return middle(token)
        case .bigDelimiter(let size, let form):
            return bigDelimiter(token, size: size, form: form)
        case .begin:
            return parseEnvironment(token)
        case .color:
            _ = parseColorArgument(command: token)
            return nil
        case .textColor:
            let color = parseColorArgument(command: token)
            guard let body = requireArgument(token, "the text to colour") else { return errorSince(token) }
            return colored(color, [body])
        case .boxed:
            guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
            return MathNode(.mrow, attributes: [("class", "qed-boxed")], children: [body])
        case .enclose(let className):
            guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
            return MathNode(.mrow, attributes: [("class", className)], children: [body])
        case .phantom, .horizontalPhantom, .verticalPhantom, .smash:
            return phantom(token, command)
        case .operatorName:
            return operatorName(token)
        case .limits:
            report(.misplacedCommand, "'\\\(token.name)' must follow a large operator such as \\sum",
                   token.start..<token.end, command: "\\" + token.name)
            return nil
        case .negation:
            return negation(token)
        case .atomClass(let atom):
            return classed(token, atom)
        case .horizontalSpace:
            return horizontalSpace(token)
        case .kern(let mu):
            return kern(token, mu: mu)
        case .tag:
            return equationTag(token)
        case .ignoredWithArgument:
            _ = readRawArgument()
            return nil
        case .substack:
            return substack(token)
        case .escaped(let text):
            return text == "&" ? .op("&", .ord) : .identifier(text, upright: true)
        case .modulo(let kind):
            return modulo(token, kind)
        case .hline:
            sawHorizontalLine = true
            return nil
        case .reference(let parenthesised):
            guard let label = readRawArgument() else {
                report(.missingArgument, "'\\\(token.name)' is missing its label", token.start..<token.end,
                       command: "\\" + token.name)
                return .error("\\" + token.name)
            }
            return .text(parenthesised ? "(" + label.text + ")" : label.text)
        case .dirac(let open, let close):
            let saved = barReplacement
            barReplacement = open == "⟨" && close == "⟩" ? fence("|", .ord) : nil
            defer { barReplacement = saved }
            guard let body = requireArgument(token, "its argument") else { return errorSince(token) }
            var node = MathNode(.mrow, atom: .inner, children: [fence(open, .open), body, fence(close, .close)])
            node.startsWithFence = true
            return node
        case .largeDirac(let open, let close):
            return braket(token, open: open, close: close, bar: Self.growingBar(spaced: false))
        case .braketSet(let large):
            return braket(token, open: "{", close: "}",
                          bar: large ? Self.growingBar(spaced: true) : .op("∣", .rel))
        case .cancelTo:
            return cancelTo(token)
        case .colorBox(let framed):
            return colorBox(token, framed: framed)
        }
    }

    static let integralAttributes: [(name: String, value: String)] = [("form", "prefix")]
    static let largeOperatorAttributes: [(name: String, value: String)] = [("form", "prefix"), ("movablelimits", "false")]
    static let arrowAttributes: [(name: String, value: String)] = [("stretchy", "false")]

    /// The source of a construct that could not be completed, as an error node.
    func errorSince(_ token: Token) -> MathNode {
        .error(sourceSince(token.start))
    }

    mutating func unknownCommand(_ token: Token) -> MathNode {
        let shown = "\\" + token.name
        if token.name.isEmpty {
            report(.trailingBackslash, "a backslash at the end of the formula starts no command",
                   token.start..<token.end)
            return .error("\\")
        }
        let suggestion = reportsInFull ? Command.suggestion(for: token.name).map { "\\" + $0 } : nil
        var message = "unknown command '\(shown)'"
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        report(.unknownCommand, message, token.start..<token.end, command: shown, suggestion: suggestion)
        return .error(shown)
    }

    func styledIdentifier(_ text: String, upright: Bool) -> MathNode {
        if let font {
            if font.isRoman { return .identifier(text, upright: true) }
            return .identifier(font.map(text))
        }
        return .identifier(text, upright: upright)
    }

    /// `\arg`, fused with a following `\max`/`\min` into one operator with limits.
    mutating func argFunction() -> MathNode {
        var name = "arg"
        var limits = LimitsPlacement.none
        if current.kind == .command, current.name == "max" || current.name == "min" {
            name += " " + current.name
            limits = .displayLimits
            position += 1
        }
        var node = MathNode.identifier(name)
        node.atom = .function
        node.limits = limits
        return node
    }

}
