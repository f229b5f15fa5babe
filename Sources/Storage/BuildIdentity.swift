import Foundation

/// Which build of QED is running, for cache keys: a cache written by another build (whose
/// parser or verifier may differ) is not trusted even when its version string is the same.
public enum BuildIdentity {
    /// The running executable's size and modification time; on a system without
    /// `/proc/self/exe`, the process id, so nothing cached is ever reused there.
    public static let current: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-build-\(ProcessInfo.processInfo.processIdentifier)" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
