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

    var name: String {
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

/// Serialises nodes as XML. Text and attribute values are escaped here and only here,
/// so nothing a formula contains can open an element or an attribute.
struct MathWriter {
    var output: String

    init(capacity: Int) {
        output = ""
        output.reserveCapacity(capacity)
    }

    mutating func write(_ node: MathNode) {
        output += "<"
        output += node.tag.name
        for attribute in node.attributes {
            output += " "
            output += attribute.name
            output += "=\""
            Self.escape(attribute.value, into: &output)
            output += "\""
        }
        if node.tag.isToken {
            output += ">"
            Self.escape(node.text, into: &output)
        } else if node.children.isEmpty {
            output += "/>"
            return
        } else {
            output += ">"
            for child in node.children { write(child) }
        }
        output += "</"
        output += node.tag.name
        output += ">"
    }

    /// Escapes `<`, `>`, `&`, `"` and replaces characters XML 1.0 forbids
    /// (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) with U+FFFD.
    static func escape(_ text: String, into output: inout String) {
        var clean = true
        for byte in text.utf8 {
            switch byte {
            case 0x3C, 0x3E, 0x26, 0x22, 0xEF: clean = false
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: clean = false
            default: continue
            }
            if !clean { break }
        }
        if clean {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3C: output += "&lt;"
            case 0x3E: output += "&gt;"
            case 0x26: output += "&amp;"
            case 0x22: output += "&quot;"
            case 0x09, 0x0A, 0x0D: output.unicodeScalars.append(scalar)
            case 0..<0x20, 0xFFFE, 0xFFFF: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
