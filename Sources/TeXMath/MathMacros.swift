/// User macros, as MathJax keeps them for a page and KaTeX takes them in `macros`.
///
/// A table is a value: pass the same variable `inout` to
/// `TeXMathConverter.convert(_:display:macros:)` for each formula of a note in
/// document order, and a `\newcommand`, `\renewcommand` or `\def` in one formula is
/// known in the formulas after it (MathJax's scope: the page). Start it from the
/// vault's preset (`qed.yml` `macros:`) with `init(katex:)`.
public struct MathMacros: Sendable, Hashable {
    /// One macro: its body (TeX, with `#1`…`#9` for arguments) and how many arguments it takes.
    public struct Definition: Sendable, Hashable {
        /// Arguments the macro reads (0…9).
        public var parameters: Int
        /// The value of `#1` when the first argument is optional and absent
        /// (`\newcommand{\x}[2][0]{…}`); nil when every argument is required.
        public var optionalDefault: String?
        public var body: String

        public init(parameters: Int = 0, optionalDefault: String? = nil, body: String) {
            self.parameters = min(max(parameters, 0), 9)
            self.optionalDefault = optionalDefault
            self.body = body
        }
    }

    /// Definitions by command name without the backslash (`RR`).
    public private(set) var definitions: [String: Definition] = [:]

    /// Total body bytes a table may hold: a note that defines macros in a loop cannot
    /// grow it without bound.
    public static let maxTotalBodyBytes = 1 << 20

    public init() {}

    /// A preset in KaTeX's format: `["\\RR": "\\mathbb{R}", "\\norm": "\\left\\|#1\\right\\|"]`.
    /// The number of arguments is the highest `#n` in the body. Keys without a
    /// backslash are taken as command names too. Returns the names it refused
    /// (not a valid command name, or over the size limit) in `rejected`.
    public init(katex: [String: String]) {
        for (key, body) in katex.sorted(by: { $0.key < $1.key }) {
            let name = key.hasPrefix("\\") ? String(key.dropFirst()) : key
            guard Self.isValidName(name) else {
                rejected.append(key)
                continue
            }
            if !define(name, Definition(parameters: Self.highestParameter(in: body), body: body)) {
                rejected.append(key)
            }
        }
    }

    /// Keys of the `init(katex:)` preset that were not accepted, for the caller to report.
    public private(set) var rejected: [String] = []

    public var isEmpty: Bool { definitions.isEmpty }

    public subscript(name: String) -> Definition? { definitions[name] }

    /// Defines or replaces `name` (without its backslash). False, leaving the table
    /// unchanged, when the name is not a command name or the table would grow too large.
    @discardableResult
    public mutating func define(_ name: String, _ definition: Definition) -> Bool {
        guard Self.isValidName(name) else { return false }
        let old = definitions[name].map { $0.body.utf8.count + ($0.optionalDefault?.utf8.count ?? 0) } ?? 0
        let new = definition.body.utf8.count + (definition.optionalDefault?.utf8.count ?? 0)
        guard totalBytes - old + new <= Self.maxTotalBodyBytes else { return false }
        totalBytes += new - old
        definitions[name] = definition
        return true
    }

    private var totalBytes = 0

    /// A letter name (`RR`) or a single non-letter character (`!`), as TeX command names are.
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty else { return false }
        if bytes.allSatisfy(Tokenizer.isLetter) { return true }
        return name.unicodeScalars.count == 1 && !Tokenizer.isLetter(bytes[0])
    }

    /// The highest `#n` in a body (KaTeX infers the argument count the same way).
    static func highestParameter(in body: String) -> Int {
        var highest = 0
        var previous: UInt8 = 0
        for byte in body.utf8 {
            if previous == 0x23, byte >= 0x31, byte <= 0x39 { highest = max(highest, Int(byte - 0x30)) }
            previous = previous == 0x23 && byte == 0x23 ? 0 : byte
        }
        return highest
    }
}
