import Cells
import Foundation

/// Outcomes of formula properties already run in this process. A property's outcome is a
/// function of its claim's text, the definitions in effect, the condition applied and the
/// tolerance (the cases are seeded by the text), and vaults repeat their identities from
/// note to note, so each distinct one runs once per process.
final class OutcomeCache: @unchecked Sendable {
    static let shared = OutcomeCache()
    /// Entries kept before the cache starts over (bounds memory on huge vaults).
    static let capacity = 20_000

    private let lock = NSLock()
    private var outcomes: [String: PropertyCheck.Outcome] = [:]

    func outcome(_ key: String, compute: () -> PropertyCheck.Outcome) -> PropertyCheck.Outcome {
        lock.lock()
        if let known = outcomes[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        // Computed outside the lock: two threads may both compute a new key, with equal results.
        let outcome = compute()
        lock.lock()
        if outcomes.count >= OutcomeCache.capacity { outcomes.removeAll(keepingCapacity: true) }
        outcomes[key] = outcome
        lock.unlock()
        return outcome
    }
}

/// Formulas already read in this process: reading is a function of the TeX alone, and vaults
/// repeat their formulas from note to note.
final class StatementCache: @unchecked Sendable {
    static let shared = StatementCache()

    private let lock = NSLock()
    private var statements: [String: Result<Statement, Unsupported>] = [:]

    func statement(_ tex: String, display: Bool, read: () -> Result<Statement, Unsupported>) -> Result<Statement, Unsupported> {
        let key = (display ? "D" : "I") + tex
        lock.lock()
        if let known = statements[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let result = read()
        lock.lock()
        if statements.count >= OutcomeCache.capacity { statements.removeAll(keepingCapacity: true) }
        statements[key] = result
        lock.unlock()
        return result
    }
}
