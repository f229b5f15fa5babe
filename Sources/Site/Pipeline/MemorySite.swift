import Foundation
import Synchronization

/// A site held in memory, one generation per build, for the preview server: nothing is
/// written to disk, and a file that did not change is the previous generation's, shared.
public struct MemorySite: Sendable {
    /// One file of the site.
    enum Content: Sendable {
        case bytes(Data)
        /// A file of the vault (an image), read when it is asked for.
        case vaultFile(String)
        /// Made on first request (the search index), then kept.
        case deferred(DeferredData)
    }

    private(set) var files: [String: Content] = [:]
    /// Each file's key, as in `BuildManifest.pages`.
    private(set) var keys: [String: String] = [:]

    public init() {}

    init(files: [String: Content], keys: [String: String]) {
        self.files = files
        self.keys = keys
    }

    /// The file at a site-relative path (`a/b.html`), or nil when the site has none.
    public func file(_ path: String) -> Data? {
        switch files[path] {
        case .bytes(let data): return data
        case .vaultFile(let source): return FileManager.default.contents(atPath: source)
        case .deferred(let made): return made.data
        case nil: return nil
        }
    }

    /// Every path of the site, sorted.
    public var paths: [String] { files.keys.sorted() }
}

/// Bytes made once, on first use.
final class DeferredData: Sendable {
    private let make: @Sendable () -> Data
    private let made = Mutex<Data?>(nil)

    init(_ make: @escaping @Sendable () -> Data) {
        self.make = make
    }

    var data: Data {
        made.withLock { made in
            if let made { return made }
            let data = make()
            made = data
            return data
        }
    }
}

/// The sink a preview build writes into: the next generation of a `MemorySite`.
final class MemorySink: SiteSink {
    private let previous: MemorySite
    private let next = Mutex<[String: MemorySite.Content]>([:])

    init(previous: MemorySite) {
        self.previous = previous
    }

    func reuse(_ path: String, key: String) -> Bool {
        guard previous.keys[path] == key else { return false }
        return carryOver(path)
    }

    func carryOver(_ path: String) -> Bool {
        guard let content = previous.files[path] else { return false }
        next.withLock { $0[path] = content }
        return true
    }

    func write(_ path: String, _ data: Data) throws(BuildError) {
        next.withLock { $0[path] = .bytes(data) }
    }

    func copy(_ source: String, to path: String) throws(BuildError) {
        next.withLock { $0[path] = .vaultFile(source) }
    }

    func write(_ path: String, deferred make: @escaping @Sendable () -> Data) throws(BuildError) {
        next.withLock { $0[path] = .deferred(DeferredData(make)) }
    }

    /// The generation made, with its files' keys.
    func site(keys: [String: String]) -> MemorySite {
        MemorySite(files: next.withLock { $0 }, keys: keys)
    }
}
