import Notes
import Storage
import Verification

/// What one build works from, fixed before any note is processed: the vault and its link
/// graph, the theme, the interface words, and each note's cache keys.
struct SitePlan: Sendable {
    let vault: Vault
    let theme: Theme
    let graph: LinkGraph
    let pages: Pages
    let words: Words
    let siteTitle: String
    let baseURL: String?
    let strict: Bool
    /// Per note (as `vault.notes`): what its verification and its page are made from.
    let keys: [NoteKeys]
    /// What every note's verification key starts with: the renderer, QED, the settings.
    let configKey: String

    /// The two keys of a note. Equal keys mean an equal result, so the previous one is reused.
    struct NoteKeys: Sendable {
        /// The note's bytes, path, the settings verification reads and where its links lead.
        let verification: String
        /// The verification key, the theme, the site title and what the page shows of other notes.
        let page: String
    }

    /// - Parameters:
    ///   - previous: The plan of the build before (the preview's): a note whose bytes, path
    ///     and resolutions are unchanged (`LinkGraph.reResolved`) keeps its verification key.
    init(vault: Vault, graph: LinkGraph, theme: Theme, options: BuildOptions, version: String,
         previous: SitePlan? = nil) {
        self.vault = vault
        self.graph = graph
        self.theme = theme
        siteTitle = vault.config.title ?? ""
        baseURL = options.baseURL ?? vault.config.baseURL
        strict = options.strict
        let showDiagnostics = options.showDiagnostics || vault.config.showDiagnostics
        words = Words(vault.config.language ?? NoteLanguage.majority(of: vault.notes), overrides: theme.words)
        pages = Pages(siteTitle: siteTitle, version: version, showDiagnostics: showDiagnostics, words: words,
                      highlighter: theme.hasHighlighter)
        // The settings files' bytes (`Vault.settingsKey`) stand for everything the verifier
        // reads of them (formulas, limits, macros, tolerance…): changing any re-verifies.
        let configKey = ContentHasher.hash(
            SiteBuilder.rendererVersion, version, vault.settingsKey ?? "", "\(options.strict)", "\(vault.config.tolerance ?? -1)",
            "\(vault.config.allowRawHTML)", "\(showDiagnostics)", "\(vault.config.hardLineBreaks)",
            vault.config.obsidian?.linkFormat ?? "", vault.config.obsidian?.attachmentFolder ?? "", words.key)
        self.configKey = configKey
        let notes = vault.notes
        let (themeHash, siteTitle) = (theme.hash, siteTitle)
        let earlier = previous.flatMap { previous -> SitePlan? in
            guard previous.configKey == configKey, graph.reResolved != nil,
                  previous.vault.notes.count == notes.count else { return nil }
            return previous
        }
        let reResolved = graph.reResolved ?? []
        // Every note's keys hash its links and neighbours: on all cores.
        keys = Array(notes.indices).concurrentMap(jobs: options.jobs) { i in
            let verification: String
            if let earlier, !reResolved.contains(i), earlier.vault.notes[i].contentHash == notes[i].contentHash,
               earlier.vault.notes[i].path == notes[i].path {
                verification = earlier.keys[i].verification
            } else {
                verification = ContentHasher.hash(configKey, notes[i].path, notes[i].contentHash, graph.resolutionKey(i))
            }
            return NoteKeys(verification: verification,
                            page: ContentHasher.hash(verification, themeHash, siteTitle, graph.neighbourhoodKey(i)))
        }
    }

    var verificationOptions: VerificationOptions { VerificationOptions(strict: strict, jobs: 1) }
}
