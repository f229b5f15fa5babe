import InfoTheory

/// The unit an information quantity is measured in. Results of the math carry one so that
/// nats are never silently compared with bits.
public enum LogUnit: String, Sendable, Hashable, CaseIterable {
    case nats, bits, bans

    init?(name: String) {
        switch name {
        case "nats", "nat": self = .nats
        case "bits", "bit", "shannons": self = .bits
        case "bans", "ban", "hartleys", "dits": self = .bans
        default: return nil
        }
    }

    /// The math library's name for this unit.
    var base: LogBase {
        switch self {
        case .nats: return .nats
        case .bits: return .bits
        case .bans: return .bans
        }
    }

    func convert(_ value: Double, from unit: LogUnit) -> Double {
        unit == self ? value : base.fromNats(unit.base.toNats(value))
    }
}

/// A user-defined function: `f(x) = …` or a lambda. Captures the locals in scope when made.
struct FunctionValue: Sendable {
    var name: String
    var parameters: [String]
    var body: Expr
    var captured: Frame
}

/// Local bindings of one call or comprehension. Frames hold a handful of names, so a linear
/// scan beats hashing (and needs one allocation per array, not a hash table).
struct Frame: Sendable {
    var names: [String] = []
    var values: [Value] = []

    subscript(name: String) -> Value? {
        get {
            var i = names.count - 1
            while i >= 0 {
                if names[i] == name { return values[i] }
                i -= 1
            }
            return nil
        }
        set {
            guard let newValue else { return }
            if let i = names.lastIndex(of: name) {
                values[i] = newValue
            } else {
                names.append(name)
                values.append(newValue)
            }
        }
    }
}

/// Where `forall` draws its cases from.
enum Domain: Sendable {
    /// Probability vectors of length n, uniform on the simplex (Dirichlet(1, …, 1)).
    case simplex(Int)
    /// Reals uniform in [a, b].
    case interval(Double, Double)
    /// One of the listed values (integers from `range`, or a vector's entries).
    case choice([Double])
    /// Logit vectors of length n with entries uniform in [-scale, scale].
    case logits(Int, Double)
    /// Joint probability tables of m rows and n columns.
    case joint(Int, Int)

    var description: String {
        switch self {
        case .simplex(let n): return "simplex(\(n))"
        case .interval(let a, let b): return "interval(\(NumberFormat.format(a)), \(NumberFormat.format(b)))"
        case .choice(let values): return "one of \(values.count) values"
        case .logits(let n, let s): return "logits(\(n), \(NumberFormat.format(s)))"
        case .joint(let m, let n): return "joint(\(m), \(n))"
        }
    }
}

/// One side of a joint table, so `I(X; Y)`, `H(X | Y)` and `H(X, Y)` read like the notes.
struct RandomVariable: Sendable {
    var table: [[Double]]
    /// 0 for rows (X), 1 for columns (Y).
    var axis: Int
    var name: String
}

/// A runtime value.
enum Value: Sendable {
    case number(Double, LogUnit?)
    case vector([Double], LogUnit?)
    case matrix([[Double]])
    case boolean(Bool)
    case string(String)
    // Rare, large payloads are boxed so a Value stays small and cheap to copy.
    indirect case function(FunctionValue)
    /// An index into `Builtins.all`.
    case builtin(Int)
    indirect case plot(Plot)
    case tuple([Value])
    indirect case domain(Domain)
    indirect case variable(RandomVariable)
    indirect case distribution(DistributionValue)

    var typeName: String {
        switch self {
        case .number: return "a number"
        case .vector: return "a vector"
        case .matrix: return "a matrix"
        case .boolean: return "a boolean"
        case .string: return "a string"
        case .function, .builtin: return "a function"
        case .plot: return "a plot"
        case .tuple: return "a tuple"
        case .domain: return "a domain"
        case .variable: return "a random variable"
        case .distribution: return "a distribution"
        }
    }

    var display: DisplayValue {
        switch self {
        case .number(let x, let unit): return .number(x, unit: unit?.rawValue)
        case .vector(let v, let unit): return .vector(v, unit: unit?.rawValue)
        case .matrix(let m): return .matrix(m)
        case .boolean(let b): return .boolean(b)
        case .string(let s): return .string(s)
        case .function(let f): return .function("\(f.name)(\(f.parameters.joined(separator: ", ")))")
        case .builtin(let index): return .function("\(Builtins.all[index].name)(…)")
        case .plot(let p): return .plot(p)
        case .tuple(let values): return .tuple(values.map(\.display))
        case .domain(let d): return .description(d.description)
        case .distribution(let d): return .description(d.description)
        case .variable(let v): return .description("random variable \(v.name) of a \(v.table.count)×\(v.table.first?.count ?? 0) joint table")
        }
    }
}
