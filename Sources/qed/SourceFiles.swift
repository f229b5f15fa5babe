import Diagnostics
import Foundation

/// Note sources for the lines printed under diagnostics, each file read at most once per
/// command: a note with 200 diagnostics is not opened 200 times.
final class SourceFiles: @unchecked Sendable {
    private let root: String
    private let displayPrefix: String
    private var cache: [String: SourceText?] = [:]
    private let lock = NSLock()

    /// - Parameters:
    ///   - root: The vault folder the diagnostics' paths are relative to.
    ///   - displayPrefix: Prepended to paths in what is printed.
    init(root: String, displayPrefix: String = "") {
        self.root = root
        self.displayPrefix = displayPrefix
    }

    /// The text of the vault-relative `file`, or nil when it cannot be read as UTF-8.
    func text(_ file: String) -> SourceText? {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[file] { return known }
        let loaded = (try? String(contentsOfFile: root + "/" + file, encoding: .utf8))
            .map { SourceText(file: displayPrefix + file, text: $0) }
        cache[file] = loaded
        return loaded
    }
}
