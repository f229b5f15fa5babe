/// A position inside a cell's code: 1-based line and column (in Unicode scalars) and a length
/// in columns, mapped to the Markdown file by `CellSource` when a diagnostic is made.
public struct Span: Hashable, Sendable {
    var line: Int
    var column: Int
    var length: Int
    static let none = Span(line: 1, column: 1, length: 1)
}

/// The operators and punctuation of the language. Unicode and ASCII spellings lex to the same case.
enum Symbol: String, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    case less = "<", greater = ">", lessEqual = "≤", greaterEqual = "≥", equalEqual = "==", notEqual = "≠"
    case approx = "≈", assign = "=", arrow = "→", bang = "!", andAnd = "&&"
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", comma = ",", colon = ":", semicolon = ";"
    case bar = "|", doubleBar = "‖", plusMinus = "±", percent = "%"
}

enum TokenKind: Equatable, Sendable {
    /// `halfUnit` is half a unit in the last written digit for literals written with a decimal
    /// point or an exponent (`1.04` → 0.005); integers are exact and have none.
    case number(Double, halfUnit: Double?)
    /// The name's text is sliced from the code when needed (`Lexer.text`), so tokens stay
    /// plain data and copying them costs no reference counting.
    case identifier
    case keyword(Keyword)
    /// An index into `Lexer.strings`, so tokens stay plain data (no reference counting).
    case string(Int)
    case symbol(Symbol)
    case newline
    case comment
    case whitespace
    case end
}

struct Token: Sendable {
    var kind: TokenKind
    var span: Span
    /// Scalar offsets into the cell's code, for slicing a statement's source text.
    var start: Int
    var end: Int
}

/// Words the grammar reserves. `in` doubles as the unit conversion (`H(P) in bits`).
enum Keyword: String, Sendable {
    case check, forall, `for`, `in`, `if`, then, `else`, and, or, not, within, `true`, `false`, abs

    /// Most identifiers cannot be keywords by their first letter or length; skip the string
    /// switch for them (it showed up in profiles).
    static func lookup(_ lexer: Lexer, from start: Int, to end: Int, firstScalar: Unicode.Scalar) -> Keyword? {
        switch firstScalar {
        case "c", "f", "i", "a", "o", "n", "w", "t", "e":
            let length = end - start
            return length >= 2 && length <= 6 ? Keyword(rawValue: lexer.text(start, end)) : nil
        default:
            return nil
        }
    }
}

struct SyntaxError: Error, Sendable {
    var message: String
    var span: Span
    var hint: String?
}

/// Turns a cell's code into tokens with exact positions. Newlines inside brackets are
/// continuation whitespace, so long calls may span lines.
struct Lexer {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    var depth = 0
    /// Emit comments and whitespace too (for highlighting).
    let keepTrivia: Bool

    /// The code's UTF-8 bytes and, per scalar index, its byte offset: slicing text out of the
    /// code is then a cheap UTF-8 decode rather than a scalar-by-scalar rebuild.
    let utf8: [UInt8]
    let byteOffsets: [Int]
    /// The decoded text of string literals, indexed by `.string` tokens.
    var strings: [String] = []

