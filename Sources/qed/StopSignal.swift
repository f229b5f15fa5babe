import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Waits for Ctrl-C or a termination request, so `qed serve` can stop cleanly.
enum StopSignal {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once(continuation)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                Sources.keep(source)
            }
        }
    }

    /// Resumes the continuation the first time only.
    private final class Once: @unchecked Sendable {
        private var continuation: CheckedContinuation<Void, Never>?
        private let lock = DispatchQueue(label: "qed.stop")
        init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
        func resume() { lock.sync { continuation?.resume(); continuation = nil } }
    }

    /// Signal sources live until the process ends.
    private enum Sources {
        nonisolated(unsafe) static var all: [any DispatchSourceSignal] = []
        static func keep(_ source: any DispatchSourceSignal) { all.append(source) }
    }
}
