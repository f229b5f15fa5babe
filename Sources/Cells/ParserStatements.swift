/// Statements: assignments, definitions, `check` and `forall`.
extension Parser {
    mutating func parseStatement() throws(SyntaxError) -> Statement {
        let start = currentSpan
        if isKeyword(.check) {
            position += 1
            let claim = try parseExpression()
            let tolerance = try parseWithin()
            return .check(claim, tolerance, spanFrom(start, to: previous))
        }
        if isKeyword(.forall) { return try parseForall() }
        // `f(x, y) = body` defines a function; `a = e` and `a, b = e` bind names.
        if isIdentifier(position) {
            let name = name(position)
            if peekIsSymbol(1, .lparen), let params = lookaheadParameters(from: position + 2), isSymbolAt(params.end, .assign) {
                position = params.end + 1
                let body = try parseExpression()
                return .define(name, params.names, body, start)
            }
            var names = [name]
            var look = position + 1
            while look + 1 < tokens.count, isSymbolAt(look, .comma), isIdentifier(look + 1) {
                names.append(self.name(look + 1))
                look += 2
            }
            if look < tokens.count, tokens[look].kind == .symbol(.assign) {
                position = look + 1
                let value = try parseExpression()
                return .assign(names, value, start)
            }
        }
        return .expression(try parseExpression())
    }

    /// `a, b)` starting at token `start`: a parameter list, found without consuming tokens.
    func lookaheadParameters(from start: Int) -> (names: [String], end: Int)? {
        var i = start
        var names: [String] = []
        if i < tokens.count, tokens[i].kind == .symbol(.rparen) { return (names, i + 1) }
        while i < tokens.count {
            guard isIdentifier(i) else { return nil }
            names.append(name(i))
            i += 1
            guard i < tokens.count else { return nil }
            if tokens[i].kind == .symbol(.rparen) { return i + 1 < tokens.count ? (names, i + 1) : nil }
            guard tokens[i].kind == .symbol(.comma) else { return nil }
            i += 1
        }
        return nil
    }

    mutating func parseWithin() throws(SyntaxError) -> ToleranceSpec? {
        guard isKeyword(.within) else { return nil }
        position += 1
        if isSymbol(.plusMinus) || isKeyword(.abs) {
            position += 1
            return .absolute(try parseAdditive())
        }
        let value = try parseAdditive()
        if isSymbol(.percent) { position += 1; return .percent(value) }
        return .relative(value)
    }

    mutating func parseForall() throws(SyntaxError) -> Statement {
        let start = currentSpan
        position += 1
        var cases: Expr? = nil
        if isSymbol(.lparen) {
            position += 1
            cases = try parseExpression()
            _ = try expect(.rparen, "after the number of cases")
        }
        var bindings: [ForallBinding] = []
        repeat {
            let bindingStart = currentSpan
            var names = [try expectIdentifier("to bind in 'forall'").0]
            while isSymbol(.comma) {
                position += 1
                names.append(try expectIdentifier("after ','").0)
            }
            guard isKeyword(.in) else {
                throw SyntaxError(message: "expected 'in' after the names in 'forall', found \(describe(current))",
                                  span: currentSpan, hint: "write e.g. 'forall P, Q in simplex(3): check …'")
            }
            position += 1
            let domain = try parseExpression()
            bindings.append(ForallBinding(names: names, domain: domain, span: bindingStart))
            if isSymbol(.comma) { position += 1 } else { break }
        } while true
        _ = try expect(.colon, "after the 'forall' bindings")
        if isKeyword(.check) { position += 1 }
        let claim = try parseExpression()
        let tolerance = try parseWithin()
        return .forall(cases: cases, bindings, claim, tolerance, spanFrom(start, to: previous))
    }

}
