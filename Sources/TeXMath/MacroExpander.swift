/// Expands user macros (`\newcommand`, `\renewcommand`, `\providecommand`, `\def`,
/// `\DeclareMathOperator`, and a caller's preset) into plain TeX before parsing.
///
/// It works on tokens that keep their source text and the white space before them,
/// and writes the expansion back out as bytes: the parser then reads an ordinary
/// formula (raw arguments such as `\text{…}` included), and `SourceMap` takes every
/// diagnostic back to the formula the user wrote — a byte of the formula itself to
/// that byte, anything a macro produced to the macro's use.
///
/// Expansion is bounded: a macro used inside itself (directly or not) and a macro
/// that grows exponentially stop at `maxExpansions`, `maxDepth` or `maxOutputBytes`
/// with one located diagnostic; the rest of the formula is left unexpanded.
struct MacroExpander {
    /// A token with the buffer it comes from and where it stands in the formula.
    struct SourcedToken {
        var token: Token
        /// 0: the formula; otherwise a macro body or an optional argument's default.
        var buffer: Int
        /// Start of the white space and comments before the token (kept: text arguments need them).
        var triviaStart: Int
        /// For tokens a macro produced: the byte range of the outermost macro use in the formula.
        var origin: Range<Int>?
        var depth: Int
        /// White space to write before the token: a `#1` that had space before it in the
        /// body passes it on to its argument (`\text{ if #1}`).
        var leadingSpace = false
    }

    static let maxExpansions = 10_000
    static let maxDepth = 64
    /// Far above any real formula (a long one is a few KB), far below what hurts.
    static let maxOutputBytes = 1 << 18
    /// Tokens macros may add to the input at once, beyond the formula's own.
    static let maxAddedTokens = 50_000
    /// Macro diagnostics kept per formula (the parser keeps its own `maxDiagnostics`).
    static let maxDiagnosticsKept = 20

    static func isDefinitionCommand(_ name: String) -> Bool {
        switch name {
        case "newcommand", "renewcommand", "providecommand", "def", "gdef", "DeclareMathOperator": true
        default: false
        }
    }

    var buffers: [[UInt8]]
    /// Input still to read, last token first.
    var pending: [SourcedToken]
    var macros: MathMacros
    var output: [UInt8] = []
    var map = SourceMap()
    var diagnostics: [MathDiagnostic] = []
    var expansions = 0
    var stopped = false
    let pendingLimit: Int
    var lastWasControlWord = false
    /// Tokenized bodies by macro name, with the body they were made from.
    var bodies: [String: (body: String, buffer: Int, tokens: [Token])] = [:]

    /// Whether `tokens` use a macro or define one (otherwise the formula is parsed as it is).
    static func isNeeded(_ tokens: [Token], macros: MathMacros) -> Bool {
        // Every formula passes here: no hashing unless the table has macros.
        let anyMacros = !macros.isEmpty
        for token in tokens where token.kind == .command {
            if isDefinitionCommand(token.name) || (anyMacros && macros[token.name] != nil) { return true }
        }
        return false
    }

    init(bytes: [UInt8], tokens: [Token], macros: MathMacros) {
        buffers = [bytes]
        self.macros = macros
        var list: [SourcedToken] = []
        list.reserveCapacity(tokens.count)
        var previousEnd = 0
        for token in tokens {
            list.append(SourcedToken(token: token, buffer: 0, triviaStart: previousEnd, origin: nil, depth: 0))
            previousEnd = token.end
        }
        pending = list.reversed()
        pendingLimit = tokens.count + Self.maxAddedTokens
        output.reserveCapacity(bytes.count + 64)
    }

    // MARK: The main loop

    mutating func run() {
        while let next = pending.popLast() {
            if next.token.kind == .end {
                if next.buffer == 0 { emit(next) }
                continue
            }
            guard next.token.kind == .command else {
                emit(next)
                continue
            }
            if stopped, macros[next.token.name] != nil {
                report("macro '\\\(next.token.name)' was not expanded: this formula reached the macro expansion limit",
                       at: next)
                emit(next)
                continue
            }
            let name = next.token.name
            if Self.isDefinitionCommand(name) {
                define(next)
            } else if let definition = macros[name] {
                expand(next, definition)
            } else {
                emit(next)
            }
        }
    }

