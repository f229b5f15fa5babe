/// One piece of highlighted cell code. Concatenating every token's text gives back the code.
public struct HighlightToken: Sendable, Hashable {
    /// The token's class; its raw value makes a CSS class (`tok-keyword`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case keyword, number, string, identifier, function, `operator`, comment, punctuation, whitespace
    }

    /// What the lexer saw.
    public var kind: Kind
    /// The exact source text, whitespace and comments included.
    public var text: String

    /// A token of the given kind and text.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Highlights cell code with the language's own lexer, so the site colours exactly what the
/// evaluator reads. Never fails: characters the lexer rejects come out as punctuation.
public func highlight(_ code: String) -> [HighlightToken] {
    var lexer = Lexer(code, keepTrivia: true)
    var raw: [(TokenKind, Int, Int)] = []
    while lexer.index < lexer.scalars.count {
        let start = lexer.index
        do {
            let token = try lexer.nextToken()
            if token.kind == .end { break }
            raw.append((token.kind, token.start, token.end))
        } catch {
            // Skip the offending text: an unterminated string runs to the end of its line.
            let first = lexer.scalars[start]
            let end = max(lexer.index, start + 1)
            lexer.skip(to: end)
            let kind: TokenKind = first == "\"" ? .string(0) : (first.isASCII && first >= "0" && first <= "9" ? .number(0, halfUnit: nil) : .symbol(.bar))
            raw.append((kind, start, end))
        }
    }
    var tokens: [HighlightToken] = []
    tokens.reserveCapacity(raw.count)
    for (i, (kind, start, end)) in raw.enumerated() {
        let text = lexer.text(start, end)
        let mapped: HighlightToken.Kind
        switch kind {
        case .number: mapped = .number
        case .string: mapped = .string
        case .keyword(let k): mapped = (k == .true || k == .false) ? .number : (k == .abs ? .function : .keyword)
        case .identifier:
            let name = lexer.text(start, end)
            var j = i + 1
            while j < raw.count, raw[j].0 == .whitespace { j += 1 }
            let called = j < raw.count && raw[j].0 == .symbol(.lparen)
            mapped = called || (Builtins.table[name] != nil && Interpreter.constants[name] == nil) ? .function : .identifier
        case .symbol(let s):
            switch s {
            case .lparen, .rparen, .lbracket, .rbracket, .comma, .colon, .semicolon: mapped = .punctuation
            default: mapped = .operator
            }
        case .comment: mapped = .comment
        case .whitespace, .newline, .end: mapped = .whitespace
        }
        tokens.append(HighlightToken(kind: mapped, text: text))
    }
    return tokens
}
