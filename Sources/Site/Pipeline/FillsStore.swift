import Foundation
import Storage
import Synchronization

/// What verification put into a note's page (`NoteFills`), by verification key, kept from one
/// build to the next: a page whose neighbours changed is rendered again from them without
/// running the note's cells again.
protocol FillsStore: Sendable {
    /// The fills the previous build kept for `key`.
    func previous(_ key: String) -> NoteFills?
    /// Keeps the previous build's fills for `key` for the next build.
    func keepPrevious(_ key: String)
    /// Keeps fresh fills for the next build.
    func keep(_ key: String, _ fills: NoteFills)
}

/// Fills on disk: the previous site's pack, fresh ones spooled to a scratch file while the
/// build runs and packed in key order at the end (`FillsPack`, `RecordSpool`).
final class PackedFills: FillsStore {
    private let pack: FillsPack
    private let spool: RecordSpool?
    private let kept = Mutex<[(key: String, source: FillsPack.Source)]>([])

    /// - Parameters:
    ///   - previousSite: The previous site's folder, or nil for a build without one.
    ///   - staging: The new site's folder; the spool lives in its cache folder.
    init(previousSite: String?, staging: String) {
        pack = previousSite.map { FillsPack(loadingFrom: $0) } ?? FillsPack()
        try? FileManager.default.createDirectory(atPath: staging + "/.qed-cache", withIntermediateDirectories: true)
        spool = RecordSpool(path: staging + "/.qed-cache/fills.spool")
    }

    func previous(_ key: String) -> NoteFills? { pack.fills(for: key) }

    func keepPrevious(_ key: String) {
        guard let source = pack.record(for: key) else { return }
        kept.withLock { $0.append((key, source)) }
    }

    func keep(_ key: String, _ fills: NoteFills) {
        guard let range = spool?.append(fills.record) else { return }
        kept.withLock { $0.append((key, .spooled(range))) }
    }

    /// Writes the pack for the next build; without it the next build verifies more notes
    /// again, and nothing is lost.
    func write(to file: String) {
        FillsPack.write(kept.withLock { $0 }, previous: pack, spool: spool, to: file)
    }
}

/// Fills in memory, for the preview server: one generation's, handed to the next.
final class MemoryFills: FillsStore {
    private let before: [String: NoteFills]
    private let kept = Mutex<[String: NoteFills]>([:])

    init(previous: [String: NoteFills]) {
        before = previous
    }

    func previous(_ key: String) -> NoteFills? { before[key] }

    func keepPrevious(_ key: String) {
        guard let fills = before[key] else { return }
        kept.withLock { $0[key] = fills }
    }

    func keep(_ key: String, _ fills: NoteFills) {
        kept.withLock { $0[key] = fills }
    }

    /// What this generation kept: the next one's `previous`.
    var generation: [String: NoteFills] { kept.withLock { $0 } }
}
