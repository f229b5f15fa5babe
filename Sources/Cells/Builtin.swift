/// The evaluated arguments of one call.
struct Call {
    var name: String
    var span: Span
    var values: [Value] = []
    /// Where and how each positional argument was written (one array, so a call allocates little).
    var info: [ArgumentInfo] = []
    var named: [(String, Value, Span)] = []

    /// The call's arguments as written (one shared array), for argument names in messages.
    var written: [Argument] = []

    struct ArgumentInfo {
        var span: Span
        /// The separator before it (`.comma` for the first).
        var separator: Separator
    }

    init(name: String, span: Span) {
        self.name = name
        self.span = span
    }

    var count: Int { values.count }

    func span(_ i: Int) -> Span { i < info.count ? info[i].span : span }

    func separator(_ i: Int) -> Separator { i < info.count ? info[i].separator : .comma }

    /// The name to use for argument `i` in the math library's messages.
    func argumentName(_ i: Int, _ fallback: String) -> String {
        var positional = -1
        for argument in written where argument.label == nil {
            positional += 1
            if positional == i {
                if case .name(let name, _) = argument.value { return name.name }
                return fallback
            }
        }
        return fallback
    }

    func number(_ i: Int) throws(EvalError) -> Double {
        guard case .number(let x, _) = values[i] else {
            throw EvalError(.type, "\(name): argument \(i + 1) must be a number, got \(values[i].typeName)", at: span(i))
        }
        return x
    }

    func integer(_ i: Int, minimum: Int = Int.min) throws(EvalError) -> Int {
        let x = try number(i)
        return try Call.integer(x, name: name, what: "argument \(i + 1)", minimum: minimum, span: span(i))
    }

    static func integer(_ x: Double, name: String, what: String, minimum: Int, span: Span) throws(EvalError) -> Int {
        guard x.isFinite, x == x.rounded(), abs(x) < 9e15 else {
            throw EvalError(.type, "\(name): \(what) must be a whole number, got \(NumberFormat.format(x))", at: span)
        }
        let n = Int(x)
        guard n >= minimum else {
            throw EvalError(.domain, "\(name): \(what) must be at least \(minimum), got \(n)", at: span)
        }
        return n
    }

    func vector(_ i: Int) throws(EvalError) -> [Double] {
        switch values[i] {
        case .vector(let v, _): return v
        case .number(let x, _): return [x]
        default:
            throw EvalError(.type, "\(name): argument \(i + 1) must be a vector, got \(values[i].typeName)", at: span(i))
        }
    }

    /// A probability vector; a joint table counts too, flattened row by row, so `KL(J ‖ K)`
    /// compares two tables of the same shape.
    func distribution(_ i: Int) throws(EvalError) -> [Double] {
        if case .matrix(let m) = values[i] {
            for (j, value) in values.enumerated() where j != i {
                if case .matrix(let other) = value, other.map(\.count) != m.map(\.count) {
                    throw EvalError(.shape, "\(name): the tables have different shapes", at: span(j))
                }
            }
            return m.flatMap { $0 }
        }
        return try vector(i)
    }

    func matrix(_ i: Int) throws(EvalError) -> [[Double]] {
        switch values[i] {
        case .matrix(let m): return m
        case .vector(let v, _) where v.isEmpty: return []
        default:
            throw EvalError(.type, "\(name): argument \(i + 1) must be a matrix (a joint table), got \(values[i].typeName)", at: span(i),
                            hint: "write a matrix as rows: [[0.25, 0.25], [0.25, 0.25]]")
        }
    }

    func string(_ i: Int) throws(EvalError) -> String {
        guard case .string(let s) = values[i] else {
            throw EvalError(.type, "\(name): argument \(i + 1) must be a string, got \(values[i].typeName)", at: span(i))
        }
        return s
    }

    func option(_ label: String) -> (Value, Span)? {
        named.first { $0.0 == label }.map { ($0.1, $0.2) }
    }

    func numberOption(_ label: String) throws(EvalError) -> Double? {
        guard let (value, span) = option(label) else { return nil }
        guard case .number(let x, _) = value else {
            throw EvalError(.type, "\(name): '\(label)' must be a number, got \(value.typeName)", at: span)
        }
        return x
    }

    func stringOption(_ label: String) throws(EvalError) -> String? {
        guard let (value, span) = option(label) else { return nil }
        guard case .string(let s) = value else {
            throw EvalError(.type, "\(name): '\(label)' must be a string, got \(value.typeName)", at: span)
        }
        return s
    }

    /// The unit asked for with `base:` (2, 10, e, or "bits"/"nats"/"bans"); nats by default.
    func unit() throws(EvalError) -> LogUnit {
        guard let (value, span) = option("base") else { return .nats }
        switch value {
        case .number(let b, _):
            if b == 2 { return .bits }
            if b == 10 { return .bans }
            if abs(b - 2.718281828459045) < 1e-12 { return .nats }
        case .string(let s):
            if let unit = LogUnit(name: s) { return unit }
        default: break
        }
        throw EvalError(.argument, "\(name): base must be 2 (bits), e (nats) or 10 (bans)", at: span,
                        hint: "or convert afterwards: '\(name)(…) in bits'")
    }
}

typealias BuiltinBody = @Sendable (inout Interpreter, inout Call) throws(EvalError) -> Value

/// A function of the language: its accepted arities, named options and separators, a one-line
/// description for the language reference, and its body.
struct Builtin: Sendable {
    var name: String
    var arity: ClosedRange<Int>
    var labels: Set<String>
    /// Separators allowed between positional arguments besides ','.
    var separators: Set<Separator>
    var summary: String
    var body: BuiltinBody

    init(_ name: String, _ arity: ClosedRange<Int>, labels: Set<String> = [], separators: Set<Separator> = [],
         _ summary: String, _ body: @escaping BuiltinBody) {
        self.name = name
        self.arity = arity
        self.labels = labels
        self.separators = separators
        self.summary = summary
        self.body = body
    }

    func validate(_ call: Call) throws(EvalError) {
        guard arity.contains(call.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw EvalError(.argument, "\(call.name) takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), got \(call.count)", at: call.span)
        }
        for (label, _, span) in call.named where !labels.contains(label) {  // usually empty
            let hint = closestName(to: label, in: labels).map { "did you mean '\($0):'?" }
                ?? (labels.isEmpty ? nil : "options: " + labels.sorted().map { "\($0):" }.joined(separator: ", "))
            throw EvalError(.argument, "\(call.name) has no option '\(label)'", at: span, hint: hint)
        }
        var i = 1
        while i < call.info.count {
            let separator = call.info[i].separator
            i += 1
            if separator == .comma || separators.contains(separator) { continue }
            throw EvalError(.argument, "'\(separator.rawValue)' cannot separate the arguments of \(call.name)", at: call.span(i - 1),
                            hint: "use ','")
        }
    }
}

enum Builtins {
    /// Every function of the language (aliases included), each name once.
    static let all: [Builtin] = {
        var seen = Set<String>()
        return (core + information + domainBuiltins).filter { seen.insert($0.name).inserted }
    }()

    /// Index into `all` by name.
    static let table: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })

    /// Registers `builtin` again under other names (`kl` for `KL`, …).
    static func aliases(_ builtin: Builtin, _ names: String...) -> [Builtin] {
        [builtin] + names.map { name in
            var copy = builtin
            copy.name = name
            return copy
        }
    }

    /// The language reference: one line per name, sorted.
    static var reference: [(name: String, summary: String)] {
        all.map { ($0.name, $0.summary) }.sorted { $0.name < $1.name }
    }
}
