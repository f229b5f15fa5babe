#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// Standard output or standard error, written with `write(2)` so that a failed write is an
/// exit status rather than a trap (`FileHandle.write` traps on any error).
///
/// - A closed pipe (`qed check | head`) is an ordinary end: later output is dropped quietly
///   and the command finishes with its own status.
/// - Any other failure (`> /dev/full`, a closed descriptor) stops the command with exit
///   status 2 and a message on standard error, so no caller mistakes half an output for a
///   whole one.
struct StandardStream: Sendable {
    let descriptor: Int32
    let name: String

    static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    /// Descriptors 0–2 that were closed when `qed` started. They are reopened on /dev/null at
    /// once, so that no file the build opens later takes their number and receives the report.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []
    nonisolated(unsafe) private static var brokenPipe: Set<Int32> = []

    /// Call first thing in `main`, before any file is opened.
    static func claimClosedDescriptors() {
        for fd: Int32 in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
            let opened = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd { _ = dup2(opened, fd); _ = close(opened) }
            closedAtStart.insert(fd)
        }
    }

    func write(_ text: String) {
        if Self.brokenPipe.contains(descriptor) { return }
        if Self.closedAtStart.contains(descriptor) { fail(EBADF) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written); continue }
            let code = errno
            if written < 0 && code == EINTR { continue }
            if code == EPIPE { Self.brokenPipe.insert(descriptor); return }
            fail(written == 0 ? EIO : code)
        }
    }

    private func fail(_ code: Int32) -> Never {
        if descriptor != STDERR_FILENO {
            StandardStream.error.write("error: cannot write to \(name): \(String(cString: strerror(code)))\n")
        }
        exit(ExitStatus.usage.rawValue)
    }
}
