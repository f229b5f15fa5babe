#if canImport(Glibc)
import Glibc
#endif

/// Linux's inotify on every visible folder of the vault: says at once that something changed,
/// so the watcher need not wait a polling interval to notice a save. It only hints; the
/// watcher's fingerprint still decides whether what changed matters (an editor's swap file in
/// a hidden folder does not).
final class ChangeNotifier: @unchecked Sendable {
    // The descriptor is only read by the watcher's one task; `deinit` closes it.
    private let fd: Int32
    private var watched = Set<String>()

    /// Nil where inotify is not available (other systems, a container without it, the
    /// per-user instance limit reached): the watcher then polls.
    init?() {
        #if os(Linux)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        #else
        return nil
        #endif
    }

    deinit {
        close(fd)
    }

    /// Watches `folder` (again: a folder recreated under the same name needs a new watch).
    /// False when the kernel refuses (the per-user watch limit): the watcher then polls.
    func watch(_ folder: String) -> Bool {
        #if os(Linux)
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                          | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(fd, folder, mask) >= 0 else { return errno != ENOSPC && errno != ENOMEM }
        watched.insert(folder)
        return true
        #else
        return false
        #endif
    }

    /// Reads every pending event; true when there was at least one.
    func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { any = true; continue }
            if n < 0 && errno == EINTR { continue }
            return any
        }
    }
}
