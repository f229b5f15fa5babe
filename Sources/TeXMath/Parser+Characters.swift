extension Parser {
    /// A plain character: a letter, a number, an operator, a fence or free text.
    /// `single` limits a number to one digit, as for `\frac12` and `x^12`.
    mutating func parseCharacter(single: Bool) -> MathNode {
        let token = current
        let scalar = token.scalar
        let value = scalar.value
        if isDigit(value) || (value == 0x2E && nextIsAdjacentDigit()) {
            return parseNumber(single: single)
        }
        if value < 0x80, Tokenizer.isLetter(UInt8(value)) {
            return parseLetters(single: single)
        }
        position += 1
        switch value {
        case 0x2B: return .op("+", .bin)
        case 0x2D: return .op("\u{2212}", .bin)
        case 0x2A: return .op("\u{2217}", .bin)
        case 0x3D: return .op("=", .rel)
        case 0x3C: return .op("<", .rel)
        case 0x3E: return .op(">", .rel)
        case 0x3A: return .op(":", .rel, [("lspace", "0.2778em"), ("rspace", "0.2778em")])
        case 0x2C: return .op(",", .punct)
        case 0x3B: return .op(";", .punct)
        case 0x21: return .op("!", .close)
        case 0x3F: return .op("?", .close)
        case 0x28, 0x5B: return fence(String(Character(scalar)), .open)
        case 0x29, 0x5D: return fence(String(Character(scalar)), .close)
        case 0x7C: return fence("|", .ord)
        case 0x2F: return .op("/", .ord, [("lspace", "0em"), ("rspace", "0em")])
        case 0x2E: return .op(".", .ord, [("lspace", "0em"), ("rspace", "0em")])
        case 0x7E: return MathNode(.mtext, text: "\u{00A0}", atom: .space)
        case 0x22: return .text("\"")
        case 0x60: return .op("‘", .ord, [("lspace", "0em"), ("rspace", "0em")])
        default: break
        }
        if let command = Self.unicodeSymbols[scalar] {
            position -= 1
            // Typed symbols (≤, →, ∑, α) mean what their commands mean.
            return parseCommand(token, command) ?? .emptyRow
        }
        if isWideText(value) {
            return parseWideText(from: token)
        }
        let text = String(Character(scalar))
        if let font, !font.isRoman { return .identifier(font.map(text)) }
        return .identifier(text, upright: font?.isRoman == true && isGreekCapital(value))
    }

    /// A non-stretchy fence or bar, as MathML Core requires outside `\left…\right`.
    func fence(_ text: String, _ atom: AtomClass) -> MathNode {
        switch atom {
        case .open, .close:
            return .op(text, atom, Self.fenceAttributes)
        default:
            return .op(text, atom, Self.barAttributes)
        }
    }

    // Shared attribute lists: one allocation for the program, not one per node.
    static let fenceAttributes: [(name: String, value: String)] = [("fence", "true"), ("stretchy", "false")]
    static let barAttributes: [(name: String, value: String)] = [("stretchy", "false"), ("lspace", "0em"), ("rspace", "0em")]

    func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    func isGreekCapital(_ value: UInt32) -> Bool { value >= 0x0391 && value <= 0x03A9 }

    /// CJK, Hangul, kana and full-width forms: set as text, never as italic identifiers.
    func isWideText(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    func nextIsAdjacentDigit() -> Bool {
        let next = tokens[position + 1]
        return next.kind == .character && next.start == current.end && isDigit(next.scalar.value)
    }

    /// `3.14` → one `<mn>`; digits must touch (`1 2` is two numbers).
    mutating func parseNumber(single: Bool) -> MathNode {
        let start = current.start
        var end = current.end
        var sawPoint = current.scalar == "."
        position += 1
        if !single || sawPoint {
            while current.kind == .character, current.start == end {
                let value = current.scalar.value
                if isDigit(value) {
                    if single, !sawPoint { break }
                } else if value == 0x2E, !sawPoint, nextIsAdjacentDigit() {
                    sawPoint = true
                } else {
                    break
                }
                end = current.end
                position += 1
                if single { break }
            }
        }
        var text = source(start..<end)
        if let font, !font.isRoman { text = font.map(text) }
        return MathNode(.mn, text: text)
    }

    /// Letters: one `<mi>` each, except under `\mathrm`, where a run of letters
    /// is one upright identifier (`\mathrm{softmax}`).
    mutating func parseLetters(single: Bool) -> MathNode {
        let token = current
        position += 1
        guard let font else { return .identifier(String(Character(token.scalar))) }
        if font.isRoman {
            var end = token.end
            while !single, current.kind == .character, current.start == end,
                  current.scalar.value < 0x80, Tokenizer.isLetter(UInt8(current.scalar.value)) {
                end = current.end
                position += 1
            }
            let text = source(token.start..<end)
            return .identifier(text, upright: end - token.start == 1)
        }
        return .identifier(String(Character(font.map(token.scalar))))
    }

    /// A run of adjacent CJK characters typed in math mode, as one `<mtext>`.
    mutating func parseWideText(from token: Token) -> MathNode {
        var end = token.end
        while current.kind == .character, current.start == end, isWideText(current.scalar.value) {
            end = current.end
            position += 1
        }
        return .text(source(token.start..<end))
    }

    /// Unicode characters typed directly that have a command: the same meaning.
    static let unicodeSymbols: [Unicode.Scalar: Command] = {
        var map: [Unicode.Scalar: Command] = [:]
        for (_, command) in Command.table.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch command {
            case .symbol(let value, _), .arrow(let value), .wideRelation(let value),
                 .delimiter(let value, _), .largeOperator(let value, _):
                text = value
            case .identifier(let value, _):
                text = value
            default:
                continue
            }
            let scalars = text.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first, scalar.value >= 0x80 else { continue }
            if map[scalar] == nil { map[scalar] = command }
        }
        // ‖ typed directly is the norm bar; ∣ (U+2223) is the relation.
        map["‖"] = .delimiter("‖", .ord)
        return map
    }()
}
