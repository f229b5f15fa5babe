import Foundation
import Notes
import Synchronization

/// A vault's site kept in memory and rebuilt after each change by the same stages as
/// `qed build`, for the preview server. Between rebuilds it keeps the parsed notes, the link
/// graph, each note's summary and fills, and the pages: an edit re-parses the notes it
/// changed, verifies those whose inputs changed, and renders the pages that show them.
public final class LiveSite: Sendable {
    /// What a rebuild starts from: the last one's results.
    private struct Memory: Sendable {
        var site = MemorySite()
        var manifest: BuildManifest?
        var fills: [String: NoteFills] = [:]
        var plan: SitePlan?
    }

    public let options: BuildOptions
    public let version: String
    private let theme: Theme
    private let notes = NoteCache(trustingFileStamps: true)
    private let memory = Mutex(Memory())

    /// Loads the theme once: `options.output` is not used, nothing is written.
    public init(options: BuildOptions, version: String) throws(BuildError) {
        self.options = options
        self.version = version
        theme = try Theme.load(userFolder: options.templates, highlighter: options.highlighter)
    }

    /// The current site.
    public var site: MemorySite { memory.withLock { $0.site } }

    /// Rebuilds after a change. On an error that stops the build, the previous site stays.
    public func rebuild() throws(BuildError) -> BuildResult {
        let root = OutputFolder.resolve(options.vault)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .vault("\(root): the vault folder does not exist")
        }
        let vault: Vault
        do {
            vault = try Vault.load(at: root, cache: notes)
        } catch {
            throw .vault(String(describing: error))
        }
        if vault.notes.isEmpty && !options.allowEmpty { throw .noNotes(vault: root) }
        let before = memory.withLock { $0 }
        let graph = LinkGraph(notes: vault.notes, files: vault.files, obsidian: vault.config.obsidian, reusing: before.plan?.graph,
                              jobs: options.jobs)
        let plan = SitePlan(vault: vault, graph: graph, theme: theme, options: options, version: version,
                            previous: before.plan)
        let sink = MemorySink(previous: before.site)
        let fills = MemoryFills(previous: before.fills)
        let run = try SitePipeline(options: options, plan: plan).run(previous: before.manifest, fills: fills, sink: sink)
        let after = Memory(site: sink.site(keys: run.manifest.pages), manifest: run.manifest, fills: fills.generation, plan: plan)
        memory.withLock { $0 = after }
        return BuildResult(verifiedNotes: run.verifiedNotes, diagnostics: run.diagnostics, stats: run.stats,
                           succeeded: run.succeeded, wroteSite: true, output: "", renderedPages: run.rendered)
    }
}