    init(_ code: String, keepTrivia: Bool = false) {
        // One pass: scalars and their byte offsets together.
        let bytes = Array(code.utf8)
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(bytes.count)
        var offsets = [Int]()
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        for scalar in code.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += scalar.value < 0x80 ? 1 : scalar.value < 0x800 ? 2 : scalar.value < 0x10000 ? 3 : 4
        }
        offsets.append(offset)
        self.scalars = scalars
        utf8 = bytes
        byteOffsets = offsets
        self.keepTrivia = keepTrivia
    }

    /// The code between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        let a = byteOffsets[min(max(start, 0), scalars.count)], b = byteOffsets[min(max(end, start, 0), scalars.count)]
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" }
        return isIdentifierStart(s) || (s >= "0" && s <= "9") || s.properties.generalCategory == .decimalNumber
            || s.properties.generalCategory == .nonspacingMark
    }

    /// All tokens up to and including `.end`; the first lexical error stops the scan.
    mutating func tokenize() throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 3 + 2)
        var lastWasNewline = false
        while true {
            let token = try nextToken()
            switch token.kind {
            case .comment, .whitespace:
                if keepTrivia { tokens.append(token) }
            case .newline:
                // Collapse blank lines; a newline at the start is meaningless.
                if keepTrivia || !(tokens.isEmpty || lastWasNewline) { tokens.append(token) }
                lastWasNewline = true
                continue
            case .end:
                tokens.append(token)
                return tokens
            default:
                tokens.append(token)
                lastWasNewline = false
            }
        }
    }

    /// Moves forward to scalar offset `target` (used by the highlighter to skip bad input).
    mutating func skip(to target: Int) {
        while index < min(target, scalars.count) { advance() }
    }

    mutating func nextToken() throws(SyntaxError) -> Token {
        let startIndex = index, startLine = line, startColumn = column
        func make(_ kind: TokenKind) -> Token {
            let length = line == startLine ? max(1, column - startColumn) : 1
            return Token(kind: kind, span: Span(line: startLine, column: startColumn, length: length),
                         start: startIndex, end: index)
        }
        guard let c = peek() else { return make(.end) }

        if c == " " || c == "\t" || c == "\r" || c == "\u{A0}" || (c == "\n" && depth > 0) {
            while let s = peek(), s == " " || s == "\t" || s == "\r" || s == "\u{A0}" || (s == "\n" && depth > 0) { advance() }
            return make(.whitespace)
        }
        if c == "\n" { advance(); return make(.newline) }
        if c == "#" || (c == "/" && peek(1) == "/") {
            while let s = peek(), s != "\n" { advance() }
            return make(.comment)
        }
        if c.isASCII && c >= "0" && c <= "9" || (c == "." && (peek(1).map { $0 >= "0" && $0 <= "9" } ?? false)) {
            let kind = try number()
            return make(kind)
        }
        if Lexer.isIdentifierStart(c) {
            while let s = peek(), Lexer.isIdentifierContinue(s) { advance() }
            if let keyword = Keyword.lookup(self, from: startIndex, to: index, firstScalar: c) { return make(.keyword(keyword)) }
            return make(.identifier)
        }
        if c == "\"" {
            let kind = try string()
            return make(kind)
        }

        advance()
        let symbol: Symbol
        switch c {
        case "+": symbol = .plus
        case "-": if peek() == ">" { advance(); symbol = .arrow } else { symbol = .minus }
        case "*", "·", "×": if c == "*" && peek() == "*" { advance(); symbol = .caret } else { symbol = .star }
        case "/", "÷": symbol = .slash
        case "^": symbol = .caret
        case "<": if peek() == "=" { advance(); symbol = .lessEqual } else { symbol = .less }
        case ">": if peek() == "=" { advance(); symbol = .greaterEqual } else { symbol = .greater }
        case "≤", "⩽": symbol = .lessEqual
        case "≥", "⩾": symbol = .greaterEqual
        case "=": if peek() == "=" { advance(); symbol = .equalEqual } else { symbol = .assign }
        case "!": if peek() == "=" { advance(); symbol = .notEqual } else { symbol = .bang }
        case "≠": symbol = .notEqual
        case "~": if peek() == "=" { advance(); symbol = .approx } else { throw unexpected(c) }
        case "≈": symbol = .approx
        case "→": symbol = .arrow
        case "¬": symbol = .bang
        case "&": if peek() == "&" { advance(); symbol = .andAnd } else { throw unexpected(c) }
        case "|": if peek() == "|" { advance(); symbol = .doubleBar } else { symbol = .bar }
        case "‖", "∥": symbol = .doubleBar
        case "±": symbol = .plusMinus
        case "%": symbol = .percent
        case "(": depth += 1; symbol = .lparen
        case ")": depth = max(0, depth - 1); symbol = .rparen
        case "[": depth += 1; symbol = .lbracket
        case "]": depth = max(0, depth - 1); symbol = .rbracket
        case ",": symbol = .comma
        case ":": symbol = .colon
        case ";": symbol = .semicolon
        default: throw unexpected(c)
        }
        return make(.symbol(symbol))
    }

    private func unexpected(_ c: Unicode.Scalar) -> SyntaxError {
        let hint: String?
        switch c {
        case "&": hint = "write 'and' (or '&&') for logical and"
        case "~": hint = "write '≈' or '~=' for approximately equal"
        case "'": hint = "strings use double quotes"
        default: hint = nil
        }
        let shown = c.properties.generalCategory == .control ? "U+\(String(c.value, radix: 16, uppercase: true))" : String(c)
        return SyntaxError(message: "unexpected character '\(shown)'",
                           span: Span(line: line, column: column - (index > 0 && scalars[index - 1] == c ? 1 : 0), length: 1), hint: hint)
    }

    private mutating func number() throws(SyntaxError) -> TokenKind {
        let start = index
        var hasPoint = false, hasExponent = false, hasUnderscore = false
        var fractionDigits = 0, integerDigits = 0
        var integerValue = 0
        while let s = peek(), s.isASCII, (s >= "0" && s <= "9") || s == "_" || (s == "." && !hasPoint && !(peek(1) == ".")) {
            if s == "." {
                hasPoint = true
            } else if s == "_" {
                hasUnderscore = true
            } else if hasPoint {
                fractionDigits += 1
            } else {
                integerDigits += 1
                if integerDigits <= 15 { integerValue = integerValue * 10 + Int(s.value - 48) }
            }
            advance()
        }
        var exponent = 0
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let digitAt = (sign == "+" || sign == "-") ? 2 : 1
            if let d = peek(digitAt), d.isASCII, d >= "0" && d <= "9" {
                hasExponent = true
                advance()
                if digitAt == 2 { advance() }
                var magnitude = 0
                while let s = peek(), s.isASCII, s >= "0" && s <= "9" {
                    if magnitude < 100_000 { magnitude = magnitude * 10 + Int(s.value - 48) }
                    advance()
                }
                exponent = sign == "-" ? -magnitude : magnitude
            }
        }
        if let s = peek(), Lexer.isIdentifierStart(s) {
            throw SyntaxError(message: "a number cannot run into a name ('\(text(start, index))\(Character(s))')",
                              span: Span(line: line, column: column, length: 1), hint: "write '*' for multiplication")
        }
        let value: Double
        if !hasPoint && !hasExponent && !hasUnderscore && integerDigits <= 15 {
            value = Double(integerValue)   // exact: no decimal conversion needed
        } else {
            var written = text(start, index)
            if hasUnderscore { written.removeAll { $0 == "_" } }
            guard let parsed = Double(written) else {
                throw SyntaxError(message: "malformed number '\(written)'", span: Span(line: line, column: column - (index - start), length: index - start), hint: nil)
            }
            value = parsed
        }
        var halfUnit: Double? = nil
        if hasPoint || hasExponent {
            // Half a unit in the last written digit: 1.04 → 0.005, 2.5e-3 → 0.00005.
            halfUnit = 0.5 * pow10(exponent - fractionDigits)
        }
        return .number(value, halfUnit: halfUnit)
    }

    private mutating func string() throws(SyntaxError) -> TokenKind {
        advance()
        var text = ""
        while true {
            guard let s = peek(), s != "\n" else {
                throw SyntaxError(message: "unterminated string", span: Span(line: line, column: column, length: 1),
                                  hint: "close the string with '\"' on the same line")
            }
            advance()
            if s == "\"" { break }
            if s == "\\", let e = peek() {
                advance()
                switch e {
                case "n": text += "\n"
                case "t": text += "\t"
                case "\"": text += "\""
                case "\\": text += "\\"
                default: text += "\\"; text.unicodeScalars.append(e)
                }
            } else {
                text.unicodeScalars.append(s)
            }
        }
        strings.append(text)
        return .string(strings.count - 1)
    }
}

/// 10^k for a small integer k, exactly where representable.
func pow10(_ k: Int) -> Double {
    var result = 1.0
    let steps = min(abs(k), 400)
    for _ in 0..<steps { result *= 10 }
    return k < 0 ? 1 / result : result
}
