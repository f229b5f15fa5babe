import Diagnostics
import Containment
import Foundation
import Synchronization
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
        let previous = options.useCache ? BuildManifest.load(from: output.path) : nil
        // Nothing changed since the site in the output folder was built: it is the site this
        // build would write. Reading and hashing the files is all it costs.
        // The preview server rebuilds only when its watcher saw a change: reading and hashing
        // every file to find out whether anything changed would be wasted there.
        let inputs = options.noteCache == nil ? inputFingerprint(vaultRoot: vaultRoot, output: output, theme: theme) : nil
        if let previous, let inputs, previous.inputs == inputs {
            if previous.notes.isEmpty && !options.allowEmpty { throw .noNotes(vault: vaultRoot) }
            return unchanged(previous, output: output)
        }
        let vault: Vault
        let noteCache = options.noteCache ?? (options.useCache ? NoteCache.inVault(vaultRoot) : nil)
        do {
            vault = try Vault.load(at: vaultRoot, excluding: output.vaultExclusions, cache: noteCache)
        } catch {
            throw .vault(String(describing: error))
        }
        // Parsed notes are worth keeping whatever the build finds in them.
        if options.noteCache == nil { noteCache?.save() }
        if vault.notes.isEmpty && !options.allowEmpty { throw .noNotes(vault: vaultRoot) }
        let staging = try output.makeStaging()
        do {
            let result = try build(vault: vault, theme: theme, previous: previous, output: output, staging: staging,
                                   inputs: inputs ?? "")
            if result.wroteSite { try output.commit(staging: staging) } else { output.discard(staging: staging) }
            return result
        } catch {
            output.discard(staging: staging)
            throw error
        }
    }

    private func build(vault: Vault, theme: Theme, previous: BuildManifest?, output: OutputFolder,
                       staging: String, inputs: String) throws(BuildError) -> BuildResult {
        let notes = vault.notes
        let graph = LinkGraph(notes: notes, files: vault.files, obsidian: vault.config.obsidian)
        let siteTitle = vault.config.title ?? ""
        let showDiagnostics = options.showDiagnostics || vault.config.showDiagnostics
        let words = Words(vault.config.language ?? NoteLanguage.majority(of: notes), overrides: theme.words)
        let pages = Pages(siteTitle: siteTitle, version: version, showDiagnostics: showDiagnostics, words: words,
                          highlighter: theme.hasHighlighter)
        let writer = PageWriter(staging: staging, previous: previous == nil ? nil : output.path,
                                previousKeys: previous?.pages ?? [:])
        let configKey = ContentHasher.hash(
            SiteBuilder.rendererVersion, version, "\(options.strict)", "\(vault.config.tolerance ?? -1)",
            "\(vault.config.allowRawHTML)", "\(showDiagnostics)", "\(vault.config.hardLineBreaks)",
            vault.config.obsidian?.linkFormat ?? "", vault.config.obsidian?.attachmentFolder ?? "", words.key)
        // Keys first: a note whose verification and page inputs are unchanged is taken over
        // from the previous site as it is, without verifying it.
        let keys = notes.indices.map { i -> (verification: String, page: String) in
            let verification = ContentHasher.hash(configKey, notes[i].path, notes[i].contentHash, graph.resolutionKey(i))
            return (verification, ContentHasher.hash(verification, theme.hash, siteTitle, graph.neighbourhoodKey(i)))
        }
        // The previous build's summary of each note whose verification inputs are unchanged.
        let cached = notes.indices.map { i -> NoteSummary? in
            guard let entry = previous?.notes[notes[i].path], entry.verificationKey == keys[i].verification else { return nil }
            return entry.summary
        }
        let verificationOptions = VerificationOptions(strict: options.strict, jobs: 1)
        let renderer = NotePageRenderer(
            theme: theme, pages: pages, graph: graph, vault: vault, options: verificationOptions,
            verifier: cached.contains { $0 == nil } ? Verifier(vault: vault, options: verificationOptions, resolver: graph.resolver) : nil)

        let previousFills = previous == nil ? FillsPack() : FillsPack(loadingFrom: output.path)
        try? FileManager.default.createDirectory(atPath: staging + "/.qed-cache", withIntermediateDirectories: true)
        let spool = FillsSpool(path: staging + "/.qed-cache/fills.spool")
        // Notes: take each page over from the previous build, or render it from cached fills
        // (its neighbours changed, not its cells), or verify and render it. Keep only summaries.
        let finished = Atomic<Int>(0)
        let outcomes = Array(notes.indices).concurrentMap(jobs: max(1, options.jobs)) { i -> NoteOutcome in
            defer {
                if let progress = options.progress {
                    progress(finished.wrappingAdd(1, ordering: .relaxed).newValue, notes.count)
                }
            }
            let note = notes[i]
            let (verificationKey, pageKey) = keys[i]
            let page = SitePaths.page(forNote: note.path)
            return Containment.working(on: note.path) { () -> NoteOutcome in
                var outcome = NoteOutcome(summary: renderer.placeholderSummary(i), verificationKey: verificationKey, pageKey: pageKey)
                do {
                    if let summary = cached[i] {
                        outcome.summary = summary
                        outcome.fills = previousFills.record(for: verificationKey).map { .previous($0) }
                        if writer.reuse(page, key: pageKey) { return outcome }
                        if let fills = previousFills.fills(for: verificationKey) {
                            try writer.write(page, renderer.render(i, fills: fills, summary: summary))
                            outcome.rendered = true
                            return outcome
                        }
                    }
                    let (_, fills, summary) = renderer.verify(i)
                    outcome.summary = summary
                    outcome.verified = true
                    outcome.fills = spool?.append(fills.record).map { .spooled($0) }
                    try writer.write(page, renderer.render(i, fills: fills, summary: summary))
                    outcome.rendered = true
                } catch let error as BuildError {
                    outcome.error = error
                } catch {
                    outcome.error = .io(path: page, message: "\(error)")
                }
                return outcome
            }
        }
        if let failure = outcomes.lazy.compactMap({ $0.error }).first { throw failure }

        let summaries = outcomes.map { $0.summary }
        var manifest = BuildManifest()
        manifest.inputs = inputs
        manifest.vaultDiagnostics = vault.diagnostics
        var rendered: [String] = []
        for outcome in outcomes {
            manifest.notes[outcome.summary.path] = CachedNote(verificationKey: outcome.verificationKey, summary: outcome.summary)
            manifest.pages[outcome.summary.page] = outcome.pageKey
            if outcome.rendered { rendered.append(outcome.summary.page) }
        }
        var stats = BuildStats()
        stats.notes = notes.count
        stats.notesVerified = outcomes.count { $0.verified }

        // Pages about many notes: rendered only when what they show changed.
        func page(_ path: String, _ model: some PageModel) throws(BuildError) {
            let page = theme.prepare(model)
            manifest.pages[path] = page.key
            if writer.reuse(path, key: page.key) { return }
            try writer.write(path, page.html())
            rendered.append(path)
        }
        func file(_ path: String, _ data: Data) throws(BuildError) {
            var hasher = ContentHasher()
            hasher.add(data)
            let key = hasher.hex
            manifest.pages[path] = key
            if writer.reuse(path, key: key) { return }
            try writer.write(path, data)
        }
        /// A file made from the notes' summaries, which their verification keys determine.
        func derived(_ path: String, key: String, _ make: () -> [UInt8]) throws(BuildError) {
            manifest.pages[path] = key
            if writer.reuse(path, key: key) { return }
            try writer.write(path, Data(make()))
        }
        var summariesHasher = ContentHasher()
        summariesHasher.add(SiteBuilder.rendererVersion)
        for outcome in outcomes {
            summariesHasher.add(outcome.summary.path)
            summariesHasher.add(outcome.verificationKey)
        }
        let summariesKey = summariesHasher.hex
        try page(SitePaths.home, pages.home(summaries))
        let tree = TagTree(tagsPerNote: summaries.map { $0.tags })
        try page(SitePaths.tagsIndex, pages.tagsIndex(tree))
        // Tag pages are many and each lists many notes: decide from a light signature of what
        // the page shows before building its context, then render the stale ones in parallel.
        let tagKeys = tree.tags.map { tag -> (path: String, key: String) in
            var hasher = ContentHasher()
            hasher.add(theme.hash)
            hasher.add(siteTitle)
            hasher.add(words.key)
            hasher.add(tag.name)
            for child in tag.children { hasher.add(child + "\u{1F}" + String(tree[child]?.all.count ?? 0)) }
            for member in tag.all where summaries.indices.contains(member) {
                let note = summaries[member]
                hasher.add([note.path, note.title, note.brief, note.status.rawValue, String(note.claims), String(note.failedClaims), String(note.notRunClaims),
                            String(note.diagnostics.count { $0.severity == .error })].joined(separator: "\u{1F}"))
            }
            return (SitePaths.page(forTag: tag.name), hasher.hex)
        }
        var staleTags: [Int] = []
        for (i, entry) in tagKeys.enumerated() {
            manifest.pages[entry.path] = entry.key
            if !writer.reuse(entry.path, key: entry.key) { staleTags.append(i) }
        }
        let tagFailures = staleTags.concurrentMap(jobs: max(1, options.jobs)) { i -> BuildError? in
            do {
                try writer.write(tagKeys[i].path, theme.render(pages.tag(tree.tags[i], tree: tree, notes: summaries)))
                return nil
            } catch let error as BuildError {
                return error
            } catch {
                return .io(path: tagKeys[i].path, message: "\(error)")
            }
        }
        if let failure = tagFailures.lazy.compactMap({ $0 }).first { throw failure }
        rendered += staleTags.map { tagKeys[$0].path }
        try page(SitePaths.search, pages.search())
        let baseURL = options.baseURL ?? vault.config.baseURL
        try page(SitePaths.notFound, pages.notFound(baseURL: baseURL))
        var searchJSON: [UInt8]? = nil
        try derived(SitePaths.searchIndexJSON, key: summariesKey) {
            searchJSON = SearchIndex.json(summaries)
            return searchJSON ?? []
        }
        try derived(SitePaths.searchIndexScript, key: summariesKey) {
            SearchIndex.script(json: searchJSON ?? SearchIndex.json(summaries))
        }
        let sitemapPages = [SitePaths.home, SitePaths.tagsIndex] + summaries.map { $0.page } + tree.tags.map { SitePaths.page(forTag: $0.name) }
        try file(SitePaths.sitemap, Data(Sitemap.xml(pages: sitemapPages, baseURL: baseURL).utf8))
        for asset in theme.assets {
            try file(SitePaths.assetsFolder + "/" + asset.path, asset.data)
        }
        // The media the vault walk found (so `ignore:` applies), at their vault paths.
        for path in vault.files where !path.hasPrefix(SitePaths.generatedFolder + "/") {
            let absolute = vault.root + "/" + path
            var info = stat()
            guard stat(absolute, &info) == 0 else { continue }
            let key = ContentHasher.hash("media", "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            manifest.pages[path] = key
            if writer.reuse(path, key: key) { continue }
            try writer.copy(absolute, to: path)
        }

        let htmlPages = manifest.pages.keys.filter { $0.hasSuffix(".html") }
        stats.pagesWritten = rendered.count
        stats.pagesReused = htmlPages.count - rendered.count

        let diagnostics = tally(summaries, vaultDiagnostics: vault.diagnostics, into: &stats)
        let succeeded = stats.errors == 0 && stats.failedClaims == 0
        let wroteSite = succeeded || options.keepGoing
        if wroteSite {
            // An unchanged manifest (nothing changed in the vault) is linked, not encoded again.
            if manifest != previous || !writer.carryOver(BuildManifest.path) { try manifest.write(to: staging) }
            let fills = outcomes.compactMap { outcome in outcome.fills.map { (outcome.verificationKey, $0) } }
            // Without it the next build verifies more notes again; nothing is lost.
            FillsPack.write(fills, spool: spool, to: staging + "/" + FillsPack.path)
        }

        return BuildResult(verifiedNotes: outcomes.filter(\.verified).map(\.summary.path), diagnostics: diagnostics, stats: stats, succeeded: succeeded,
                           wroteSite: wroteSite, output: output.path, renderedPages: rendered.sorted())
    }
}

/// What processing one note gave.
struct NoteOutcome: Sendable {
    var summary: NoteSummary
    var verificationKey: String
    var pageKey: String
    /// Whether the note was verified (and its page rendered) in this build.
    var verified = false
    /// Its fills as a record, fresh or from the previous build, for the new fills pack.
    var fills: FillsPack.Source? = nil
    /// Whether its page was rendered (from fresh or cached fills) rather than taken over.
    var rendered = false
    var error: BuildError? = nil

}
