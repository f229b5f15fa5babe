import Cells
import Notes
import Storage

extension Verifier {
    /// The verdicts of `notes`, in order: a note whose verification key is the one its cached
    /// verdict was made under is taken from `cache`; every other note is verified now (`jobs`
    /// at a time) and its verdict stored in `cache`. Without a cache, every note is verified.
    ///
    /// `notes` may be outlines (`Vault.load(spool:)`): a key needs only a note's path, bytes
    /// hash and links, and `Vault.fullNote(of:)` gives the whole note to verify.
    public func verdicts(of notes: [Note], cache: VerdictCache?) -> [NoteVerdict] {
        guard let cache else {
            return notes.concurrentMap(jobs: options.jobs) { outline in
                guard let note = vault.fullNote(of: outline) else { return Self.unreadable(outline) }
                return NoteVerdict(verify(note))
            }
        }
        cache.begin()
        let settings = settingsKey
        return notes.concurrentMap(jobs: options.jobs) { outline in
            let resolutions = outline.links.map { resolver.resolve($0, from: outline.id) }
            let key = verificationKey(of: outline, resolutions: resolutions, settings: settings)
            if let verdict = cache.verdict(path: outline.path, key: key) { return verdict }
            guard let note = vault.fullNote(of: outline) else { return Self.unreadable(outline) }
            let verdict = NoteVerdict(verify(note, resolutions: resolutions))
            cache.store(verdict, key: key)
            return verdict
        }
    }

    /// The verdict on a note whose whole form could not be read back from the run's scratch
    /// file: an error, so nothing in it passes unchecked (and nothing is cached).
    private static func unreadable(_ outline: Note) -> NoteVerdict {
        NoteVerdict(path: outline.path, title: outline.title, cellCount: 0, claims: [], notRunClaims: [], formulas: [],
                    diagnostics: [outline.notReadBack])
    }

    /// Everything verifying `note` depends on, as a key: its bytes and path, the settings
    /// the verifier reads, and what its links take from other notes. Two runs with the same
    /// key give the same verdict.
    public func verificationKey(of note: Note) -> String {
        verificationKey(of: note, settings: settingsKey)
    }

    private func verificationKey(of note: Note, resolutions: [LinkResolution]? = nil, settings: String) -> String {
        let resolutions = resolutions ?? note.links.map { resolver.resolve($0, from: note.id) }
        return ContentHasher.hash(settings, note.path, note.contentHash,
                                  resolver.verificationKey(links: note.links, resolutions: resolutions))
    }

    /// The settings a note's verdict depends on: this verifier's options, what it reads of
    /// the vault's configuration, and the key of the vault's settings files (which also
    /// covers how notes were parsed). Options that change only how fast it runs (`jobs`)
    /// are left out.
    var settingsKey: String {
        var hasher = ContentHasher()
        hasher.add("verdict-\(NoteVerdict.recordFormat)")
        hasher.add(BuildIdentity.current)
        hasher.add(vault.settingsKey ?? "in-memory")
        hasher.add("strict=\(options.strict) precision=\(options.precision)")
        let limits = options.limits
        hasher.add("limits=\(limits.steps),\(limits.vectorLength),\(limits.recursionDepth),\(limits.forallCases),"
                   + "\(limits.noteNumbers),\(limits.noteSteps)")
        let config = vault.config
        // Bit patterns: a key must tell apart tolerances that print alike.
        hasher.add("tolerance=" + (config.tolerance.map { String($0.bitPattern) } ?? "none"))
        hasher.add("formulas=\(config.formulas)")
        hasher.add("vault-limits=\(config.limits.diagnosticsPerNote),\(config.limits.noteNumbers),\(config.limits.noteSteps)")
        hasher.add("link-format=" + (config.obsidian?.linkFormat ?? "") + " attachments=" + (config.obsidian?.attachmentFolder ?? ""))
        // In name order: the same macros always make the same key.
        for (name, definition) in presetMacros.definitions.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            hasher.add(name)
            hasher.add("\(definition.parameters)")
            hasher.add(definition.optionalDefault ?? "\u{0}none")
            hasher.add(definition.body)
        }
        return hasher.hex
    }
}
