/// A position inside a cell's code: 1-based line and column (in Unicode scalars) and a length
/// in columns, mapped to the Markdown file by `CellSource` when a diagnostic is made.
struct Span: Hashable, Sendable {
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
    case identifier(String)
    case keyword(String)
    case string(String)
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
let keywords: Set<String> = ["check", "forall", "for", "in", "if", "and", "or", "not", "within", "true", "false", "abs"]

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

    init(_ code: String, keepTrivia: Bool = false) {
        scalars = Array(code.unicodeScalars)
        self.keepTrivia = keepTrivia
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
        isIdentifierStart(s) || (s >= "0" && s <= "9") || s.properties.generalCategory == .decimalNumber
            || s.properties.generalCategory == .nonspacingMark
    }

    /// All tokens up to and including `.end`; the first lexical error stops the scan.
    mutating func tokenize() throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 2 + 2)
        while true {
            let token = try nextToken()
            switch token.kind {
            case .comment, .whitespace:
                if keepTrivia { tokens.append(token) }
            case .newline:
                // Collapse blank lines; a newline at the start is meaningless.
                if keepTrivia || (tokens.last.map { $0.kind != .newline } ?? false) { tokens.append(token) }
            default:
                tokens.append(token)
            }
            if token.kind == .end { return tokens }
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
            var text = ""
            while let s = peek(), Lexer.isIdentifierContinue(s) { text.unicodeScalars.append(s); advance() }
            return make(keywords.contains(text) ? .keyword(text) : .identifier(text))
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
        var text = ""
        var hasPoint = false, hasExponent = false
        var fractionDigits = 0
        while let s = peek(), s.isASCII, (s >= "0" && s <= "9") || s == "_" || (s == "." && !hasPoint && !(peek(1) == ".")) {
            if s == "." { hasPoint = true } else if s != "_" { if hasPoint { fractionDigits += 1 } }
            if s != "_" { text.unicodeScalars.append(s) }
            advance()
        }
        var exponent = 0
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let digitAt = (sign == "+" || sign == "-") ? 2 : 1
            if let d = peek(digitAt), d.isASCII, d >= "0" && d <= "9" {
                hasExponent = true
                text.unicodeScalars.append("e"); advance()
                if digitAt == 2, let sign { text.unicodeScalars.append(sign); advance() }
                var digits = ""
                while let s = peek(), s.isASCII, s >= "0" && s <= "9" { digits.unicodeScalars.append(s); advance() }
                text += digits
                exponent = Int(digits.prefix(6)).map { sign == "-" ? -$0 : $0 } ?? 0
            }
        }
        if let s = peek(), Lexer.isIdentifierStart(s) {
            throw SyntaxError(message: "a number cannot run into a name ('\(text)\(Character(s))')",
                              span: Span(line: line, column: column, length: 1), hint: "write '*' for multiplication")
        }
        guard let value = Double(text) else {
            throw SyntaxError(message: "malformed number '\(text)'", span: Span(line: line, column: column - text.count, length: text.count), hint: nil)
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
        return .string(text)
    }
}

/// 10^k for a small integer k, exactly where representable.
func pow10(_ k: Int) -> Double {
    var result = 1.0
    let steps = min(abs(k), 400)
    for _ in 0..<steps { result *= 10 }
    return k < 0 ? 1 / result : result
}