    /// Copies a token (and the white space before it) to the output, recording where it came from.
    mutating func emit(_ item: SourcedToken) {
        let bytes = buffers[item.buffer]
        let start = min(item.triviaStart, item.token.start)
        if lastWasControlWord, start == item.token.start, item.token.start < item.token.end,
           Tokenizer.isLetter(bytes[item.token.start]) {
            // `\alpha` from a body followed by `b`: keep them two tokens.
            output.append(0x20)
        }
        if item.leadingSpace { output.append(0x20) }
        let outputStart = output.count
        output.append(contentsOf: bytes[start..<item.token.end])
        if item.buffer == 0, item.origin == nil {
            map.add(output: outputStart, original: start..<item.token.end, verbatim: true)
        } else {
            map.add(output: outputStart, original: item.origin ?? (item.token.start..<item.token.end), verbatim: false)
        }
        lastWasControlWord = item.token.kind == .command && item.token.end > item.token.start + 1
            && Tokenizer.isLetter(bytes[item.token.end - 1])
    }

    mutating func report(_ message: String, at item: SourcedToken) {
        let range = item.origin ?? (item.token.start..<item.token.end)
        guard diagnostics.count < Self.maxDiagnosticsKept else { return }
        diagnostics.append(MathDiagnostic(kind: .macro, message: message, range: range, command: "\\" + item.token.name))
    }

    // MARK: Using a macro

    mutating func expand(_ use: SourcedToken, _ definition: MathMacros.Definition) {
        let origin = use.origin ?? (use.token.start..<use.token.end)
        expansions += 1
        if expansions > Self.maxExpansions || use.depth >= Self.maxDepth || output.count > Self.maxOutputBytes
            || pending.count > pendingLimit {
            stopped = true
            report("macro '\\\(use.token.name)' expands without end (it uses itself, or grows too large); "
                   + "expansion stopped here", at: use)
            emit(use)
            return
        }
        var arguments: [[SourcedToken]] = []
        for index in 0..<definition.parameters {
            if index == 0, let fallback = definition.optionalDefault {
                if let optional = readBracketed() {
                    arguments.append(optional)
                } else {
                    let buffer = addBuffer(Array(fallback.utf8))
                    arguments.append(tokens(ofBuffer: buffer, origin: origin, depth: use.depth + 1))
                }
                continue
            }
            guard let argument = readArgument() else {
                report("macro '\\\(use.token.name)' takes \(definition.parameters) argument\(definition.parameters == 1 ? "" : "s"); "
                       + "argument \(index + 1) is missing", at: use)
                return
            }
            arguments.append(argument)
        }
        let body = bodyTokens(use.token.name, definition.body)
        var result: [SourcedToken] = []
        result.reserveCapacity(body.tokens.count)
        var previousEnd = 0
        var index = 0
        while index < body.tokens.count {
            let token = body.tokens[index]
            if token.kind == .end { break }
            if token.kind == .character, token.scalar == "#", index + 1 < body.tokens.count {
                let following = body.tokens[index + 1]
                let digit = Int(following.scalar.value) - 0x30
                if following.kind == .character, following.start == token.end, digit >= 1, digit <= arguments.count {
                    let spaced = previousEnd < token.start
                    for (position, argumentToken) in arguments[digit - 1].enumerated() {
                        var copy = argumentToken
                        copy.depth = use.depth + 1
                        if position == 0, spaced { copy.leadingSpace = true }
                        result.append(copy)
                    }
                    previousEnd = following.end
                    index += 2
                    continue
                }
                if following.kind == .character, following.scalar == "#", following.start == token.end {
                    // `##` stands for one `#` (a parameter of a macro this one defines).
                    result.append(SourcedToken(token: following, buffer: body.buffer, triviaStart: previousEnd,
                                               origin: origin, depth: use.depth + 1))
                    previousEnd = following.end
                    index += 2
                    continue
                }
            }
            result.append(SourcedToken(token: token, buffer: body.buffer, triviaStart: previousEnd,
                                       origin: origin, depth: use.depth + 1))
            previousEnd = token.end
            index += 1
        }
        pending.append(contentsOf: result.reversed())
    }

    mutating func addBuffer(_ bytes: [UInt8]) -> Int {
        buffers.append(bytes)
        return buffers.count - 1
    }

    func tokens(ofBuffer buffer: Int, origin: Range<Int>, depth: Int) -> [SourcedToken] {
        var previousEnd = 0
        return Tokenizer.tokenize(buffers[buffer]).filter { $0.kind != .end }.map { token in
            defer { previousEnd = token.end }
            return SourcedToken(token: token, buffer: buffer, triviaStart: previousEnd, origin: origin, depth: depth)
        }
    }

