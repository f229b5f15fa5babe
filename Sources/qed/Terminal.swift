import ArgumentParser
import Foundation

/// Output streams, colour and exit codes, decided once for every subcommand.
enum Terminal {
    static func write(_ text: String) {
        StandardStream.output.write(text)
    }

    static func writeError(_ text: String) {
        StandardStream.error.write(text)
    }

    /// Colour only on a terminal and never when `NO_COLOR` is set (https://no-color.org).
    static func colour(for fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress callback that redraws one line on standard error, at most every 1% of the
    /// work, so a 10,000-note build does not spend its time writing to the terminal.
    static func progressLine(label: String) -> @Sendable (Int, Int) -> Void {
        { done, total in
            let step = max(1, total / 100)
            guard done % step == 0 || done == total else { return }
            writeError("\r\u{1B}[2K\(label) \(done)/\(total)")
        }
    }
}

/// QED's exit statuses, as documented in `qed --help`.
enum ExitStatus {
    /// A claim failed, a cell errored or a link is broken.
    static let failure = ExitCode(1)
    /// Bad usage or an I/O error (a missing file, an unwritable output folder).
    static let usage = ExitCode(2)
}

