extension Parser {
    /// `\text{…}` and friends. The argument is read from the source bytes (spaces
    /// matter in text), so any script passes through; `$…$` inside switches back to math.
    mutating func parseText(_ token: Token, style: TextStyle) -> MathNode {
        guard let argument = readRawArgument() else {
            report(.missingArgument, "'\\\(token.name)' is missing its text", token.start..<token.end,
                   command: "\\" + token.name)
            return .error("\\" + token.name)
        }
        let resume = position
        var segments: [MathNode] = []
        var buffer: [UInt8] = []
        let className: String?
        switch style {
        case .normal: className = nil
        case .bold: className = "qed-text-bold"
        case .italic: className = "qed-text-italic"
        case .sansSerif: className = "qed-text-sans"
        case .monospace: className = "qed-text-mono"
        }
        func flush() {
            guard !buffer.isEmpty else { return }
            var node = MathNode.text(Self.textWithHardEdges(buffer))
            if let className { node.attributes = [("class", className)] }
            segments.append(node)
            buffer.removeAll(keepingCapacity: true)
        }
        var index = argument.range.lowerBound
        let end = argument.range.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x5C: // backslash
                var nameEnd = index + 1
                while nameEnd < end, Tokenizer.isLetter(bytes[nameEnd]) { nameEnd += 1 }
                if nameEnd == index + 1, nameEnd < end { nameEnd += 1 }
                let name = source(index + 1..<nameEnd)
                if let replacement = Self.textCommands[name] {
                    buffer.append(contentsOf: replacement.utf8)
                } else if Self.textGroupingCommands.contains(name) {
                    // Nested style commands: their braces are skipped as grouping.
                } else {
                    flush()
                    let shown = "\\" + name
                    let suggestion = reportsInFull ? Command.suggestion(for: name).map { "\\" + $0 } : nil
                    var message = "unknown command '\(shown)' in text"
                    if let suggestion { message += "; did you mean '\(suggestion)'?" }
                    report(.unknownCommand, message, index..<nameEnd, command: shown, suggestion: suggestion)
                    segments.append(.error(shown))
                }
                index = nameEnd
                if !name.isEmpty, Tokenizer.isLetter(bytes[index - 1]) {
                    while index < end, bytes[index] == 0x20 { index += 1 }
                }
            case 0x7B, 0x7D:
                index += 1
            case 0x24: // $…$ nested math
                var close = index + 1
                while close < end, !(bytes[close] == 0x24 && bytes[close - 1] != 0x5C) { close += 1 }
                flush()
                segments.append(contentsOf: nestedMath(index + 1..<min(close, end)))
                index = min(close + 1, end)
            case 0x7E:
                buffer.append(contentsOf: [0xC2, 0xA0])
                index += 1
            case 0x2D where index + 1 < end && bytes[index + 1] == 0x2D:
                let isEm = index + 2 < end && bytes[index + 2] == 0x2D
                buffer.append(contentsOf: (isEm ? "—" : "–").utf8)
                index += isEm ? 3 : 2
            case 0x60 where index + 1 < end && bytes[index + 1] == 0x60:
                buffer.append(contentsOf: "“".utf8)
                index += 2
            case 0x27 where index + 1 < end && bytes[index + 1] == 0x27:
                buffer.append(contentsOf: "”".utf8)
                index += 2
            case 0x20, 0x09, 0x0A, 0x0D:
                if buffer.last != 0x20 { buffer.append(0x20) }
                index += 1
            default:
                buffer.append(byte)
                index += 1
            }
        }
        flush()
        position = resume
        if segments.isEmpty { return .text("") }
        if segments.count == 1 { return segments[0] }
        return MathNode(.mrow, children: segments)
    }

    /// Edge spaces become no-break spaces, or CSS would collapse them away.
    static func textWithHardEdges(_ buffer: [UInt8]) -> String {
        var text = String(decoding: buffer, as: UTF8.self)
        if text.hasPrefix(" ") { text = "\u{00A0}" + text.dropFirst() }
        if text.count > 0, text.hasSuffix(" ") { text = text.dropLast() + "\u{00A0}" }
        return text
    }

    /// Parses `$…$` inside text with the already-made tokens of that byte range.
    mutating func nestedMath(_ range: Range<Int>) -> [MathNode] {
        // Tokens are in source order: find the slice by binary search, not by a scan of
        // the whole formula (which made many `\text{$x$}` quadratic).
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var slice: [Token] = []
        var index = low
        while index < tokens.count, tokens[index].kind != .end, tokens[index].end <= range.upperBound {
            slice.append(tokens[index])
            index += 1
        }
        slice.append(Token(kind: .end, start: range.upperBound, end: range.upperBound))
        var inner = Parser(bytes: bytes, tokens: slice, displayStyle: false)
        inner.depth = depth
        inner.reportedDepth = reportedDepth
        let nodes = inner.parseRow([])
        for problem in inner.diagnostics {
            report(problem.kind, problem.message, problem.range, command: problem.command, suggestion: problem.suggestion)
        }
        suppressedDiagnostics += inner.suppressedDiagnostics
        if suppressedStart == nil { suppressedStart = inner.suppressedStart }
        reportedDepth = inner.reportedDepth
        return nodes
    }

    /// Commands allowed in text and what they stand for.
    static let textCommands: [String: String] = [
        "{": "{", "}": "}", "$": "$", "&": "&", "%": "%", "#": "#", "_": "_", " ": " ",
        "\\": " ", ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2005}", "!": "",
        "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "enspace": "\u{2002}",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
        "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
        "textquoteleft": "‘", "textquoteright": "’", "textbullet": "•", "S": "§", "P": "¶",
        "copyright": "©", "dag": "†", "ddag": "‡", "TeX": "TeX", "LaTeX": "LaTeX",
        "textdegree": "°", "ss": "ß", "ae": "æ", "AE": "Æ", "o": "ø", "O": "Ø",
        "i": "ı", "j": "ȷ", "nobreakspace": "\u{00A0}", "-": "", "/": "", "relax": "",
    ]

    /// Style commands inside text whose argument is kept as plain text.
    static let textGroupingCommands: Set<String> = [
        "text", "textrm", "textnormal", "textup", "textbf", "textit", "emph", "textsf",
        "texttt", "textmd", "mbox", "hbox", "rm", "bf", "it", "sf", "tt", "em",
    ]
}
