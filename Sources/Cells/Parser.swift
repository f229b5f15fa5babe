/// A recursive-descent parser with precedence climbing. Nesting is bounded so hostile input
/// (ten thousand open parentheses) is a syntax error, never a stack overflow.
struct Parser {
    var tokens: [Token]
    var position = 0
    private var nesting = 0
    /// Composite nodes built in the current statement: a bound on the tree's depth, so a
    /// 100,000-term sum is a syntax error rather than a stack overflow when evaluated.
    var composite = 0
    static let maxComposite = 400
    let source: Lexer
    static let maxNesting = 96
    /// `check`/`forall` statements that did not parse, so a cell with a syntax error still
    /// counts every claim it contains (as not run).
    var unparsedClaims: [ClaimSite] = []

    /// `source` is the lexer that made `tokens`, used to slice statements' text.
    init(tokens: [Token], source: Lexer) {
        self.tokens = tokens
        self.source = source
    }

    /// Parses the whole cell. Syntax errors are collected per statement: after one, the parser
    /// skips to the next line so a cell reports all its syntax errors at once.
    mutating func parseCell() -> (statements: [ParsedStatement], errors: [SyntaxError]) {
        var statements: [ParsedStatement] = []
        var errors: [SyntaxError] = []
        while true {
            while isSymbol(.semicolon) || tokens[position].kind == .newline { position += 1 }
            if tokens[position].kind == .end { break }
            let first = current
            let firstIndex = position
            composite = 0
            do throws(SyntaxError) {
                let statement = try parseStatement()
                let last = tokens[max(0, position - 1)]
                let text = source.text(first.start, last.end)
                statements.append(ParsedStatement(statement: statement, text: text, span: first.span))
                if !(tokens[position].kind == .newline || tokens[position].kind == .end || isSymbol(.semicolon)) {
                    throw SyntaxError(message: "expected the end of the statement, found \(describe(current))",
                                      span: currentSpan, hint: hintForTrailing())
                }
            } catch {
                errors.append(error)
                while tokens[position].kind != .newline && tokens[position].kind != .end { position += 1 }
                if case .keyword(let keyword) = tokens[firstIndex].kind, keyword == .check || keyword == .forall {
                    let last = tokens[max(firstIndex, position - 1)]
                    unparsedClaims.append(ClaimSite(text: source.text(first.start, last.end), span: first.span,
                                                    isProperty: keyword == .forall))
                }
            }
        }
        return (statements, errors)
    }

    // MARK: - Tokens

    var current: Token { tokens[position] }
    var currentSpan: Span { tokens[position].span }
    func isSymbolAt(_ i: Int, _ symbol: Symbol) -> Bool {
        if i < tokens.count, case .symbol(let s) = tokens[i].kind { return s == symbol }
        return false
    }
    /// The text of identifier token `i`.
    func name(_ i: Int) -> String { source.text(tokens[i].start, tokens[i].end) }
    func isIdentifier(_ i: Int) -> Bool {
        if i < tokens.count, case .identifier = tokens[i].kind { return true }
        return false
    }
    func peekIsSymbol(_ ahead: Int, _ symbol: Symbol) -> Bool {
        let i = position + ahead
        if i < tokens.count, case .symbol(let s) = tokens[i].kind { return s == symbol }
        return false
    }
    func peekKind(_ ahead: Int) -> TokenKind {
        let i = position + ahead
        return i < tokens.count ? tokens[i].kind : .end
    }
    // Pattern matches on the array element avoid copying the token (and retaining its text).
    func isSymbol(_ s: Symbol) -> Bool {
        if case .symbol(let x) = tokens[position].kind { return x == s }
        return false
    }
    func isKeyword(_ k: Keyword) -> Bool {
        if case .keyword(let x) = tokens[position].kind { return x == k }
        return false
    }

    mutating func expect(_ s: Symbol, _ context: String) throws(SyntaxError) -> Token {
        guard isSymbol(s) else {
            throw SyntaxError(message: "expected '\(s.rawValue)' \(context), found \(describe(current))", span: currentSpan, hint: nil)
        }
        defer { position += 1 }
        return current
    }

