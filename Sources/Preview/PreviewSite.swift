import Diagnostics
import Foundation
import Notes
import Site
import Synchronization

/// The site being previewed: built by the same stages as `qed build`, into a private folder
/// (never the vault's `output/`), rebuilt incrementally on every change.
public final class PreviewSite: Sendable {
    /// The vault's folder.
    public let vault: String
    /// Where the site is built (a fresh temporary folder, removed by `close()`).
    public let folder: String
    public var site: String { folder + "/site" }
    private let state = Mutex(State())
    /// Parsed notes kept in memory between rebuilds: an edit parses only the notes it changed.
    private let notes = NoteCache()

    struct State {
        var generation = 0
        var lastResult: BuildResult?
        var lastError: String?
    }

    /// - Parameter vault: The vault to preview.
    public init(vault: String) throws {
        self.vault = vault
        folder = FileManager.default.temporaryDirectory.path + "/qed-preview-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Increases with every finished rebuild; pages wait for it to move.
    public var generation: Int { state.withLock { $0.generation } }

    /// Rebuilds what changed and returns what the build said (or the error that stopped it:
    /// the previous site stays served until the vault builds again).
    @discardableResult
    public func rebuild() -> Result<BuildResult, BuildError> {
        let options = BuildOptions(vault: vault, output: site, keepGoing: true, jobs: ProcessInfo.processInfo.activeProcessorCount)
        var withEmpty = options
        withEmpty.allowEmpty = true
        // The author previewing wants the problems on the page; published sites leave them out.
        withEmpty.showDiagnostics = true
        withEmpty.noteCache = notes
        let outcome: Result<BuildResult, BuildError>
        do {
            outcome = .success(try SiteBuilder(options: withEmpty, version: "preview").build())
        } catch {
            outcome = .failure(error)
        }
        state.withLock { s in
            s.generation += 1
            switch outcome {
            case .success(let result): s.lastResult = result; s.lastError = nil
            case .failure(let error): s.lastError = "\(error)"
            }
        }
        return outcome
    }

    /// Why the last rebuild failed, if it did.
    public var lastError: String? { state.withLock { $0.lastError } }

    /// Removes the private folder.
    public func close() { try? FileManager.default.removeItem(atPath: folder) }
}
