#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Site

/// Notices when anything in the vault changes: a fingerprint of every visible file's size and
/// modification time decides, and Linux's inotify says when to look.
///
/// With inotify (every visible folder watched), a save is seen within one short tick and the
/// fingerprint is taken only then; without it (other systems, network file systems, the
/// kernel's watch limit reached) the fingerprint is polled, which sees saves by rename, folders
/// created later and remote changes alike (on a 2,000-note vault one poll is 2,000 `lstat`s, a
/// few milliseconds). A change is reported once things have stopped moving for one tick, so an
/// editor's temp-file dance or 1,000 files written by `git checkout` make one rebuild, not a
/// thousand.
struct VaultWatcher: Sendable {
    let root: String
    /// Folders never looked into (the preview's own site).
    let excluded: Set<String>

    /// A hash of every visible file's path, size and modification time; each folder walked is
    /// passed to `folder` (to watch it).
    func fingerprint(folder visit: (String) -> Void = { _ in }) -> Int {
        var hasher = Hasher()
        var stack = [root]
        var count = 0
        while let folder = stack.popLast() {
            visit(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder + "/" + name
                if excluded.contains(path) { continue }
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                hasher.combine(path)
                count += 1
                // A folder by its name only: its time changes with every hidden file an
                // editor writes in it; the visible entries it gains or loses are hashed anyway.
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(path)
                    continue
                }
                hasher.combine(info.st_size)
                hasher.combine(info.st_mtim.tv_sec)
                hasher.combine(info.st_mtim.tv_nsec)
            }
        }
        hasher.combine(count)
        return hasher.finalize()
    }

    /// Calls `changed` after each settled change, until the task is cancelled. `interval` is
    /// the polling interval; with inotify (unless `notifications` is false) the tick is
    /// `notifiedTick`: a change is noticed within one tick and taken as settled after one
    /// quiet tick (reading a drained inotify descriptor is one cheap system call per tick).
    func watch(every interval: Duration = .milliseconds(150), notifiedTick: Duration = .milliseconds(10),
               notifications: Bool = true, _ changed: @Sendable () async -> Void) async {
        var notifier = notifications ? ChangeNotifier() : nil
        func snapshot() -> Int {
            guard let current = notifier else { return fingerprint() }
            var complete = true
            let print = fingerprint { folder in complete = current.watch(folder) && complete }
            if !complete { notifier = nil }  // the watch limit: poll instead
            return print
        }
        var settled = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: notifier == nil ? interval : notifiedTick)
            if let current = notifier {
                guard current.drain() else { continue }
                // Wait until the events stop: one rebuild for a burst of writes.
                repeat { try? await Task.sleep(for: notifiedTick) } while current.drain() && !Task.isCancelled
                let now = snapshot()
                guard now != settled else { continue }
                settled = now
                await changed()
                continue
            }
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
        let watcher = VaultWatcher(root: realPathOrSame(site.vault), excluded: [])
        await watcher.watch {
            rebuilt(site.rebuild())
        }
    }

    private static func realPathOrSame(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
