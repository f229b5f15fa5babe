import Diagnostics
import Foundation
import Notes
import Verification
import Storage

/// Builds the static site of a vault: verifies every note, renders a page per note plus the
/// home, tag, search and 404 pages, and replaces the output folder atomically.
///
/// Unchanged notes are neither re-verified nor re-rendered: the previous output keeps a
/// manifest of what each page was made from, and a page whose inputs are the same is taken
/// over as it is. Notes are processed `jobs` at a time; output does not depend on `jobs`.
public struct SiteBuilder: Sendable {
    /// What to build, and where.
    public let options: BuildOptions
    /// QED's version: shown in the footer and part of every cache key.
    public let version: String

    /// `version` should be QED's own: a new version re-renders every page.
    public init(options: BuildOptions, version: String = "0.1.0") {
        self.options = options
        self.version = version
    }

    /// Changes whenever this module's output for the same input may change.
    static let rendererVersion = "site-4"  // 2: claims not run, number spans, formula text in the index; 3: formula counts; 4: words, contents, code highlighting

    /// Verifies and renders the vault into a staging folder beside the output, then swaps it in.
    ///
    /// A build that finds failures (a claim that does not hold, an error, with `strict` a
    /// warning) returns a failing result and leaves the previous site untouched, unless
    /// `keepGoing` is set. Throws only when the build cannot run: an unsafe output folder,
    /// a vault that cannot be read, a template that does not parse, a file that cannot be written.
    public func build() throws(BuildError) -> BuildResult {
        let output = try OutputFolder(output: options.output, vault: options.vault)
        let vaultRoot = OutputFolder.resolve(options.vault)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: vaultRoot, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .vault("\(vaultRoot): the vault folder does not exist")
        }
        let theme = try Theme.load(userFolder: options.templates, highlighter: options.highlighter)
        output.cleanLeftovers()
        var timings = BuildTimings()
        // Nothing changed since the site in the output folder was built: it is the site this
        // build would write. Reading and hashing the files is all it costs.
        let inputs = timings.measure(.inputs) { self.inputs(vaultRoot: vaultRoot, output: output, theme: theme) }
        if options.useCache, let inputs, let outcome = BuildManifest.outcome(in: output.path, ifInputsAre: inputs.fingerprint) {
            if outcome.stats.notes == 0 && !options.allowEmpty { throw .noNotes(vault: vaultRoot) }
            var result = unchanged(outcome, output: output)
            result.timings = timings
            return result
        }
        var result = try rebuild(vaultRoot, output: output, theme: theme, inputs: inputs, timings: &timings)
        result.timings = timings
        return result
    }

    /// Loads, links and renders the vault into a staging folder, then swaps it in (or, for a
    /// failed build without `keepGoing`, discards it).
    private func rebuild(_ vaultRoot: String, output: OutputFolder, theme: Theme, inputs: Inputs?,
                         timings: inout BuildTimings) throws(BuildError) -> BuildResult {
        let previous = options.useCache ? BuildManifest.load(from: output.path) : nil
        let staging = try output.makeStaging()
        do throws(BuildError) {
            let noteCache = options.useCache ? NoteCache.inVault(vaultRoot) : nil
            let vault = try timings.measure(.load) { () throws(BuildError) in
                try load(vaultRoot, output: output, staging: staging, cache: noteCache, contentKeys: inputs?.contentKeys ?? [:])
            }
            // Parsed notes are worth keeping whatever the build finds in them. They are saved while
            // the vault is linked (one core), which leaves the other core idle otherwise.
            let saving = DispatchGroup()
            if let noteCache { DispatchQueue.global().async(group: saving) { noteCache.save() } }
            defer { saving.wait() }
            if vault.notes.isEmpty && !options.allowEmpty { throw BuildError.noNotes(vault: vaultRoot) }
            let result = try build(vault: vault, theme: theme, previous: previous, output: output,
                                   staging: staging, inputs: inputs?.fingerprint ?? "", timings: &timings)
            try timings.measure(.publish) { () throws(BuildError) in
                if result.wroteSite { try output.commit(staging: staging) } else { output.discard(staging: staging) }
            }
            return result
        } catch {
            output.discard(staging: staging)
            throw error
        }
    }

    /// Reads the vault, each note through `cache` into a spool in the staging folder: the
    /// build keeps outlines in memory and decodes a note whole when its page is made.
    private func load(_ root: String, output: OutputFolder, staging: String, cache: NoteCache?,
                      contentKeys: [String: String]) throws(BuildError) -> Vault {
        do {
            return try Vault.load(at: root, excluding: output.vaultExclusions, cache: cache, contentKeys: contentKeys,
                                  spool: RecordSpool(path: staging + "/.notes.spool"))
        } catch {
            throw .vault(String(describing: error))
        }
    }

    /// Links the vault, runs the pipeline into the staging folder, and leaves there what the
    /// next build reuses: the manifest and the fills pack.
    private func build(vault: Vault, theme: Theme, previous: BuildManifest?, output: OutputFolder,
                       staging: String, inputs: String, timings: inout BuildTimings) throws(BuildError) -> BuildResult {
        let plan = timings.measure(.link) {
            let graph = LinkGraph(notes: vault.notes, files: vault.files, obsidian: vault.config.obsidian,
                                  spooled: vault.spooled, jobs: options.jobs)
            return SitePlan(vault: vault, graph: graph, theme: theme, options: options, version: version)
        }
        let writer = StagingWriter(staging: staging, previous: previous == nil ? nil : output.path,
                                   previousKeys: previous?.pages ?? [:])
        let fills = PackedFills(previousSite: previous == nil ? nil : output.path, staging: staging)
        var run = try SitePipeline(options: options, plan: plan).run(previous: previous, fills: fills, sink: writer)
        timings.append(run.timings)
        run.manifest.inputs = inputs
        let wroteSite = run.succeeded || options.keepGoing
        if wroteSite {
            try timings.measure(.caches) { [run] () throws(BuildError) in
                // An unchanged manifest (nothing changed in the vault) is linked, not encoded again.
                // The fills pack is written while the manifest is: two files, two cores.
                let packing = DispatchGroup()
                DispatchQueue.global().async(group: packing) { fills.write(to: staging + "/" + FillsPack.path) }
                defer { packing.wait() }
                if run.manifest != previous || !writer.carryOver(BuildManifest.path) { try run.manifest.write(to: staging) }
            }
        }
        return BuildResult(verifiedNotes: run.verifiedNotes, diagnostics: run.diagnostics, stats: run.stats,
                           succeeded: run.succeeded, wroteSite: wroteSite, output: output.path, renderedPages: run.rendered)
    }
}
