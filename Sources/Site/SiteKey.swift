import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Storage

/// A per-user secret that signs the `.qed-site` markers of the folders this user's builds made.
///
/// A marker holds `ContentHasher(secret, output path)`. QED replaces or deletes only a folder
/// whose marker matches for its own path, so a marker copied from elsewhere or placed by hand
/// (in a repository, in a synced folder) cannot make QED empty a folder it did not make.
/// The id depends only on the secret and the path, so rebuilding the same site gives the
/// same bytes (builds stay deterministic), and nothing accumulates per build.
///
/// The hash is not cryptographic (Linux's Foundation ships none): it guards against accidents
/// and hand-placed markers, not against someone who can read this user's secret file.
struct SiteKey: Sendable {
    let secret: String

    /// `$XDG_STATE_HOME/qed/site-key`, else `~/.local/state/qed/site-key`, made on first use.
    static func standard() throws(BuildError) -> SiteKey {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? NSHomeDirectory() + "/.local/state"
        return try load(file: state + "/qed/site-key")
    }

    /// Reads the secret at `file`, creating it (exclusively, so concurrent builds agree) if absent.
    static func load(file: String) throws(BuildError) -> SiteKey {
        if let existing = read(file) { return SiteKey(secret: existing) }
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            let bytes = Array(fresh.utf8)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            if written == bytes.count { return SiteKey(secret: fresh) }
        }
        // Another build created it first (EEXIST), or the write failed: use what is there.
        if let existing = read(file) { return SiteKey(secret: existing) }
        throw .io(path: file, message: "cannot create qed's site key: \(String(cString: strerror(errno)))")
    }

    private static func read(_ file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count >= 32 ? trimmed : nil
    }

    /// The marker id for the site at `output` (an absolute, resolved path).
    func id(for output: String) -> String { ContentHasher.hash(secret, output) }
}
