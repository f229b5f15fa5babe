/// The TeX atom class of a node: it decides spacing, unary minus, limits and
/// function application the way TeX's math list does.
enum AtomClass: UInt8, Sendable {
    case ord, op, bin, rel, open, close, punct, inner, function, space
}

/// Where a node's scripts go.
enum LimitsPlacement: UInt8, Sendable {
    /// Ordinary scripts (`msub`/`msup`/`msubsup`).
    case none
    /// Under/over in display style, scripts otherwise (`\sum`, `\lim`).
    case displayLimits
    /// Always under/over (`\sum\limits`, `\underbrace`).
    case always
}

enum MathTag: UInt8, Sendable {
    case mi, mn, mo, mtext, mspace, mrow, msub, msup, msubsup, munder, mover, munderover
    case mfrac, msqrt, mroot, mtable, mtr, mtd, mstyle, mphantom, mpadded, merror

    var name: String { String(describing: markup) }

    /// The element name, appended to MathML without a `String`'s per-append overhead.
    var markup: StaticString {
        switch self {
        case .mi: "mi"
        case .mn: "mn"
        case .mo: "mo"
        case .mtext: "mtext"
        case .mspace: "mspace"
        case .mrow: "mrow"
        case .msub: "msub"
        case .msup: "msup"
        case .msubsup: "msubsup"
        case .munder: "munder"
        case .mover: "mover"
        case .munderover: "munderover"
        case .mfrac: "mfrac"
        case .msqrt: "msqrt"
        case .mroot: "mroot"
        case .mtable: "mtable"
        case .mtr: "mtr"
        case .mtd: "mtd"
        case .mstyle: "mstyle"
        case .mphantom: "mphantom"
        case .mpadded: "mpadded"
        case .merror: "merror"
        }
    }

    /// Token elements hold text; the others hold children.
    var isToken: Bool {
        switch self {
        case .mi, .mn, .mo, .mtext: true
        default: false
        }
    }
}

/// One MathML element under construction, with the TeX facts the parser needs
/// about it (atom class, limits, whether it starts with a fence).
struct MathNode: Sendable {
    var tag: MathTag
    var text: String = ""
    var attributes: [(name: String, value: String)] = []
    var children: [MathNode] = []
    var atom: AtomClass = .ord
    var limits: LimitsPlacement = .none
    /// A `\left…\right` group or a fence: a following function gets no thin space.
    var startsWithFence = false

    init(_ tag: MathTag, text: String = "", atom: AtomClass = .ord,
         attributes: [(name: String, value: String)] = [], children: [MathNode] = []) {
        self.tag = tag
        self.text = text
        self.atom = atom
        self.attributes = attributes
        self.children = children
    }

    static func identifier(_ text: String, upright: Bool = false) -> MathNode {
        MathNode(.mi, text: text, attributes: upright ? [("mathvariant", "normal")] : [])
    }

    static func op(_ text: String, _ atom: AtomClass,
                   _ attributes: [(name: String, value: String)] = []) -> MathNode {
        MathNode(.mo, text: text, atom: atom, attributes: attributes)
    }

    static func space(_ em: String) -> MathNode {
        MathNode(.mspace, atom: .space, attributes: [("width", em)])
    }

    static func text(_ text: String) -> MathNode { MathNode(.mtext, text: text) }

    /// A row; a single non-operator child stands for itself, keeping the tree shallow.
    static func row(_ children: [MathNode]) -> MathNode {
        if children.count == 1, children[0].tag != .mo { return children[0] }
        return MathNode(.mrow, children: children)
    }

    static let emptyRow = MathNode(.mrow)

    /// The bad part of a formula, shown as its own (escaped) source.
    static func error(_ source: String) -> MathNode {
        MathNode(.merror, attributes: [("class", "qed-math-error")], children: [.text(source)])
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append((name, value))
        }
    }

    /// The `mo` at the core of an embellished operator (`\sum_{i}` → `∑`), if any.
    var coreOperatorPath: [Int]? {
        if tag == .mo { return [] }
        switch tag {
        case .msub, .msup, .msubsup, .munder, .mover, .munderover, .mfrac:
            guard let first = children.first, let path = first.coreOperatorPath else { return nil }
            return [0] + path
        default:
            return nil
        }
    }
}

/// Serialises nodes as XML into a byte buffer (much cheaper than growing a `String`).
/// Text and attribute values are escaped here and only here, so nothing a formula
/// contains can open an element or an attribute.
struct MathWriter {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ node: MathNode) {
        let name = node.tag.markup
        bytes.append(0x3C) // <
        raw(name)
        for attribute in node.attributes {
            bytes.append(0x20)
            append(attribute.name)
            bytes.append(0x3D) // =
            bytes.append(0x22) // "
            escape(attribute.value)
            bytes.append(0x22)
        }
        if node.tag.isToken {
            bytes.append(0x3E)
            escape(node.text)
        } else if node.children.isEmpty {
            bytes.append(0x2F) // /
            bytes.append(0x3E)
            return
        } else {
            bytes.append(0x3E)
            for child in node.children { write(child) }
        }
        bytes.append(0x3C)
        bytes.append(0x2F)
        raw(name)
        bytes.append(0x3E)
    }

    /// Appends a string's bytes as they are. `withUTF8` also reaches a small string's bytes
    /// at once, where appending its `utf8` view goes byte by byte.
    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Escapes `<`, `>`, `&`, `"` and replaces what XML 1.0 forbids (C0 controls other
    /// than tab, LF and CR; U+FFFE and U+FFFF, encoded EF BF BE/BF) with U+FFFD.
    mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    /// Copies runs of bytes that need no escaping in one append each; a Swift string is
    /// valid UTF-8, so an EF lead byte is always followed by two continuation bytes.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        var runStart = 0, i = 0
        while i < n {
            let byte = utf8[i]
            let plain = byte >= 0x20
                ? byte != 0x3C && byte != 0x3E && byte != 0x26 && byte != 0x22 && byte != 0xEF
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
            if plain {
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            switch byte {
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x26: raw("&amp;")
            case 0x22: raw("&quot;")
            case 0xEF:
                // U+FFFE / U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                if i + 2 < n, utf8[i + 1] == 0xBF, utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF {
                    raw("\u{FFFD}")
                    i += 2
                } else {
                    bytes.append(byte)
                }
            default: raw("\u{FFFD}") // C0 controls other than tab, LF, CR
            }
            i += 1
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
    }

    /// Escapes `text` into a `String` (for tests and callers that need it alone).
    static func escape(_ text: String, into output: inout String) {
        var writer = MathWriter(capacity: text.utf8.count + 16)
        writer.escape(text)
        output += writer.output
    }
}
