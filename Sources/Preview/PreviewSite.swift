import Diagnostics
import Foundation
import Notes
import Site
import Synchronization

/// The site being previewed: built by the same stages as `qed build`, kept in memory (never
/// written to disk, `output/` untouched), rebuilt incrementally on every change.
public final class PreviewSite: Sendable {
    /// The vault's folder.
    public let vault: String
    private let live: LiveSite
    private let state = Mutex(State())

    struct State {
        var generation = 0
        var lastError: String?
        /// How long the last rebuild took.
        var lastDuration: Duration = .zero
        /// Open pages' reload channels, told each new generation.
        var listeners: [UInt64: AsyncStream<Int>.Continuation] = [:]
        var nextListener: UInt64 = 0
    }

    /// - Parameter vault: The vault to preview.
    public init(vault: String) throws(BuildError) {
        self.vault = vault
        var options = BuildOptions(vault: vault, output: "", keepGoing: true, jobs: ProcessInfo.processInfo.activeProcessorCount)
        options.allowEmpty = true
        // The author previewing wants the problems on the page; published sites leave them out.
        options.showDiagnostics = true
        live = try LiveSite(options: options, version: "preview")
    }

    /// Increases with every finished rebuild; pages wait for it to move.
    public var generation: Int { state.withLock { $0.generation } }

    /// The file at a site-relative path, as the last successful rebuild made it.
    public func file(_ path: String) -> Data? { live.site.file(path) }

    /// Rebuilds what changed and returns what the build said (or the error that stopped it:
    /// the previous site stays served until the vault builds again).
    @discardableResult
    public func rebuild() -> Result<BuildResult, BuildError> {
        let outcome: Result<BuildResult, BuildError>
        let started = ContinuousClock.now
        do {
            outcome = .success(try live.rebuild())
        } catch {
            outcome = .failure(error)
        }
        let duration = ContinuousClock.now - started
        let (generation, listeners) = state.withLock { s in
            s.generation += 1
            s.lastDuration = duration
            switch outcome {
            case .success: s.lastError = nil
            case .failure(let error): s.lastError = "\(error)"
            }
            return (s.generation, Array(s.listeners.values))
        }
        for listener in listeners { listener.yield(generation) }
        return outcome
    }

    /// Each new generation, as rebuilds finish, until the consumer stops listening.
    public func generations() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { s in
            s.nextListener += 1
            s.listeners[s.nextListener] = continuation
            return s.nextListener
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// How long the last rebuild took, from the change noticed to the site swapped in.
    public var lastDuration: Duration { state.withLock { $0.lastDuration } }

    /// Why the last rebuild failed, if it did.
    public var lastError: String? { state.withLock { $0.lastError } }
}
