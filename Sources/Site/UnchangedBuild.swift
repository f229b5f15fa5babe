import Diagnostics
import Foundation
import Notes
import Verification
import Storage

extension SiteBuilder {
    /// A fingerprint of everything a build reads, or nil when the vault cannot be listed (the
    /// full build then reports why). Hashing the files costs a fraction of parsing them.
    func inputFingerprint(vaultRoot: String, output: OutputFolder, theme: Theme) -> String? {
        guard let listing = try? Vault.noteFiles(at: vaultRoot, excluding: output.vaultExclusions) else { return nil }
        var hasher = ContentHasher()
        hasher.add("inputs-1")
        hasher.add(SiteBuilder.rendererVersion)
        hasher.add(version)
        hasher.add("\(options.strict)")
        hasher.add(options.baseURL ?? "")
        hasher.add(theme.hash)
        for path in [Vault.configFileName, ".obsidian/app.json"] + listing.paths {
            hasher.add(path)
            hasher.add(FileManager.default.contents(atPath: listing.root + "/" + path) ?? Data("absent".utf8))
        }
        for media in VaultFiles.list(root: listing.root, excluding: output.path) {
            hasher.add(media.path)
            hasher.add(media.key)
        }
        return hasher.hex
    }

    /// The result of a build whose inputs equal those of the site already in the output
    /// folder: that site is left as it is, and its findings are reported again.
    func unchanged(_ manifest: BuildManifest, output: OutputFolder) -> BuildResult {
        let summaries = manifest.notes.values.map(\.summary)
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var stats = BuildStats()
        stats.notes = summaries.count
        stats.pagesReused = manifest.pages.keys.count { $0.hasSuffix(".html") }
        let diagnostics = SitePipeline.tally(summaries, vaultDiagnostics: manifest.vaultDiagnostics, strict: options.strict,
                                                  into: &stats)
        let succeeded = stats.errors == 0 && stats.failedClaims == 0
        return BuildResult(
            verifiedNotes: [], diagnostics: diagnostics, stats: stats, succeeded: succeeded,
            wroteSite: succeeded || options.keepGoing, output: output.path, renderedPages: [])
    }
}