    mutating func bodyTokens(_ name: String, _ body: String) -> (buffer: Int, tokens: [Token]) {
        if let cached = bodies[name], cached.body == body { return (cached.buffer, cached.tokens) }
        let bytes = Array(body.utf8)
        let buffer = addBuffer(bytes)
        let tokens = Tokenizer.tokenize(bytes)
        bodies[name] = (body, buffer, tokens)
        return (buffer, tokens)
    }

    /// A macro argument: the tokens of a braced group (without its braces) or one token.
    mutating func readArgument() -> [SourcedToken]? {
        guard let first = pending.last else { return nil }
        switch first.token.kind {
        case .end, .endGroup:
            return nil
        case .beginGroup:
            pending.removeLast()
            return readGroupBody()
        default:
            pending.removeLast()
            return [first]
        }
    }

    /// After a `{`: the tokens up to its matching `}` (consumed), or to the end of input.
    mutating func readGroupBody() -> [SourcedToken] {
        var level = 0
        var body: [SourcedToken] = []
        while let token = pending.last, token.token.kind != .end {
            pending.removeLast()
            if token.token.kind == .beginGroup { level += 1 }
            if token.token.kind == .endGroup {
                if level == 0 { return body }
                level -= 1
            }
            body.append(token)
        }
        return body
    }

    /// `[…]` at brace level 0 when the next token is `[`; nil (nothing consumed) otherwise.
    mutating func readBracketed() -> [SourcedToken]? {
        guard let first = pending.last, first.token.kind == .character, first.token.scalar == "[" else { return nil }
        var index = pending.count - 2
        var level = 0
        while index >= 0, pending[index].token.kind != .end {
            let token = pending[index].token
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup { level -= 1; if level < 0 { return nil } }
            if level == 0, token.kind == .character, token.scalar == "]" {
                let inside = Array(pending[(index + 1)..<(pending.count - 1)].reversed())
                pending.removeSubrange(index...)
                return inside
            }
            index -= 1
        }
        return nil
    }

    // MARK: Defining a macro

    mutating func define(_ command: SourcedToken) {
        let kind = command.token.name
        var definition: (name: String, value: MathMacros.Definition)?
        switch kind {
        case "def", "gdef":
            definition = readDef(command)
        case "DeclareMathOperator":
            definition = readOperatorDeclaration(command)
        default:
            definition = readNewCommand(command)
        }
        guard let (name, value) = definition else { return }
        if kind == "providecommand", macros[name] != nil || Command.table[name] != nil { return }
        if !macros.define(name, value) {
            report("'\\\(name)' cannot be defined: the note's macros are too large", at: command)
        }
    }

    /// `\newcommand{\name}[n][default]{body}` (also `\renewcommand`, `\providecommand`, and `*` forms).
    mutating func readNewCommand(_ command: SourcedToken) -> (String, MathMacros.Definition)? {
        if let star = pending.last, star.token.kind == .character, star.token.scalar == "*" { pending.removeLast() }
        guard let name = readDefinedName() else {
            report("'\\\(command.token.name)' must be followed by the name to define, as in \\\(command.token.name){\\RR}{\\mathbb{R}}", at: command)
            return nil
        }
        var parameters = 0
        if let count = readBracketed() {
            let text = String(decoding: count.flatMap { item in buffers[item.buffer][item.token.start..<item.token.end] }, as: UTF8.self)
            guard let number = Int(text), (0...9).contains(number) else {
                report("the number of arguments of '\\\(name)' must be 0 to 9, not '\(text)'", at: command)
                return nil
            }
            parameters = number
        }
        var optionalDefault: String?
        if parameters > 0, let fallback = readBracketed() { optionalDefault = text(of: fallback) }
        guard let body = readBody() else {
            report("'\\\(command.token.name){\\\(name)}' is missing its definition in braces", at: command)
            return nil
        }
        return (name, MathMacros.Definition(parameters: parameters, optionalDefault: optionalDefault, body: body))
    }

    /// `\def\name#1#2{body}` (undelimited parameters only).
    mutating func readDef(_ command: SourcedToken) -> (String, MathMacros.Definition)? {
        guard let nameToken = pending.last, nameToken.token.kind == .command, !nameToken.token.name.isEmpty else {
            report("'\\\(command.token.name)' must be followed by the name to define, as in \\def\\RR{\\mathbb{R}}", at: command)
            return nil
        }
        pending.removeLast()
        let name = nameToken.token.name
        var parameters = 0
        while let hash = pending.last, hash.token.kind == .character, hash.token.scalar == "#" {
            pending.removeLast()
            guard let digit = pending.last, digit.token.kind == .character,
                  digit.token.scalar == Unicode.Scalar(UInt8(0x31 + parameters)) else {
                report("'\\def\\\(name)' has a parameter TeX does not allow here; write #1#2… in order before the body", at: command)
                return nil
            }
            pending.removeLast()
            parameters += 1
            if parameters == 9 { break }
        }
        guard let body = readBody() else {
            report("'\\def\\\(name)' must be followed by its definition in braces (delimited parameters are not supported)", at: command)
            return nil
        }
        return (name, MathMacros.Definition(parameters: parameters, body: body))
    }

