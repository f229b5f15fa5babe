// What a note's verification learns from the rest of the vault, as text for cache keys. The
// verdict cache of `qed check` and the manifest of `qed build` key a note's verification by
// its bytes and this: when another note is renamed, deleted or gains a heading, the notes
// whose links now lead elsewhere (or whose warnings now say something else) verify again.

extension LinkResolution {
    /// Where the link leads, as text: the same text exactly when the resolution is the same.
    public var cacheKey: String {
        switch self {
        case .note(let id, let heading):
            return "note:" + id + "#" + (heading.map { $0.anchor + "\u{1F}" + $0.text } ?? "")
        case .file(let path): return "file:" + path
        case .missingNote: return "missing"
        case .missingHeading(let id): return "missing-heading:" + id
        case .ambiguous(let ids): return "ambiguous:" + ids.joined(separator: "\u{1F}")
        }
    }
}

extension LinkResolver {
    /// Everything verifying a note takes from other notes through its links: where each link
    /// leads and, for one that leads nowhere, the hint of its warning ("did you mean …",
    /// "headings there: …"), which is drawn from other notes' names and headings and so can
    /// change while the resolution stays `missing`. `resolutions[k]` resolves `links[k]`.
    public func verificationKey(links: [WikiLink], resolutions: [LinkResolution]) -> String {
        zip(links, resolutions).map { link, resolution in
            let hint = diagnostic(for: link, resolution: resolution)?.hint
            return resolution.cacheKey + (hint.map { "\u{1F}hint:" + $0 } ?? "")
        }.joined(separator: "\n")
    }
}
