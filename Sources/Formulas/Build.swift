import Cells

/// Small constructors for the Cells syntax tree a formula is translated into.
enum Build {
    static let span = Span.generated

    static func number(_ x: Double) -> Expr { .number(x, halfUnit: nil, span) }
    static func name(_ n: String) -> Expr { .name(Name(n), span) }

    static func call(_ function: String, _ args: [Expr], separator: Separator = .comma, base: Double? = nil) -> Expr {
        var arguments: [Argument] = []
        for (i, arg) in args.enumerated() {
            arguments.append(.positional(arg, separator: i == 0 ? .comma : separator))
        }
        if let base { arguments.append(.option("base", number(base))) }
        return .call(name(function), arguments, span)
    }

    static func binary(_ op: BinaryOp, _ a: Expr, _ b: Expr) -> Expr { .binary(op, a, b, span) }
    static func negate(_ a: Expr) -> Expr { .unary(.negate, a, span) }
    static func index(_ base: Expr, _ i: Expr) -> Expr { .index(base, [i], span) }
    static func compare(_ op: CompareOp, _ a: Expr, _ b: Expr) -> Expr { .compare([op], [a, b], [span]) }
    static func and(_ a: Expr, _ b: Expr) -> Expr { .logical(.and, a, b, span) }
    static func or(_ a: Expr, _ b: Expr) -> Expr { .logical(.or, a, b, span) }

    /// `sum([body for variable in range(count)])`
    static func sum(over variable: String, count: Int, _ body: Expr) -> Expr {
        call("sum", [.comprehension(body, variable: variable, call("range", [number(Double(count))]), filter: nil, span)])
    }

    /// A constant matrix literal.
    static func matrix(_ rows: [[Double]]) -> Expr {
        .vector(rows.map { row in .vector(row.map(number), span) }, span)
    }
}
