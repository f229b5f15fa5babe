/// A read-only view of the tree TeXMath builds for a formula: MathML Core elements plus the
/// TeX atom class of each, for tools that read a formula's structure instead of rendering it
/// (QED's formula claims). Built from the same parser as `convert`, so both always agree.
public struct TeXTree: Sendable {
    /// The MathML element name: `mi`, `mn`, `mo`, `mtext`, `mrow`, `msub`, `mfrac`, …
    public let element: String
    /// The text of a token element (`mi`, `mn`, `mo`, `mtext`); empty otherwise.
    public let text: String
    /// The element's attributes in the order MathML output writes them.
    public let attributes: [(name: String, value: String)]
    /// Child elements (for `msub`: base then script; for `mfrac`: numerator then denominator).
    public let children: [TeXTree]
    /// TeX's atom class: `ord`, `op`, `bin`, `rel`, `open`, `close`, `punct`, `inner`, `function`, `space`.
    public let atomClass: String

    init(_ node: MathNode) {
        element = node.tag.name
        text = node.text
        attributes = node.attributes
        children = node.children.map(TeXTree.init)
        atomClass = TeXTree.name(node.atom)
    }

    /// Static names: interpolating the enum would go through reflection on every node.
    private static func name(_ atom: AtomClass) -> String {
        switch atom {
        case .ord: "ord"
        case .op: "op"
        case .bin: "bin"
        case .rel: "rel"
        case .open: "open"
        case .close: "close"
        case .punct: "punct"
        case .inner: "inner"
        case .function: "function"
        case .space: "space"
        }
    }

    /// The value of an attribute, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

extension TeXMathConverter {
    /// Parses one formula into its tree, with the problems found on the way (unknown
    /// commands, unbalanced groups). The tree of a formula with problems contains `merror`
    /// elements where the parser gave up.
    public func parseTree(_ tex: String, display: Bool) -> (tree: TeXTree, diagnostics: [MathDiagnostic]) {
        let bytes = Array(tex.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        var parser = Parser(bytes: bytes, tokens: tokens, displayStyle: display)
        let content = parser.parseTopLevel(display: display)
        return (TeXTree(content), parser.diagnostics)
    }
}
