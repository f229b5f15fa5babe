/// braket.sty (`\Bra`, `\Ket`, `\Braket`, `\set`, `\Set`), `\cancelto` and the size commands.
extension Parser {
    /// A bar between growing fences: `\middle|`, with thick spaces in a set (`\Set{x | x > 0}`).
    static func growingBar(spaced: Bool) -> MathNode {
        let space = spaced ? "0.2778em" : "0.1667em"
        return .op("|", .rel, [("fence", "true"), ("form", "infix"), ("stretchy", "true"),
                               ("lspace", space), ("rspace", space)])
    }

    /// `\Braket{φ | ψ}`, `\set{x | x > 0}`: the argument between fences, its `|` as `bar`.
    mutating func braket(_ token: Token, open: String, close: String, bar: MathNode) -> MathNode {
        let saved = barReplacement
        barReplacement = bar
        let body = requireArgument(token, "its argument")
        barReplacement = saved
        guard let body else { return errorSince(token) }
        let children = body.tag == .mrow && body.attributes.isEmpty ? body.children : [body]
        let stretchy = bar.attribute("stretchy") == "true"
        return stretchy ? fencedRow(open, children, close) : {
            var node = MathNode(.mrow, atom: .inner, children: [fence(open, .open)] + children + [fence(close, .close)])
            node.startsWithFence = true
            return node
        }()
    }

    /// `\cancelto{value}{expression}`: struck out, with the value as a superscript.
    mutating func cancelTo(_ token: Token) -> MathNode {
        let saved = (displayStyle, scriptStyle)
        (displayStyle, scriptStyle) = (false, true)
        let value = requireArgument(token, "the value it cancels to")
        (displayStyle, scriptStyle) = saved
        guard let value, let body = requireArgument(token, "the expression to cancel") else { return errorSince(token) }
        let struck = MathNode(.mrow, attributes: [("class", "qed-cancel")], children: [body])
        return MathNode(.msup, children: [struck, value])
    }

    /// `\colorbox{yellow}{text}`: the text (LaTeX reads this argument as text) on a
    /// background; `\fcolorbox` adds a frame in its first colour. Colours are validated
    /// like `\color`'s, so nothing but a colour reaches the attributes.
    mutating func colorBox(_ token: Token, framed: Bool) -> MathNode {
        let frame = framed ? parseColorArgument(command: token) : nil
        let background = parseColorArgument(command: token)
        let body = parseText(token, style: .normal)
        var attributes: [(name: String, value: String)] = []
        if let background { attributes.append(("mathbackground", background)) }
        if framed {
            attributes.append(("class", "qed-boxed"))
            if let frame { attributes.append(("style", "border-color: " + frame)) }
        }
        return MathNode(.mrow, attributes: attributes, children: [body])
    }

    /// `\small` and friends: the rest of the row at `factor` times `\normalsize`.
    mutating func sized(_ factor: Double, stops: RowStops) -> MathNode {
        let saved = sizeFactor
        let relative = (factor / sizeFactor * 1000).rounded() / 1000
        sizeFactor = factor
        let rest = parseRow(stops)
        sizeFactor = saved
        return MathNode(.mstyle, attributes: [("mathsize", Self.emString(relative))], children: rest)
    }

    /// `1.2` → `1.2em`, `1.0` → `1em`: short and the same on every platform.
    static func emString(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000
        var fraction = String(thousandths % 1000)
        guard fraction != "0" else { return "\(whole)em" }
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)em"
    }
}
