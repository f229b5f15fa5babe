/// Scripts, primes and limits: how `^`, `_` and `'` attach to the atom before them.
extension Parser {
    /// Attaches `^`, `_`, primes, `\limits` and `\nolimits` that follow `base`.
    mutating func parseScripts(on base: consuming MathNode) -> MathNode {
        var lower: MathNode?
        var upper: MathNode?
        var primes = 0
        var trailingError: MathNode?
        var extraUpper = false
        var extraLower = false
        loop: while true {
            let token = current
            switch token.kind {
            case .caret, .underscore:
                position += 1
                let (savedDisplay, savedScript) = (displayStyle, scriptStyle)
                (displayStyle, scriptStyle) = (false, true)
                let argument = parseArgument()
                (displayStyle, scriptStyle) = (savedDisplay, savedScript)
                guard let argument else {
                    let symbol = token.kind == .caret ? "^" : "_"
                    report(.missingArgument, "'\(symbol)' is missing its script", token.start..<token.end)
                    trailingError = .error(symbol)
                    break loop
                }
                // A repeated script is reported and joined flat (never nested, so
                // `x^a^b^c…` cannot build a deep tree).
                if token.kind == .caret {
                    if var existing = upper {
                        upper = nil // keep `existing` uniquely referenced: appends stay O(1)
                        report(.doubleScript, "double superscript; use braces, as in x^{ab}", token.start..<token.end)
                        if !extraUpper { existing = MathNode(.mrow, children: [existing]) }
                        existing.children.append(argument)
                        upper = existing
                        extraUpper = true
                    } else {
                        upper = argument
                    }
                } else if var existing = lower {
                    lower = nil
                    report(.doubleScript, "double subscript; use braces, as in x_{ab}", token.start..<token.end)
                    if !extraLower { existing = MathNode(.mrow, children: [existing]) }
                    existing.children.append(argument)
                    lower = existing
                    extraLower = true
                } else {
                    lower = argument
                }
            case .prime:
                position += 1
                primes += 1
            case .command where token.name == "limits" || token.name == "nolimits":
                position += 1
                if base.atom == .op || base.atom == .function {
                    base.limits = token.name == "limits" ? .always : .none
                } else {
                    report(.misplacedCommand, "'\\\(token.name)' must follow a large operator such as \\sum",
                           token.start..<token.end, command: "\\" + token.name)
                }
            default:
                break loop
            }
        }
        // `x^\prime` and `x^{\prime\prime}` are primes too.
        if let mark = upper, primes == 0, let count = Self.primeCount(mark) {
            primes = count
            upper = nil
        }
        var node: MathNode
        if primes > 0, lower == nil, upper == nil {
            // The math font's prime is already raised: set it beside the base, as
            // unicode-math does, rather than shrinking it further in a superscript.
            let mark = MathNode.op(Self.primeText(primes), .ord, [("lspace", "0em"), ("rspace", "0em")])
            let atom = base.atom
            node = MathNode(.mrow, children: [base, mark])
            node.atom = atom
        } else {
            if primes > 0 {
                let mark = MathNode.op(Self.primeText(primes), .ord)
                upper = upper.map { MathNode(.mrow, children: [mark, $0]) } ?? mark
            }
            node = attachScripts(base, lower: lower, upper: upper)
        }
        if let trailingError {
            let atom = node.atom
            node = MathNode(.mrow, children: [node, trailingError])
            node.atom = atom
        }
        return node
    }

    /// How many primes a superscript consists of, if it is nothing but `\prime`s.
    static func primeCount(_ node: MathNode) -> Int? {
        if node.tag == .mi, node.text == "′" { return 1 }
        guard node.tag == .mrow, !node.children.isEmpty,
              node.children.allSatisfy({ $0.tag == .mi && $0.text == "′" }) else { return nil }
        return node.children.count
    }

    static func primeText(_ count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        case 4: "⁗"
        default: String(repeating: "′", count: min(count, 64))
        }
    }

    /// The parts are consumed: each moves into the new element instead of being copied.
    func attachScripts(_ base: consuming MathNode, lower: consuming MathNode?, upper: consuming MathNode?) -> MathNode {
        guard lower != nil || upper != nil else { return base }
        let underOver = base.limits == .always || (base.limits == .displayLimits && displayStyle)
        let atom = base.atom
        var node: MathNode
        if let sub = lower {
            if let sup = upper {
                node = MathNode(underOver ? .munderover : .msubsup, children: [base, sub, sup])
            } else {
                node = MathNode(underOver ? .munder : .msub, children: [base, sub])
            }
        } else if let sup = upper {
            node = MathNode(underOver ? .mover : .msup, children: [base, sup])
        } else {
            return base
        }
        node.atom = atom
        return node
    }
}
