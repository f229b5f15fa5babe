import Markup

/// A value as shown to a reader: in the terminal (`text(precision:)`), as JSON (`json(precision:)`)
/// or, for plots, as SVG by the site.
public indirect enum DisplayValue: Sendable {
    case number(Double, unit: String?)
    case vector([Double], unit: String?)
    case matrix([[Double]])
    case boolean(Bool)
    case string(String)
    case plot(Plot)
    case function(String)
    case tuple([DisplayValue])
    /// Values with no numeric form (domains such as `simplex(3)`, random variables).
    case description(String)

    /// The terminal form: `1.03972 nats`, `[0.5, 0.25, 0.25]`, a plot's summary. Long vectors
    /// show their first and last entries and their length.
    public func text(precision: Int = 6) -> String {
        func f(_ x: Double) -> String { NumberFormat.format(x, precision: precision) }
        func list(_ v: [Double]) -> String {
            if v.count <= 12 { return "[" + v.map(f).joined(separator: ", ") + "]" }
            let head = v.prefix(4).map(f).joined(separator: ", ")
            let tail = v.suffix(3).map(f).joined(separator: ", ")
            return "[\(head), …, \(tail)] (\(v.count) entries)"
        }
        switch self {
        case .number(let x, let unit): return f(x) + (unit.map { " " + DisplayValue.unit($0, for: x) } ?? "")
        case .vector(let v, let unit): return list(v) + (unit.map { " " + $0 } ?? "")
        case .matrix(let m):
            if m.count <= 12 { return "[" + m.map(list).joined(separator: ", ") + "]" }
            return "[" + m.prefix(3).map(list).joined(separator: ", ") + ", …] (\(m.count) rows)"
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .plot(let p): return p.summary
        case .function(let signature): return "function \(signature)"
        case .tuple(let values): return "(" + values.map { $0.text(precision: precision) }.joined(separator: ", ") + ")"
        case .description(let text): return text
        }
    }

    /// "1 bit", "2 bits": units are singular for exactly one of them.
    static func unit(_ unit: String, for value: Double) -> String {
        abs(value) == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit
    }

    /// The stable JSON form used by `qed eval --format json`: `{"type": "number", "value": 1.0397…,
    /// "unit": "nats"}`. Numbers use `precision` significant digits (17 round-trips); NaN and
    /// infinities are the strings "NaN", "Infinity", "-Infinity".
    public func json(precision: Int = 17) -> String {
        func n(_ x: Double) -> String { NumberFormat.json(x, precision: precision) }
        func unitField(_ unit: String?) -> String { unit.map(JSONText.quoted) ?? "null" }
        switch self {
        case .number(let x, let unit):
            return "{\"type\": \"number\", \"value\": \(n(x)), \"unit\": \(unitField(unit))}"
        case .vector(let v, let unit):
            return "{\"type\": \"vector\", \"value\": [\(v.map(n).joined(separator: ", "))], \"unit\": \(unitField(unit))}"
        case .matrix(let m):
            let rows = m.map { "[" + $0.map(n).joined(separator: ", ") + "]" }.joined(separator: ", ")
            return "{\"type\": \"matrix\", \"value\": [\(rows)], \"unit\": null}"
        case .boolean(let b):
            return "{\"type\": \"boolean\", \"value\": \(b), \"unit\": null}"
        case .string(let s):
            return "{\"type\": \"string\", \"value\": \(JSONText.quoted(s)), \"unit\": null}"
        case .plot(let p):
            let series = p.series.map { s in
                "{\"name\": \(JSONText.quoted(s.name)), \"x\": [\(s.xs.map(n).joined(separator: ", "))], \"y\": [\(s.ys.map(n).joined(separator: ", "))]}"
            }.joined(separator: ", ")
            return "{\"type\": \"plot\", \"value\": {\"title\": \(JSONText.quoted(p.title)), \"x\": \(JSONText.quoted(p.xLabel)), \"y\": \(JSONText.quoted(p.yLabel)), \"series\": [\(series)]}, \"unit\": null}"
        case .function(let signature):
            return "{\"type\": \"function\", \"value\": \(JSONText.quoted(signature)), \"unit\": null}"
        case .tuple(let values):
            return "{\"type\": \"tuple\", \"value\": [\(values.map { $0.json(precision: precision) }.joined(separator: ", "))], \"unit\": null}"
        case .description(let text):
            return "{\"type\": \"description\", \"value\": \(JSONText.quoted(text)), \"unit\": null}"
        }
    }
}