    /// `\DeclareMathOperator{\name}{text}`: `\name` becomes `\operatorname{text}`.
    mutating func readOperatorDeclaration(_ command: SourcedToken) -> (String, MathMacros.Definition)? {
        var limits = false
        if let star = pending.last, star.token.kind == .character, star.token.scalar == "*" {
            pending.removeLast()
            limits = true
        }
        guard let name = readDefinedName(), let body = readBody() else {
            report("'\\DeclareMathOperator' must be followed by a name and a text, as in \\DeclareMathOperator{\\tr}{tr}", at: command)
            return nil
        }
        let operatorBody = (limits ? "\\operatorname*{" : "\\operatorname{") + body + "}"
        return (name, MathMacros.Definition(body: operatorBody))
    }

    /// `{\name}` or `\name`.
    mutating func readDefinedName() -> String? {
        guard let first = pending.last else { return nil }
        if first.token.kind == .command, !first.token.name.isEmpty {
            pending.removeLast()
            return first.token.name
        }
        guard first.token.kind == .beginGroup, pending.count >= 3 else { return nil }
        let nameToken = pending[pending.count - 2]
        let close = pending[pending.count - 3]
        guard nameToken.token.kind == .command, !nameToken.token.name.isEmpty, close.token.kind == .endGroup else { return nil }
        pending.removeLast(3)
        return nameToken.token.name
    }

    /// A braced body's text (nil when the next token is not `{`).
    mutating func readBody() -> String? {
        guard let first = pending.last, first.token.kind == .beginGroup else { return nil }
        pending.removeLast()
        return text(of: readGroupBody())
    }

    /// The source text of tokens, with the white space between them, as a body to keep.
    func text(of items: [SourcedToken]) -> String {
        var bytes: [UInt8] = []
        var afterControlWord = false
        for (index, item) in items.enumerated() {
            let source = buffers[item.buffer]
            let start = index == 0 ? item.token.start : min(item.triviaStart, item.token.start)
            if item.leadingSpace, index > 0 { bytes.append(0x20) }
            if afterControlWord, start == item.token.start, item.token.start < item.token.end,
               Tokenizer.isLetter(source[item.token.start]) {
                bytes.append(0x20)
            }
            bytes.append(contentsOf: source[start..<item.token.end])
            afterControlWord = item.token.kind == .command && item.token.end > item.token.start + 1
                && Tokenizer.isLetter(source[item.token.end - 1])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Where each byte of an expanded formula came from in the formula as written.
struct SourceMap {
    struct Segment {
        var output: Int
        var original: Range<Int>
        /// Bytes copied from the formula (offsets map one to one) rather than made by a macro.
        var verbatim: Bool
    }

    var segments: [Segment] = []

    mutating func add(output: Int, original: Range<Int>, verbatim: Bool) {
        if let last = segments.last, last.verbatim == verbatim {
            if verbatim, last.original.upperBound == original.lowerBound { segments[segments.count - 1].original = last.original.lowerBound..<original.upperBound; return }
            if !verbatim, last.original == original { return }
        }
        segments.append(Segment(output: output, original: original, verbatim: verbatim))
    }

    /// The formula's byte range for a range of the expanded text.
    func original(_ range: Range<Int>, originalCount: Int) -> Range<Int> {
        guard !segments.isEmpty else { return range }
        let lower = locate(range.lowerBound, upper: false, originalCount: originalCount)
        let upper = range.isEmpty ? lower : locate(range.upperBound - 1, upper: true, originalCount: originalCount)
        return lower..<max(lower, upper)
    }

    private func locate(_ offset: Int, upper: Bool, originalCount: Int) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].output <= offset { low = middle } else { high = middle - 1 }
        }
        let segment = segments[low]
        guard segment.output <= offset else { return upper ? segment.original.upperBound : segment.original.lowerBound }
        if segment.verbatim {
            let mapped = segment.original.lowerBound + (offset - segment.output) + (upper ? 1 : 0)
            return min(mapped, upper ? segment.original.upperBound : max(segment.original.lowerBound, segment.original.upperBound - 1), originalCount)
        }
        return upper ? segment.original.upperBound : segment.original.lowerBound
    }
}
