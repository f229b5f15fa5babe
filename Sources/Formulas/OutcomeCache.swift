import Cells
import Foundation

/// Results already computed in this process, by key, bounded in size. Formula work is a
/// function of its inputs, and vaults repeat their formulas and identities from note to note,
/// so each distinct one is done once per process.
final class ProcessMemo<Value: Sendable>: @unchecked Sendable {
    /// Entries kept before the memo starts over (bounds memory on huge vaults).
    static var capacity: Int { 20_000 }

    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ key: String, compute: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        // Computed outside the lock: two threads may both compute a new key, with equal results.
        let value = compute()
        lock.lock()
        if values.count >= Self.capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
        lock.unlock()
        return value
    }
}

/// Outcomes of formula properties: a function of the claim's text, the definitions in effect,
/// the condition applied and the tolerance (the cases are seeded by the text).
final class OutcomeCache: Sendable {
    static let shared = OutcomeCache()
    private let memo = ProcessMemo<PropertyCheck.Outcome>()

    func outcome(_ key: String, compute: () -> PropertyCheck.Outcome) -> PropertyCheck.Outcome {
        memo.value(key, compute: compute)
    }
}

/// Formulas already read: reading is a function of the TeX and whether it is display math.
final class StatementCache: Sendable {
    static let shared = StatementCache()
    private let memo = ProcessMemo<Result<Statement, Unsupported>>()

    func statement(_ tex: String, display: Bool, read: () -> Result<Statement, Unsupported>) -> Result<Statement, Unsupported> {
        memo.value((display ? "D" : "I") + tex, compute: read)
    }
}
