/// The syntax tree. Every node keeps the span it came from so errors point at the source.
public indirect enum Expr: Sendable {
    case number(Double, halfUnit: Double?, Span)
    case string(String, Span)
    case boolean(Bool, Span)
    case name(Name, Span)
    case vector([Expr], Span)
    case unary(UnaryOp, Expr, Span)
    case binary(BinaryOp, Expr, Expr, Span)
    /// `a < b ≤ c` is one chain: every adjacent pair must hold.
    case compare([CompareOp], [Expr], [Span])
    case logical(LogicalOp, Expr, Expr, Span)
    case not(Expr, Span)
    case call(Expr, [Argument], Span)
    case index(Expr, [Expr], Span)
    case lambda([String], Expr, Span)
    case comprehension(Expr, variable: String, Expr, filter: Expr?, Span)
    case convert(Expr, LogUnit, Span)
    /// `if c then a else b`: only the chosen branch is evaluated.
    case conditional(Expr, Expr, Expr, Span)

    var span: Span {
        switch self {
        case .number(_, _, let s), .string(_, let s), .boolean(_, let s), .name(_, let s), .vector(_, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .logical(_, _, _, let s), .not(_, let s),
             .call(_, _, let s), .index(_, _, let s), .lambda(_, _, let s), .comprehension(_, _, _, _, let s),
             .convert(_, _, let s), .conditional(_, _, _, let s):
            return s
        case .compare(_, let operands, _):
            return operands.first?.span ?? .none
        }
    }
}

public enum UnaryOp: Sendable { case negate, plus }
public enum BinaryOp: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^" }
public enum LogicalOp: String, Sendable { case and, or }

public enum CompareOp: String, Sendable {
    case less = "<", greater = ">", lessEqual = "≤", greaterEqual = "≥", equal = "==", notEqual = "≠", approx = "≈"
}

/// How the argument before it was separated: `KL(P ‖ Q)`, `I(X; Y)`, `H(X | Y)` read like the notes.
public enum Separator: String, Sendable { case comma = ",", semicolon = ";", bar = "|", doubleBar = "‖" }

public struct Argument: Sendable {
    var label: String?
    var value: Expr
    /// The separator written before this argument (`.comma` for the first).
    var separator: Separator
    var span: Span
}

/// A claim's tolerance override: `within 1e-6` (relative), `within ±0.01` or `within abs 0.01`
/// (absolute), `within 1%` (relative, percent).
enum ToleranceSpec: Sendable {
    case relative(Expr)
    case absolute(Expr)
    case percent(Expr)
}

struct ForallBinding: Sendable {
    var names: [String]
    var domain: Expr
    var span: Span
}

enum Statement: Sendable {
    case expression(Expr)
    case assign([String], Expr, Span)
    case define(String, [String], Expr, Span)
    case check(Expr, ToleranceSpec?, Span)
    case forall(cases: Expr?, [ForallBinding], Expr, ToleranceSpec?, Span)
}

/// A parsed statement plus its source text (for claim reports and seeding properties).
struct ParsedStatement: Sendable {
    var statement: Statement
    var text: String
    var span: Span
}

/// A name with its hash computed once, at parse time, so evaluating `x` inside a loop does not
/// rehash the string on every lookup.
public struct Name: Hashable, Sendable {
    let name: String
    private let hash: Int

    public init(_ name: String) {
        self.name = name
        var hasher = Hasher()
        hasher.combine(name)
        hash = hasher.finalize()
    }

    public static func == (a: Name, b: Name) -> Bool { a.hash == b.hash && a.name == b.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