    mutating func expectIdentifier(_ context: String) throws(SyntaxError) -> (String, Span) {
        guard isIdentifier(position) else {
            throw SyntaxError(message: "expected a name \(context), found \(describe(current))", span: currentSpan, hint: nil)
        }
        position += 1
        return (name(position - 1), tokens[position - 1].span)
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .number: return "a number"
        case .identifier: return "'\(source.text(token.start, token.end))'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .string: return "a string"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the cell"
        case .comment, .whitespace: return "whitespace"
        }
    }

    func hintForTrailing() -> String? {
        if case .identifier = tokens[position].kind { return "two expressions in a row: is an operator or a comma missing?" }
        if isSymbol(.assign) { return "only a name or f(x) can be assigned; use '==' or '≈' to compare" }
        return nil
    }

    func spanFrom(_ start: Span, to end: Token) -> Span {
        if end.span.line == start.line {
            return Span(line: start.line, column: start.column, length: max(1, end.span.column + end.span.length - start.column))
        }
        return start
    }

    var previous: Token { tokens[max(0, position - 1)] }

    /// Counts one composite node; too many in one statement is an error.
    mutating func grow() throws(SyntaxError) {
        composite += 1
        if composite > Parser.maxComposite {
            throw SyntaxError(message: "statement too long (more than \(Parser.maxComposite) operations)", span: currentSpan,
                              hint: "split it into several statements")
        }
    }

    // MARK: - Expressions (lowest precedence first)

    mutating func parseExpression() throws(SyntaxError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting {
            throw SyntaxError(message: "expression nested too deeply (more than \(Parser.maxNesting) levels)", span: currentSpan, hint: nil)
        }
        // Lambdas: `x -> e`, `x → e`, `(x, y) -> e`.
        if isIdentifier(position), peekIsSymbol(1, .arrow) {
            let name = name(position)
            let start = currentSpan
            position += 2
            return .lambda([name], try parseExpression(), start)
        }
        if isSymbol(.lparen), let params = lookaheadParameters(from: position + 1), params.end < tokens.count, isSymbolAt(params.end, .arrow) {
            let start = currentSpan
            position = params.end + 1
            return .lambda(params.names, try parseExpression(), start)
        }
        return try parseOr()
    }

    mutating func parseOr() throws(SyntaxError) -> Expr {
        var left = try parseAnd()
        while isKeyword(.or) {
            let span = currentSpan
            position += 1
            try grow()
            left = .logical(.or, left, try parseAnd(), span)
        }
        return left
    }

    mutating func parseAnd() throws(SyntaxError) -> Expr {
        var left = try parseNot()
        while isKeyword(.and) || isSymbol(.andAnd) {
            let span = currentSpan
            position += 1
            try grow()
            left = .logical(.and, left, try parseNot(), span)
        }
        return left
    }

    mutating func parseNot() throws(SyntaxError) -> Expr {
        if isKeyword(.not) || isSymbol(.bang) {
            let span = currentSpan
            position += 1
            try grow()
            return .not(try parseNot(), span)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(SyntaxError) -> Expr {
        let first = try parseAdditive()
        // Most expressions compare nothing: build the chain's arrays only when needed.
        guard case .symbol(let s0) = tokens[position].kind, Parser.compareOp(s0) != nil else { return first }
        var operands = [first]
        var ops: [CompareOp] = []
        var spans: [Span] = []
        while case .symbol(let s) = tokens[position].kind, let op = Parser.compareOp(s) {
            spans.append(currentSpan)
            position += 1
            ops.append(op)
            try grow()
            operands.append(try parseAdditive())
        }
        return ops.isEmpty ? first : .compare(ops, operands, spans)
    }

    static func compareOp(_ s: Symbol) -> CompareOp? {
        switch s {
        case .less: return .less
        case .greater: return .greater
        case .lessEqual: return .lessEqual
        case .greaterEqual: return .greaterEqual
        case .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .approx: return .approx
        default: return nil
        }
    }

    /// `expr in bits`: converts an information quantity to another unit. Binds tighter than
    /// `*` and `+`, so `H(A) in bits + KL(A ‖ B) in bits` reads as written; a mistaken reading
    /// such as `H(P) - H(Q) in bits` is caught by the unit check (nats − bits is an error).
    mutating func parseConversion() throws(SyntaxError) -> Expr {
        var value = try parseUnary()
        while isKeyword(.in) {
            guard isIdentifier(position + 1) else { break }
            let unitName = name(position + 1)
            let span = currentSpan
            guard let unit = LogUnit(name: unitName) else {
                throw SyntaxError(message: "unknown unit '\(unitName)'", span: tokens[position + 1].span,
                                  hint: "units are nats, bits and bans")
            }
            position += 2
            try grow()
            value = .convert(value, unit, span)
        }
        return value
    }

    mutating func parseAdditive() throws(SyntaxError) -> Expr {
        var left = try parseMultiplicative()
        while isSymbol(.plus) || isSymbol(.minus) {
            let op: BinaryOp = isSymbol(.plus) ? .add : .subtract
            let span = currentSpan
            position += 1
            try grow()
            left = .binary(op, left, try parseMultiplicative(), span)
        }
        return left
    }

    mutating func parseMultiplicative() throws(SyntaxError) -> Expr {
        var left = try parseConversion()
        while isSymbol(.star) || isSymbol(.slash) {
            let op: BinaryOp = isSymbol(.star) ? .multiply : .divide
            let span = currentSpan
            position += 1
            try grow()
            left = .binary(op, left, try parseConversion(), span)
        }
        return left
    }

    mutating func parseUnary() throws(SyntaxError) -> Expr {
        if isSymbol(.minus) || isSymbol(.plus) {
            let span = currentSpan
            let op: UnaryOp = isSymbol(.minus) ? .negate : .plus
            position += 1
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting {
                throw SyntaxError(message: "expression nested too deeply", span: span, hint: nil)
            }
            try grow()
            return .unary(op, try parseUnary(), span)
        }
        return try parsePower()
    }

    /// `^` binds tighter than unary minus (`-x^2` is `-(x^2)`) and associates to the right.
    mutating func parsePower() throws(SyntaxError) -> Expr {
        let base = try parsePostfix()
        if isSymbol(.caret) {
            let span = currentSpan
            position += 1
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw SyntaxError(message: "expression nested too deeply", span: span, hint: nil) }
            try grow()
            return .binary(.power, base, try parseUnary(), span)
        }
        return base
    }

    mutating func parsePostfix() throws(SyntaxError) -> Expr {
        var value = try parsePrimary()
        while true {
            if isSymbol(.lparen) {
                let open = current
                position += 1
                try grow()
                let args = try parseArguments()
                value = .call(value, args, spanFrom(value.span, to: open))
            } else if isSymbol(.lbracket) {
                let span = currentSpan
                position += 1
                try grow()
                var indices = [try parseExpression()]
                while isSymbol(.comma) { position += 1; indices.append(try parseExpression()) }
                _ = try expect(.rbracket, "to close the index")
                value = .index(value, indices, span)
            } else {
                return value
            }
        }
    }

    mutating func parseArguments() throws(SyntaxError) -> [Argument] {
        var args: [Argument] = []
        if isSymbol(.rparen) { position += 1; return args }
        var separator = Separator.comma
        while true {
            let span = currentSpan
            var label: String? = nil
            if isIdentifier(position), peekIsSymbol(1, .colon) {
                let name = name(position)
                label = name
                position += 2
            }
            args.append(Argument(label: label, value: try parseExpression(), separator: separator, span: span))
            switch tokens[position].kind {
            case .symbol(.comma): separator = .comma
            case .symbol(.semicolon): separator = .semicolon
            case .symbol(.bar): separator = .bar
            case .symbol(.doubleBar): separator = .doubleBar
            case .symbol(.rparen):
                position += 1
                return args
            default:
                throw SyntaxError(message: "expected ',' or ')' in the argument list, found \(describe(current))",
                                  span: currentSpan, hint: nil)
            }
            position += 1
        }
    }

    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        let span = currentSpan
        switch tokens[position].kind {
        case .number(let value, let halfUnit):
            position += 1
            return .number(value, halfUnit: halfUnit, span)
        case .string(let index):
            let text = source.strings[index]
            position += 1
            return .string(text, span)
        case .keyword(.true), .keyword(.false):
            let value = isKeyword(.true)
            position += 1
            return .boolean(value, span)
        case .keyword(.if):
            position += 1
            try grow()
            let condition = try parseExpression()
            guard isKeyword(.then) else {
                throw SyntaxError(message: "expected 'then' after the condition, found \(describe(current))", span: currentSpan,
                                  hint: "write: if x > 0 then x else -x")
            }
            position += 1
            let yes = try parseExpression()
            guard isKeyword(.else) else {
                throw SyntaxError(message: "expected 'else' in 'if … then … else …', found \(describe(current))", span: currentSpan, hint: nil)
            }
            position += 1
            return .conditional(condition, yes, try parseExpression(), span)
        case .keyword(.abs):
            position += 1
            return .name(Name("abs"), span)
        case .identifier:
            let name = name(position)
            position += 1
            return .name(Name(name), span)
        case .symbol(.lparen):
            position += 1
            let inner = try parseExpression()
            _ = try expect(.rparen, "to close '('")
            return inner
        case .symbol(.lbracket):
            return try parseVector()
        case .symbol(.bar):
            throw SyntaxError(message: "'|' is only used inside calls such as H(X | Y)", span: span,
                              hint: "write abs(x) for an absolute value")
        case .keyword(let k):
            throw SyntaxError(message: "unexpected keyword '\(k.rawValue)'", span: span,
                              hint: k == .check ? "'check' starts a statement; put it at the start of a line" : nil)
        default:
            throw SyntaxError(message: "expected an expression, found \(describe(tokens[position]))", span: span, hint: nil)
        }
    }

    /// `[a, b, c]`, `[[1, 2], [3, 4]]` and `[f(t) for t in xs if t > 0]`.
    mutating func parseVector() throws(SyntaxError) -> Expr {
        let open = current
        position += 1
        try grow()
        var elements: [Expr] = []
        if isSymbol(.rbracket) { position += 1; return .vector([], open.span) }
        elements.append(try parseExpression())
        if isKeyword(.for) {
            position += 1
            let (variable, _) = try expectIdentifier("after 'for'")
            guard isKeyword(.in) else {
                throw SyntaxError(message: "expected 'in' after '\(variable)'", span: currentSpan, hint: nil)
            }
            position += 1
            let source = try parseExpression()
            var filter: Expr? = nil
            if isKeyword(.if) {
                position += 1
                filter = try parseExpression()
            }
            _ = try expect(.rbracket, "to close the comprehension")
            return .comprehension(elements[0], variable: variable, source, filter: filter, open.span)
        }
        while isSymbol(.comma) {
            position += 1
            if isSymbol(.rbracket) { break }
            elements.append(try parseExpression())
        }
        _ = try expect(.rbracket, "to close '['")
        return .vector(elements, open.span)
    }
}
