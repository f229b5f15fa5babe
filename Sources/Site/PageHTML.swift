import Markup

/// A page being written as UTF-8 bytes: literal HTML appended as it is, text escaped with
/// `HTML.escape`'s rules (`{{x}}` in a template), QED's own HTML raw (`{{{x}}}`).
struct PageHTML {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup written as it is: the template's own text, or HTML QED built.
    mutating func raw(_ html: String) {
        bytes.append(contentsOf: html.utf8)
    }

    /// Text from a note or the words: escaped.
    mutating func text(_ text: String) {
        HTML.appendEscaped(text, to: &bytes)
    }

    /// A count, as Mustache prints an `Int`.
    mutating func number(_ value: Int) {
        raw(String(value))
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// One token of a template rendered inside a partial that swift-mustache indents
    /// (`    {{> note-list}}`): it adds the indentation before a token that renders something
    /// when the text this render has written since `start` ends a line (its last Character is
    /// "\n", so not after "\r\n"). Each list item and section body is a render of its own,
    /// which is why the first line of the second and later items is not indented.
    mutating func token(indent: [UInt8], since start: Int, _ write: (inout PageHTML) -> Void) {
        let at = bytes.count
        let lineStart = !indent.isEmpty && at > start && bytes[at - 1] == 0x0A
            && !(at - 2 >= start && bytes[at - 2] == 0x0D)
        write(&self)
        if lineStart && bytes.count > at { bytes.insert(contentsOf: indent, at: at) }
    }
}
