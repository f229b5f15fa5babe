import Diagnostics
import Foundation
import Notes
import Verification
import Storage

extension SiteBuilder {
    /// What the no-change check read: a fingerprint of everything a build reads, and each
    /// note's content hash, so the build that follows does not read the notes again.
    struct Inputs {
        var fingerprint: String
        var contentKeys: [String: String]
    }

    /// The build's inputs, or nil when the vault cannot be listed (the full build then reports
    /// why). Hashing the files costs a fraction of parsing them.
    func inputs(vaultRoot: String, output: OutputFolder, theme: Theme) -> Inputs? {
        guard let listing = try? Vault.noteFiles(at: vaultRoot, excluding: output.vaultExclusions) else { return nil }
        var hasher = ContentHasher()
        hasher.add("inputs-2")
        hasher.add(SiteBuilder.rendererVersion)
        hasher.add(version)
        hasher.add("\(options.strict)")
        hasher.add(options.baseURL ?? "")
        hasher.add(theme.hash)
        var contentKeys: [String: String] = [:]
        for path in [Vault.configFileName, ".obsidian/app.json"] {
            hasher.add(path)
            hasher.add(readFile(listing.root + "/" + path) ?? Array("absent".utf8))
        }
        for path in listing.paths {
            let key = readFile(listing.root + "/" + path).map { NoteCache.contentKey(of: $0) }
            hasher.add(path)
            hasher.add(key ?? "absent")
            if let key { contentKeys[path] = key }
        }
        // Media by size and modification time, as the build copies them (`IndexPagesStage`).
        for path in listing.media {
            var info = stat()
            guard stat(listing.root + "/" + path, &info) == 0 else { continue }
            hasher.add(path)
            hasher.add("\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        return Inputs(fingerprint: hasher.hex, contentKeys: contentKeys)
    }

    /// The result of a build whose inputs equal those of the site already in the output
    /// folder: that site is left as it is, and its findings are reported again.
    func unchanged(_ outcome: Outcome, output: OutputFolder) -> BuildResult {
        let succeeded = outcome.stats.errors == 0 && outcome.stats.failedClaims == 0
        return BuildResult(
            verifiedNotes: [], diagnostics: outcome.diagnostics, stats: outcome.stats, succeeded: succeeded,
            wroteSite: succeeded || options.keepGoing, output: output.path, renderedPages: [])
    }
}
