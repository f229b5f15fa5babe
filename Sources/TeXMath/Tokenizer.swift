/// One lexical unit of TeX math, located by UTF-8 byte offsets.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case command, character, beginGroup, endGroup, caret, underscore
        case alignment, prime, end
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// The scalar of a `.character` token.
    var scalar: Unicode.Scalar = " "
    /// The name of a `.command` token without its backslash (`frac`, `{`, `,`); empty
    /// for a backslash at the very end of the formula.
    var name: String = ""
}

/// Splits TeX math into tokens in one pass over the UTF-8 bytes.
///
/// White space is dropped (math mode ignores it; text arguments are read from the
/// source bytes instead), `%` comments run to the end of the line, and a command is
/// a backslash followed by ASCII letters or by any one other character. A backslash
/// before white space (a newline included) is TeX's control space, named " ".
///
/// Inside the braced argument of a text command (`\text{100%}`) `%` is a literal
/// character, as MathJax and KaTeX read it, not the start of a comment.
enum Tokenizer {
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 2 + 4)
        var index = 0
        let count = bytes.count
        // Brace depth inside a text argument (0 outside); how many braced arguments of the
        // last command are still to come, the last of them text (`\colorbox{c}{100%}`).
        var textDepth = 0
        var pendingGroups = 0
        var skipDepth = 0
        while index < count {
            let byte = bytes[index]
            if textDepth == 0, skipDepth == 0, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x7B, byte != 0x25 {
                pendingGroups = 0
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case 0x25 where textDepth > 0: // % in text
                tokens.append(Token(kind: .character, start: index, end: index + 1, scalar: "%"))
                index += 1
            case 0x25: // %
                while index < count, bytes[index] != 0x0A { index += 1 }
            case 0x5C: // backslash
                let start = index
                index += 1
                if index >= count {
                    tokens.append(Token(kind: .command, start: start, end: index))
                } else if isLetter(bytes[index]) {
                    let nameStart = index
                    while index < count, isLetter(bytes[index]) { index += 1 }
                    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                    if textDepth == 0, skipDepth == 0 { pendingGroups = textArgumentPosition(name) }
                    tokens.append(Token(kind: .command, start: start, end: index, name: name))
                } else if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                    index += 1
                    tokens.append(Token(kind: .command, start: start, end: index, name: " "))
                } else {
                    let (scalar, length) = decode(bytes, at: index)
                    index += length
                    tokens.append(Token(kind: .command, start: start, end: index,
                                        name: String(Character(scalar))))
                }
            case 0x7B:
                if textDepth > 0 {
                    textDepth += 1
                } else if skipDepth > 0 {
                    skipDepth += 1
                } else if pendingGroups == 1 {
                    textDepth = 1
                    pendingGroups = 0
                } else if pendingGroups > 1 {
                    // An argument before the text one (a colour): passed over as a group.
                    skipDepth = 1
                    pendingGroups -= 1
                }
                tokens.append(Token(kind: .beginGroup, start: index, end: index + 1)); index += 1
            case 0x7D:
                if textDepth > 0 { textDepth -= 1 } else if skipDepth > 0 { skipDepth -= 1 }
                tokens.append(Token(kind: .endGroup, start: index, end: index + 1)); index += 1
            case 0x5E: tokens.append(Token(kind: .caret, start: index, end: index + 1)); index += 1
            case 0x5F: tokens.append(Token(kind: .underscore, start: index, end: index + 1)); index += 1
            case 0x26: tokens.append(Token(kind: .alignment, start: index, end: index + 1)); index += 1
            case 0x27: tokens.append(Token(kind: .prime, start: index, end: index + 1)); index += 1
            default:
                let (scalar, length) = decode(bytes, at: index)
                tokens.append(Token(kind: .character, start: index, end: index + length, scalar: scalar))
                index += length
            }
        }
        tokens.append(Token(kind: .end, start: count, end: count))
        return tokens
    }

    /// Which braced argument of a command is text, where `%` is literal: 1 for `\text`
    /// and the other commands `Command.text` lists, 2 for `\colorbox`, 3 for `\fcolorbox`;
    /// 0 for commands without a text argument. A `switch` on these short (inline) strings
    /// is far cheaper than hashing every command.
    static func textArgumentPosition(_ name: String) -> Int {
        switch name {
        case "text", "textrm", "textnormal", "textup", "mbox", "hbox", "textmd", "textbf", "textit",
             "emph", "textsf", "texttt", "intertext", "shortintertext":
            return 1
        case "colorbox": return 2
        case "fcolorbox": return 3
        default: return 0
        }
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Decodes the scalar starting at `index`. The bytes come from a Swift `String`,
    /// so they are valid UTF-8; the guards only keep a bad slice from trapping.
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
