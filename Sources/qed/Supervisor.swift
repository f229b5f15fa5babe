#if canImport(Glibc)
import Glibc
#endif
import Containment
import Diagnostics
import Foundation

/// Runs `qed build` and `qed check` in a worker process and, when the worker dies of a bug
/// while working on a note, runs it again with that note left out (see `Containment`).
///
/// A crash costs a rerun; a build without one costs one extra process start (measured in the
/// README's Resource limits section). The worker's output goes straight to the terminal.
enum Supervisor {
    /// Crashes survived before giving up: each one pins and removes one note.
    static let maximumReruns = 8

    /// Whether this process should supervise: `build` and `check`, when not already a worker.
    static func shouldSupervise(_ arguments: [String]) -> Bool {
        guard getenv(Containment.journalVariable) == nil, getenv("QED_NO_SUPERVISOR") == nil,
              let command = arguments.dropFirst().first else { return false }
        return command == "build" || command == "check"
    }

    /// When this process is a worker: report crashes to the supervisor's journal.
    static func startWorkerIfAsked() {
        if let journal = getenv(Containment.journalVariable) {
            Containment.reportCrashes(toJournalAt: String(cString: journal))
        }
    }

    /// Runs the worker until it finishes without crashing on a note, then exits as it did.
    static func run(_ arguments: [String]) -> Never {
        let folder = FileManager.default.temporaryDirectory.path + "/qed-supervisor-\(getpid())"
        mkdir(folder, 0o700)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = folder + "/journal", quarantineFile = folder + "/quarantine"
        var quarantined: [String] = []
        // The terminal's Ctrl-C reaches the worker too; the supervisor waits for it to stop.
        signal(SIGINT, SIG_IGN)
        for _ in 0...maximumReruns {
            _ = FileManager.default.createFile(atPath: journal, contents: nil)
            _ = FileManager.default.createFile(atPath: quarantineFile,
                                               contents: Data(quarantined.flatMap { Array($0.utf8) + [0] }))
            let status = spawnWorker(arguments, environment: [
                Containment.journalVariable: journal, Containment.quarantineVariable: quarantineFile,
            ])
            guard case .crashed(let signal) = status else { finish(status, folder) }
            guard let note = crashedNote(journal), !quarantined.contains(note) else {
                Terminal.writeError("error: qed crashed (signal \(signal)) outside any note. This is a bug in qed; please report it with the command you ran.\n")
                finish(.exited(2), folder)
            }
            Terminal.writeError("internal error: qed crashed (signal \(signal)) while working on \(DiagnosticRenderer.terminalSafe(note)); "
                                + "running again without that note.\n")
            quarantined.append(note)
        }
        Terminal.writeError("error: qed crashed on more than \(maximumReruns) notes; giving up.\n")
        finish(.exited(2), folder)
    }

    enum Status {
        case exited(Int32)
        /// Died of a bug's signal (trap, fault, abort).
        case crashed(Int32)
        /// Stopped from outside (Ctrl-C, kill): not contained, passed on.
        case interrupted(Int32)
    }


    private static func finish(_ status: Status, _ folder: String) -> Never {
        try? FileManager.default.removeItem(atPath: folder)
        switch status {
        case .exited(let code): exit(code)
        case .crashed(let sig), .interrupted(let sig):
            signal(sig, SIG_DFL)
            raise(sig)
            exit(128 + sig)
        }
    }

    /// Starts this same executable with the same arguments and waits for it.
    private static func spawnWorker(_ arguments: [String], environment extra: [String: String]) -> Status {
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in extra { environment[k] = v }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, executable, nil, nil, argv, envp) == 0 else { return .exited(2) }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        let termination = raw & 0x7F
        if termination == 0 { return .exited((raw >> 8) & 0xFF) }
        // Interrupted or killed from outside: not a bug to contain; end the same way.
        if Containment.crashSignals.contains(termination) { return .crashed(termination) }
        return .interrupted(termination)
    }

    /// The note the worker's faulting thread was on, from the journal.
    private static func crashedNote(_ journal: String) -> String? {
        guard let data = FileManager.default.contents(atPath: journal) else { return nil }
        let fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let tag = fields.lastIndex(of: "crash"), tag + 1 < fields.count, !fields[tag + 1].isEmpty else { return nil }
        return fields[tag + 1]
    }
}
