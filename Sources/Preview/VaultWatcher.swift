#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Site

/// Notices when anything in the vault changes, by polling a fingerprint of every visible
/// file's size and modification time.
///
/// Polling rather than inotify: it sees saves by rename (most editors), folders created
/// later and network file systems alike, and on a 2,000-note vault one poll is 2,000 `lstat`s,
/// a few milliseconds. A change is reported once the fingerprint has stopped moving for one
/// interval, so an editor's temp-file dance or 1,000 files written by `git checkout` make one
/// rebuild, not a thousand.
struct VaultWatcher: Sendable {
    let root: String
    /// Folders never looked into (the preview's own site).
    let excluded: Set<String>

    /// A hash of every visible file's path, size and modification time.
    func fingerprint() -> Int {
        var hasher = Hasher()
        var stack = [root]
        var count = 0
        while let folder = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder + "/" + name
                if excluded.contains(path) { continue }
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                hasher.combine(path)
                hasher.combine(info.st_size)
                hasher.combine(info.st_mtim.tv_sec)
                hasher.combine(info.st_mtim.tv_nsec)
                count += 1
                if (info.st_mode & S_IFMT) == S_IFDIR { stack.append(path) }
            }
        }
        hasher.combine(count)
        return hasher.finalize()
    }

    /// Calls `changed` after each settled change, until the task is cancelled.
    func watch(every interval: Duration = .milliseconds(150), _ changed: @Sendable () async -> Void) async {
        var settled = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = fingerprint()
            guard current != settled else { continue }
            // Wait until the files stop moving: one rebuild for a burst of writes.
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let next = fingerprint()
                if next == current { break }
                current = next
            }
            settled = current
            await changed()
        }
    }
}

/// The watcher wired to a preview: every settled change rebuilds the site.
public enum VaultWatcherTask {
    public static func watch(site: PreviewSite, _ rebuilt: @escaping @Sendable (Result<BuildResult, BuildError>) -> Void) async {
        let watcher = VaultWatcher(root: realPathOrSame(site.vault), excluded: [site.folder])
        await watcher.watch {
            rebuilt(site.rebuild())
        }
    }

    private static func realPathOrSame(_ path: String) -> String { realPath(path) ?? path }
}
