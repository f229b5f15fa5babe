/// What a whole note may use, across all its cells: the per-cell `Limits` stop one runaway
/// cell, this stops 200 well-behaved cells from adding up to gigabytes.
struct NoteBudget: Sendable {
    /// Numbers held by the note's bindings, by name (a rebinding replaces its old size).
    private var bound: [Name: Int] = [:]
    private var boundTotal = 0
    /// Numbers held by outputs already produced (they live until the note's page is made).
    private var shown = 0
    /// Evaluation steps of the cells run so far.
    private(set) var steps = 0

    var numbersAlive: Int { boundTotal + shown }

    /// Records `name = value`, or throws (recording nothing) when the note's values would
    /// pass the limit: the binding is then not made, so the memory is never held.
    mutating func bind(_ name: Name, _ value: Value, _ limits: Limits, at span: Span) throws(EvalError) {
        let size = value.storedNumbers
        let previous = bound[name] ?? 0
        try checkNumbers(boundTotal - previous + size + shown, limits, at: span)
        bound[name] = size
        boundTotal += size - previous
    }

    /// Records an output, or throws when keeping it would pass the limit.
    mutating func show(_ value: Value, _ limits: Limits, at span: Span) throws(EvalError) {
        let size = value.storedNumbers
        try checkNumbers(numbersAlive + size, limits, at: span)
        shown += size
    }

    mutating func spend(steps cellSteps: Int) { steps += cellSteps }

    private func checkNumbers(_ total: Int, _ limits: Limits, at span: Span) throws(EvalError) {
        if total > limits.noteNumbers {
            throw EvalError(.memoryLimit, "this note's values would hold \(total) numbers, over the limit of \(limits.noteNumbers) for one note",
                            at: span, hint: "reuse names for large vectors, show fewer of them, or raise limits: note_numbers in qed.yml")
        }
    }

    /// Throws when the cells run so far took more steps than the note may.
    func checkSteps(_ limits: Limits, at span: Span) throws(EvalError) {
        if steps > limits.noteSteps {
            throw EvalError(.stepLimit, "this note's cells took more than \(limits.noteSteps) evaluation steps in all",
                            at: span, hint: "make the work smaller, or raise limits: note_steps in qed.yml")
        }
    }
}

extension Value {
    /// The numbers this value holds, nested ones included: what a note's memory limit counts.
    var storedNumbers: Int {
        switch self {
        case .number, .boolean, .builtin, .domain: return 1
        case .string(let s): return s.utf8.count / 8 + 1
        case .vector(let v, _): return v.count
        case .matrix(let m): return m.reduce(0) { $0 + $1.count }
        case .tuple(let items): return items.reduce(0) { $0 + $1.storedNumbers }
        case .function(let f): return f.captured.values.reduce(1) { $0 + $1.storedNumbers }
        case .plot(let p): return p.series.reduce(0) { $0 + $1.xs.count + $1.ys.count }
        case .variable(let v): return v.table.reduce(0) { $0 + $1.count }
        case .distribution: return 1
        }
    }
}
