#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pins a crash on the note being worked on, so that one note that trips a bug in QED
/// cannot take a whole build down.
///
/// `qed build` and `qed check` run as a supervisor and a worker process. The worker marks each
/// thread's note with `working(on:)`; if the worker dies of a trap or a fault, a signal handler
/// writes that note's path to the journal the supervisor gave it, and the supervisor runs the
/// worker again with the note quarantined (left out, reported as an `internal-error`).
///
/// Costs nothing unless `reportCrashes(to:)` was called: `working(on:)` then just runs `body`.
public enum Containment {
    /// Vault-relative paths of notes a previous worker crashed on (`QED_QUARANTINE`, one path
    /// per NUL-terminated entry in that file), read once.
    public static let quarantined: Set<String> = {
        guard let file = getenv(quarantineVariable).map({ String(cString: $0) }),
              let bytes = readAll(file) else { return [] }
        return Set(bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }()

    /// A note to crash on deliberately (`QED_INJECT_CRASH`), so tests can prove that a bug
    /// no one has found yet is contained. Read only in a supervised worker.
    static let faultInjection: String? = getenv(faultVariable).map { String(cString: $0) }
    public static let faultVariable = "QED_INJECT_CRASH"

    /// The signals a bug dies of: traps (Swift's runtime checks), faults, aborts. A worker
    /// ended by any other signal was stopped from outside (Ctrl-C, kill).
    public static let crashSignals: Set<Int32> = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Environment variables between supervisor and worker.
    public static let journalVariable = "QED_CRASH_JOURNAL"
    public static let quarantineVariable = "QED_QUARANTINE"

    /// Runs `body` with this thread marked as working on `note`.
    public static func working<T, E: Error>(on note: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard CrashJournal.descriptor >= 0 else { return try body() }
        CrashJournal.prepareThread()
        let previous = pthread_getspecific(CrashJournal.key)
        let entry = strdup(note)
        pthread_setspecific(CrashJournal.key, entry)
        defer {
            pthread_setspecific(CrashJournal.key, previous)
            free(entry)
        }
        if let target = faultInjection, target == note {
            fatalError("fault injected on \(note) (\(faultVariable)): testing that a crash is contained")
        }
        return try body()
    }

    /// Installs the handlers that record the crashing thread's note in the journal file at
    /// `path` (appended to) before the process dies of the signal as it would have.
    public static func reportCrashes(toJournalAt path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return }
        CrashJournal.install(fd)
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return n == 0 ? out : nil }
            out += chunk[0..<n]
        }
    }
}

/// The process-wide state the signal handler reads. Written once, before any worker thread
/// starts, and only read afterwards (a signal handler can touch nothing else safely).
enum CrashJournal {
    nonisolated(unsafe) static var descriptor: Int32 = -1
    nonisolated(unsafe) static var key = pthread_key_t()
    nonisolated(unsafe) static var stackKey = pthread_key_t()

    static func install(_ fd: Int32) {
        pthread_key_create(&key, nil)
        pthread_key_create(&stackKey, nil)
        descriptor = fd
        for signal in Containment.crashSignals.sorted() {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = crashHandler
            #else
            action.__sigaction_u.__sa_handler = crashHandler
            #endif
            // ONSTACK: a stack overflow leaves no stack to run on but the alternate one.
            // RESETHAND: re-raising then kills the process with the original signal.
            action.sa_flags = Int32(bitPattern: UInt32(SA_ONSTACK) | UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Gives the calling thread an alternate signal stack, once.
    static func prepareThread() {
        guard pthread_getspecific(stackKey) == nil else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 { pthread_setspecific(stackKey, memory) } else { free(memory) }
    }
}

/// Writes "crash\0<note>\0" for the faulting thread, then lets the signal kill the process.
private func crashHandler(_ signal: Int32) {
    // Only async-signal-safe calls here: no allocation, no Swift strings.
    if let note = pthread_getspecific(CrashJournal.key) {
        let fd = CrashJournal.descriptor
        let tag: StaticString = "crash\0"
        _ = write(fd, tag.utf8Start, tag.utf8CodeUnitCount)
        _ = write(fd, note, strlen(note.assumingMemoryBound(to: CChar.self)) + 1)
    }
    raise(signal)
}
