extension Parser {
    /// Ems per TeX unit, at TeX's 10pt design size (1em = 10pt, 1mu = 1/18em).
    static let emsPerUnit: [String: Double] = [
        "em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "bp": 0.1004, "pc": 1.2, "px": 0.0625,
        "mm": 0.2845, "cm": 2.845, "in": 7.227, "dd": 0.107, "cc": 1.284, "sp": 0.1 / 65536,
    ]

    /// `\hspace{2em}` / `\hspace*{…}`.
    mutating func horizontalSpace(_ token: Token) -> MathNode {
        if current.kind == .character, current.scalar == "*" { position += 1 }
        guard let argument = readRawArgument() else {
            report(.missingArgument, "'\\\(token.name)' is missing its length", token.start..<token.end,
                   command: "\\" + token.name)
            return .error("\\" + token.name)
        }
        guard let width = Self.ems(argument.text, mu: false) else {
            report(.invalidLength, "'\(argument.text)' is not a length such as 1em, 3mu or 5pt", argument.range)
            return .error(sourceSince(token.start))
        }
        return .space(width)
    }

    /// `\kern1em`, `\mkern3mu`, `\mskip 6mu`: the length follows as loose tokens.
    mutating func kern(_ token: Token, mu: Bool) -> MathNode {
        if current.kind == .beginGroup {
            return horizontalSpace(token)
        }
        var text = ""
        var unitLetters = 0
        while current.kind == .character, unitLetters < 2 {
            let scalar = current.scalar
            let isNumeric = scalar == "-" || scalar == "+" || scalar == "." || ("0"..."9").contains(scalar)
            if isNumeric, unitLetters == 0 {
                text.unicodeScalars.append(scalar)
            } else if scalar.value < 0x80, Tokenizer.isLetter(UInt8(scalar.value)), !text.isEmpty {
                text.unicodeScalars.append(scalar)
                unitLetters += 1
            } else {
                break
            }
            position += 1
        }
        guard let width = Self.ems(text, mu: mu) else {
            report(.invalidLength, "'\\\(token.name)' needs a length such as \(mu ? "3mu" : "0.5em")",
                   token.start..<max(token.end, position > 0 ? tokens[position - 1].end : token.end),
                   command: "\\" + token.name)
            return .error(sourceSince(token.start))
        }
        return .space(width)
    }

    /// Converts `1.5em`, `-3mu`, `10pt` to an `em` length string (always with a unit,
    /// as MathML Core requires), or nil.
    static func ems(_ raw: String, mu: Bool) -> String? {
        let text = raw.trimmingSpaces
        var numberEnd = text.startIndex
        for index in text.indices {
            let character = text[index]
            if character.isNumber || character == "." || character == "-" || character == "+" {
                numberEnd = text.index(after: index)
            } else {
                break
            }
        }
        guard let number = Double(text[..<numberEnd]), number.isFinite, abs(number) < 1000 else { return nil }
        let unit = text[numberEnd...].trimmingSpaces
        guard let factor = emsPerUnit[unit] else { return nil }
        if mu, unit != "mu" { return nil }
        return formatEm(number * factor)
    }

    /// At most four decimals, no trailing zeros: deterministic and short.
    static func formatEm(_ value: Double) -> String {
        let scaled = Int(value * 10000 + (value < 0 ? -0.5 : 0.5))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        var fraction = String(magnitude % 10000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(magnitude / 10000)
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction) + "em"
    }
}
