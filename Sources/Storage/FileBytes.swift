#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole file at `path`, or nil (errno set) when it cannot be read. A file longer than
/// `limit` bytes, or one that grows past it while it is read (a log, `/dev/zero` behind a
/// link), is refused with `EFBIG`; a FIFO or socket (which could keep a build waiting for a
/// writer forever) with `EINVAL`, without waiting.
///
/// Read straight into the array it returns, sized by `fstat`: every note, cache and settings
/// file of a build comes through here, so neither a scratch buffer nor a second copy is made.
public func readFile(_ path: String, limit: Int = .max) -> [UInt8]? {
    // Non-blocking, so opening a FIFO returns at once instead of waiting for a writer.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let type = info.st_mode & S_IFMT
    guard type != S_IFIFO, type != S_IFSOCK else { errno = EINVAL; return nil }
    let expected = info.st_size > 0 ? Int(info.st_size) : 0
    var failed = false
    var reachedEnd = false
    func chunk(_ capacity: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
            while filled < capacity {
                let n = read(fd, buffer.baseAddress! + filled, capacity - filled)
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                if n == 0 { reachedEnd = true; return }
                filled += n
            }
        }
    }
    // A regular file is read to the size fstat gave (as it was when opened; one written to
    // meanwhile is read again by the next build, whose hashes differ). Files that do not
    // know their size (proc files say 0, devices) are read to their end.
    let sized = type == S_IFREG && expected > 0 && expected <= limit
    var out = chunk(sized ? expected : min(expected, limit) + 1)
    if sized { return failed ? nil : out }
    while !failed, !reachedEnd, out.count <= limit { out += chunk(1 << 16) }
    if failed { return nil }
    guard out.count <= limit else { errno = EFBIG; return nil }
    return out
}
